"""The names two-way SMS deals in, parsed in one place: ARNs, phone number IDs, E.164 numbers,
two-way channels, IAM role ARNs and the service principals.

Standard library only: the policy evaluator, the delivery rules, the doctor, the CLI and the
emulator all import from here, so a pattern is never written twice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SMS_VOICE_PRINCIPAL = "sms-voice.amazonaws.com"  # End User Messaging SMS, as a principal
SNS_PRINCIPAL = "sns.amazonaws.com"  # SNS, as it calls KMS for an encrypted topic

# The API model's PhoneNumber pattern (`\+?[1-9][0-9]{1,18}`) with the "+" required: the service
# accepts up to 19 digits, so the emulator and the CLI do too (ITU-T E.164 itself stops at 15).
E164 = re.compile(r"\+[1-9][0-9]{1,18}")
PHONE_NUMBER_ID = re.compile(r"phone-[0-9a-f]{32}")
ACCOUNT_ID = re.compile(r"\d{12}")
_CONNECT_CHANNEL = re.compile(r"connect\.([a-z0-9-]+)\.amazonaws\.com")
_ROLE_ARN = re.compile(r"arn:[a-z-]+:iam::\d{12}:role/(?:[\w+=,.@-]+/)*[\w+=,.@-]{1,64}")
_TOPIC_NAME = re.compile(r"[A-Za-z0-9_-]{1,256}(\.fifo)?")


@dataclass(frozen=True)
class Arn:
    """arn:partition:service:region:account:resource; `resource` keeps any further colons."""

    partition: str
    service: str
    region: str
    account: str
    resource: str

    @property
    def parts(self) -> tuple[str, str, str, str, str, str]:
        return ("arn", self.partition, self.service, self.region, self.account, self.resource)

    @property
    def resource_type(self) -> str:
        """ "phone-number" of "phone-number/phone-..."; "" when the resource has no type."""
        return self.resource.split("/", 1)[0] if "/" in self.resource else ""

    @property
    def resource_name(self) -> str:
        """What follows the resource type ("phone-..." of "phone-number/phone-...")."""
        return self.resource.split("/", 1)[1] if "/" in self.resource else self.resource


def parse_arn(text: str) -> Arn | None:
    """The six parts of an ARN, or None: not "arn:" and five more colon-separated parts, or an
    empty partition, service or resource (region and account may be empty, as in S3 and IAM)."""
    parts = text.split(":", 5)
    if len(parts) != 6 or parts[0] != "arn":
        return None
    arn = Arn(*parts[1:])
    if not (arn.partition and arn.service and arn.resource):
        return None
    return arn


def account_of(arn: str) -> str:
    """The account ID in an ARN, "" when there is none (not an ARN, or account-less)."""
    parsed = parse_arn(arn)
    return parsed.account if parsed else ""


def region_of(arn: str) -> str:
    parsed = parse_arn(arn)
    return parsed.region if parsed else ""


def partition_of(arn: str, default: str = "aws") -> str:
    parsed = parse_arn(arn)
    return parsed.partition if parsed else default


def function_name(function_arn: str) -> str:
    """The name in a Lambda function ARN (function:<name>[:qualifier]); the text itself when it
    is not one (a bare function name)."""
    parsed = parse_arn(function_arn)
    if parsed is None or not parsed.resource.startswith("function:"):
        return function_arn
    return parsed.resource.split(":")[1]


# --------------------------------------------------------------------------------------------
# Phone numbers


def is_e164(text: str) -> bool:
    return E164.fullmatch(text) is not None


def phone_number_id_of(identifier: str) -> str | None:
    """The phone number ID named by an ID or an End User Messaging SMS phone number ARN."""
    if PHONE_NUMBER_ID.fullmatch(identifier):
        return identifier
    arn = parse_arn(identifier)
    if (
        arn is None
        or arn.service != "sms-voice"
        or arn.resource_type != "phone-number"
        or not ACCOUNT_ID.fullmatch(arn.account)
        or not PHONE_NUMBER_ID.fullmatch(arn.resource_name)
    ):
        return None
    return arn.resource_name


# --------------------------------------------------------------------------------------------
# IAM roles and sessions


def role_name(role_arn: str) -> str:
    """The role's name: the last path element of the ARN's resource."""
    return role_arn.rsplit("/", 1)[-1]


def role_path(role_arn: str) -> str:
    """arn:...:role/a/b/name -> "/a/b/" ("/" without a path)."""
    parsed = parse_arn(role_arn)
    parts = parsed.resource.split("/")[1:-1] if parsed else []
    return "/" + "".join(f"{part}/" for part in parts)


def check_role_arn(role: str) -> str | None:
    """Why `role` can't be a TwoWayChannelRole, or None when it can."""
    if _ROLE_ARN.fullmatch(role):
        return None
    return (
        f"TwoWayChannelRole {role!r} must be an IAM role ARN "
        "(arn:<partition>:iam::<account>:role/<name>)"
    )


def session_arn(role_arn: str, session_name: str) -> str:
    """The ARN of a session of the role (session ARNs omit the role's path)."""
    parsed = parse_arn(role_arn)
    partition = parsed.partition if parsed else "aws"
    account = parsed.account if parsed else ""
    return f"arn:{partition}:sts::{account}:assumed-role/{role_name(role_arn)}/{session_name}"


# --------------------------------------------------------------------------------------------
# Two-way channels: an SNS topic ARN, or connect.<region>.amazonaws.com


def is_connect_channel(channel: str) -> bool:
    """`connect.<region>.amazonaws.com`: the two-way destination for Amazon Connect."""
    return _CONNECT_CHANNEL.fullmatch(channel) is not None


def connect_channel_region(channel: str) -> str:
    """The Region of a connect.<region>.amazonaws.com channel ("" if it is not one)."""
    match = _CONNECT_CHANNEL.fullmatch(channel)
    return match.group(1) if match else ""


def connect_channel(region: str) -> str:
    return f"connect.{region}.amazonaws.com"


def is_fifo_topic(topic_arn: str) -> bool:
    return topic_arn.endswith(".fifo")


def check_topic_arn(channel: str) -> str | None:
    """Why `channel` is not an SNS topic ARN (FIFO or standard), or None when it is one."""
    arn = parse_arn(channel)
    if arn is None or arn.service != "sns" or not arn.region or not arn.account:
        return (
            f"TwoWayChannelArn {channel!r} must be an Amazon SNS topic ARN "
            "(arn:<partition>:sns:<region>:<account>:<topic>) or connect.<region>.amazonaws.com"
        )
    if not ACCOUNT_ID.fullmatch(arn.account) or not _TOPIC_NAME.fullmatch(arn.resource):
        return f"TwoWayChannelArn {channel!r} is not a valid Amazon SNS topic ARN"
    return None


def check_two_way_channel_arn(channel: str) -> str | None:
    """Why `channel` can't be a TwoWayChannelArn, or None when it can.

    Accepted: an SNS standard topic ARN, or connect.<region>.amazonaws.com. The AWS guide:
    "SNS FIFO topics are not supported" and "set TwoWayARN to connect.region.amazonaws.com".
    """
    if is_connect_channel(channel):
        return None
    problem = check_topic_arn(channel)
    if problem:
        return problem
    if is_fifo_topic(channel):
        return f"TwoWayChannelArn {channel!r} is an SNS FIFO topic; FIFO topics are not supported"
    return None
