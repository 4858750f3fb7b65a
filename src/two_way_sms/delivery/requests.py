"""The requests of a two-way conversation, as `two_way_sms.policy` requests with the context AWS
gives them (pure Python). End User Messaging SMS delivering an inbound message makes:

- sts:AssumeRole of the channel role by sms-voice.amazonaws.com, with aws:SourceAccount and
  aws:SourceArn of the number;
- sns:Publish by the role's session (aws:ResourceAccount, aws:PrincipalArn) or, without a role,
  by the service principal (aws:SourceAccount, aws:SourceArn);
- kms:GenerateDataKey and kms:Decrypt on the topic's key as SNS calls them for that publish
  (kms:EncryptionContext:aws:sns:topicArn, aws:CalledVia* = sns.amazonaws.com,
  kms:ViaService), by the same caller;
- connect:SendChatIntegrationEvent by the role's session, for an Amazon Connect destination
  (aws:ResourceAccount, aws:PrincipalArn), on the instance the number is imported into.

A responder is invoked by SNS (lambda:InvokeFunction, judged by the function's resource policy)
and replies with sms-voice:SendTextMessage as its role's session, on the number it replies from
(and the configuration set the call names).

The delivery rules (rules.py) judge these, for the emulator and for the doctor alike; anything
else that reasons about the same permissions builds its requests here rather than again.
"""

from __future__ import annotations

from two_way_sms.identifiers import (
    SMS_VOICE_PRINCIPAL,
    SNS_PRINCIPAL,
    account_of,
    parse_arn,
    session_arn,
)
from two_way_sms.policy import ContextValue, Request

SEND_CHAT_INTEGRATION_EVENT = "connect:SendChatIntegrationEvent"
KMS_ACTIONS = ("kms:GenerateDataKey", "kms:Decrypt")


def source_context(source_account: str, source_arn: str) -> dict[str, ContextValue]:
    """What a service principal's request says about the resource it acts for."""
    return {
        "aws:SourceAccount": source_account,
        "aws:SourceArn": source_arn,
        "aws:PrincipalServiceName": SMS_VOICE_PRINCIPAL,
    }


def role_context(role_arn: str) -> dict[str, ContextValue]:
    return {"aws:PrincipalArn": role_arn, "aws:PrincipalAccount": account_of(role_arn)}


def assume_role(role_arn: str, *, source_account: str, source_arn: str) -> Request:
    return Request(
        principal=SMS_VOICE_PRINCIPAL,
        action="sts:AssumeRole",
        resource=role_arn,
        context=source_context(source_account, source_arn),
        resource_account=account_of(role_arn),
    )


def publish_as_role(role_arn: str, topic_arn: str, session_name: str) -> Request:
    topic_account = account_of(topic_arn)
    return Request(
        principal=session_arn(role_arn, session_name),
        action="sns:Publish",
        resource=topic_arn,
        context={"aws:ResourceAccount": topic_account, **role_context(role_arn)},
        principal_account=account_of(role_arn),
        resource_account=topic_account,
    )


def publish_as_service(topic_arn: str, *, source_account: str, source_arn: str) -> Request:
    topic_account = account_of(topic_arn)
    return Request(
        principal=SMS_VOICE_PRINCIPAL,
        action="sns:Publish",
        resource=topic_arn,
        context={
            **source_context(source_account, source_arn),
            "aws:ResourceAccount": topic_account,
        },
        resource_account=topic_account,
    )


def use_key_through_sns(
    key_arn: str,
    topic_arn: str,
    *,
    role_arn: str | None,
    session_name: str,
    source_account: str,
    source_arn: str,
) -> list[Request]:
    """kms:GenerateDataKey and kms:Decrypt on the topic's key, as SNS calls them for a publish
    by the role's session (role_arn) or by the service principal (role_arn None)."""
    topic = parse_arn(topic_arn)
    region = topic.region if topic else ""
    key_account = account_of(key_arn)
    context: dict[str, ContextValue] = {
        "kms:EncryptionContext:aws:sns:topicArn": topic_arn,
        "kms:EncryptionContextKeys": ["aws:sns:topicArn"],
        "kms:ViaService": f"sns.{region}.amazonaws.com",
        "aws:CalledVia": [SNS_PRINCIPAL],
        "aws:CalledViaFirst": SNS_PRINCIPAL,
        "aws:CalledViaLast": SNS_PRINCIPAL,
        "aws:ResourceAccount": key_account,
    }
    principal_account: str | None
    if role_arn:
        principal = session_arn(role_arn, session_name)
        principal_account = account_of(role_arn)
        context.update({**role_context(role_arn), "kms:CallerAccount": principal_account})
    else:
        principal, principal_account = SMS_VOICE_PRINCIPAL, None
        context.update(source_context(source_account, source_arn))
    return [
        Request(
            principal=principal,
            action=action,
            resource=key_arn,
            context=context,
            principal_account=principal_account,
            resource_account=key_account,
        )
        for action in KMS_ACTIONS
    ]


def send_chat_integration_event(
    role_arn: str, instance_arn: str, session_name: str, number_account: str
) -> Request:
    """connect:SendChatIntegrationEvent by the channel role's session on the Amazon Connect
    instance the number is imported into (`instance_arn`, or "*" when not known), with the same
    role context as the role's SNS requests. The AWS guide's policy ("IAM policies for Amazon
    Connect") allows it on Resource "*"."""
    resource_account = account_of(instance_arn) or number_account
    return Request(
        principal=session_arn(role_arn, session_name),
        action=SEND_CHAT_INTEGRATION_EVENT,
        resource=instance_arn,
        context={"aws:ResourceAccount": resource_account, **role_context(role_arn)},
        principal_account=account_of(role_arn),
        resource_account=resource_account,
    )


SEND_TEXT_MESSAGE = "sms-voice:SendTextMessage"


def send_text_message(role_arn: str, session_name: str, resource_arn: str) -> Request:
    """sms-voice:SendTextMessage by a session of `role_arn` (a responder's, replying) on one of
    the resources the call names: the origination identity, and the others the Service
    Authorization Reference lists for the action (a configuration set, the number's opt-out
    list) when the call involves them."""
    resource_account = account_of(resource_arn)
    return Request(
        principal=session_arn(role_arn, session_name),
        action=SEND_TEXT_MESSAGE,
        resource=resource_arn,
        context={"aws:ResourceAccount": resource_account, **role_context(role_arn)},
        principal_account=account_of(role_arn),
        resource_account=resource_account,
    )


SNS_INVOKE = "lambda:InvokeFunction"


def invoke_by_sns(function_arn: str, topic_arn: str) -> Request:
    """lambda:InvokeFunction by SNS delivering the topic's message to a subscribed function:
    the service principal acting for the topic (aws:SourceArn, aws:SourceAccount), judged by the
    function's resource policy alone."""
    function_account = account_of(function_arn)
    return Request(
        principal=SNS_PRINCIPAL,
        action=SNS_INVOKE,
        resource=function_arn,
        context={
            "aws:SourceArn": topic_arn,
            "aws:SourceAccount": account_of(topic_arn),
            "aws:PrincipalServiceName": SNS_PRINCIPAL,
            "aws:ResourceAccount": function_account,
        },
        resource_account=function_account,
    )
