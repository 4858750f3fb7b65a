#!/usr/bin/env python3
"""Turn two-way SMS on or off for a phone number Terraform does not manage as a resource.

Run by the two-way-channel module (terraform_data + local-exec) on create and on destroy:

  two_way_channel.py enable  --phone-number-id ID --channel-arn ARN [--channel-role ARN]
                             [--connect-instance-id ID] [--region R]
  two_way_channel.py disable --phone-number-id ID [--connect-instance-id ID] [--region R]

`enable` sets TwoWayEnabled, TwoWayChannelArn and TwoWayChannelRole (UpdatePhoneNumber) and,
for Amazon Connect, imports the number into the instance (ImportPhoneNumber) unless it is
there already. `disable` releases the number from the Connect instance if it was imported and
turns two-way off; the number itself is never released. Both are idempotent: running them
twice changes nothing the second time. Needs only Python 3.8+ and boto3, whose usual
credential and endpoint settings (AWS_PROFILE, AWS_ENDPOINT_URL, ...) apply.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any, Optional


def _clients(region: Optional[str]) -> tuple[Any, Any]:
    try:
        import boto3
    except ImportError:
        sys.exit("two_way_channel.py needs boto3: pip install boto3 (or set var.python to a Python that has it)")
    session = boto3.session.Session(region_name=region)
    return session.client("pinpoint-sms-voice-v2"), session.client("connect")


def _instance_id(instance: str) -> str:
    """Connect's InstanceId takes the instance ID; the module also accepts the instance ARN."""
    return instance.rsplit("/", 1)[-1] if instance.startswith("arn:") else instance


def _describe(sms: Any, phone_number_id: str) -> dict[str, Any]:
    return sms.describe_phone_numbers(PhoneNumberIds=[phone_number_id])["PhoneNumbers"][0]


def _connect_number(connect: Any, instance_id: str, e164: str) -> Optional[dict[str, Any]]:
    """The instance's claimed number with this E.164 value, if it was imported already."""
    instance_arn = connect.describe_instance(InstanceId=instance_id)["Instance"]["Arn"] if not instance_id.startswith("arn:") else instance_id
    token: Optional[str] = None
    while True:
        kwargs: dict[str, Any] = {"TargetArn": instance_arn, "MaxResults": 100}
        if token:
            kwargs["NextToken"] = token
        page = connect.list_phone_numbers_v2(**kwargs)
        for number in page.get("ListPhoneNumbersSummaryList", []):
            if number.get("PhoneNumber") == e164:
                return number
        token = page.get("NextToken")
        if not token:
            return None


def enable(args: argparse.Namespace) -> None:
    sms, connect = _clients(args.region)
    number = _describe(sms, args.phone_number_id)
    wanted = {"TwoWayEnabled": True, "TwoWayChannelArn": args.channel_arn}
    if args.channel_role:
        wanted["TwoWayChannelRole"] = args.channel_role
    if any(number.get(k) != v for k, v in wanted.items()):
        sms.update_phone_number(PhoneNumberId=args.phone_number_id, **wanted)
        print(f"two-way on for {number['PhoneNumber']} -> {args.channel_arn}")
    if args.connect_instance_id and _connect_number(connect, args.connect_instance_id, number["PhoneNumber"]) is None:
        connect.import_phone_number(InstanceId=_instance_id(args.connect_instance_id), SourcePhoneNumberArn=number["PhoneNumberArn"])
        print(f"imported {number['PhoneNumber']} into Amazon Connect instance {args.connect_instance_id}")


def disable(args: argparse.Namespace) -> None:
    sms, connect = _clients(args.region)
    try:
        number = _describe(sms, args.phone_number_id)
    except sms.exceptions.ResourceNotFoundException:
        print(f"{args.phone_number_id} no longer exists: nothing to turn off")
        return
    if args.connect_instance_id:
        imported = _connect_number(connect, args.connect_instance_id, number["PhoneNumber"])
        if imported is not None:
            connect.release_phone_number(PhoneNumberId=imported["PhoneNumberId"])
            print(f"released {number['PhoneNumber']} from Amazon Connect instance {args.connect_instance_id}")
    if number.get("TwoWayEnabled"):
        sms.update_phone_number(PhoneNumberId=args.phone_number_id, TwoWayEnabled=False)
        print(f"two-way off for {number['PhoneNumber']} (the number is kept)")


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    for name in ("enable", "disable"):
        command = commands.add_parser(name)
        command.add_argument("--phone-number-id", required=True)
        command.add_argument("--connect-instance-id", default="")
        command.add_argument("--region", default=None)
        if name == "enable":
            command.add_argument("--channel-arn", required=True)
            command.add_argument("--channel-role", default="")
    args = parser.parse_args(argv)
    try:
        (enable if args.command == "enable" else disable)(args)
    except Exception as error:  # boto3's ClientError and friends: say what failed, exit non-zero
        print(f"two_way_channel.py {args.command} failed for {args.phone_number_id}: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
