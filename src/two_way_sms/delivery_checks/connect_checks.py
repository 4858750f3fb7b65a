"""Checks of an Amazon Connect destination (TwoWayChannelArn connect.<region>.amazonaws.com):
the number's own Region, a channel role, and the number imported into a Connect instance."""

from __future__ import annotations

from two_way_sms.delivery_checks import commands, statements
from two_way_sms.delivery_checks.deployment import ConnectNumber, NumberSettings
from two_way_sms.delivery_checks.results import Check, FixStep, failed, passed
from two_way_sms.delivery_checks.role_checks import create_role_steps


def connect_same_region(number: NumberSettings, region: str) -> Check:
    """ImportPhoneNumber only imports a number into an instance of the number's Region."""
    channel = number.two_way_channel_arn
    if region == number.region:
        return passed("connect-region", f"{channel} is the number's Region ({region})")
    return failed(
        "connect-region",
        f"{channel} names Region {region} but {number.phone_number_id} is in {number.region}; a "
        "number can only be imported into an Amazon Connect instance of its own Region",
        FixStep(
            "Route the number to Amazon Connect in its own Region",
            command=commands.update_phone_number(
                number.region,
                number.phone_number_id,
                f"connect.{number.region}.amazonaws.com",
                number.two_way_channel_role,
            ),
        ),
    )


def connect_role(number: NumberSettings) -> Check:
    if number.two_way_channel_role:
        return passed(
            "connect-role",
            f"Amazon Connect destination with TwoWayChannelRole {number.two_way_channel_role}",
        )
    role_arn = f"arn:{number.partition}:iam::{number.account}:role/sms-voice-two-way"
    return failed(
        "connect-role",
        "Amazon Connect destinations need a TwoWayChannelRole allowed "
        "connect:SendChatIntegrationEvent; none is set",
        *create_role_steps(number, role_arn, [statements.role_connect()]),
        FixStep(
            "Set it as the number's TwoWayChannelRole",
            command=commands.update_phone_number(
                number.region,
                number.phone_number_id,
                number.two_way_channel_arn or "",
                role_arn,
            ),
        ),
    )


def connect_number_imported(
    number: NumberSettings, region: str, imported: ConnectNumber | None
) -> Check:
    if imported is not None:
        return passed(
            "connect-number-imported",
            f"{number.phone_number or number.phone_number_id} is imported into Amazon Connect "
            f"({imported.target_arn}, {imported.phone_number_id})",
        )
    return failed(
        "connect-number-imported",
        f"{number.phone_number or number.phone_number_id} is not imported into any Amazon Connect "
        f"instance in {region} (ListPhoneNumbersV2)",
        FixStep(
            "Import the number into the Connect instance that takes the chats",
            command=commands.import_phone_number(region, "<connect-instance-id>", number.arn),
        ),
    )
