"""boto3 sessions and clients for the CLI: --region, --endpoint-url, short timeouts."""

from __future__ import annotations

from typing import Any

import boto3
from botocore.config import Config
from botocore.exceptions import BotoCoreError

from two_way_sms.cli.errors import CliError
from two_way_sms.identifiers import parse_arn

# Fail fast on a wrong endpoint instead of boto3's default minute of retries.
CLIENT_CONFIG = Config(
    retries={"max_attempts": 3, "mode": "standard"}, connect_timeout=5, read_timeout=30
)


def open_session(region: str | None) -> boto3.Session:
    """A boto3 session (credentials and region from the usual places unless `region`). Tests
    replace this function to watch every call."""
    return boto3.Session(region_name=region)


def resolve_region(region: str | None, resource: str | None, session: boto3.Session) -> str:
    """--region, else the region of a resource ARN given, else the session's (AWS_REGION...)."""
    if region:
        return region
    arn = parse_arn(resource or "")
    if arn and arn.region:
        return arn.region
    if session.region_name:
        return str(session.region_name)
    raise CliError("no AWS region: pass --region or set AWS_REGION (or AWS_DEFAULT_REGION)")


class Clients:
    """One client per service and region, all at the same endpoint (None: AWS, or
    AWS_ENDPOINT_URL, which boto3 reads itself)."""

    def __init__(self, session: boto3.Session, region: str, endpoint_url: str | None) -> None:
        self.session, self.region, self.endpoint_url = session, region, endpoint_url
        self._made: dict[tuple[str, str], Any] = {}

    def __call__(self, service: str, region: str | None = None) -> Any:
        key = (service, region or self.region)
        if key not in self._made:
            try:
                self._made[key] = self.session.client(
                    service,  # type: ignore[call-overload]
                    region_name=key[1],
                    endpoint_url=self.endpoint_url,
                    config=CLIENT_CONFIG,
                )
            except BotoCoreError as error:
                raise CliError(f"cannot create the {service} client: {error}") from error
        return self._made[key]


def open_clients(region: str | None, resource: str | None, endpoint_url: str | None) -> Clients:
    session = open_session(region)
    return Clients(session, resolve_region(region, resource, session), endpoint_url)
