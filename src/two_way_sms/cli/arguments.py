"""Argument types and options shared by the subcommands."""

from __future__ import annotations

import argparse

from two_way_sms.identifiers import is_e164, phone_number_id_of


def e164(value: str) -> str:
    if not is_e164(value):
        raise argparse.ArgumentTypeError(
            f"{value!r} is not an E.164 phone number such as +12065550100"
        )
    return value


def phone_number_id(value: str) -> str:
    if phone_number_id_of(value) is None:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a phone number ID (phone-<32 hex digits>) or its ARN"
        )
    return value


def key_value(value: str) -> tuple[str, str]:
    key, sep, val = value.partition("=")
    if not sep or not key:
        raise argparse.ArgumentTypeError(f"{value!r}: expected NAME=VALUE")
    return key, val


def add_phone_number_id(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--phone-number-id",
        required=True,
        type=phone_number_id,
        metavar="ID",
        help="the number's ID (phone-...) or ARN",
    )


def add_aws_location(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--region",
        metavar="R",
        help="AWS region (default: the number ARN's region, else AWS_REGION or the profile's)",
    )
    add_endpoint_url(
        parser,
        "AWS endpoint, e.g. http://localhost:4566 for LocalStack "
        "(default: AWS_ENDPOINT_URL, else AWS)",
    )


def add_endpoint_url(parser: argparse.ArgumentParser, help_text: str) -> None:
    parser.add_argument("--endpoint-url", metavar="URL", help=help_text)


def add_json(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print a JSON document instead")
