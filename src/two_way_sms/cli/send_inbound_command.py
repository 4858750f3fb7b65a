"""`two-way-sms send-inbound`: text one of the emulator's numbers as a customer would."""

from __future__ import annotations

import argparse
import json
from typing import Any

from two_way_sms.cli import arguments
from two_way_sms.cli.errors import EXIT_FAILED, EXIT_OK, CliError
from two_way_sms.cli.inbound_client import endpoint_or_default, post_inbound

DESCRIPTION = """\
Inject an inbound SMS into the LocalStack emulator (POST /_aws/sms-voice/inbound-messages) and
print what happened to it: delivered to the number's destination, or dropped and why. Exit 0 if
delivered, 1 if dropped, 2 on usage or connection errors."""


def add_parser(commands: Any) -> None:
    parser: argparse.ArgumentParser = commands.add_parser(
        "send-inbound",
        help="simulate a customer SMS to an emulated number (LocalStack)",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--from",
        dest="origination",
        required=True,
        type=arguments.e164,
        metavar="E164",
        help="the customer's number",
    )
    parser.add_argument(
        "--to",
        dest="destination",
        required=True,
        type=arguments.e164,
        metavar="E164",
        help="your (emulated) number",
    )
    parser.add_argument("--body", required=True, metavar="TEXT", help="the message text")
    parser.add_argument(
        "--previous-message-id", metavar="ID", help="the message the customer replies to"
    )
    arguments.add_endpoint_url(
        parser, "LocalStack endpoint (default: AWS_ENDPOINT_URL, else http://localhost:4566)"
    )
    arguments.add_json(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if not args.body.strip():
        raise CliError("--body must not be empty")
    message: dict[str, Any] = {
        "originationNumber": args.origination,
        "destinationNumber": args.destination,
        "messageBody": args.body,
    }
    if args.previous_message_id:
        message["previousPublishedMessageId"] = args.previous_message_id
    answer = post_inbound(endpoint_or_default(args.endpoint_url), message)
    delivered = bool(answer.get("delivered"))
    if args.json:
        print(json.dumps(answer, indent=2))
    else:
        verdict = "delivered" if delivered else "dropped"
        print(f"{verdict}: {answer.get('reason', '')}")
        print(
            f"  inboundMessageId {answer.get('inboundMessageId', '-')}, "
            f"destination {answer.get('destination') or '-'}"
        )
    return EXIT_OK if delivered else EXIT_FAILED
