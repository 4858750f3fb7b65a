"""Inbound routing: what happens when a customer texts one of the emulator's numbers.

Pure rules (no LocalStack imports): the AWS resources they read and the SNS publish they make go
through an `AwsView` (localstack_aws.py implements it on LocalStack's own state and SNS; unit
tests pass fakes). Every allow/deny decision is made by `two_way_sms.policy.evaluate`, on what
the view reads for this message: nothing read is kept from one message to the next.

The rules, from the AWS End User Messaging SMS guide "Two-way SMS messaging" (README.md in this
folder explains each choice):

1. The payload has the six fields of the guide's example: originationNumber,
   destinationNumber, messageKeyword, messageBody, inboundMessageId, previousPublishedMessageId.
2. Keywords act whether or not two-way messaging is on (keywords.py).
3. Not delivered when TwoWayEnabled is false or there is no TwoWayChannelArn; "SNS FIFO topics
   are not supported".
4. With a TwoWayChannelRole: sms-voice.amazonaws.com must be allowed to sts:AssumeRole by the
   role's trust policy (context aws:SourceAccount, aws:SourceArn), and the role's policies
   (inline, attached, permissions boundary, with the topic policy) must allow sns:Publish.
5. Without a role: the topic policy must allow the service principal sms-voice.amazonaws.com
   to sns:Publish (context aws:SourceAccount, aws:SourceArn).
6. Encrypted topic (KmsMasterKeyId): the key must be symmetric and enabled, and
   kms:GenerateDataKey and kms:Decrypt, called by SNS (aws:CalledViaLast = sns.amazonaws.com)
   with encryption context aws:sns:topicArn, must be allowed by the key policy and - with a
   role - the role's policies; without a role the caller is the service principal.
7. Then the payload is published to the topic, as the role or as the service principal.
8. Amazon Connect destination (connect.<region>.amazonaws.com, the number's Region): a
   TwoWayChannelRole is required; sms-voice.amazonaws.com must be allowed to sts:AssumeRole it
   (as in 4); the number must be imported into a Connect instance of its account and Region
   (ImportPhoneNumber); the role's policies must allow connect:SendChatIntegrationEvent on that
   instance (the guide's "IAM policies for Amazon Connect": Resource "*"). Then a chat
   integration event carries the message to the instance (SourceId the customer, DestinationId
   the number's ARN, Subtype connect:SMS), sent as the role.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, cast, runtime_checkable

from two_way_sms.emulator import service_requests as requests
from two_way_sms.emulator.keywords import (
    KeywordEffects,
    KeywordMatch,
    keyword_effects,
    match_keyword,
)
from two_way_sms.emulator.models import PhoneNumber
from two_way_sms.identifiers import (
    E164,
    SMS_VOICE_PRINCIPAL,
    connect_channel_region,
    is_connect_channel,
    parse_arn,
    role_name,
)
from two_way_sms.policy import NamedPolicy, PolicyError, evaluate

PAYLOAD_FIELDS = (
    "originationNumber",
    "destinationNumber",
    "messageKeyword",
    "messageBody",
    "inboundMessageId",
    "previousPublishedMessageId",
)
PolicyDocument = Mapping[str, Any] | str


class InboundRequestError(ValueError):
    """The simulated inbound message is malformed (HTTP 400)."""


@dataclass(frozen=True)
class InboundMessage:
    origination_number: str
    destination_number: str
    message_body: str
    previous_published_message_id: str | None = None
    account_id: str | None = None
    region: str | None = None

    @classmethod
    def parse(cls, data: Any) -> InboundMessage:
        """From the JSON body of POST /_aws/sms-voice/inbound-messages."""
        if not isinstance(data, Mapping):
            raise InboundRequestError("the body must be a JSON object")
        values: dict[str, str | None] = {}
        for key in ("originationNumber", "destinationNumber"):
            value = data.get(key)
            if not isinstance(value, str) or not E164.fullmatch(value):
                raise InboundRequestError(
                    f"{key} must be an E.164 phone number such as +12065550100"
                )
            values[key] = value
        body = data.get("messageBody")
        if not isinstance(body, str) or not body.strip():
            raise InboundRequestError("messageBody must be a non-empty string")
        for key in ("previousPublishedMessageId", "accountId", "region"):
            value = data.get(key)
            if value is not None and not isinstance(value, str):
                raise InboundRequestError(f"{key} must be a string")
            values[key] = value
        account = values["accountId"]
        if account is not None and not re.fullmatch(r"\d{12}", account):
            raise InboundRequestError("accountId must be 12 digits")
        return cls(
            origination_number=str(values["originationNumber"]),
            destination_number=str(values["destinationNumber"]),
            message_body=body,
            previous_published_message_id=values["previousPublishedMessageId"],
            account_id=account,
            region=values["region"],
        )


def build_payload(
    message: InboundMessage,
    keyword: str,
    inbound_message_id: str,
    previous_published_message_id: str | None,
) -> dict[str, str]:
    """The JSON document published to the SNS topic, field for field the guide's example."""
    return {
        "originationNumber": message.origination_number,
        "destinationNumber": message.destination_number,
        "messageKeyword": keyword,
        "messageBody": message.message_body,
        "inboundMessageId": inbound_message_id,
        "previousPublishedMessageId": previous_published_message_id or "",
    }


# --------------------------------------------------------------------------------------------
# What routing needs to read from (and do in) AWS


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

    def identity_policies(self) -> list[NamedPolicy]:
        label = f"role/{self.name}"
        return [
            NamedPolicy(f"inline policy {name} of {label}", doc)
            for name, doc in self.inline_policies
        ] + [
            NamedPolicy(f"managed policy {arn} attached to {label}", doc)
            for arn, doc in self.managed_policies
        ]

    def boundary(self) -> NamedPolicy | None:
        if self.permissions_boundary is None:
            return None
        arn, doc = self.permissions_boundary
        return NamedPolicy(f"permissions boundary {arn} of role/{self.name}", doc)


@dataclass(frozen=True)
class KeyData:
    arn: str
    key_spec: str
    key_state: str
    key_usage: str
    policy: PolicyDocument


class AwsView(Protocol):
    """Reads and the publish routing needs; None means "does not exist"."""

    def role(self, role_arn: str) -> RoleData | None: ...

    def topic_attributes(self, topic_arn: str) -> Mapping[str, str] | None: ...

    def kms_key(self, key_id: str, account: str, region: str) -> KeyData | None: ...

    def publish(
        self,
        topic_arn: str,
        message: str,
        *,
        role_arn: str | None,
        session_name: str,
        source_arn: str,
        source_account: str,
    ) -> str: ...


@dataclass(frozen=True)
class ConnectImport:
    """An End User Messaging SMS number as imported into Amazon Connect (a ListPhoneNumbersV2
    summary): its Connect phone number id, E.164 number and the instance (TargetArn)."""

    phone_number_id: str
    phone_number: str
    target_arn: str


@runtime_checkable
class ConnectView(Protocol):
    """What routing to Amazon Connect needs besides AwsView's reads (the LocalStack view has
    both). `connect_phone_number` has the shape of delivery_checks' DeploymentView lookup."""

    def connect_phone_number(self, number: PhoneNumber, region: str) -> ConnectImport | None:
        """The number's import into an Amazon Connect instance of its account in `region`."""
        ...

    def send_chat_integration_event(
        self,
        *,
        role_arn: str,
        session_name: str,
        account: str,
        region: str,
        source_id: str,
        destination_id: str,
        subtype: str,
        event: Mapping[str, str],
        payload: Mapping[str, str],
        inbound_message_id: str | None,
    ) -> str:
        """Connect SendChatIntegrationEvent as the role's session; returns InitialContactId."""
        ...


CONNECT_SMS_SUBTYPE = "connect:SMS"

# --------------------------------------------------------------------------------------------
# Delivery


@dataclass(frozen=True)
class Delivery:
    delivered: bool
    destination: str | None
    reason: str
    published_message_id: str | None = None
    contact_id: str | None = None  # Amazon Connect: the chat's InitialContactId


@dataclass(frozen=True)
class _Authorized:
    """Every check passed: publish to topic_arn as role_arn (or the service principal)."""

    topic_arn: str
    role_arn: str | None
    how: str


@dataclass(frozen=True)
class _ConnectAuthorized:
    """Every check passed: send a chat integration event to the instance as role_arn."""

    instance_arn: str
    role_arn: str
    imported: ConnectImport


def _dropped(destination: str | None, why: str) -> Delivery:
    return Delivery(False, destination, f"not delivered: {why}")


def _check_trust(number: PhoneNumber, role: RoleData) -> str | None:
    """Why sms-voice.amazonaws.com can't assume the role for this number, or None."""
    trust = evaluate(
        requests.assume_role(role.arn, source_account=number.account_id, source_arn=number.arn),
        resource_policy=NamedPolicy(f"trust policy of role/{role.name}", role.trust_policy),
    )
    if not trust.allowed:
        return f"{SMS_VOICE_PRINCIPAL} may not sts:AssumeRole {role.arn}: {trust.reason}"
    return None


def _check_role(
    number: PhoneNumber,
    role: RoleData,
    topic_arn: str,
    session_name: str,
    topic_policy: NamedPolicy | None,
) -> str | None:
    """Why the role can't be used to publish, or None."""
    problem = _check_trust(number, role)
    if problem:
        return problem
    publish = evaluate(
        requests.publish_as_role(role.arn, topic_arn, session_name),
        identity_policies=role.identity_policies(),
        resource_policy=topic_policy,
        permissions_boundary=role.boundary(),
    )
    if not publish.allowed:
        return f"{role.arn} may not sns:Publish to {topic_arn}: {publish.reason}"
    return None


def _check_key(
    number: PhoneNumber,
    key: KeyData,
    topic_arn: str,
    role: RoleData | None,
    session_name: str,
) -> str | None:
    """Why SNS can't use the topic's key for this publish, or None."""
    if key.key_spec != "SYMMETRIC_DEFAULT" or key.key_usage != "ENCRYPT_DECRYPT":
        return (
            f"KMS key {key.arn} is {key.key_spec}/{key.key_usage}; encrypted SNS topics need a "
            "symmetric encryption key (SYMMETRIC_DEFAULT)"
        )
    if key.key_state != "Enabled":
        return f"KMS key {key.arn} is {key.key_state}, not Enabled"
    key_policy = NamedPolicy(f"key policy of {key.arn}", key.policy)
    for request in requests.use_key_through_sns(
        key.arn,
        topic_arn,
        role_arn=role.arn if role else None,
        session_name=session_name,
        source_account=number.account_id,
        source_arn=number.arn,
    ):
        decision = evaluate(
            request,
            identity_policies=role.identity_policies() if role else (),
            resource_policy=key_policy,
            permissions_boundary=role.boundary() if role else None,
            resource_is_kms_key=True,
        )
        if not decision.allowed:
            return (
                f"{request.principal} may not {request.action} with {key.arn} for {topic_arn}: "
                f"{decision.reason}"
            )
    return None


def _authorize_connect(
    number: PhoneNumber, channel: str, aws: AwsView, session_name: str
) -> _ConnectAuthorized | Delivery:
    """Rule 8: every check of an Amazon Connect destination."""
    region = connect_channel_region(channel)
    if region != number.region:
        return _dropped(
            channel,
            f"{channel} names Region {region} but {number.phone_number_id} is in {number.region}; "
            "a number can only be imported into an Amazon Connect instance of its own Region "
            f"(ImportPhoneNumber): use connect.{number.region}.amazonaws.com",
        )
    role_arn = number.two_way_channel_role
    if not role_arn:
        return _dropped(
            channel,
            f"Amazon Connect destinations need a TwoWayChannelRole that {SMS_VOICE_PRINCIPAL} may "
            "sts:AssumeRole and that allows connect:SendChatIntegrationEvent (the guide's "
            f'"IAM policies for Amazon Connect"); {number.phone_number_id} has none',
        )
    if not isinstance(aws, ConnectView):
        return _dropped(channel, "Amazon Connect is not available to this routing (no ConnectView)")
    try:
        role = aws.role(role_arn)
        if role is None:
            return _dropped(channel, f"IAM role {role_arn} does not exist")
        problem = _check_trust(number, role)
        if problem:
            return _dropped(channel, problem)
        imported = aws.connect_phone_number(number, region)
        if imported is None:
            return _dropped(
                channel,
                f"{number.phone_number} ({number.phone_number_id}) is not imported into an Amazon "
                f"Connect instance of account {number.account_id} in {region}: import it into the "
                "instance that takes the chats (Amazon Connect ImportPhoneNumber with "
                f'SourcePhoneNumberArn {number.arn}; in the console, the "Import phone number to '
                'Amazon Connect" step after saving the two-way settings)',
            )
        decision = evaluate(
            requests.send_chat_integration_event(
                role.arn, imported.target_arn, session_name, number.account_id
            ),
            identity_policies=role.identity_policies(),
            permissions_boundary=role.boundary(),
        )
        if not decision.allowed:
            return _dropped(
                channel,
                f"{role.arn} may not {requests.SEND_CHAT_INTEGRATION_EVENT} on "
                f"{imported.target_arn}: {decision.reason}",
            )
    except PolicyError as error:
        return _dropped(channel, f"malformed policy: {error}")
    return _ConnectAuthorized(imported.target_arn, role.arn, imported)


def authorize(
    number: PhoneNumber, aws: AwsView, session_name: str
) -> _Authorized | _ConnectAuthorized | Delivery:
    """Every check of rules 3-6 (8 for Amazon Connect); a Delivery when the message is dropped."""
    channel = number.two_way_channel_arn
    if not number.two_way_enabled:
        return _dropped(
            channel,
            f"two-way messaging is disabled on {number.phone_number_id} (TwoWayEnabled is false)",
        )
    if not channel:
        return _dropped(
            None, f"{number.phone_number_id} has no two-way destination (TwoWayChannelArn)"
        )
    if is_connect_channel(channel):
        return _authorize_connect(number, channel, aws, session_name)
    topic = parse_arn(channel)
    if topic is None or topic.service != "sns":
        return _dropped(channel, f"{channel} is not an SNS topic ARN")
    if topic.resource.endswith(".fifo"):
        return _dropped(channel, f"{channel} is an SNS FIFO topic; FIFO topics are not supported")
    attributes = aws.topic_attributes(channel)
    if attributes is None:
        return _dropped(channel, f"SNS topic {channel} does not exist")
    policy_text = attributes.get("Policy")
    topic_policy = NamedPolicy(f"topic policy of {channel}", policy_text) if policy_text else None
    role: RoleData | None = None
    try:
        if number.two_way_channel_role:
            role = aws.role(number.two_way_channel_role)
            if role is None:
                return _dropped(channel, f"IAM role {number.two_way_channel_role} does not exist")
            problem = _check_role(number, role, channel, session_name, topic_policy)
            if problem:
                return _dropped(channel, problem)
        else:
            decision = evaluate(
                requests.publish_as_service(
                    channel, source_account=number.account_id, source_arn=number.arn
                ),
                resource_policy=topic_policy,
            )
            if not decision.allowed:
                return _dropped(
                    channel,
                    f"{SMS_VOICE_PRINCIPAL} may not sns:Publish to {channel} (no "
                    f"TwoWayChannelRole, so the topic policy must allow it): {decision.reason}",
                )
        key_id = attributes.get("KmsMasterKeyId")
        if key_id:
            key = aws.kms_key(key_id, topic.account, topic.region)
            if key is None:
                return _dropped(channel, f"KMS key {key_id} of {channel} does not exist")
            problem = _check_key(number, key, channel, role, session_name)
            if problem:
                return _dropped(channel, problem)
    except PolicyError as error:
        return _dropped(channel, f"malformed policy: {error}")
    how = f"as {role.arn}" if role else f"as {SMS_VOICE_PRINCIPAL} (topic policy)"
    return _Authorized(channel, role.arn if role else None, how)


def deliver(
    number: PhoneNumber, payload: Mapping[str, str], aws: AwsView, session_name: str
) -> Delivery:
    outcome = authorize(number, aws, session_name)
    if isinstance(outcome, Delivery):
        return outcome
    if isinstance(outcome, _ConnectAuthorized):
        return _send_to_connect(number, payload, aws, session_name, outcome)
    try:
        message_id = aws.publish(
            outcome.topic_arn,
            json.dumps(payload),
            role_arn=outcome.role_arn,
            session_name=session_name,
            source_arn=number.arn,
            source_account=number.account_id,
        )
    except Exception as error:  # the publish itself failed in LocalStack
        return _dropped(outcome.topic_arn, f"SNS Publish to {outcome.topic_arn} failed: {error}")
    return Delivery(
        True,
        outcome.topic_arn,
        f"published to {outcome.topic_arn} {outcome.how}",
        published_message_id=message_id,
    )


def _send_to_connect(
    number: PhoneNumber,
    payload: Mapping[str, str],
    aws: AwsView,
    session_name: str,
    outcome: _ConnectAuthorized,
) -> Delivery:
    """SendChatIntegrationEvent as the role: the customer's number as SourceId, the number's ARN
    as DestinationId (as the Connect API reference describes SMS), the message as content."""
    connect = cast(ConnectView, aws)  # _authorize_connect checked it
    instance = outcome.instance_arn
    try:
        contact_id = connect.send_chat_integration_event(
            role_arn=outcome.role_arn,
            session_name=session_name,
            account=number.account_id,
            region=number.region,
            source_id=payload.get("originationNumber", ""),
            destination_id=number.arn,
            subtype=CONNECT_SMS_SUBTYPE,
            event={
                "Type": "MESSAGE",
                "ContentType": "text/plain",
                "Content": payload.get("messageBody", ""),
            },
            payload=payload,
            inbound_message_id=payload.get("inboundMessageId") or None,
        )
    except Exception as error:  # the Connect emulator refused it
        return _dropped(instance, f"Amazon Connect SendChatIntegrationEvent failed: {error}")
    return Delivery(
        True,
        instance,
        f"sent to Amazon Connect instance {instance} as {outcome.role_arn} "
        f"(SendChatIntegrationEvent, contact {contact_id}, number imported as "
        f"{outcome.imported.phone_number_id})",
        contact_id=contact_id,
    )


# --------------------------------------------------------------------------------------------
# One inbound message, end to end


@dataclass(frozen=True)
class RoutingResult:
    payload: dict[str, str]
    match: KeywordMatch
    effects: KeywordEffects
    delivery: Delivery
    notes: list[str] = field(default_factory=list)


def keyword_step(
    number: PhoneNumber, message: InboundMessage
) -> tuple[KeywordMatch, KeywordEffects]:
    match = match_keyword(number, message.message_body)
    return match, keyword_effects(number, match)


def route(
    message: InboundMessage,
    number: PhoneNumber,
    aws: AwsView,
    *,
    inbound_message_id: str,
    previous_published_message_id: str | None,
    apply_keyword: Callable[[KeywordMatch, KeywordEffects], None] | None = None,
) -> RoutingResult:
    """Payload, keyword effects and delivery of one inbound message.

    `apply_keyword` makes the keyword's effects (opt-out list, auto-response) happen before the
    payload is published, so a subscriber that reacts to the message sees them already.
    """
    match, effects = keyword_step(number, message)
    if apply_keyword is not None:
        apply_keyword(match, effects)
    payload = build_payload(
        message, match.keyword, inbound_message_id, previous_published_message_id
    )
    session_name = f"sms-voice-{inbound_message_id[:8]}"
    delivery = deliver(number, payload, aws, session_name)
    notes = [effects.note] if effects.note else []
    return RoutingResult(payload, match, effects, delivery, notes)
