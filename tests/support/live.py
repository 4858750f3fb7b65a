"""A live deployment for the doctor's end-to-end tests, built with boto3 on LocalStack in an
account of its own: the statements of the AWS guide for that account, the topic, role, key and
number builders (`Deployment`), and the fixtures that run `two-way-sms` in-process against it
(`cli`, `credentials`, `aws_calls`). Test modules import from here, never from each other."""

from __future__ import annotations

import json
import random
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import boto3
import pytest
from botocore.exceptions import ClientError

from two_way_sms.cli import aws_session
from two_way_sms.cli.main import main

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
