"""Inbound routing: what happens when a customer texts one of the emulator's numbers.

No LocalStack imports: what routing reads and the delivery it makes go through an `InboundAws`
(localstack_aws.py implements it on LocalStack's own state, SNS and the emulated Amazon Connect;
unit tests pass fakes). Nothing read is kept from one message to the next.

1. The payload has the six fields of the guide's example: originationNumber,
   destinationNumber, messageKeyword, messageBody, inboundMessageId, previousPublishedMessageId.
2. Keywords act whether or not two-way messaging is on (keywords.py).
3. Whether the message is delivered is decided by the delivery rules (two_way_sms.delivery: one
   table, shared with the doctor): the message is dropped at the first rule that fails, and the
   answer names that rule and why.
4. Then the payload is published to the topic (as the channel role's session, or as the service
   principal sms-voice.amazonaws.com with the number as source), or, for Amazon Connect, sent as
   a chat integration event to the instance the number is imported into (SourceId the customer,
   DestinationId the number's ARN, Subtype connect:SMS), as the role's session.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from two_way_sms.delivery import (
    DeploymentView,
    NumberSettings,
    first_failure,
    read_deployment,
)
from two_way_sms.emulator.connect.models import SMS_SUBTYPE
from two_way_sms.emulator.sms_voice.keywords import (
    KeywordEffects,
    KeywordMatch,
    keyword_effects,
    match_keyword,
)
from two_way_sms.emulator.sms_voice.models import PhoneNumber
from two_way_sms.identifiers import ACCOUNT_ID, E164, SMS_VOICE_PRINCIPAL

PAYLOAD_FIELDS = (
    "originationNumber",
    "destinationNumber",
    "messageKeyword",
    "messageBody",
    "inboundMessageId",
    "previousPublishedMessageId",
)


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
        if account is not None and not ACCOUNT_ID.fullmatch(account):
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
# What routing reads from, and delivers through


class InboundAws(DeploymentView, Protocol):
    """The rules' reads (DeploymentView) and the two deliveries."""

    def publish(
        self,
        topic_arn: str,
        message: str,
        *,
        role_arn: str | None,
        session_name: str,
        source_arn: str,
        source_account: str,
    ) -> str:
        """SNS Publish as the role's session (or the service principal); returns MessageId."""
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


def number_settings(number: PhoneNumber) -> NumberSettings:
    """The emulated number as the delivery rules see it."""
    return NumberSettings(
        phone_number_id=number.phone_number_id,
        arn=number.arn,
        phone_number=number.phone_number,
        status=number.status,
        two_way_enabled=number.two_way_enabled,
        two_way_channel_arn=number.two_way_channel_arn,
        two_way_channel_role=number.two_way_channel_role,
    )


# --------------------------------------------------------------------------------------------
# Delivery


@dataclass(frozen=True)
class Delivery:
    delivered: bool
    destination: str | None
    reason: str
    published_message_id: str | None = None
    contact_id: str | None = None  # Amazon Connect: the chat's InitialContactId


def deliver(
    number: PhoneNumber, payload: Mapping[str, str], aws: InboundAws, session_name: str
) -> Delivery:
    """Judge the number's deployment by the delivery rules; deliver when every rule passes."""
    deployment = read_deployment(number_settings(number), aws, session_name=session_name)
    failure = first_failure(deployment)
    if failure is not None:
        return Delivery(
            False, deployment.channel or None, f"not delivered: {failure.name}: {failure.detail}"
        )
    if deployment.to_connect:
        assert deployment.role is not None and deployment.connect_import is not None  # rules
        instance = deployment.connect_import.target_arn
        try:
            contact_id = aws.send_chat_integration_event(
                role_arn=deployment.role.arn,
                session_name=session_name,
                account=number.account_id,
                region=number.region,
                source_id=payload.get("originationNumber", ""),
                destination_id=number.arn,
                subtype=SMS_SUBTYPE,
                event={
                    "Type": "MESSAGE",
                    "ContentType": "text/plain",
                    "Content": payload.get("messageBody", ""),
                },
                payload=payload,
                inbound_message_id=payload.get("inboundMessageId") or None,
            )
        except Exception as error:  # the Connect emulator refused it
            return Delivery(
                False, instance, f"not delivered: SendChatIntegrationEvent failed: {error}"
            )
        return Delivery(
            True,
            instance,
            f"sent to Amazon Connect instance {instance} as {deployment.role.arn} "
            f"(SendChatIntegrationEvent, contact {contact_id}, number imported as "
            f"{deployment.connect_import.phone_number_id})",
            contact_id=contact_id,
        )
    topic, role = deployment.channel, deployment.role
    try:
        message_id = aws.publish(
            topic,
            json.dumps(payload),
            role_arn=role.arn if role else None,
            session_name=session_name,
            source_arn=number.arn,
            source_account=number.account_id,
        )
    except Exception as error:  # the publish itself failed in LocalStack
        return Delivery(False, topic, f"not delivered: SNS Publish to {topic} failed: {error}")
    how = f"as {role.arn}" if role else f"as {SMS_VOICE_PRINCIPAL} (topic policy)"
    return Delivery(True, topic, f"published to {topic} {how}", published_message_id=message_id)


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
    aws: InboundAws,
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
    if effects.withheld:  # HELP and STOP with AWS-managed opt-outs: answered, not routed
        delivery = Delivery(False, None, f"not delivered: {effects.withheld}")
    else:
        delivery = deliver(number, payload, aws, session_name)
    notes = [effects.note] if effects.note else []
    return RoutingResult(payload, match, effects, delivery, notes)
