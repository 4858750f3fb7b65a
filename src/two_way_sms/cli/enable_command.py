"""`two-way-sms enable`: the guide's update-phone-number step, after judging its outcome."""

from __future__ import annotations

import argparse
from typing import Any

from two_way_sms.cli import arguments, aws_session
from two_way_sms.cli.aws_errors import call
from two_way_sms.cli.aws_reader import SMS_VOICE, AwsReader
from two_way_sms.cli.check_report import describe_number, render_text
from two_way_sms.cli.errors import EXIT_FAILED, EXIT_OK
from two_way_sms.delivery import NumberSettings, Status
from two_way_sms.doctor import all_passed, check_delivery

DESCRIPTION = """\
Turn two-way SMS on (UpdatePhoneNumber TwoWayEnabled=true, TwoWayChannelArn, and
TwoWayChannelRole when given; without --channel-role the number keeps its current role, as the
API does). First the doctor's checks judge the number as it would be; on any FAIL nothing is
changed (exit 1) unless --force. Exit 0 once the number is updated."""


def add_parser(commands: Any) -> None:
    parser: argparse.ArgumentParser = commands.add_parser(
        "enable",
        help="turn two-way SMS on for a number, if the result would deliver",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    arguments.add_phone_number_id(parser)
    parser.add_argument(
        "--channel-arn",
        required=True,
        metavar="ARN",
        help="SNS topic ARN, or connect.<region>.amazonaws.com for Amazon Connect",
    )
    parser.add_argument(
        "--channel-role",
        metavar="ARN",
        help="IAM role the service assumes (omit for topic-policy access)",
    )
    arguments.add_aws_location(parser)
    parser.add_argument(
        "--force", action="store_true", help="update the number even if a check fails"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    clients = aws_session.open_clients(args.region, args.phone_number_id, args.endpoint_url)
    reader = AwsReader(clients)
    current = reader.phone_number(args.phone_number_id)
    proposed = current.with_two_way(args.channel_arn, args.channel_role)
    checks = check_delivery(proposed, reader)
    print(render_text("two-way SMS enable: judging the number as it would be", proposed, checks))
    failures = [check.name for check in checks if check.status is Status.FAIL]
    if not all_passed(checks) and not args.force:
        print(
            f"\nNothing changed on {current.phone_number_id}: fix the FAILs above and run enable "
            "again (or pass --force to update it anyway)."
        )
        return EXIT_FAILED
    updated = _update(clients, current, args.channel_arn, args.channel_role)
    print(f"\nUpdated {describe_number(updated)}")
    if failures:
        print(f"Forced despite failing checks ({', '.join(failures)}): messages will be dropped.")
    return EXIT_OK


def _update(
    clients: aws_session.Clients, number: NumberSettings, channel_arn: str, role_arn: str | None
) -> NumberSettings:
    params: dict[str, Any] = {
        "PhoneNumberId": number.phone_number_id,
        "TwoWayEnabled": True,
        "TwoWayChannelArn": channel_arn,
    }
    if role_arn:
        params["TwoWayChannelRole"] = role_arn
    return NumberSettings.from_api(call(clients(SMS_VOICE), "UpdatePhoneNumber", **params))
