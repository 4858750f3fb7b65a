"""`two-way-sms doctor` against real misconfigurations applied to LocalStack with boto3.

One fixture per finding the doctor claims to detect: each builds a deployment (topic, role, key,
number, through LocalStack and the emulator) that is correct but for that one mistake, and the
test asserts that the doctor exits 1, that the named check FAILs with the right fix, and that
the emulator agrees (an inbound message to the number is dropped). The correct deployments
(role mode with an encrypted topic, topic-policy mode) pass with exit 0 and are delivered.
Also: the doctor only reads (every call it makes is Describe*/Get*/List*), and running the
commands it prints with the AWS CLI repairs the deployment.

Everything runs in an account of its own (a random 12-digit access key); every resource has a
unique name and is deleted after its test.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

from tests.support.inbound import CUSTOMER
from tests.support.live import (
    ACCOUNT,
    KEY_SMS_STATEMENT,
    OTHER_ACCOUNT,
    READ_ONLY_PREFIXES,
    REGION,
    ROOT_STATEMENT,
    Deployment,
    Number,
    Result,
    doctor,
    encrypted_statement,
    publish_statement,
    trust_statement,
)
from tests.support.live import aws_calls as aws_calls  # a fixture
from tests.support.live import cli as cli  # a fixture
from tests.support.live import client as client  # a fixture
from tests.support.live import credentials as credentials  # a fixture
from tests.support.live import deploy as deploy  # a fixture

pytestmark = pytest.mark.e2e


def delivered(send_inbound: Callable[..., dict[str, Any]], number: Number) -> bool:
    answer = send_inbound(
        originationNumber=CUSTOMER, destinationNumber=number.e164, messageBody="hello"
    )
    return bool(answer["delivered"])


# =============================================================================================
# Correct deployments


def test_role_mode_with_encrypted_topic_passes(
    deploy: Deployment,
    cli: Callable[..., Result],
    send_inbound: Callable[..., dict[str, Any]],
) -> None:
    number = deploy.role_mode()
    result = doctor(cli, number)
    assert result.code == 0, result.out
    lines = [line for line in result.out.splitlines() if line[:4] in ("PASS", "FAIL", "SKIP")]
    assert [line.split()[1] for line in lines] == [
        "number-active",
        "two-way-enabled",
        "two-way-channel",
        "standard-topic",
        "topic-exists",
        "role-exists",
        "role-trust",
        "role-publish",
        "topic-encryption",
        "kms-key-exists",
        "kms-key-symmetric",
        "kms-key-enabled",
        "kms-key-policy",
        "role-kms",
    ]
    assert all(line.startswith("PASS") for line in lines)
    assert result.out.rstrip().endswith(f"Inbound messages to {number.e164} will be delivered.")
    assert delivered(send_inbound, number)


def test_topic_policy_mode_passes(
    deploy: Deployment,
    cli: Callable[..., Result],
    send_inbound: Callable[..., dict[str, Any]],
) -> None:
    number = deploy.topic_policy_mode()
    result = doctor(cli, number, "--json")
    assert result.code == 0, result.out
    document = result.json()
    assert document["ok"] is True
    assert document["summary"] == {"PASS": 11, "FAIL": 0, "SKIP": 0}
    assert "topic-policy-publish" in [c["name"] for c in document["checks"]]
    assert delivered(send_inbound, number)


# =============================================================================================
# One fixture per finding


@dataclass(frozen=True)
class Finding:
    """A deployment correct but for one mistake, the check that must FAIL, and what its fix
    must contain (substrings of the fix as JSON)."""

    build: Callable[[Deployment], Number]
    check: str
    fix: tuple[str, ...]
    skipped: tuple[str, ...] = ()
    # No placeholder in the printed commands: running them must repair the deployment.
    repairable: bool = True


def _missing_topic(d: Deployment) -> Number:
    arn = d.topic_arn("never-created")
    d.forget_topic(arn)  # the printed fix creates it
    return d.number(
        TwoWayEnabled=True, TwoWayChannelArn=arn, TwoWayChannelRole=d.role(publish_statement(arn))
    )


def _missing_role(d: Deployment) -> Number:
    key = d.key()
    topic = d.topic(key=key)
    arn = d.role_arn("never-created")
    d.forget_role(arn.rsplit("/", 1)[-1])  # the printed fix creates it
    return d.number(TwoWayEnabled=True, TwoWayChannelArn=topic, TwoWayChannelRole=arn)


def _missing_key(d: Deployment) -> Number:
    topic = d.topic(key=f"arn:aws:kms:{REGION}:{ACCOUNT}:key/{uuid.uuid4()}")
    role = d.role(publish_statement(topic), encrypted_statement(topic))
    return d.number(TwoWayEnabled=True, TwoWayChannelArn=topic, TwoWayChannelRole=role)


def _no_channel(d: Deployment) -> Number:
    return d.number(TwoWayEnabled=True)


def _role_without_publish(d: Deployment) -> Number:
    key = d.key()
    topic = d.topic(key=key)
    role = d.role(encrypted_statement(topic))
    return d.number(TwoWayEnabled=True, TwoWayChannelArn=topic, TwoWayChannelRole=role)


def _role_without_kms(d: Deployment) -> Number:
    key = d.key()
    topic = d.topic(key=key)
    role = d.role(publish_statement(topic))
    return d.number(TwoWayEnabled=True, TwoWayChannelArn=topic, TwoWayChannelRole=role)


def _boundary_without_publish(d: Deployment) -> Number:
    return d.role_mode(boundary=[{"Effect": "Allow", "Action": "kms:*", "Resource": "*"}])


FINDINGS: dict[str, Finding] = {
    "two-way disabled": Finding(
        lambda d: d.role_mode(TwoWayEnabled=False),
        "two-way-enabled",
        ("update-phone-number", "--two-way-enabled --two-way-channel-arn arn:aws:sns:"),
    ),
    "no channel": Finding(
        _no_channel,
        "two-way-channel",
        ("--two-way-channel-arn 'arn:aws:sns:us-east-1:", "<topic-name>"),
        repairable=False,
    ),
    "topic missing": Finding(
        _missing_topic,
        "topic-exists",
        ("aws sns create-topic --region us-east-1 --name cli-never-created-",),
        skipped=("role-publish", "topic-encryption"),
    ),
    "role missing": Finding(
        _missing_role,
        "role-exists",
        (
            "aws iam create-role --role-name cli-never-created-",
            '"Principal": {"Service": "sms-voice.amazonaws.com"}',
            "SMSVoiceAllowSNSPublish",
            "SMSVoiceAllowEncryptedSNSTopics",
        ),
        skipped=("role-trust", "role-publish", "role-kms"),
    ),
    "trust without sms-voice": Finding(
        lambda d: d.role_mode(trust=trust_statement(service="lambda.amazonaws.com")),
        "role-trust",
        (
            "Add this statement to the trust policy of role/cli-role-",
            '"Sid": "SMSVoice"',
            f'"aws:SourceAccount": "{ACCOUNT}"',
            "aws iam update-assume-role-policy --role-name cli-role-",
        ),
    ),
    "trust naming another account": Finding(
        lambda d: d.role_mode(trust=trust_statement(account=OTHER_ACCOUNT)),
        "role-trust",
        ('"Sid": "SMSVoice"', f'"aws:SourceAccount": "{ACCOUNT}"'),
    ),
    "role without sns:Publish": Finding(
        _role_without_publish,
        "role-publish",
        (
            '"Sid": "SMSVoiceAllowSNSPublish"',
            f'"aws:ResourceAccount": "{ACCOUNT}"',
            "aws iam put-role-policy --role-name cli-role-",
        ),
    ),
    "permissions boundary without sns:Publish": Finding(
        _boundary_without_publish,
        "role-publish",
        ("permissions boundary arn:aws:iam::", "aws iam create-policy-version --policy-arn"),
    ),
    "topic policy without the statement": Finding(
        lambda d: d.topic_policy_mode(topic_statements=()),
        "topic-policy-publish",
        (
            '"Sid": "AllowSmsVoicePublish"',
            '"Principal": {"Service": "sms-voice.amazonaws.com"}',
            "aws sns set-topic-attributes --region us-east-1 --topic-arn",
            "--attribute-name Policy",
        ),
    ),
    "asymmetric key": Finding(
        lambda d: d.role_mode(key_spec="RSA_2048"),
        "kms-key-symmetric",
        ("--key-spec SYMMETRIC_DEFAULT --key-usage ENCRYPT_DECRYPT", "<new-key-arn>"),
        skipped=("kms-key-policy", "role-kms"),
        repairable=False,
    ),
    "key missing": Finding(
        _missing_key,
        "kms-key-exists",
        ("--attribute-name KmsMasterKeyId",),
        skipped=("kms-key-symmetric", "kms-key-enabled", "kms-key-policy", "role-kms"),
        repairable=False,
    ),
    "key policy without the sms-voice statement": Finding(
        lambda d: d.topic_policy_mode(key_statements=(ROOT_STATEMENT,)),
        "kms-key-policy",
        (
            '"Sid": "AllowSmsVoiceToUseTheKey"',
            f'"aws:SourceAccount": "{ACCOUNT}"',
            f'"aws:SourceArn": "arn:aws:sms-voice:{REGION}:{ACCOUNT}:*"',
            "aws kms put-key-policy --region us-east-1 --key-id arn:aws:kms:",
        ),
    ),
    "key policy without root delegation (role)": Finding(
        lambda d: d.role_mode(key_statements=(KEY_SMS_STATEMENT,)),
        "kms-key-policy",
        (
            '"Sid": "EnableIamPoliciesOfThisAccount"',
            f'"AWS": "arn:aws:iam::{ACCOUNT}:root"',
            "aws kms put-key-policy",
        ),
    ),
    "role without the encrypted-topics statement": Finding(
        _role_without_kms,
        "role-kms",
        ('"Sid": "SMSVoiceAllowEncryptedSNSTopics"', '"aws:CalledViaLast": "sns.amazonaws.com"'),
    ),
    "key disabled": Finding(
        lambda d: d.role_mode(key_disabled=True),
        "kms-key-enabled",
        ("aws kms enable-key --region us-east-1 --key-id arn:aws:kms:",),
    ),
}


@pytest.mark.parametrize("case", list(FINDINGS), ids=list(FINDINGS))
def test_doctor_detects_the_finding_and_agrees_with_the_emulator(
    case: str,
    deploy: Deployment,
    cli: Callable[..., Result],
    send_inbound: Callable[..., dict[str, Any]],
) -> None:
    finding = FINDINGS[case]
    number = finding.build(deploy)
    result = doctor(cli, number, "--json")
    assert result.code == 1, result.out
    check = result.check(finding.check)
    assert check["status"] == "FAIL", check
    fix = json.dumps(check["fix"])
    for fragment in finding.fix:
        assert fragment in fix, (fragment, check["fix"])
    failed = [c["name"] for c in result.json()["checks"] if c["status"] == "FAIL"]
    assert failed == [finding.check]  # exactly this mistake
    for name in finding.skipped:
        assert result.check(name)["status"] == "SKIP", name
    assert delivered(send_inbound, number) is False


def test_fifo_topic_cannot_be_set_on_a_number(deploy: Deployment) -> None:
    """The FIFO finding cannot be produced through the API: the emulator (like AWS) refuses a
    FIFO topic in UpdatePhoneNumber. tests/unit/test_doctor.py covers the check, and
    tests/e2e/test_cli_commands.py shows `enable` refusing such a topic."""
    fifo = deploy.topic(fifo=True)
    number = deploy.number()
    sms = deploy.client("pinpoint-sms-voice-v2")
    with pytest.raises(sms.exceptions.ValidationException):
        sms.update_phone_number(
            PhoneNumberId=number.phone_number_id, TwoWayEnabled=True, TwoWayChannelArn=fifo
        )


REPAIRABLE = [case for case, finding in FINDINGS.items() if finding.repairable]


@pytest.mark.skipif(shutil.which("aws") is None, reason="the AWS CLI is not installed")
@pytest.mark.parametrize("case", REPAIRABLE, ids=REPAIRABLE)
def test_running_the_printed_commands_repairs_the_deployment(
    case: str,
    deploy: Deployment,
    cli: Callable[..., Result],
    credentials: dict[str, str],
    localstack_endpoint: str,
    send_inbound: Callable[..., dict[str, Any]],
) -> None:
    number = FINDINGS[case].build(deploy)
    before = doctor(cli, number, "--json")
    commands = [
        step["command"]
        for check in before.json()["checks"]
        for step in check["fix"] or []
        if step["command"]
    ]
    assert commands
    env = {**os.environ, **credentials}
    for command in commands:
        words = [*shlex.split(command), "--endpoint-url", localstack_endpoint]
        ran = subprocess.run(words, capture_output=True, text=True, env=env, timeout=120)
        assert ran.returncode == 0, (command, ran.stderr)
    after = doctor(cli, number)
    assert after.code == 0, after.out
    assert delivered(send_inbound, number)


# =============================================================================================
# Read-only


def test_doctor_only_reads(
    deploy: Deployment, cli: Callable[..., Result], aws_calls: list[str]
) -> None:
    passing = deploy.role_mode(boundary=[{"Effect": "Allow", "Action": "*", "Resource": "*"}])
    failing = deploy.topic_policy_mode(topic_statements=())
    assert doctor(cli, passing).code == 0
    assert doctor(cli, failing).code == 1
    assert set(aws_calls) == {
        "DescribePhoneNumbers",
        "GetRole",
        "ListRolePolicies",
        "GetRolePolicy",
        "ListAttachedRolePolicies",
        "GetPolicy",
        "GetPolicyVersion",
        "GetTopicAttributes",
        "DescribeKey",
        "GetKeyPolicy",
        "ListSubscriptionsByTopic",  # the topic's responders (none here)
    }
    assert all(name.startswith(READ_ONLY_PREFIXES) for name in aws_calls), aws_calls


# =============================================================================================
# Amazon Connect


def test_connect_channel_is_checked(
    deploy: Deployment,
    cli: Callable[..., Result],
    client: Callable[[str], Any],
    aws_calls: list[str],
    send_inbound: Callable[..., dict[str, Any]],
) -> None:
    """Against the Amazon Connect emulator (real boto3 Connect API): a number routed to Connect
    in another Region fails connect-region; before its import connect-number-imported fails
    with the import command; once imported, with a role allowed
    connect:SendChatIntegrationEvent, every check passes. The emulator agrees each time."""
    connect = client("connect")
    instance = connect.create_instance(
        IdentityManagementType="CONNECT_MANAGED",
        InstanceAlias=deploy.name("connect"),
        InboundCallsEnabled=True,
        OutboundCallsEnabled=False,
    )
    deploy.undo.append(lambda: connect.delete_instance(InstanceId=instance["Id"]))
    role = deploy.role(
        {"Effect": "Allow", "Action": "connect:SendChatIntegrationEvent", "Resource": "*"}
    )
    elsewhere = deploy.number(
        TwoWayEnabled=True,
        TwoWayChannelArn="connect.eu-west-1.amazonaws.com",
        TwoWayChannelRole=role,
    )
    result = doctor(cli, elsewhere, "--json")
    assert result.code == 1
    assert result.check("connect-region")["status"] == "FAIL"
    assert "connect.us-east-1.amazonaws.com" in json.dumps(result.check("connect-region")["fix"])
    assert delivered(send_inbound, elsewhere) is False

    number = deploy.number(
        TwoWayEnabled=True,
        TwoWayChannelArn=f"connect.{REGION}.amazonaws.com",
        TwoWayChannelRole=role,
    )
    before = doctor(cli, number, "--json")
    assert before.code == 1
    assert [c["name"] for c in before.json()["checks"] if c["status"] == "FAIL"] == [
        "connect-number-imported"
    ]
    fix = json.dumps(before.check("connect-number-imported")["fix"])
    assert f"aws connect import-phone-number --region {REGION}" in fix
    assert f"--source-phone-number-arn {number.arn}" in fix
    assert delivered(send_inbound, number) is False

    imported = connect.import_phone_number(
        InstanceId=instance["Id"], SourcePhoneNumberArn=number.arn
    )
    deploy.undo.append(
        lambda: connect.release_phone_number(PhoneNumberId=imported["PhoneNumberId"])
    )
    after = doctor(cli, number, "--json")
    assert after.code == 0, after.out
    assert instance["Arn"] in after.check("connect-number-imported")["detail"]
    assert instance["Arn"] in after.check("role-connect")["detail"]
    assert delivered(send_inbound, number) is True
    assert "ListPhoneNumbersV2" in aws_calls
    assert all(name.startswith(READ_ONLY_PREFIXES) for name in aws_calls), aws_calls
