"""examples/connect and examples/existing-number, applied to LocalStack with the emulator.

Both route numbers through the two-way-channel module (its two_way_channel.py runs with this
test session's Python, which has boto3, against LocalStack through AWS_ENDPOINT_URL):

- connect: the Connect instance and the number are created here with boto3, as a user's would
  exist already (on provider 5.x a Connect-routed number cannot be a Terraform resource). Apply;
  the number has two-way on with the channel connect.us-east-1.amazonaws.com and the role, and
  is imported into the instance; an inbound SMS becomes exactly one chat integration event;
  without the role's policy it is dropped naming connect:SendChatIntegrationEvent; a second plan
  changes nothing. Destroy removes the import and the role, turns two-way off, keeps the number.
- the module's script also takes an instance ARN (ImportPhoneNumber needs the ID).
- existing-number: a number requested out of band with boto3 is adopted: apply turns two-way on
  (encrypted topic, channel role), an inbound SMS reaches a test-owned queue exactly once;
  destroy turns two-way off and keeps the number, which the test releases.
"""

from __future__ import annotations

import json
import subprocess
import sys
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.support.inbound import CUSTOMER, PAYLOAD_FIELDS, drain_payloads
from two_way_sms_tools.terraform.localstack_apply import applied_root, localstack_terraform_env

pytestmark = pytest.mark.e2e

REGION = "us-east-1"
SEND = "connect:SendChatIntegrationEvent"
ROLE_POLICY = "two-way-sms-destination"  # the channel-role module's inline policy


def _unique(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:6]}"


# =============================================================================================
# examples/connect


def _remove_leftovers(aws: Callable[[str], Any], role_name: str) -> None:
    """What a failed destroy leaves: numbers routed through the example's role, and the role."""
    sms, iam = aws("pinpoint-sms-voice-v2"), aws("iam")
    for page in sms.get_paginator("describe_phone_numbers").paginate():
        for number in page["PhoneNumbers"]:
            if number.get("TwoWayChannelRole", "").endswith(f"/{role_name}"):
                sms.release_phone_number(PhoneNumberId=number["PhoneNumberId"])
    try:
        for policy in iam.list_role_policies(RoleName=role_name)["PolicyNames"]:
            iam.delete_role_policy(RoleName=role_name, PolicyName=policy)
        iam.delete_role(RoleName=role_name)
    except iam.exceptions.NoSuchEntityException:
        pass


def test_connect_example_imports_the_number_and_routes_to_the_instance(
    project_root: Path,
    localstack_endpoint: str,
    aws: Callable[[str], Any],
    send_inbound: Callable[..., dict[str, Any]],
    chat_events: Callable[..., list[dict[str, Any]]],
) -> None:
    connect, sms, iam = aws("connect"), aws("pinpoint-sms-voice-v2"), aws("iam")
    instance = connect.create_instance(
        IdentityManagementType="CONNECT_MANAGED",
        InstanceAlias=_unique("e2e-contact-center"),
        InboundCallsEnabled=True,
        OutboundCallsEnabled=True,
    )
    requested = sms.request_phone_number(
        IsoCountryCode="US",
        MessageType="TRANSACTIONAL",
        NumberCapabilities=["SMS"],
        NumberType="TOLL_FREE",
    )
    # The same shape as Terraform's phone_numbers output, for the assertions below.
    number = {
        "id": requested["PhoneNumberId"],
        "arn": requested["PhoneNumberArn"],
        "phone_number": requested["PhoneNumber"],
    }
    name = _unique("e2e-connect")
    variables = {
        "connect_instance_id": instance["Id"],
        "phone_number_ids": json.dumps([number["id"]]),
        "python": sys.executable,
        "name": name,
    }
    try:
        with applied_root(project_root, "examples/connect", localstack_endpoint, variables) as root:
            outputs = root.outputs
            role = outputs["channel_role_arn"]
            role_name = role.split("/")[-1]
            assert outputs["two_way_channel_arn"] == f"connect.{REGION}.amazonaws.com"

            described = sms.describe_phone_numbers(PhoneNumberIds=[number["id"]])["PhoneNumbers"][0]
            assert described["TwoWayEnabled"] is True
            assert described["TwoWayChannelArn"] == f"connect.{REGION}.amazonaws.com"
            assert described["TwoWayChannelRole"] == role
            permissions = iam.get_role_policy(RoleName=role_name, PolicyName=ROLE_POLICY)[
                "PolicyDocument"
            ]
            assert [s["Action"] for s in permissions["Statement"]] == [SEND]

            (claimed,) = connect.list_phone_numbers_v2(TargetArn=instance["Arn"])[
                "ListPhoneNumbersSummaryList"
            ]
            assert claimed["PhoneNumber"] == number["phone_number"]
            assert claimed["SourcePhoneNumberArn"] == number["arn"]
            assert claimed["TargetArn"] == instance["Arn"]

            # An inbound SMS becomes exactly one chat integration event in the instance.
            outcome = send_inbound(
                originationNumber=CUSTOMER,
                destinationNumber=number["phone_number"],
                messageBody="I need an agent",
            )
            assert outcome["delivered"] is True, outcome
            assert outcome["destination"] == instance["Arn"]
            events = chat_events(instanceId=instance["Id"], phoneNumber=number["phone_number"])
            assert len(events) == 1, events
            (event,) = events
            assert event["inboundMessageId"] == outcome["inboundMessageId"]
            assert (event["sourceId"], event["destinationId"]) == (CUSTOMER, number["arn"])
            assert event["event"]["Content"] == "I need an agent"
            assert event["caller"].startswith(
                f"arn:aws:sts::000000000000:assumed-role/{role_name}/"
            )
            assert list(event["payload"]) == PAYLOAD_FIELDS

            # The role without its permission policy: dropped, naming the permission.
            iam.delete_role_policy(RoleName=role_name, PolicyName=ROLE_POLICY)
            dropped = send_inbound(
                originationNumber=CUSTOMER,
                destinationNumber=number["phone_number"],
                messageBody="hi",
            )
            assert dropped["delivered"] is False, dropped
            assert SEND in dropped["reason"], dropped["reason"]
            assert chat_events(inboundMessageId=dropped["inboundMessageId"]) == []
            iam.put_role_policy(
                RoleName=role_name, PolicyName=ROLE_POLICY, PolicyDocument=json.dumps(permissions)
            )
            restored = send_inbound(
                originationNumber=CUSTOMER,
                destinationNumber=number["phone_number"],
                messageBody="ok",
            )
            assert restored["delivered"] is True, restored
            assert len(chat_events(inboundMessageId=restored["inboundMessageId"])) == 1

            # Nothing drifted: a second plan changes nothing.
            assert root.replan_changes() == []

        # Destroyed: the import is gone and two-way is off, the number is kept; the role is gone.
        kept = sms.describe_phone_numbers(PhoneNumberIds=[number["id"]])["PhoneNumbers"][0]
        assert kept["TwoWayEnabled"] is False
        assert (
            connect.list_phone_numbers_v2(TargetArn=instance["Arn"])["ListPhoneNumbersSummaryList"]
            == []
        )
        with pytest.raises(iam.exceptions.NoSuchEntityException):
            iam.get_role(RoleName=role_name)
    finally:
        connect.delete_instance(InstanceId=instance["Id"])  # also drops any import left behind
        sms.release_phone_number(PhoneNumberId=number["id"])
        _remove_leftovers(aws, f"{name}-sms-voice")


def test_two_way_channel_script_takes_the_instance_arn_its_module_accepts(
    project_root: Path, localstack_endpoint: str, aws: Callable[[str], Any]
) -> None:
    connect, sms = aws("connect"), aws("pinpoint-sms-voice-v2")
    instance = connect.create_instance(
        IdentityManagementType="CONNECT_MANAGED",
        InstanceAlias=_unique("e2e-script-cc"),
        InboundCallsEnabled=True,
        OutboundCallsEnabled=True,
    )
    number = sms.request_phone_number(
        IsoCountryCode="US",
        MessageType="TRANSACTIONAL",
        NumberCapabilities=["SMS"],
        NumberType="TOLL_FREE",
    )
    script = project_root / "modules" / "two-way-channel" / "two_way_channel.py"
    env = localstack_terraform_env(project_root, localstack_endpoint, REGION)

    def run(*arguments: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, str(script), *arguments, "--region", REGION],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )

    try:
        enabled = run(
            "enable",
            "--phone-number-id",
            number["PhoneNumberId"],
            "--channel-arn",
            f"connect.{REGION}.amazonaws.com",
            "--connect-instance-id",
            instance["Arn"],
        )
        assert enabled.returncode == 0, enabled.stderr
        (claimed,) = connect.list_phone_numbers_v2(TargetArn=instance["Arn"])[
            "ListPhoneNumbersSummaryList"
        ]
        assert claimed["SourcePhoneNumberArn"] == number["PhoneNumberArn"]
        disabled = run(
            "disable",
            "--phone-number-id",
            number["PhoneNumberId"],
            "--connect-instance-id",
            instance["Arn"],
        )
        assert disabled.returncode == 0, disabled.stderr
        assert (
            connect.list_phone_numbers_v2(TargetArn=instance["Arn"])["ListPhoneNumbersSummaryList"]
            == []
        )
    finally:
        connect.delete_instance(InstanceId=instance["Id"])
        sms.release_phone_number(PhoneNumberId=number["PhoneNumberId"])


# =============================================================================================
# examples/existing-number


def test_existing_number_is_adopted_and_kept(
    project_root: Path,
    localstack_endpoint: str,
    aws: Callable[[str], Any],
    send_inbound: Callable[..., dict[str, Any]],
    subscribed_queue: Callable[[str], str],
) -> None:
    sms, sns, iam, sqs = (aws(s) for s in ("pinpoint-sms-voice-v2", "sns", "iam", "sqs"))
    number = sms.request_phone_number(
        IsoCountryCode="US",
        MessageType="TRANSACTIONAL",
        NumberCapabilities=["SMS"],
        NumberType="LONG_CODE",
    )
    variables = {
        "phone_number_ids": json.dumps([number["PhoneNumberId"]]),
        "python": sys.executable,
        "name": _unique("e2e-existing"),
    }
    try:
        with applied_root(
            project_root, "examples/existing-number", localstack_endpoint, variables
        ) as root:
            assert root.replan_changes() == []
            topic, role = root.outputs["topic_arn"], root.outputs["channel_role_arn"]
            described = sms.describe_phone_numbers(PhoneNumberIds=[number["PhoneNumberId"]])[
                "PhoneNumbers"
            ][0]
            assert described["TwoWayEnabled"] is True
            assert described["TwoWayChannelArn"] == topic
            assert described["TwoWayChannelRole"] == role
            key = root.outputs["kms_key_arn"]
            assert sns.get_topic_attributes(TopicArn=topic)["Attributes"]["KmsMasterKeyId"] == key

            queue = subscribed_queue(topic)
            outcome = send_inbound(
                originationNumber=CUSTOMER,
                destinationNumber=number["PhoneNumber"],
                messageBody="JOIN now",
            )
            assert outcome["delivered"] is True, outcome
            assert outcome["destination"] == topic
            received = drain_payloads(sqs, queue, raw=False)
            assert len(received) == 1, received
            (payload,) = received
            assert list(payload) == PAYLOAD_FIELDS
            assert payload["originationNumber"] == CUSTOMER
            assert payload["destinationNumber"] == number["PhoneNumber"]
            assert payload["messageBody"] == "JOIN now"
            assert payload["inboundMessageId"] == outcome["inboundMessageId"]
            uuid.UUID(payload["inboundMessageId"])

        # Destroyed: the number is kept, with two-way off; topic and role are gone.
        kept = sms.describe_phone_numbers(PhoneNumberIds=[number["PhoneNumberId"]])["PhoneNumbers"][
            0
        ]
        assert kept["Status"] == "ACTIVE"
        assert kept["TwoWayEnabled"] is False
        with pytest.raises(sns.exceptions.NotFoundException):
            sns.get_topic_attributes(TopicArn=topic)
        with pytest.raises(iam.exceptions.NoSuchEntityException):
            iam.get_role(RoleName=role.split("/")[-1])
    finally:
        sms.release_phone_number(PhoneNumberId=number["PhoneNumberId"])
    with pytest.raises(sms.exceptions.ResourceNotFoundException):
        sms.describe_phone_numbers(PhoneNumberIds=[number["PhoneNumberId"]])
