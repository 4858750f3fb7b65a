"""The emulator's state, per account and region, in LocalStack's store machinery.

`sms_voice_stores[account_id][region]` is the `SmsVoiceStore` of one account and region.
Cross-account attributes hold what must be unique or listed across all of them: the counters
that make phone numbers unique, and the logs of inbound outcomes and outbound messages.
Imports LocalStack: used only inside the LocalStack process (provider, routes).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

from localstack.services.stores import (
    AccountRegionBundle,
    BaseStore,
    CrossAccountAttribute,
    LocalAttribute,
)

from two_way_sms.emulator.sms_voice.models import (
    ConfigurationSet,
    OptOutList,
    OutboundMessage,
    PhoneNumber,
)

SERVICE_NAME = "pinpoint-sms-voice-v2"
# One lock for every change to the emulator's state (requests run on many threads).
LOCK = threading.RLock()
# The store whose cross-account attributes the emulator-wide logs are read through.
_ANY_ACCOUNT = "000000000000"
_ANY_REGION = "us-east-1"


class SmsVoiceStore(BaseStore):
    phone_numbers: dict[str, PhoneNumber] = LocalAttribute(default=dict)  # by PhoneNumberId
    opt_out_lists: dict[str, OptOutList] = LocalAttribute(default=dict)  # by name
    configuration_sets: dict[str, ConfigurationSet] = LocalAttribute(default=dict)  # by name
    tags: dict[str, dict[str, str]] = LocalAttribute(default=dict)  # by resource ARN
    # (operation, ClientToken) -> id of what that call created, for idempotent retries
    client_tokens: dict[tuple[str, str], str] = LocalAttribute(default=dict)

    NUMBER_SEQUENCES: dict[str, int] = CrossAccountAttribute(default=dict)
    INBOUND: list[dict[str, Any]] = CrossAccountAttribute(default=list)
    OUTBOUND: list[OutboundMessage] = CrossAccountAttribute(default=list)


sms_voice_stores: AccountRegionBundle[SmsVoiceStore] = AccountRegionBundle(
    SERVICE_NAME, SmsVoiceStore
)


def emulator_store() -> SmsVoiceStore:
    """A store to reach the cross-account attributes through."""
    return sms_voice_stores[_ANY_ACCOUNT][_ANY_REGION]


def all_stores() -> Iterator[SmsVoiceStore]:
    for region_bundle in list(sms_voice_stores.values()):
        yield from list(region_bundle.values())


def find_phone_number(
    e164: str, account_id: str | None = None, region: str | None = None
) -> PhoneNumber | None:
    """The emulated number with this E.164 string, optionally in one account and/or region."""
    for store in all_stores():
        for number in store.phone_numbers.values():
            if (
                number.phone_number == e164
                and account_id in (None, number.account_id)
                and region in (None, number.region)
            ):
                return number
    return None
