"""The minimal Amazon Connect of the emulator, as plain data (no LocalStack imports).

Instances, numbers imported from End User Messaging SMS (Connect's "claimed" numbers) and the
chat contacts that SendChatIntegrationEvent opens, plus the checks of that call's identifiers.
The provider (provider.py) keeps them in the store (store.py) and turns them into API shapes
with the `information`/`summary` methods below; inbound routing reaches them through
sms_voice/localstack_aws.py.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from two_way_sms.emulator.clock import utcnow
from two_way_sms.identifiers import E164, parse_arn

CONNECT_SERVICE = "connect"
# SendChatIntegrationEvent's Subtype for SMS; AWS also lists WhatsApp. Compared
# case-insensitively (the API reference writes both "connect:SMS" and "connect:sms").
SMS_SUBTYPE = "connect:SMS"
SUBTYPES = ("connect:SMS", "connect:WhatsApp")
CHAT_EVENT_TYPES = ("MESSAGE", "EVENT", "DISCONNECT")
# IdentityManagementType values; EXISTING_DIRECTORY needs AWS Directory Service (not emulated).
IDENTITY_TYPES = ("CONNECT_MANAGED", "SAML", "EXISTING_DIRECTORY")
# The emulator's choice for a claimed number's Connect PhoneNumberType, from the End User
# Messaging SMS NumberType it was imported from (anything else: DID, a direct-dial number).
_PHONE_NUMBER_TYPES = {"TOLL_FREE": "TOLL_FREE", "SHORT_CODE": "SHORT_CODE"}


def connect_arn(partition: str, region: str, account: str, kind: str, resource_id: str) -> str:
    """arn:<partition>:connect:<region>:<account>:<kind>/<id> (kind: instance, phone-number)."""
    return f"arn:{partition}:connect:{region}:{account}:{kind}/{resource_id}"


def new_id() -> str:
    return str(uuid.uuid4())


def connect_phone_number_type(sms_voice_number_type: str) -> str:
    return _PHONE_NUMBER_TYPES.get(sms_voice_number_type, "DID")


def service_linked_role(partition: str, account: str) -> str:
    """The role Connect creates for an instance (AWSServiceRoleForAmazonConnect_<suffix>)."""
    suffix = uuid.uuid4().hex[:20]
    return (
        f"arn:{partition}:iam::{account}:role/aws-service-role/connect.amazonaws.com/"
        f"AWSServiceRoleForAmazonConnect_{suffix}"
    )


def own_resource_id(identifier: str, kind: str, account: str, region: str) -> str | None:
    """The id inside `identifier` when it is an id or a Connect ARN of this kind, account and
    region; None for an ARN of anything else."""
    arn = parse_arn(identifier)
    if arn is None:
        return identifier
    if (
        arn.service != CONNECT_SERVICE
        or arn.account != account
        or arn.region != region
        or arn.resource_type != kind
    ):
        return None
    return arn.resource_name


@dataclass
class ConnectInstance:
    instance_id: str
    arn: str
    account_id: str
    region: str
    identity_management_type: str
    alias: str | None
    inbound_calls_enabled: bool
    outbound_calls_enabled: bool
    service_role: str
    status: str = "ACTIVE"
    created: datetime = field(default_factory=utcnow)
    tags: dict[str, str] = field(default_factory=dict)

    @property
    def access_url(self) -> str:
        return f"https://{self.alias or self.instance_id}.my.connect.aws"

    def summary(self) -> dict[str, Any]:
        """InstanceSummary (ListInstances)."""
        info: dict[str, Any] = {
            "Id": self.instance_id,
            "Arn": self.arn,
            "IdentityManagementType": self.identity_management_type,
            "CreatedTime": self.created,
            "ServiceRole": self.service_role,
            "InstanceStatus": self.status,
            "InboundCallsEnabled": self.inbound_calls_enabled,
            "OutboundCallsEnabled": self.outbound_calls_enabled,
            "InstanceAccessUrl": self.access_url,
        }
        if self.alias:
            info["InstanceAlias"] = self.alias
        return info

    def information(self) -> dict[str, Any]:
        """Instance (DescribeInstance)."""
        info = self.summary()
        if self.tags:
            info["Tags"] = dict(self.tags)
        return info


@dataclass
class ClaimedNumber:
    """An End User Messaging SMS number imported into an instance (ImportPhoneNumber)."""

    phone_number_id: str
    arn: str
    phone_number: str  # E.164
    country_code: str
    phone_number_type: str
    instance_id: str
    instance_arn: str
    source_phone_number_arn: str
    description: str | None = None
    tags: dict[str, str] = field(default_factory=dict)
    created: datetime = field(default_factory=utcnow)

    @property
    def target_arn(self) -> str:
        """What inbound traffic is routed through: the instance."""
        return self.instance_arn

    def summary(self) -> dict[str, Any]:
        """ListPhoneNumbersSummary (ListPhoneNumbersV2)."""
        info: dict[str, Any] = {
            "PhoneNumberId": self.phone_number_id,
            "PhoneNumberArn": self.arn,
            "PhoneNumber": self.phone_number,
            "PhoneNumberCountryCode": self.country_code,
            "PhoneNumberType": self.phone_number_type,
            "TargetArn": self.instance_arn,
            "InstanceId": self.instance_id,
            "SourcePhoneNumberArn": self.source_phone_number_arn,
        }
        if self.description is not None:
            info["PhoneNumberDescription"] = self.description
        return info

    def information(self) -> dict[str, Any]:
        """ClaimedPhoneNumberSummary (DescribePhoneNumber)."""
        info = self.summary()
        info["PhoneNumberStatus"] = {"Status": "CLAIMED"}
        if self.tags:
            info["Tags"] = dict(self.tags)
        return info

    def filter_matches(
        self, country_codes: list[str] | None, types: list[str] | None, prefix: str | None
    ) -> bool:
        """ListPhoneNumbersV2's PhoneNumberCountryCodes, PhoneNumberTypes, PhoneNumberPrefix."""
        if country_codes and self.country_code not in country_codes:
            return False
        if types and self.phone_number_type not in types:
            return False
        if prefix:
            wanted = prefix if prefix.startswith("+") else f"+{prefix}"
            if not self.phone_number.startswith(wanted):
                return False
        return True


@dataclass
class ChatContact:
    """A chat that SendChatIntegrationEvent started; it stays active until a DISCONNECT."""

    contact_id: str
    source_id: str
    destination_id: str
    subtype: str | None
    instance_arn: str
    active: bool = True
    created: datetime = field(default_factory=utcnow)


def chat_key(source_id: str, destination_arn: str, subtype: str | None) -> tuple[str, str, str]:
    """SourceId, DestinationId and Subtype "uniquely represent a chat" (API reference)."""
    return (source_id, destination_arn, (subtype or "").lower())


def normalized_subtype(subtype: str | None) -> str | None:
    """The canonical spelling of a known Subtype, None when absent; ValueError if unknown."""
    if subtype is None:
        return None
    for known in SUBTYPES:
        if subtype.lower() == known.lower():
            return known
    raise ValueError(f"Invalid Subtype {subtype!r}: the valid values are {', '.join(SUBTYPES)}")


def check_chat_event(subtype: str | None, source_id: str, event: dict[str, Any]) -> str | None:
    """Why a SendChatIntegrationEvent request is invalid (InvalidRequestException), or None."""
    if subtype == SMS_SUBTYPE and not E164.fullmatch(source_id):
        return (
            f"Invalid SourceId {source_id!r}: for SMS it is the E.164 phone number of the "
            "chat customer participant, such as +14255550182"
        )
    event_type = event.get("Type")
    if event_type not in CHAT_EVENT_TYPES:
        return f"Invalid Event.Type {event_type!r}: use one of {', '.join(CHAT_EVENT_TYPES)}"
    if event_type == "MESSAGE" and not event.get("Content"):
        return "Event.Content is required for a MESSAGE event"
    return None


def destination_matches(claim: ClaimedNumber, destination_id: str) -> bool:
    """DestinationId names the imported number: for SMS the AWS reference says it is "the phone
    number destination of inbound SMS messages represented by an AWS End User Messaging phone
    number ARN"; the number in E.164 form is accepted too."""
    return destination_id in (claim.source_phone_number_arn, claim.phone_number)
