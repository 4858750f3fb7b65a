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
import random
import shlex
import shutil
import subprocess
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import boto3
import pytest
from botocore.exceptions import ClientError

from tests.support.inbound import CUSTOMER
from two_way_sms.cli import aws_session
from two_way_sms.cli.main import main

pytestmark = pytest.mark.e2e

ACCOUNT = str(random.randint(10**11, 10**12 - 1))
OTHER_ACCOUNT = str((int(ACCOUNT) + 1) % 10**12).zfill(12)
REGION = "us-east-1"

SMS = "sms-voice.amazonaws.com"
READ_ONLY_PREFIXES = ("Describe", "Get", "List")


def policy(*statements: dict[str, Any]) -> str:
    return json.dumps({"Version": "2012-10-17", "Statement": list(statements)})


def trust_statement(account: str = ACCOUNT, service: str = SMS) -> dict[str, Any]:
    return {
        "Sid": "SMSVoice",
        "Effect": "Allow",
        "Principal": {"Service": service},
        "Action": "sts:AssumeRole",
        "Condition": {"StringEquals": {"aws:SourceAccount": account}},
    }


def publish_statement(topic: str) -> dict[str, Any]:
    return {
        "Sid": "SMSVoiceAllowSNSPublish",
        "Effect": "Allow",
        "Action": "sns:Publish",
        "Resource": topic,
        "Condition": {"StringEquals": {"aws:ResourceAccount": ACCOUNT}},
    }


def encrypted_statement(topic: str) -> dict[str, Any]:
    return {
        "Sid": "SMSVoiceAllowEncryptedSNSTopics",
        "Effect": "Allow",
        "Action": ["kms:Decrypt", "kms:GenerateDataKey*"],
        "Resource": "*",
        "Condition": {
            "StringEquals": {
                "kms:EncryptionContext:aws:sns:topicArn": topic,
                "aws:CalledViaLast": "sns.amazonaws.com",
            }
        },
    }


def topic_statement(topic: str) -> dict[str, Any]:
    return {
        "Sid": "AllowSmsVoicePublish",
        "Effect": "Allow",
        "Principal": {"Service": SMS},
        "Action": "sns:Publish",
        "Resource": topic,
        "Condition": {
            "StringEquals": {"aws:SourceAccount": ACCOUNT},
            "ArnLike": {"aws:SourceArn": f"arn:aws:sms-voice:{REGION}:{ACCOUNT}:*"},
        },
    }


ROOT_STATEMENT = {
    "Sid": "Enable IAM User Permissions",
    "Effect": "Allow",
    "Principal": {"AWS": f"arn:aws:iam::{ACCOUNT}:root"},
    "Action": "kms:*",
    "Resource": "*",
}
KEY_SMS_STATEMENT = {
    "Sid": "AllowSmsVoiceToUseTheKey",
    "Effect": "Allow",
    "Principal": {"Service": SMS},
    "Action": ["kms:GenerateDataKey*", "kms:Decrypt"],
    "Resource": "*",
    "Condition": {
        "StringEquals": {"aws:SourceAccount": ACCOUNT},
        "ArnLike": {"aws:SourceArn": f"arn:aws:sms-voice:{REGION}:{ACCOUNT}:*"},
    },
}


def _ignore_missing(action: Callable[[], Any]) -> None:
    try:
        action()
    except ClientError as error:
        code = error.response.get("Error", {}).get("Code", "")
        if code not in (
            "NoSuchEntity",
            "NotFound",
            "NotFoundException",
            "ResourceNotFoundException",
        ):
            raise


@dataclass
class Number:
    phone_number_id: str
    e164: str
    arn: str


@dataclass
class Deployment:
    """Builds resources in ACCOUNT and deletes them (newest first) in `cleanup`."""

    client: Callable[[str], Any]
    suffix: str = field(default_factory=lambda: uuid.uuid4().hex[:10])
    undo: list[Callable[[], None]] = field(default_factory=list)

    def name(self, prefix: str) -> str:
        return f"cli-{prefix}-{self.suffix}"

    def topic_arn(self, prefix: str = "inbound") -> str:
        return f"arn:aws:sns:{REGION}:{ACCOUNT}:{self.name(prefix)}"

    def role_arn(self, prefix: str = "role") -> str:
        return f"arn:aws:iam::{ACCOUNT}:role/{self.name(prefix)}"

    def cleanup(self) -> None:
        errors = []
        for action in reversed(self.undo):
            try:
                _ignore_missing(action)
            except ClientError as error:  # keep cleaning, report at the end
                errors.append(error)
        self.undo.clear()
        assert not errors, errors

    # -- resources ------------------------------------------------------------------------

    def topic(self, *statements: dict[str, Any], key: str | None = None, fifo: bool = False) -> str:
        sns = self.client("sns")
        attributes = {"FifoTopic": "true"} if fifo else {}
        arn: str = sns.create_topic(
            Name=self.name("inbound") + (".fifo" if fifo else ""), Attributes=attributes
        )["TopicArn"]
        self.undo.append(lambda: sns.delete_topic(TopicArn=arn))
        if statements:
            current = json.loads(sns.get_topic_attributes(TopicArn=arn)["Attributes"]["Policy"])
            document = policy(*current["Statement"], *statements)
            sns.set_topic_attributes(TopicArn=arn, AttributeName="Policy", AttributeValue=document)
        if key:
            sns.set_topic_attributes(
                TopicArn=arn, AttributeName="KmsMasterKeyId", AttributeValue=key
            )
        return arn

    def forget_topic(self, arn: str) -> None:
        """Delete it if a test (or a printed fix) creates it."""
        sns = self.client("sns")
        self.undo.append(lambda: sns.delete_topic(TopicArn=arn))

    def key(
        self,
        *statements: dict[str, Any],
        spec: str = "SYMMETRIC_DEFAULT",
        disabled: bool = False,
    ) -> str:
        kms = self.client("kms")
        options: dict[str, Any] = {"KeySpec": spec, "KeyUsage": "ENCRYPT_DECRYPT"}
        if statements:
            options["Policy"] = policy(*statements)
            options["BypassPolicyLockoutSafetyCheck"] = True
        metadata = kms.create_key(Description=self.name("key"), **options)["KeyMetadata"]
        self.undo.append(
            lambda: kms.schedule_key_deletion(KeyId=metadata["KeyId"], PendingWindowInDays=7)
        )
        if disabled:
            kms.disable_key(KeyId=metadata["KeyId"])
        return str(metadata["Arn"])

    def role(
        self,
        *statements: dict[str, Any],
        trust: dict[str, Any] | None = None,
        boundary: list[dict[str, Any]] | None = None,
    ) -> str:
        iam = self.client("iam")
        name = self.name("role")
        options: dict[str, Any] = {}
        if boundary is not None:
            policy_arn = iam.create_policy(
                PolicyName=self.name("boundary"), PolicyDocument=policy(*boundary)
            )["Policy"]["Arn"]
            self.undo.append(lambda: iam.delete_policy(PolicyArn=policy_arn))
            options["PermissionsBoundary"] = policy_arn
        arn: str = iam.create_role(
            RoleName=name,
            AssumeRolePolicyDocument=policy(trust or trust_statement()),
            **options,
        )["Role"]["Arn"]
        self.forget_role(name)
        if statements:
            iam.put_role_policy(
                RoleName=name, PolicyName="two-way", PolicyDocument=policy(*statements)
            )
        return arn

    def forget_role(self, name: str) -> None:
        """Delete the role (with its inline policies) after the test, whoever created it."""
        iam = self.client("iam")

        def delete() -> None:
            for inline in iam.list_role_policies(RoleName=name)["PolicyNames"]:
                iam.delete_role_policy(RoleName=name, PolicyName=inline)
            iam.delete_role(RoleName=name)

        self.undo.append(delete)

    def number(self, **two_way: Any) -> Number:
        sms = self.client("pinpoint-sms-voice-v2")
        created = sms.request_phone_number(
            IsoCountryCode="US",
            MessageType="TRANSACTIONAL",
            NumberCapabilities=["SMS"],
            NumberType="LONG_CODE",
        )
        phone_id = created["PhoneNumberId"]
        self.undo.append(lambda: sms.release_phone_number(PhoneNumberId=phone_id))
        if two_way:
            sms.update_phone_number(PhoneNumberId=phone_id, **two_way)
        return Number(phone_id, created["PhoneNumber"], created["PhoneNumberArn"])

    def describe(self, number: Number) -> dict[str, Any]:
        sms = self.client("pinpoint-sms-voice-v2")
        found: dict[str, Any] = sms.describe_phone_numbers(PhoneNumberIds=[number.phone_number_id])[
            "PhoneNumbers"
        ][0]
        return found

    # -- whole deployments ----------------------------------------------------------------

    def role_mode(
        self,
        *,
        trust: dict[str, Any] | None = None,
        role_statements: list[dict[str, Any]] | None = None,
        boundary: list[dict[str, Any]] | None = None,
        key_statements: tuple[dict[str, Any], ...] = (),
        key_spec: str = "SYMMETRIC_DEFAULT",
        key_disabled: bool = False,
        **two_way: Any,
    ) -> Number:
        """Channel role; topic encrypted with a customer managed key (default key policy)."""
        key = self.key(*key_statements, spec=key_spec, disabled=key_disabled)
        topic = self.topic(key=key)
        statements = (
            role_statements
            if role_statements is not None
            else [publish_statement(topic), encrypted_statement(topic)]
        )
        role = self.role(*statements, trust=trust, boundary=boundary)
        settings = {
            "TwoWayEnabled": True,
            "TwoWayChannelArn": topic,
            "TwoWayChannelRole": role,
            **two_way,
        }
        return self.number(**settings)

    def topic_policy_mode(
        self,
        *,
        topic_statements: tuple[dict[str, Any], ...] | None = None,
        key_statements: tuple[dict[str, Any], ...] = (ROOT_STATEMENT, KEY_SMS_STATEMENT),
    ) -> Number:
        """No role; the topic policy and the key policy grant sms-voice.amazonaws.com."""
        key = self.key(*key_statements)
        arn = self.topic_arn()
        statements = topic_statements if topic_statements is not None else (topic_statement(arn),)
        topic = self.topic(*statements, key=key)
        return self.number(TwoWayEnabled=True, TwoWayChannelArn=topic)


@pytest.fixture(scope="module")
def client(client_factory: Callable[..., Any], localstack: Any) -> Callable[[str], Any]:
    return lambda service: client_factory(service, ACCOUNT, REGION)


@pytest.fixture
def deploy(client: Callable[[str], Any]) -> Iterator[Deployment]:
    deployment = Deployment(client)
    yield deployment
    deployment.cleanup()


@dataclass
class Result:
    code: int
    out: str
    err: str

    def json(self) -> dict[str, Any]:
        document: dict[str, Any] = json.loads(self.out)
        return document

    def check(self, name: str) -> dict[str, Any]:
        return next(c for c in self.json()["checks"] if c["name"] == name)


@pytest.fixture
def credentials(monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """The environment the CLI (and the AWS CLI) runs with: ACCOUNT's credentials."""
    env = {
        "AWS_ACCESS_KEY_ID": ACCOUNT,
        "AWS_SECRET_ACCESS_KEY": "test",
        "AWS_DEFAULT_REGION": REGION,
    }
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    for name in ("AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_REGION", "AWS_ENDPOINT_URL"):
        monkeypatch.delenv(name, raising=False)
    return env


@pytest.fixture
def cli(
    localstack_endpoint: str, credentials: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> Callable[..., Result]:
    """cli("doctor", "--phone-number-id", ID, ...) runs `two-way-sms` in this process against
    LocalStack and returns its exit code and output."""

    def run(*argv: str) -> Result:
        capsys.readouterr()
        code = main([*argv, "--endpoint-url", localstack_endpoint])
        out, err = capsys.readouterr()
        return Result(code, out, err)

    return run


@pytest.fixture
def aws_calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every AWS operation the CLI calls from now on (botocore's before-call event)."""
    calls: list[str] = []
    open_session = aws_session.open_session

    def recording(region: str | None) -> boto3.Session:
        session = open_session(region)
        session.events.register("before-call.*.*", lambda model, **_: calls.append(model.name))
        return session

    monkeypatch.setattr(aws_session, "open_session", recording)
    return calls


def doctor(cli: Callable[..., Result], number: Number, *extra: str) -> Result:
    return cli("doctor", "--phone-number-id", number.phone_number_id, *extra)


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
