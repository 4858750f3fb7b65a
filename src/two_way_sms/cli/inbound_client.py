"""POST a simulated customer SMS to the emulator's /_aws/sms-voice/inbound-messages."""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.request
from typing import Any

from two_way_sms.cli.errors import CliError

INBOUND_PATH = "/_aws/sms-voice/inbound-messages"
DEFAULT_ENDPOINT = "http://localhost:4566"


def endpoint_or_default(endpoint_url: str | None) -> str:
    """--endpoint-url, else AWS_ENDPOINT_URL, else LocalStack's default."""
    return (endpoint_url or os.environ.get("AWS_ENDPOINT_URL") or DEFAULT_ENDPOINT).rstrip("/")


def post_inbound(endpoint: str, message: dict[str, Any], timeout: float = 30) -> dict[str, Any]:
    """The emulator's answer for a delivered or dropped message; CliError for anything else."""
    url = f"{endpoint}{INBOUND_PATH}"
    request = urllib.request.Request(
        url,
        data=json.dumps(message).encode(),
        method="POST",
        headers={"Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            answer: dict[str, Any] = json.loads(response.read() or b"{}")
            return answer
    except urllib.error.HTTPError as error:
        raise CliError(_explain_http_error(url, error, message)) from error
    except (urllib.error.URLError, TimeoutError, ConnectionError) as error:
        reason = getattr(error, "reason", error)
        raise CliError(
            f"POST {url}: cannot reach the emulator ({reason}): start LocalStack with the "
            "emulator (scripts/localstack.sh up) or pass --endpoint-url"
        ) from error
    except json.JSONDecodeError as error:
        raise CliError(f"POST {url}: the answer is not JSON: is this the emulator?") from error


def _explain_http_error(url: str, error: urllib.error.HTTPError, message: dict[str, Any]) -> str:
    try:
        detail = str(json.loads(error.read() or b"{}").get("error", ""))
    except (json.JSONDecodeError, AttributeError):
        detail = ""
    if error.code == 404 and detail:
        return (
            f"POST {url}: {detail}: --to must be a number requested from the emulator "
            "(aws pinpoint-sms-voice-v2 describe-phone-numbers lists them)"
        )
    if error.code == 404:
        return (
            f"POST {url}: not found: the endpoint has no two-way SMS emulator; pass the "
            "--endpoint-url of a LocalStack started by scripts/localstack.sh up"
        )
    if error.code == 400:
        return f"POST {url}: the emulator refused the message: {detail or error.reason}"
    return f"POST {url}: HTTP {error.code} {error.reason}: {detail}".rstrip(": ")
