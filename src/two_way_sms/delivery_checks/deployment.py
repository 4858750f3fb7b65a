"""The deployment the checks judge: a phone number's two-way settings, and read access to the
role, topic, key and Amazon Connect instance they name.

`RoleData` and `KeyData` are the emulator's (two_way_sms.emulator.routing), so the doctor and the
emulator judge the very same documents. `DeploymentView` has the three reads of the emulator's
`AwsView` with the same signatures, plus the Amazon Connect lookup; it has no write.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any, Protocol

from two_way_sms.emulator.routing import KeyData, PolicyDocument, RoleData
from two_way_sms.identifiers import parse_arn

__all__ = [
    "SESSION_NAME",
    "ConnectNumber",
    "DeploymentView",
    "KeyData",
    "NumberSettings",
    "PolicyDocument",
    "RoleData",
]

SESSION_NAME = "sms-voice-doctor"  # the role session the checks judge (the service's: sms-voice-*)


@dataclass(frozen=True)
class NumberSettings:
    """The two-way settings of one End User Messaging SMS phone number."""

    phone_number_id: str
    arn: str
    phone_number: str = ""
    two_way_enabled: bool = False
    two_way_channel_arn: str | None = None
    two_way_channel_role: str | None = None

    @classmethod
    def from_api(cls, info: Mapping[str, Any]) -> NumberSettings:
        """From one PhoneNumberInformation of DescribePhoneNumbers."""
        return cls(
            phone_number_id=str(info["PhoneNumberId"]),
            arn=str(info["PhoneNumberArn"]),
            phone_number=str(info.get("PhoneNumber", "")),
            two_way_enabled=bool(info.get("TwoWayEnabled", False)),
            two_way_channel_arn=info.get("TwoWayChannelArn") or None,
            two_way_channel_role=info.get("TwoWayChannelRole") or None,
        )

    def with_two_way(self, channel_arn: str, role_arn: str | None) -> NumberSettings:
        """The number as UpdatePhoneNumber(TwoWayEnabled=true, channel, role) would leave it: an
        omitted role (None) keeps the current one, as the API does."""
        return replace(
            self,
            two_way_enabled=True,
            two_way_channel_arn=channel_arn,
            two_way_channel_role=role_arn if role_arn is not None else self.two_way_channel_role,
        )

    @property
    def account(self) -> str:
        arn = parse_arn(self.arn)
        return arn.account if arn else ""

    @property
    def region(self) -> str:
        arn = parse_arn(self.arn)
        return arn.region if arn else ""

    @property
    def partition(self) -> str:
        arn = parse_arn(self.arn)
        return arn.partition if arn else "aws"


@dataclass(frozen=True)
class ConnectNumber:
    """A number claimed by an Amazon Connect instance (ListPhoneNumbersV2 summary)."""

    phone_number_id: str
    phone_number: str
    target_arn: str  # the instance (or traffic distribution group) it is claimed to


class DeploymentView(Protocol):
    """Read-only access to what the checks need; None means "does not exist"."""

    def role(self, role_arn: str) -> RoleData | None:
        """The role with this ARN's name (its `arn` is the real one, which may differ in path)."""
        ...

    def topic_attributes(self, topic_arn: str) -> Mapping[str, str] | None: ...

    def kms_key(self, key_id: str, account: str, region: str) -> KeyData | None: ...

    def connect_phone_number(self, number: NumberSettings, region: str) -> ConnectNumber | None:
        """The Amazon Connect claim of this number in `region`, if it was imported."""
        ...
