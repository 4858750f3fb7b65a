"""Gateway additions for the emulator's Amazon Connect (imports LocalStack).

- `GET /_aws/connect/chat-integration-events`: every SendChatIntegrationEvent that arrived (from
  inbound routing or the API), oldest first; query filters accountId, region, instanceId,
  instanceArn, phoneNumber, sourceId, destinationId, initialContactId, inboundMessageId.
- A service-router rule for the signing name `connect`. Two service models sign as `connect`
  (connect and connect-contact-lens), so LocalStack 4.14 cannot tell them apart by signing name
  and, for a request to 127.0.0.1:4566, falls through to its legacy S3 rules: every GET (e.g.
  DescribeInstance, GET /instance/<id>) and PUT /instance (CreateInstance) would reach S3. The
  rule sends /realtime-contact-analysis/... to contact lens and everything else to connect,
  which is what the two models' request URIs say. It must be installed before the first Connect
  request, hence the on_infra_start hook (hooks.py).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable, Mapping
from typing import Any

from localstack.aws.protocol import service_router
from localstack.aws.spec import ServiceModelIdentifier
from localstack.http import Request, Response, route
from localstack.services.edge import ROUTER

from two_way_sms.emulator.connect.store import LOCK, emulator_connect_store

CHAT_EVENTS_PATH = "/_aws/connect/chat-integration-events"
_FILTERS = (
    "accountId",
    "region",
    "instanceId",
    "instanceArn",
    "phoneNumber",
    "sourceId",
    "destinationId",
    "initialContactId",
    "inboundMessageId",
)
CONNECT_SIGNING_RULES = {
    "/realtime-contact-analysis/": ServiceModelIdentifier("connect-contact-lens"),
    "*": ServiceModelIdentifier("connect"),
}

_registered = False
_registration_lock = threading.Lock()


def _filtered(records: Iterable[Mapping[str, Any]], request: Request) -> list[Mapping[str, Any]]:
    wanted = {key: request.args[key] for key in _FILTERS if request.args.get(key)}
    return [r for r in records if all(r.get(k) == v for k, v in wanted.items())]


class ConnectDeveloperApi:
    @route(CHAT_EVENTS_PATH, methods=["GET"])
    def list_chat_integration_events(self, request: Request, **_: Any) -> Response:
        with LOCK:
            records = list(emulator_connect_store().CHAT_EVENTS)
        body = {"chatIntegrationEvents": _filtered(records, request)}
        return Response(json.dumps(body, default=str), status=200, mimetype="application/json")


def install_service_routing() -> None:
    """Route requests signed for `connect` to the connect model (idempotent)."""
    rules = service_router.signing_name_path_prefix_rules
    if "connect" not in rules:
        rules["connect"] = dict(CONNECT_SIGNING_RULES)


def register_connect_routes() -> None:
    """The service-router rule and the GET endpoint (the endpoint once per process)."""
    global _registered
    install_service_routing()
    with _registration_lock:
        if not _registered:
            ROUTER.add(ConnectDeveloperApi())
            _registered = True
