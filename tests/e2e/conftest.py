"""End-to-end fixtures: LocalStack (with the pinpoint-sms-voice-v2 emulator) and AWS clients.

`localstack` reuses a healthy instance at the configured endpoint (LOCALSTACK_LISTEN_HOST /
LOCALSTACK_PORT, default 127.0.0.1:4566) or starts one with `two_way_sms_tools.localstack` and
stops it when the session ends - only if a test session started it, and only once the last
pytest-xdist worker using it is done (a lease each).

Clients come from `two_way_sms_tools.localstack.clients` (plain boto3 with `endpoint_url`, the
same as the demo's and the benchmark's). Credentials "test" map to LocalStack's default account
000000000000, as Terraform's do; an access key that is a 12-digit number selects that account.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from two_way_sms.cli.inbound_client import INBOUND_PATH
from two_way_sms_tools.localstack import leases
from two_way_sms_tools.localstack.clients import (
    DEFAULT_ACCOUNT,
    REGION,
    Subscriber,
    client,
    subscribe_queue,
)
from two_way_sms_tools.localstack.process import Started
from two_way_sms_tools.localstack.settings import Settings
from two_way_sms_tools.responder_deployment import OUTBOUND_PATH

CHAT_EVENTS_ROUTE = "/_aws/connect/chat-integration-events"

ClientFactory = Callable[..., Any]


@pytest.fixture(scope="session")
def localstack(project_root: Path) -> Iterator[Started]:
    settings = Settings.from_env(root=project_root)
    with leases.lease(settings) as started:
        yield started


@pytest.fixture(scope="session")
def localstack_endpoint(localstack: Started) -> str:
    return localstack.endpoint


@pytest.fixture(scope="session")
def client_factory(localstack_endpoint: str) -> ClientFactory:
    """client_factory(service, account=DEFAULT_ACCOUNT, region=REGION) -> boto3 client."""

    def make(service: str, account: str = DEFAULT_ACCOUNT, region: str = REGION) -> Any:
        return client(service, localstack_endpoint, region=region, account=account)

    return make


@pytest.fixture(scope="session")
def aws(client_factory: ClientFactory) -> Callable[[str], Any]:
    """aws(service) -> a client of the default account and region."""
    return lambda service: client_factory(service)


@pytest.fixture(scope="session")
def sms_voice(client_factory: ClientFactory) -> Any:
    return client_factory("pinpoint-sms-voice-v2")


@pytest.fixture(scope="session")
def sns(client_factory: ClientFactory) -> Any:
    return client_factory("sns")


@pytest.fixture(scope="session")
def sqs(client_factory: ClientFactory) -> Any:
    return client_factory("sqs")


@pytest.fixture(scope="session")
def iam(client_factory: ClientFactory) -> Any:
    return client_factory("iam")


@pytest.fixture(scope="session")
def kms(client_factory: ClientFactory) -> Any:
    return client_factory("kms")


@pytest.fixture(scope="session")
def sts(client_factory: ClientFactory) -> Any:
    return client_factory("sts")


def _http(method: str, url: str, body: dict[str, Any] | None = None) -> tuple[int, dict[str, Any]]:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(
        url, data=data, method=method, headers={"Content-Type": "application/json"}
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")


def _log_reader(endpoint: str, route: str, key: str) -> Callable[..., list[dict[str, Any]]]:
    """read(**filters) -> the records under `key` of a GET of the emulator's `route`."""

    def read(**filters: str) -> list[dict[str, Any]]:
        query = urllib.parse.urlencode(filters)
        status, body = _http("GET", f"{endpoint}{route}?{query}")
        assert status == 200, body
        return list(body[key])

    return read


@pytest.fixture(scope="session")
def send_inbound(localstack_endpoint: str) -> Callable[..., dict[str, Any]]:
    """send_inbound(originationNumber=..., destinationNumber=..., messageBody=..., [...]) posts
    a simulated customer SMS and returns the emulator's answer; `expect_status` (default 200)
    is asserted."""

    def send(expect_status: int = 200, **fields: Any) -> dict[str, Any]:
        status, answer = _http("POST", f"{localstack_endpoint}{INBOUND_PATH}", fields)
        assert status == expect_status, (status, answer)
        return answer

    return send


@pytest.fixture(scope="session")
def inbound_log(localstack_endpoint: str) -> Callable[..., list[dict[str, Any]]]:
    """inbound_log(**filters) -> the emulator's inbound outcomes (GET, query filters)."""
    return _log_reader(localstack_endpoint, INBOUND_PATH, "inboundMessages")


@pytest.fixture(scope="session")
def outbound_log(localstack_endpoint: str) -> Callable[..., list[dict[str, Any]]]:
    """outbound_log(**filters) -> SendTextMessage records and keyword auto-responses."""
    return _log_reader(localstack_endpoint, OUTBOUND_PATH, "outboundMessages")


@pytest.fixture(scope="session")
def chat_events(localstack_endpoint: str) -> Callable[..., list[dict[str, Any]]]:
    """chat_events(**filters) -> the emulated Amazon Connect's chat integration events
    (filters: accountId, region, instanceId, inboundMessageId, sourceId, ...)."""
    return _log_reader(localstack_endpoint, CHAT_EVENTS_ROUTE, "chatIntegrationEvents")


@pytest.fixture
def subscribed_queue(
    localstack_endpoint: str, aws: Callable[[str], Any]
) -> Iterator[Callable[[str], str]]:
    """subscribe(topic_arn) -> URL of a fresh SQS queue subscribed to it (SNS envelope kept);
    queues and subscriptions are removed after the test."""
    created: list[Subscriber] = []

    def subscribe(topic_arn: str) -> str:
        name = f"e2e-{uuid.uuid4().hex[:12]}"
        created.append(subscribe_queue(localstack_endpoint, topic_arn, name, raw=False))
        return created[-1].queue_url

    yield subscribe
    sqs, sns = aws("sqs"), aws("sns")
    for subscriber in created:
        sns.unsubscribe(SubscriptionArn=subscriber.subscription_arn)
        sqs.delete_queue(QueueUrl=subscriber.queue_url)
