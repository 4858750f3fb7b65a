"""Checks of the SNS topic: it exists, and (without a role) its policy lets the service publish."""

from __future__ import annotations

from collections.abc import Mapping

from two_way_sms.delivery_checks import commands, statements
from two_way_sms.delivery_checks.deployment import NumberSettings
from two_way_sms.delivery_checks.judging import Judged, judge, topic_policy, topic_policy_edit
from two_way_sms.delivery_checks.policy_edits import Policies
from two_way_sms.delivery_checks.results import Check, FixStep, failed, passed
from two_way_sms.emulator import service_requests
from two_way_sms.identifiers import SMS_VOICE_PRINCIPAL, parse_arn


def topic_exists(topic_arn: str, attributes: Mapping[str, str] | None) -> Check:
    if attributes is not None:
        return passed("topic-exists", f"SNS topic {topic_arn} exists")
    topic = parse_arn(topic_arn)
    region = topic.region if topic else ""
    name = topic.resource if topic else topic_arn
    account = topic.account if topic else "?"
    return failed(
        "topic-exists",
        f"SNS topic {topic_arn} does not exist (GetTopicAttributes)",
        FixStep(
            f"Create the topic in account {account}, {region} (or route the number to a topic "
            "that exists)",
            command=commands.create_topic(region, name),
        ),
    )


def topic_policy_publish(
    number: NumberSettings, topic_arn: str, attributes: Mapping[str, str]
) -> Judged:
    """No TwoWayChannelRole: the topic policy must let sms-voice.amazonaws.com publish."""
    statement = statements.topic_publish(topic_arn, number.partition, number.region, number.account)
    return judge(
        "topic-policy-publish",
        [
            service_requests.publish_as_service(
                topic_arn, source_account=number.account, source_arn=number.arn
            )
        ],
        Policies(resource=topic_policy(topic_arn, attributes)),
        [topic_policy_edit(topic_arn, attributes, statement)],
        who=f"{SMS_VOICE_PRINCIPAL} (no TwoWayChannelRole, so the topic policy decides)",
        what=lambda r: f"sns:Publish to {r.resource} for {number.arn}",
    )


def topic_encryption(topic_arn: str, attributes: Mapping[str, str]) -> Check:
    key_id = attributes.get("KmsMasterKeyId")
    if key_id:
        return passed("topic-encryption", f"{topic_arn} is encrypted with KmsMasterKeyId {key_id}")
    return passed(
        "topic-encryption", f"{topic_arn} is not encrypted (no KmsMasterKeyId): no key to check"
    )
