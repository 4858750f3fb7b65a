"""Checks of the number's own settings: two-way on, a destination, a standard topic."""

from __future__ import annotations

from two_way_sms.delivery_checks import commands
from two_way_sms.delivery_checks.deployment import NumberSettings
from two_way_sms.delivery_checks.results import Check, FixStep, failed, passed
from two_way_sms.delivery_checks.snapshot import connect_region, is_sns_channel
from two_way_sms.identifiers import check_two_way_channel_arn, is_connect_channel, parse_arn


def topic_placeholder(number: NumberSettings, name: str = "<topic-name>") -> str:
    return f"arn:{number.partition}:sns:{number.region}:{number.account}:{name}"


def _update(number: NumberSettings, channel: str | None = None) -> str:
    return commands.update_phone_number(
        number.region,
        number.phone_number_id,
        channel or number.two_way_channel_arn or topic_placeholder(number),
        number.two_way_channel_role,
    )


def two_way_enabled(number: NumberSettings) -> Check:
    if number.two_way_enabled:
        return passed("two-way-enabled", f"TwoWayEnabled is true on {number.phone_number_id}")
    return failed(
        "two-way-enabled",
        f"TwoWayEnabled is false on {number.phone_number_id}: inbound messages go nowhere",
        FixStep("Turn two-way SMS on for the number", command=_update(number)),
    )


def two_way_channel(number: NumberSettings) -> Check:
    channel = number.two_way_channel_arn
    if not channel:
        return failed(
            "two-way-channel",
            f"{number.phone_number_id} has no two-way destination (TwoWayChannelArn is not set)",
            FixStep(
                "Set the SNS topic (or connect.<region>.amazonaws.com) that receives the messages",
                command=_update(number),
            ),
        )
    if is_connect_channel(channel):
        return passed(
            "two-way-channel",
            f"TwoWayChannelArn {channel} is Amazon Connect in {connect_region(channel)}",
        )
    if is_sns_channel(channel):
        return passed("two-way-channel", f"TwoWayChannelArn is the SNS topic {channel}")
    return failed(
        "two-way-channel",
        str(check_two_way_channel_arn(channel)),
        FixStep(
            "Set an SNS topic ARN or connect.<region>.amazonaws.com as the destination",
            command=_update(number, topic_placeholder(number)),
        ),
    )


def standard_topic(number: NumberSettings, topic_arn: str) -> Check:
    if not topic_arn.endswith(".fifo"):
        return passed("standard-topic", f"{topic_arn} is a standard topic (not FIFO)")
    topic = parse_arn(topic_arn)
    standard_name = (topic.resource if topic else "inbound-sms").removesuffix(".fifo")
    standard = topic_arn.removesuffix(".fifo")
    return failed(
        "standard-topic",
        f"{topic_arn} is an SNS FIFO topic; two-way SMS only publishes to standard topics",
        FixStep(
            "Create a standard topic (no .fifo suffix)",
            command=commands.create_topic(topic.region if topic else number.region, standard_name),
        ),
        FixStep("Route the number to it", command=_update(number, standard)),
    )
