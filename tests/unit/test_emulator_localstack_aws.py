"""localstack_aws.LocalStackAws against fakes of the LocalStack 4.14 / moto internals it reads.

The dev venv has no LocalStack, so the modules it imports are faked in sys.modules with exactly
the names the module documents as its coupling; the e2e tests run it in the real process.
"""

from __future__ import annotations

import importlib
import json
import sys
import types
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from tests.support.deployments import ACCOUNT

REGION = "us-east-1"
ROLE_ARN = f"arn:aws:iam::{ACCOUNT}:role/channel"
TOPIC_ARN = f"arn:aws:sns:{REGION}:{ACCOUNT}:inbound"
KEY_ID = "1234abcd-12ab-34cd-56ef-1234567890ab"
KEY_ARN = f"arn:aws:kms:{REGION}:{ACCOUNT}:key/{KEY_ID}"
TRUST = {"Version": "2012-10-17", "Statement": []}


class IamNotFound(Exception):
    pass


class KmsNotFound(Exception):
    pass


@dataclass
class Version:
    version_id: str
    document: str


@dataclass
class ManagedPolicy:
    default_version_id: str
    versions: list[Version]


@dataclass
class Role:
    arn: str
    assume_role_policy_document: str
    policies: dict[str, str] = field(default_factory=dict)
    managed_policies: dict[str, ManagedPolicy] = field(default_factory=dict)
    permissions_boundary_arn: str | None = None


class IamBackend:
    def __init__(self) -> None:
        self.roles: dict[str, Role] = {}
        self.policies: dict[str, ManagedPolicy] = {}

    def get_role(self, name: str) -> Role:
        if name not in self.roles:
            raise IamNotFound(name)
        return self.roles[name]

    def get_policy(self, arn: str) -> ManagedPolicy:
        if arn not in self.policies:
            raise IamNotFound(arn)
        return self.policies[arn]


@dataclass
class Key:
    metadata: dict[str, str]
    policy: str


class Sts:
    def __init__(self, calls: list[dict[str, Any]], expiration: datetime) -> None:
        self.calls = calls
        self.expiration = expiration

    def request_metadata(self, **kwargs: Any) -> Sts:
        self.calls.append({"metadata": kwargs})
        return self

    def assume_role(self, **kwargs: Any) -> dict[str, Any]:
        self.calls.append(kwargs)
        n = len([c for c in self.calls if "RoleArn" in c])
        return {
            "Credentials": {
                "AccessKeyId": f"LSIA{n}",
                "SecretAccessKey": "s",
                "SessionToken": "t",
                "Expiration": self.expiration,
            }
        }


class Sns:
    def __init__(self, params: dict[str, Any], published: list[dict[str, Any]]) -> None:
        self.params = params
        self.published = published
        self.metadata: dict[str, Any] = {}

    def request_metadata(self, **kwargs: Any) -> Sns:
        self.metadata = kwargs
        return self

    def publish(self, **kwargs: Any) -> dict[str, str]:
        self.published.append({**kwargs, "client": self.params, "metadata": self.metadata})
        return {"MessageId": f"m{len(self.published)}"}


class Fakes:
    def __init__(self) -> None:
        self.iam = IamBackend()
        self.topics: dict[str, dict[str, Any]] = {}
        self.keys: dict[str, Key] = {}
        self.sts_calls: list[dict[str, Any]] = []
        self.published: list[dict[str, Any]] = []
        self.expiration = datetime.now(UTC) + timedelta(hours=1)

    def connect_to(self, **params: Any) -> Any:
        fakes = self

        class Factory:
            @property
            def sts(self) -> Sts:
                return Sts(fakes.sts_calls, fakes.expiration)

            @property
            def sns(self) -> Sns:
                return Sns(params, fakes.published)

        return Factory()


def _module(name: str, **attributes: Any) -> types.ModuleType:
    module = types.ModuleType(name)
    for key, value in attributes.items():
        setattr(module, key, value)
    return module


@pytest.fixture
def fakes(monkeypatch: pytest.MonkeyPatch) -> Fakes:
    f = Fakes()

    class Partitions(dict[str, IamBackend]):
        def __missing__(self, partition: str) -> IamBackend:
            return IamBackend()

    class Regions(dict[str, Any]):
        def __missing__(self, region: str) -> Any:
            if region == "xx-invalid-1":  # as AccountRegionBundle refuses unknown Regions
                raise ValueError(f"'{region}' is not a valid AWS region name for sns")
            return types.SimpleNamespace(topics=f.topics if region == REGION else {})

    def get_kms_key(account: str, region: str, key_id: str, **kwargs: Any) -> Key:
        assert kwargs == {"any_key_state_allowed": True}
        if (account, region) != (ACCOUNT, REGION) or key_id not in f.keys:
            raise KmsNotFound(key_id)
        return f.keys[key_id]

    def parse_key_arn(arn: str) -> tuple[str, str, str]:
        _, _, _, region, account, resource = arn.split(":", 5)
        return account, region, resource.split("/", 1)[1]

    modules = {
        "localstack": _module("localstack"),
        "localstack.aws": _module("localstack.aws"),
        "localstack.aws.connect": _module("localstack.aws.connect", connect_to=f.connect_to),
        "localstack.aws.api": _module("localstack.aws.api"),
        "localstack.aws.api.kms": _module("localstack.aws.api.kms", NotFoundException=KmsNotFound),
        "localstack.services": _module("localstack.services"),
        "localstack.services.sns": _module("localstack.services.sns"),
        "localstack.services.sns.models": _module(
            "localstack.services.sns.models",
            sns_stores={ACCOUNT: Regions()},
        ),
        "localstack.services.kms": _module("localstack.services.kms"),
        "localstack.services.kms.provider": _module(
            "localstack.services.kms.provider",
            KmsProvider=types.SimpleNamespace(_get_kms_key=get_kms_key),
        ),
        "localstack.services.kms.utils": _module(
            "localstack.services.kms.utils",
            is_valid_key_arn=lambda value: value.startswith("arn:aws:kms:") and ":key/" in value,
            parse_key_arn=parse_key_arn,
        ),
        "moto": _module("moto"),
        "moto.iam": _module("moto.iam"),
        "moto.iam.models": _module(
            "moto.iam.models", iam_backends={ACCOUNT: Partitions(aws=f.iam)}
        ),
        "moto.iam.exceptions": _module("moto.iam.exceptions", NotFoundException=IamNotFound),
    }
    for name, module in modules.items():
        monkeypatch.setitem(sys.modules, name, module)
    monkeypatch.delitem(sys.modules, "two_way_sms.emulator.sms_voice.localstack_aws", raising=False)
    return f


@pytest.fixture
def aws(fakes: Fakes) -> Any:
    module = importlib.import_module("two_way_sms.emulator.sms_voice.localstack_aws")
    yield module.LocalStackAws()
    module._ROLE_CLIENTS.clear()
    sys.modules.pop("two_way_sms.emulator.sms_voice.localstack_aws", None)


def _policy(sid: str) -> str:
    return json.dumps({"Version": "2012-10-17", "Statement": [{"Sid": sid}]})


def test_role_reads_every_policy_as_parsed_documents(fakes: Fakes, aws: Any) -> None:
    managed = f"arn:aws:iam::{ACCOUNT}:policy/managed"
    boundary = f"arn:aws:iam::{ACCOUNT}:policy/boundary"
    fakes.iam.policies[managed] = ManagedPolicy(
        "v2", [Version("v1", _policy("old")), Version("v2", _policy("current"))]
    )
    fakes.iam.policies[boundary] = ManagedPolicy("v1", [Version("v1", _policy("boundary"))])
    fakes.iam.roles["channel"] = Role(
        ROLE_ARN,
        json.dumps(TRUST),
        policies={"inline": _policy("inline"), "broken": "{not json"},
        managed_policies={managed: fakes.iam.policies[managed]},
        permissions_boundary_arn=boundary,
    )

    role = aws.role(ROLE_ARN)

    assert role.arn == ROLE_ARN
    assert role.trust_policy == TRUST
    assert role.inline_policies == [
        ("inline", json.loads(_policy("inline"))),
        ("broken", "{not json"),  # left as text: the evaluator reports it as malformed
    ]
    assert role.managed_policies == [(managed, json.loads(_policy("current")))]
    assert role.permissions_boundary == (boundary, json.loads(_policy("boundary")))


def test_role_sees_every_change_at_once(fakes: Fakes, aws: Any) -> None:
    fakes.iam.roles["channel"] = Role(ROLE_ARN, json.dumps(TRUST), {"p": _policy("one")})
    assert aws.role(ROLE_ARN).inline_policies == [("p", json.loads(_policy("one")))]
    fakes.iam.roles["channel"].policies["p"] = _policy("two")
    fakes.iam.roles["channel"].assume_role_policy_document = _policy("trust-two")
    role = aws.role(ROLE_ARN)
    assert role.inline_policies == [("p", json.loads(_policy("two")))]
    assert role.trust_policy == json.loads(_policy("trust-two"))


def test_missing_role_is_none_and_another_path_is_found_by_name(fakes: Fakes, aws: Any) -> None:
    """As GetRole: by name. The role-exists rule then fails on the other path, in the emulator
    as in the doctor."""
    assert aws.role(ROLE_ARN) is None
    other_path = f"arn:aws:iam::{ACCOUNT}:role/team/channel"
    fakes.iam.roles["channel"] = Role(other_path, "{}")
    assert aws.role(ROLE_ARN).arn == other_path
    assert aws.role("not an arn") is None


def test_topic_attributes_are_a_copy_and_missing_is_none(fakes: Fakes, aws: Any) -> None:
    assert aws.topic_attributes(TOPIC_ARN) is None
    fakes.topics[TOPIC_ARN] = {"attributes": {"TopicArn": TOPIC_ARN, "KmsMasterKeyId": KEY_ID}}
    attributes = aws.topic_attributes(TOPIC_ARN)
    assert attributes == {"TopicArn": TOPIC_ARN, "KmsMasterKeyId": KEY_ID}
    attributes["Policy"] = "x"
    assert "Policy" not in fakes.topics[TOPIC_ARN]["attributes"]
    assert aws.topic_attributes(TOPIC_ARN.replace(REGION, "xx-invalid-1")) is None


def test_kms_key_by_id_or_arn(fakes: Fakes, aws: Any) -> None:
    fakes.keys[KEY_ID] = Key(
        {
            "Arn": KEY_ARN,
            "KeyId": KEY_ID,
            "KeySpec": "SYMMETRIC_DEFAULT",
            "KeyState": "Enabled",
            "KeyUsage": "ENCRYPT_DECRYPT",
        },
        _policy("key"),
    )
    for key_id in (KEY_ID, KEY_ARN):
        key = aws.kms_key(key_id, ACCOUNT, REGION)
        assert (key.arn, key.key_spec, key.key_state, key.key_usage) == (
            KEY_ARN,
            "SYMMETRIC_DEFAULT",
            "Enabled",
            "ENCRYPT_DECRYPT",
        )
        assert key.policy == json.loads(_policy("key"))
    assert aws.kms_key(KEY_ARN.replace(REGION, "eu-west-1"), ACCOUNT, REGION) is None
    assert aws.kms_key("alias/missing", ACCOUNT, REGION) is None


def test_publish_as_role_assumes_it_once_per_role_and_region(fakes: Fakes, aws: Any) -> None:
    for session in ("sms-voice-aaaaaaaa", "sms-voice-bbbbbbbb"):
        aws.publish(
            TOPIC_ARN,
            "{}",
            role_arn=ROLE_ARN,
            session_name=session,
            source_arn="arn:aws:sms-voice:...",
            source_account=ACCOUNT,
        )
    assumed = [c for c in fakes.sts_calls if "RoleArn" in c]
    assert assumed == [{"RoleArn": ROLE_ARN, "RoleSessionName": "sms-voice-aaaaaaaa"}]
    assert {"metadata": {"service_principal": "sms-voice"}} in fakes.sts_calls
    assert [p["client"]["aws_access_key_id"] for p in fakes.published] == ["LSIA1", "LSIA1"]
    assert all(p["client"]["region_name"] == REGION for p in fakes.published)


def test_publish_as_role_assumes_it_again_before_expiry(fakes: Fakes, aws: Any) -> None:
    fakes.expiration = datetime.now(UTC) + timedelta(minutes=2)
    for _ in range(2):
        aws.publish(
            TOPIC_ARN, "{}", role_arn=ROLE_ARN, session_name="s", source_arn="a", source_account="b"
        )
    assert [p["client"]["aws_access_key_id"] for p in fakes.published] == ["LSIA1", "LSIA2"]


def test_publish_without_role_is_the_service_principal(fakes: Fakes, aws: Any) -> None:
    number_arn = f"arn:aws:sms-voice:{REGION}:{ACCOUNT}:phone-number/phone-1"
    message_id = aws.publish(
        TOPIC_ARN,
        "{}",
        role_arn=None,
        session_name="s",
        source_arn=number_arn,
        source_account=ACCOUNT,
    )
    assert message_id == "m1"
    [published] = fakes.published
    assert published["client"]["aws_access_key_id"] == ACCOUNT
    assert published["metadata"] == {"service_principal": "sms-voice", "source_arn": number_arn}
    assert not fakes.sts_calls
