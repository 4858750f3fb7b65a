"""The Amazon Connect emulator's state, per account and region (LocalStack's store machinery).

`connect_stores[account_id][region]` holds that account's instances, imported numbers and open
chats. Cross-account: the log of chat integration events (GET /_aws/connect/...), and instance
aliases, which AWS keeps unique because they name the access URL
(https://<alias>.my.connect.aws). Regions are not validated: LocalStack's list of Connect
Regions is shorter than End User Messaging SMS's, and the emulator does not restrict either.
The same lock as the End User Messaging SMS store guards every change.
Imports LocalStack: used only inside the LocalStack process.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from localstack.services.stores import (
    AccountRegionBundle,
    BaseStore,
    CrossAccountAttribute,
    LocalAttribute,
)

from two_way_sms.emulator.connect.models import ChatContact, ClaimedNumber, ConnectInstance
from two_way_sms.emulator.sms_voice.store import LOCK

SERVICE_NAME = "connect"
_ANY_ACCOUNT = "000000000000"
_ANY_REGION = "us-east-1"

__all__ = ["LOCK", "ConnectStore", "all_connect_stores", "connect_store", "connect_stores"]


class ConnectStore(BaseStore):
    instances: dict[str, ConnectInstance] = LocalAttribute(default=dict)  # by instance id
    phone_numbers: dict[str, ClaimedNumber] = LocalAttribute(default=dict)  # by Connect id
    # (SourceId, DestinationId as number ARN, Subtype) -> the chat those identifiers open
    chats: dict[tuple[str, str, str], ChatContact] = LocalAttribute(default=dict)
    # (operation, ClientToken) -> (request fingerprint, id of what the call created)
    client_tokens: dict[tuple[str, str], tuple[str, str]] = LocalAttribute(default=dict)

    CHAT_EVENTS: list[dict[str, Any]] = CrossAccountAttribute(default=list)


connect_stores: AccountRegionBundle[ConnectStore] = AccountRegionBundle(
    SERVICE_NAME, ConnectStore, validate=False
)


def connect_store(account_id: str, region: str) -> ConnectStore:
    return connect_stores[account_id][region]


def emulator_connect_store() -> ConnectStore:
    """A store to reach the cross-account attributes through."""
    return connect_stores[_ANY_ACCOUNT][_ANY_REGION]


def all_connect_stores() -> Iterator[ConnectStore]:
    for region_bundle in list(connect_stores.values()):
        yield from list(region_bundle.values())
