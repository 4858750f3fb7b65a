"""`two-way-sms doctor`: judge a number's live two-way configuration, read-only."""

from __future__ import annotations

import argparse
import json
from typing import Any

from two_way_sms.cli import arguments, aws_session
from two_way_sms.cli.aws_reader import AwsReader
from two_way_sms.cli.check_report import render_json, render_text
from two_way_sms.cli.errors import EXIT_FAILED, EXIT_OK, CliError
from two_way_sms.doctor import all_passed, check_delivery

DESCRIPTION = """\
Read the number's two-way settings and everything they name (role and its policies, topic and
its policy, key and its policy, Amazon Connect claim, and the Lambda functions that answer the
topic: subscription, resource policy, role, on-failure destination) with Describe/Get/List calls
only, and judge them with the delivery rules the emulator routes by. One line per check; each
FAIL is followed by its fix. Exit 0 when every check passes, 1 otherwise, 2 on usage or connection
errors."""


def add_parser(commands: Any) -> None:
    parser: argparse.ArgumentParser = commands.add_parser(
        "doctor",
        help="check that inbound SMS to a number will be delivered (read-only)",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    arguments.add_phone_number_id(parser)
    parser.add_argument(
        "--responder",
        action="append",
        default=[],
        metavar="FUNCTION",
        help="a Lambda function (name or ARN) that should answer the topic's messages; "
        "repeatable (the topic's Lambda subscribers are judged in any case)",
    )
    arguments.add_aws_location(parser)
    arguments.add_json(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    clients = aws_session.open_clients(args.region, args.phone_number_id, args.endpoint_url)
    reader = AwsReader(clients)
    number = reader.phone_number(args.phone_number_id)
    named = [_function_arn(reader, name, number.region) for name in args.responder]
    checks = check_delivery(number, reader, replies=reader, named_responders=named)
    if args.json:
        print(json.dumps(render_json(number, checks), indent=2))
    else:
        print(render_text("two-way SMS doctor", number, checks))
    return EXIT_OK if all_passed(checks) else EXIT_FAILED


def _function_arn(reader: AwsReader, name: str, region: str) -> str:
    arn = reader.function_arn(name, region)
    if arn is None:
        raise CliError(
            f"--responder {name}: no such Lambda function in {region} for these credentials; "
            "give its name or ARN"
        )
    return arn
