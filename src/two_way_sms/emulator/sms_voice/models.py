"""The emulator's resources as plain data (no LocalStack imports: unit tests use these directly).

One instance of each lives in the LocalStack store of its account and region (store.py); the
provider (provider.py) turns them into API shapes with the `*_information` functions below.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from two_way_sms.emulator.clock import utcnow

DEFAULT_OPT_OUT_LIST = "Default"

# Keyword actions (KeywordAction in the API).
AUTOMATIC_RESPONSE = "AUTOMATIC_RESPONSE"
OPT_OUT = "OPT_OUT"
OPT_IN = "OPT_IN"


def sms_voice_arn(partition: str, region: str, account: str, kind: str, name: str) -> str:
    """arn:<partition>:sms-voice:<region>:<account>:<kind>/<name> (kind: phone-number, ...)."""
    return f"arn:{partition}:sms-voice:{region}:{account}:{kind}/{name}"


@dataclass
class Keyword:
    keyword: str
    message: str
    action: str = AUTOMATIC_RESPONSE

    def information(self) -> dict[str, Any]:
        return {
            "Keyword": self.keyword,
            "KeywordMessage": self.message,
            "KeywordAction": self.action,
        }

    def filter_values(self, name: str) -> list[str]:
        return [self.action] if name == "keyword-action" else []


@dataclass
class PhoneNumber:
    phone_number_id: str
    arn: str
    phone_number: str
    account_id: str
    region: str
    iso_country_code: str
    message_type: str
    number_capabilities: list[str]
    number_type: str
    monthly_leasing_price: str
    status: str = "ACTIVE"
    two_way_enabled: bool = False
    two_way_channel_arn: str | None = None
    two_way_channel_role: str | None = None
    self_managed_opt_outs_enabled: bool = False
    opt_out_list_name: str = DEFAULT_OPT_OUT_LIST
    international_sending_enabled: bool = False
    deletion_protection_enabled: bool = False
    registration_id: str | None = None
    created: datetime = field(default_factory=utcnow)
    # Upper-cased keyword -> Keyword; HELP and STOP are added at creation (keywords.py).
    keywords: dict[str, Keyword] = field(default_factory=dict)

    def information(self) -> dict[str, Any]:
        """PhoneNumberInformation (also the body of Request/Update/ReleasePhoneNumber)."""
        info: dict[str, Any] = {
            "PhoneNumberArn": self.arn,
            "PhoneNumberId": self.phone_number_id,
            "PhoneNumber": self.phone_number,
            "Status": self.status,
            "IsoCountryCode": self.iso_country_code,
            "MessageType": self.message_type,
            "NumberCapabilities": list(self.number_capabilities),
            "NumberType": self.number_type,
            "MonthlyLeasingPrice": self.monthly_leasing_price,
            "TwoWayEnabled": self.two_way_enabled,
            "SelfManagedOptOutsEnabled": self.self_managed_opt_outs_enabled,
            "OptOutListName": self.opt_out_list_name,
            "InternationalSendingEnabled": self.international_sending_enabled,
            "DeletionProtectionEnabled": self.deletion_protection_enabled,
            "CreatedTimestamp": self.created,
        }
        if self.two_way_channel_arn:
            info["TwoWayChannelArn"] = self.two_way_channel_arn
        if self.two_way_channel_role:
            info["TwoWayChannelRole"] = self.two_way_channel_role
        if self.registration_id:
            info["RegistrationId"] = self.registration_id
        return info

    def filter_values(self, name: str) -> list[str]:
        """The values DescribePhoneNumbers' filter `name` compares against."""
        values: dict[str, list[str]] = {
            "status": [self.status],
            "iso-country-code": [self.iso_country_code],
            "message-type": [self.message_type],
            "number-capability": list(self.number_capabilities),
            "number-type": [self.number_type],
            "two-way-enabled": [_bool(self.two_way_enabled)],
            "self-managed-opt-outs-enabled": [_bool(self.self_managed_opt_outs_enabled)],
            "opt-out-list-name": [self.opt_out_list_name],
            "deletion-protection-enabled": [_bool(self.deletion_protection_enabled)],
            "two-way-channel-arn": [self.two_way_channel_arn or ""],
        }
        return values.get(name, [])


@dataclass
class OptedOutNumber:
    number: str
    timestamp: datetime = field(default_factory=utcnow)
    end_user_opted_out: bool = False

    def information(self) -> dict[str, Any]:
        return {
            "OptedOutNumber": self.number,
            "OptedOutTimestamp": self.timestamp,
            "EndUserOptedOut": self.end_user_opted_out,
        }

    def filter_values(self, name: str) -> list[str]:
        return [_bool(self.end_user_opted_out)] if name == "end-user-opted-out" else []


@dataclass
class OptOutList:
    name: str
    arn: str
    created: datetime = field(default_factory=utcnow)
    numbers: dict[str, OptedOutNumber] = field(default_factory=dict)

    def information(self) -> dict[str, Any]:
        return {
            "OptOutListArn": self.arn,
            "OptOutListName": self.name,
            "CreatedTimestamp": self.created,
        }

    def opt_out(self, number: str, *, end_user: bool, when: datetime | None = None) -> bool:
        """Add number; True when it was not on the list yet. A manual entry (PutOptedOutNumber)
        made by the end user's keyword later keeps its timestamp but records end_user=True."""
        existing = self.numbers.get(number)
        if existing is not None:
            existing.end_user_opted_out = existing.end_user_opted_out or end_user
            return False
        self.numbers[number] = OptedOutNumber(number, when or utcnow(), end_user)
        return True

    def opt_in(self, number: str) -> bool:
        """Remove number; True when it was on the list."""
        return self.numbers.pop(number, None) is not None


@dataclass
class ConfigurationSet:
    name: str
    arn: str
    created: datetime = field(default_factory=utcnow)
    default_message_type: str | None = None
    default_sender_id: str | None = None

    def information(self) -> dict[str, Any]:
        info: dict[str, Any] = {
            "ConfigurationSetArn": self.arn,
            "ConfigurationSetName": self.name,
            "EventDestinations": [],
            "CreatedTimestamp": self.created,
        }
        if self.default_message_type:
            info["DefaultMessageType"] = self.default_message_type
        if self.default_sender_id:
            info["DefaultSenderId"] = self.default_sender_id
        return info

    def filter_values(self, name: str) -> list[str]:
        values: dict[str, list[str]] = {
            "default-message-type": [self.default_message_type or ""],
            "default-sender-id": [self.default_sender_id or ""],
        }
        return values.get(name, [])


@dataclass
class OutboundMessage:
    """A message the emulator 'sent': SendTextMessage, or a keyword auto-response."""

    message_id: str
    kind: str  # "SendTextMessage" or "AutoResponse"
    account_id: str
    region: str
    destination_number: str
    body: str
    origination_identity: str | None = None
    origination_number: str | None = None
    message_type: str | None = None
    configuration_set: str | None = None
    keyword: str | None = None
    context: dict[str, str] = field(default_factory=dict)
    dry_run: bool = False
    timestamp: datetime = field(default_factory=utcnow)

    def as_json(self) -> dict[str, Any]:
        return {
            "messageId": self.message_id,
            "kind": self.kind,
            "accountId": self.account_id,
            "region": self.region,
            "originationIdentity": self.origination_identity,
            "originationNumber": self.origination_number,
            "destinationNumber": self.destination_number,
            "messageBody": self.body,
            "messageType": self.message_type,
            "configurationSetName": self.configuration_set,
            "keyword": self.keyword,
            "context": dict(self.context),
            "dryRun": self.dry_run,
            "timestamp": self.timestamp.isoformat(),
        }


def _bool(value: bool) -> str:
    return "true" if value else "false"
