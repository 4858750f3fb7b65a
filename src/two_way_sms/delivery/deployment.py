"""What the delivery rules judge: one phone number's two-way settings and what they name (the
channel role, the topic and its key, or the number's Amazon Connect import), read once.

Plain data. Whoever reads it implements `DeploymentView`: the emulator on LocalStack's own
stores, the doctor on boto3 read-only calls, unit tests on fakes. None means "does not exist".
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, Protocol

from two_way_sms.identifiers import (
    check_role_arn,
    check_topic_arn,
    connect_channel_region,
    function_name,
    is_connect_channel,
    is_fifo_topic,
    parse_arn,
    role_name,
)
from two_way_sms.policy import NamedPolicy

PolicyDocument = Mapping[str, Any] | str  # parsed JSON, or text the evaluator reports as malformed

# The role session the doctor judges (the service names its sessions sms-voice-<message>).
DOCTOR_SESSION = "sms-voice-doctor"


@dataclass(frozen=True)
class NumberSettings:
    """The two-way settings of one End User Messaging SMS phone number."""

    phone_number_id: str
    arn: str
    phone_number: str = ""
    status: str = "ACTIVE"
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
            status=str(info.get("Status", "")),
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

    @property
    def label(self) -> str:
        """The E.164 number when known, else the ID: how messages name the number."""
        return self.phone_number or self.phone_number_id


@dataclass(frozen=True)
class RoleData:
    arn: str
    trust_policy: PolicyDocument
    inline_policies: Sequence[tuple[str, PolicyDocument]] = ()  # (policy name, document)
    managed_policies: Sequence[tuple[str, PolicyDocument]] = ()  # (policy ARN, document)
    permissions_boundary: tuple[str, PolicyDocument] | None = None  # (policy ARN, document)

    @property
    def name(self) -> str:
        return role_name(self.arn)

    @property
    def label(self) -> str:
        return f"role/{self.name}"

    def trust(self) -> NamedPolicy:
        return NamedPolicy(f"trust policy of {self.label}", self.trust_policy)

    def identity_policies(self) -> tuple[NamedPolicy, ...]:
        return tuple(
            NamedPolicy(f"inline policy {name} of {self.label}", doc)
            for name, doc in self.inline_policies
        ) + tuple(
            NamedPolicy(f"managed policy {arn} attached to {self.label}", doc)
            for arn, doc in self.managed_policies
        )

    def boundary(self) -> NamedPolicy | None:
        if self.permissions_boundary is None:
            return None
        arn, doc = self.permissions_boundary
        return NamedPolicy(f"permissions boundary {arn} of {self.label}", doc)


@dataclass(frozen=True)
class KeyData:
    arn: str
    key_spec: str
    key_state: str
    key_usage: str
    policy: PolicyDocument

    def key_policy(self) -> NamedPolicy:
        return NamedPolicy(f"key policy of {self.arn}", self.policy)


@dataclass(frozen=True)
class ConnectImport:
    """A number as imported into Amazon Connect (a ListPhoneNumbersV2 summary): its Connect
    phone number ID, E.164 number and the instance it is claimed to (TargetArn)."""

    phone_number_id: str
    phone_number: str
    target_arn: str


@dataclass(frozen=True)
class FunctionData:
    """A Lambda function that answers inbound messages: its execution role, its resource policy
    (who may invoke it) and where a failed asynchronous invocation goes."""

    arn: str
    role_arn: str
    state: str = "Active"
    resource_policy: PolicyDocument | None = None
    on_failure_destination: str | None = None


@dataclass(frozen=True)
class Responder:
    """A function that answers the topic's messages (a Lambda subscriber of the topic, or one
    named to the doctor): what the reply rules judge. None means "does not exist"."""

    function_arn: str
    subscribed: bool
    function: FunctionData | None = None
    role: RoleData | None = None
    on_failure_exists: bool = False

    @property
    def name(self) -> str:
        return function_name(self.function_arn)


class ResponderView(Protocol):
    """The doctor's reads of the reply side (the emulator routes without them)."""

    def lambda_subscriptions(self, topic_arn: str) -> list[str]:
        """The function ARNs subscribed to the topic (protocol lambda, confirmed)."""
        ...

    def function(self, function_arn: str) -> FunctionData | None: ...

    def destination_exists(self, arn: str) -> bool:
        """Whether an on-failure destination (an SQS queue, SNS topic, function or bus) exists."""
        ...


class DeploymentView(Protocol):
    """Read access to what the rules judge; None means "does not exist"."""

    def role(self, role_arn: str) -> RoleData | None:
        """The role with this ARN's name (its `arn` is the real one, which may differ in path)."""
        ...

    def topic_attributes(self, topic_arn: str) -> Mapping[str, str] | None: ...

    def kms_key(self, key_id: str, account: str, region: str) -> KeyData | None: ...

    def connect_phone_number(self, number: NumberSettings, region: str) -> ConnectImport | None:
        """The number's import into an Amazon Connect instance of its account in `region`."""
        ...


# --------------------------------------------------------------------------------------------
# The deployment of one number, read once


@dataclass(frozen=True)
class Deployment:
    """A number and what its two-way settings name, as read (or, in the doctor, as it would be
    after the fixes printed so far). `session_name` names the role session requests are judged
    for: the emulator's per message, the doctor's DOCTOR_SESSION."""

    number: NumberSettings
    role: RoleData | None = None
    topic_attributes: Mapping[str, str] | None = None
    key: KeyData | None = None
    connect_import: ConnectImport | None = None
    session_name: str = DOCTOR_SESSION
    responders: tuple[Responder, ...] = ()

    @property
    def channel(self) -> str:
        return self.number.two_way_channel_arn or ""

    @property
    def role_arn(self) -> str:
        return self.number.two_way_channel_role or ""

    @property
    def to_connect(self) -> bool:
        return is_connect_channel(self.channel)

    @property
    def to_sns(self) -> bool:
        """The channel is an SNS topic ARN (standard or FIFO: FIFO is a rule of its own)."""
        return bool(self.channel) and not self.to_connect and check_topic_arn(self.channel) is None

    @property
    def connect_region(self) -> str:
        return connect_channel_region(self.channel)

    @property
    def key_id(self) -> str:
        """The topic's KmsMasterKeyId ("" when it is unencrypted or unknown)."""
        return (self.topic_attributes or {}).get("KmsMasterKeyId", "")

    def focused(self, subject: str) -> Deployment:
        """This deployment with only the responder `subject` (a finding's), for its fix."""
        if not subject:
            return self
        return replace(
            self, responders=tuple(r for r in self.responders if r.function_arn == subject)
        )

    def topic_policy(self) -> NamedPolicy | None:
        text = (self.topic_attributes or {}).get("Policy")
        return NamedPolicy(f"topic policy of {self.channel}", text) if text else None

    def with_policy(
        self, target: str, document: Mapping[str, Any], *, name: str = ""
    ) -> Deployment:
        """This deployment with one policy replaced: `target` is "trust", "inline" (the inline
        policy `name`), "boundary", "topic-policy" or "key-policy". The doctor judges later
        rules on the deployment as its earlier fixes would leave it."""
        role, attributes, key = self.role, self.topic_attributes, self.key
        if target == "trust" and role is not None:
            role = replace(role, trust_policy=document)
        elif target == "inline" and role is not None:
            others = [(n, d) for n, d in role.inline_policies if n != name]
            role = replace(role, inline_policies=[*others, (name, document)])
        elif target == "boundary" and role is not None and role.permissions_boundary:
            role = replace(role, permissions_boundary=(role.permissions_boundary[0], document))
        elif target == "topic-policy" and attributes is not None:
            attributes = {**attributes, "Policy": json.dumps(document)}
        elif target == "key-policy" and key is not None:
            key = replace(key, policy=document)
        return replace(self, role=role, topic_attributes=attributes, key=key)


def read_deployment(
    number: NumberSettings,
    view: DeploymentView,
    *,
    session_name: str = DOCTOR_SESSION,
    replies: ResponderView | None = None,
    named_responders: Sequence[str] = (),
) -> Deployment:
    """Read what the number's settings name, and only that. With `replies` (the doctor), also
    the functions that answer the topic: its Lambda subscribers and any `named_responders`."""
    # What the channel is comes from the Deployment's own properties, which the rules' `applies`
    # read too: what is read and which rules apply cannot drift apart.
    bare = Deployment(number, session_name=session_name)
    role_arn = bare.role_arn
    role = view.role(role_arn) if role_arn and check_role_arn(role_arn) is None else None
    attributes: Mapping[str, str] | None = None
    key: KeyData | None = None
    imported: ConnectImport | None = None
    if bare.to_sns:
        if not is_fifo_topic(bare.channel):
            attributes = view.topic_attributes(bare.channel)
            key_id = (attributes or {}).get("KmsMasterKeyId")
            topic = parse_arn(bare.channel)
            if key_id and topic is not None:
                key = view.kms_key(key_id, topic.account, topic.region)
    elif bare.to_connect and bare.connect_region == number.region:
        imported = view.connect_phone_number(number, number.region)
    responders: tuple[Responder, ...] = ()
    if replies is not None and attributes is not None:
        responders = read_responders(replies, view, bare.channel, named_responders)
    return replace(
        bare,
        role=role,
        topic_attributes=attributes,
        key=key,
        connect_import=imported,
        responders=responders,
    )


def read_responders(
    replies: ResponderView, view: DeploymentView, topic_arn: str, named: Sequence[str]
) -> tuple[Responder, ...]:
    subscribed = replies.lambda_subscriptions(topic_arn)
    responders = []
    for function_arn in dict.fromkeys([*subscribed, *named]):  # in order, once each
        function = replies.function(function_arn)
        role = view.role(function.role_arn) if function and function.role_arn else None
        destination = function.on_failure_destination if function else None
        responders.append(
            Responder(
                function_arn,
                subscribed=function_arn in subscribed,
                function=function,
                role=role,
                on_failure_exists=bool(destination) and replies.destination_exists(destination),
            )
        )
    return tuple(responders)
