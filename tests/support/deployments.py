"""Fake deployments for the unit tests of the delivery rules, the doctor and the emulator's
routing: one account, the AWS guide's statements filled in for it, a `FakeAws` that is both the
rules' DeploymentView and the emulator's InboundAws, and builders of correct deployments to
break one thing at a time. Tests import from here, never from each other."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from two_way_sms.delivery import ConnectImport, FunctionData, KeyData, NumberSettings, RoleData
from two_way_sms.identifiers import role_name

ACCOUNT = "123456789012"
OTHER_ACCOUNT = "210987654321"
REGION = "us-east-1"
TOPIC = f"arn:aws:sns:{REGION}:{ACCOUNT}:inbound"
FIFO_TOPIC = f"arn:aws:sns:{REGION}:{ACCOUNT}:inbound.fifo"
ROLE = f"arn:aws:iam::{ACCOUNT}:role/sms-in"
KEY = f"arn:aws:kms:{REGION}:{ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab"
BOUNDARY = f"arn:aws:iam::{ACCOUNT}:policy/Boundary"
PHONE_ID = "phone-" + "a" * 32
NUMBER_ARN = f"arn:aws:sms-voice:{REGION}:{ACCOUNT}:phone-number/{PHONE_ID}"
E164 = "+12065550100"
CONNECT = f"connect.{REGION}.amazonaws.com"
INSTANCE = f"arn:aws:connect:{REGION}:{ACCOUNT}:instance/11111111-2222-3333-4444-555555555555"
SMS = "sms-voice.amazonaws.com"


def policy(*statements: Mapping[str, Any]) -> dict[str, Any]:
    return {"Version": "2012-10-17", "Statement": list(statements)}


TRUST_STATEMENT = {
    "Sid": "SMSVoice",
    "Effect": "Allow",
    "Principal": {"Service": SMS},
    "Action": "sts:AssumeRole",
    "Condition": {"StringEquals": {"aws:SourceAccount": ACCOUNT}},
}
PUBLISH_STATEMENT = {
    "Sid": "SMSVoiceAllowSNSPublish",
    "Effect": "Allow",
    "Action": "sns:Publish",
    "Resource": TOPIC,
    "Condition": {"StringEquals": {"aws:ResourceAccount": ACCOUNT}},
}
ENCRYPTED_STATEMENT = {
    "Sid": "SMSVoiceAllowEncryptedSNSTopics",
    "Effect": "Allow",
    "Action": ["kms:Decrypt", "kms:GenerateDataKey*"],
    "Resource": "*",
    "Condition": {
        "StringEquals": {
            "kms:EncryptionContext:aws:sns:topicArn": TOPIC,
            "aws:CalledViaLast": "sns.amazonaws.com",
        }
    },
}
CONNECT_STATEMENT = {
    "Effect": "Allow",
    "Action": ["connect:SendChatIntegrationEvent"],
    "Resource": ["*"],
}
DEFAULT_TOPIC_STATEMENT = {  # what SNS puts on a new topic
    "Sid": "__default_statement_ID",
    "Effect": "Allow",
    "Principal": {"AWS": "*"},
    "Action": ["SNS:Publish", "SNS:Subscribe"],
    "Resource": TOPIC,
    "Condition": {"StringEquals": {"AWS:SourceOwner": ACCOUNT}},
}
TOPIC_STATEMENT = {
    "Sid": "AllowSmsVoicePublish",
    "Effect": "Allow",
    "Principal": {"Service": SMS},
    "Action": "sns:Publish",
    "Resource": TOPIC,
}
ROOT_STATEMENT = {
    "Sid": "Enable IAM User Permissions",
    "Effect": "Allow",
    "Principal": {"AWS": f"arn:aws:iam::{ACCOUNT}:root"},
    "Action": "kms:*",
    "Resource": "*",
}
KEY_SMS_STATEMENT = {
    "Effect": "Allow",
    "Principal": {"Service": SMS},
    "Action": ["kms:GenerateDataKey*", "kms:Decrypt"],
    "Resource": "*",
    "Condition": {
        "StringEquals": {"aws:SourceAccount": ACCOUNT},
        "ArnLike": {"aws:SourceArn": f"arn:aws:sms-voice:{REGION}:{ACCOUNT}:*"},
    },
}


def good_role(*statements: Mapping[str, Any]) -> RoleData:
    return RoleData(
        arn=ROLE,
        trust_policy=policy(TRUST_STATEMENT),
        inline_policies=[("two-way", policy(*(statements or (PUBLISH_STATEMENT,))))],
    )


def good_key(*statements: Mapping[str, Any], **overrides: str) -> KeyData:
    values = {
        "key_spec": "SYMMETRIC_DEFAULT",
        "key_state": "Enabled",
        "key_usage": "ENCRYPT_DECRYPT",
    }
    values.update(overrides)
    return KeyData(arn=KEY, policy=json.dumps(policy(*(statements or (ROOT_STATEMENT,)))), **values)


def topic(*statements: Mapping[str, Any], key: str | None = None) -> dict[str, str]:
    attributes = {
        "TopicArn": TOPIC,
        "Policy": json.dumps(policy(*(statements or (DEFAULT_TOPIC_STATEMENT,)))),
    }
    if key:
        attributes["KmsMasterKeyId"] = key
    return attributes


@dataclass
class FakeAws:
    """The delivery rules' DeploymentView and the emulator's InboundAws over dicts: records what
    was read, what was published and which chat events were sent."""

    roles: dict[str, RoleData] = field(default_factory=dict)
    topics: dict[str, dict[str, str]] = field(default_factory=dict)
    keys: dict[str, KeyData] = field(default_factory=dict)
    connect: dict[str, ConnectImport] = field(default_factory=dict)
    reads: list[str] = field(default_factory=list)
    published: list[dict[str, Any]] = field(default_factory=list)
    chat_events: list[dict[str, Any]] = field(default_factory=list)
    fail_publish: bool = False
    # The reply side (ResponderView): topic -> subscribed function ARNs, functions, destinations.
    subscriptions: dict[str, list[str]] = field(default_factory=dict)
    functions: dict[str, FunctionData] = field(default_factory=dict)
    destinations: set[str] = field(default_factory=set)

    def role(self, role_arn: str) -> RoleData | None:
        """By name, as GetRole: the role found may have another path than the ARN asked for."""
        self.reads.append(f"role {role_arn}")
        name = role_name(role_arn)
        return next((r for r in self.roles.values() if role_name(r.arn) == name), None)

    def topic_attributes(self, topic_arn: str) -> Mapping[str, str] | None:
        self.reads.append(f"topic {topic_arn}")
        return self.topics.get(topic_arn)

    def kms_key(self, key_id: str, account: str, region: str) -> KeyData | None:
        self.reads.append(f"key {key_id}")
        return self.keys.get(key_id)

    def connect_phone_number(self, number: NumberSettings, region: str) -> ConnectImport | None:
        self.reads.append(f"connect {region}")
        return self.connect.get(number.arn)

    def publish(self, topic_arn: str, message: str, *, role_arn: str | None, **_: Any) -> str:
        if self.fail_publish:
            raise RuntimeError("boom")
        self.published.append(
            {"topic": topic_arn, "message": json.loads(message), "role": role_arn}
        )
        return f"msg-{len(self.published)}"

    def send_chat_integration_event(self, **event: Any) -> str:
        self.chat_events.append(event)
        return f"contact-{len(self.chat_events)}"

    def lambda_subscriptions(self, topic_arn: str) -> list[str]:
        self.reads.append(f"subscriptions {topic_arn}")
        return list(self.subscriptions.get(topic_arn, []))

    def function(self, function_arn: str) -> FunctionData | None:
        self.reads.append(f"function {function_arn}")
        return self.functions.get(function_arn)

    def destination_exists(self, arn: str) -> bool:
        return arn in self.destinations


def number(**overrides: Any) -> NumberSettings:
    values: dict[str, Any] = {
        "phone_number_id": PHONE_ID,
        "arn": NUMBER_ARN,
        "phone_number": E164,
        "two_way_enabled": True,
        "two_way_channel_arn": TOPIC,
        "two_way_channel_role": ROLE,
    }
    values.update(overrides)
    return NumberSettings(**values)


def role_mode(**changes: Any) -> tuple[NumberSettings, FakeAws]:
    """A correct deployment: channel role, topic encrypted with a key that delegates to IAM."""
    aws = FakeAws(
        roles={ROLE: good_role(PUBLISH_STATEMENT, ENCRYPTED_STATEMENT)},
        topics={TOPIC: topic(key=KEY)},
        keys={KEY: good_key()},
    )
    return number(**changes), aws


def topic_policy_mode(**changes: Any) -> tuple[NumberSettings, FakeAws]:
    """A correct deployment without a role: topic policy and key policy grant the service."""
    aws = FakeAws(
        topics={TOPIC: topic(DEFAULT_TOPIC_STATEMENT, TOPIC_STATEMENT, key=KEY)},
        keys={KEY: good_key(ROOT_STATEMENT, KEY_SMS_STATEMENT)},
    )
    return number(two_way_channel_role=None, **changes), aws


def connect_mode() -> tuple[NumberSettings, FakeAws]:
    aws = FakeAws(
        roles={ROLE: good_role(CONNECT_STATEMENT)},
        connect={NUMBER_ARN: ConnectImport("connect-phone-1", E164, INSTANCE)},
    )
    return number(two_way_channel_arn=CONNECT), aws


# The reply side: a responder function subscribed to TOPIC that answers from NUMBER_ARN.
RESPONDER = f"arn:aws:lambda:{REGION}:{ACCOUNT}:function:sms-responder"
RESPONDER_ROLE = f"arn:aws:iam::{ACCOUNT}:role/sms-responder"
FAILED_QUEUE = f"arn:aws:sqs:{REGION}:{ACCOUNT}:sms-responder-failed"
SNS_INVOKE_STATEMENT = {
    "Sid": "AllowTwoWaySmsTopic",
    "Effect": "Allow",
    "Principal": {"Service": "sns.amazonaws.com"},
    "Action": "lambda:InvokeFunction",
    "Resource": RESPONDER,
    "Condition": {"ArnLike": {"aws:SourceArn": TOPIC}},
}
REPLY_STATEMENT = {
    "Effect": "Allow",
    "Action": "sms-voice:SendTextMessage",
    "Resource": [NUMBER_ARN],
}


def responder_function(**changes: Any) -> FunctionData:
    values: dict[str, Any] = {
        "arn": RESPONDER,
        "role_arn": RESPONDER_ROLE,
        "resource_policy": json.dumps(policy(SNS_INVOKE_STATEMENT)),
        "on_failure_destination": FAILED_QUEUE,
        **changes,
    }
    return FunctionData(**values)


def responder_mode(**function_changes: Any) -> tuple[NumberSettings, FakeAws]:
    """role_mode plus a correct responder: subscribed, invocable by SNS for the topic, allowed to
    reply from the number, failures going to a queue that exists."""
    settings, aws = role_mode()
    aws.subscriptions[TOPIC] = [RESPONDER]
    aws.functions[RESPONDER] = responder_function(**function_changes)
    aws.roles[RESPONDER_ROLE] = RoleData(
        arn=RESPONDER_ROLE,
        trust_policy=policy(),
        inline_policies=[("sms-responder-reply", policy(REPLY_STATEMENT))],
    )
    aws.destinations.add(FAILED_QUEUE)
    return settings, aws
