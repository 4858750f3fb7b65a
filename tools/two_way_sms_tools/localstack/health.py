"""Is LocalStack up, with every service this project needs? Read-only HTTP checks."""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Iterable, Mapping
from typing import Any

from two_way_sms.cli.inbound_client import INBOUND_PATH
from two_way_sms_tools.localstack.settings import Settings

# Services the project's tests, the emulator and the responder need: `up` waits for all of them.
REQUIRED_SERVICES = (
    "iam",
    "kms",
    "s3",
    "sns",
    "sqs",
    "sts",
    "pinpoint-sms-voice-v2",
    "lambda",
    "logs",
)
READY_STATES = frozenset({"available", "running"})


def health(settings: Settings, timeout: float = 2.0) -> dict[str, Any] | None:
    """LocalStack's /_localstack/health document, or None when nothing answers there."""
    url = f"{settings.endpoint}/_localstack/health"
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            data = json.loads(response.read().decode())
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def missing_services(
    document: Mapping[str, Any] | None, required: Iterable[str] = REQUIRED_SERVICES
) -> list[str]:
    services = (document or {}).get("services") or {}
    return [name for name in required if services.get(name) not in READY_STATES]


def inbound_route_registered(settings: Settings) -> bool:
    try:
        with urllib.request.urlopen(f"{settings.endpoint}{INBOUND_PATH}", timeout=2) as response:
            return bool(response.status == 200)
    except (OSError, ValueError):
        return False
