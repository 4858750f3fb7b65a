"""two_way_sms.doctor against fake deployments: every check passing and failing, the fix each
FAIL prints (statement, command, and that running it makes the checks pass), the SKIPs that
follow a FAIL, and agreement with the emulator's routing on the same documents."""

from __future__ import annotations

import json
import shlex
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

import pytest

from tests.support.deployments import (
    ACCOUNT,
    BOUNDARY,
    CONNECT_STATEMENT,
    DEFAULT_TOPIC_STATEMENT,
    E164,
    ENCRYPTED_STATEMENT,
    FIFO_TOPIC,
    INSTANCE,
    KEY,
    KEY_SMS_STATEMENT,
    NUMBER_ARN,
    OTHER_ACCOUNT,
    PHONE_ID,
    PUBLISH_STATEMENT,
    REGION,
    ROLE,
    ROOT_STATEMENT,
    SMS,
    TOPIC,
    TRUST_STATEMENT,
    FakeAws,
    connect_mode,
    good_key,
    good_role,
    number,
    policy,
    role_mode,
    topic,
    topic_policy_mode,
)
from two_way_sms.delivery import (
    RULE_NAMES,
    NumberSettings,
    Status,
)
from two_way_sms.doctor import Check, all_passed, check_delivery
from two_way_sms.doctor.policy_edits import merged
from two_way_sms.emulator.sms_voice.models import PhoneNumber
from two_way_sms.emulator.sms_voice.routing import deliver


def checks_of(settings: NumberSettings, aws: FakeAws) -> dict[str, Check]:
    checks = check_delivery(settings, aws)
    names = [c.name for c in checks]
    assert len(names) == len(set(names)), names
    assert set(names) <= set(RULE_NAMES)
    return {c.name: c for c in checks}


def statuses(checks: Mapping[str, Check]) -> dict[str, str]:
    return {name: check.status.value for name, check in checks.items()}


def failing(checks: Mapping[str, Check]) -> list[str]:
    return [name for name, check in checks.items() if check.status is Status.FAIL]


# =============================================================================================
# Correct deployments


def test_role_mode_with_encrypted_topic_passes_every_check() -> None:
    checks = check_delivery(*role_mode())
    assert [c.name for c in checks] == [
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
    assert all_passed(checks)
    assert all(c.fix == () for c in checks)
    by_name = {c.name: c for c in checks}
    assert "allowed by statement 'SMSVoice' of trust policy of role/sms-in" in (
        by_name["role-trust"].detail
    )
    assert "SMSVoiceAllowSNSPublish" in by_name["role-publish"].detail


def test_topic_policy_mode_passes_every_check() -> None:
    checks = checks_of(*topic_policy_mode())
    assert list(checks) == [
        "number-active",
        "two-way-enabled",
        "two-way-channel",
        "standard-topic",
        "topic-exists",
        "topic-policy-publish",
        "topic-encryption",
        "kms-key-exists",
        "kms-key-symmetric",
        "kms-key-enabled",
        "kms-key-policy",
    ]
    assert failing(checks) == []
    assert "AllowSmsVoicePublish" in checks["topic-policy-publish"].detail


def test_unencrypted_topic_has_no_key_checks() -> None:
    settings, aws = role_mode()
    aws.topics[TOPIC] = topic()
    checks = checks_of(settings, aws)
    assert failing(checks) == []
    assert "not encrypted" in checks["topic-encryption"].detail
    assert not any(name.startswith("kms-") for name in checks)
    assert not any(read.startswith("key") for read in aws.reads)


def test_connect_mode_passes_every_check_and_reads_no_topic() -> None:
    settings, aws = connect_mode()
    checks = checks_of(settings, aws)
    assert list(checks) == [
        "number-active",
        "two-way-enabled",
        "two-way-channel",
        "connect-region",
        "connect-role",
        "role-exists",
        "role-trust",
        "connect-number-imported",
        "role-connect",
    ]
    assert failing(checks) == []
    assert INSTANCE in checks["connect-number-imported"].detail
    assert aws.reads == [f"role {ROLE}", f"connect {REGION}"]


# =============================================================================================
# The number


def test_two_way_disabled_fails_with_the_update_phone_number_command() -> None:
    checks = checks_of(*role_mode(two_way_enabled=False))
    assert failing(checks) == ["two-way-enabled"]  # the rest is still judged
    (step,) = checks["two-way-enabled"].fix
    assert step.command == (
        f"aws pinpoint-sms-voice-v2 update-phone-number --region {REGION} --phone-number-id "
        f"{PHONE_ID} --two-way-enabled --two-way-channel-arn {TOPIC} --two-way-channel-role {ROLE}"
    )


def test_no_channel_fails_and_no_destination_rule_applies() -> None:
    aws = FakeAws(roles={ROLE: good_role()})
    checks = checks_of(number(two_way_channel_arn=None), aws)
    assert statuses(checks) == {  # the role is judged; neither the SNS nor the Connect rules
        "number-active": "PASS",
        "two-way-enabled": "PASS",
        "two-way-channel": "FAIL",
        "role-exists": "PASS",
        "role-trust": "PASS",
    }
    assert "TwoWayChannelArn is not set" in checks["two-way-channel"].detail
    command = checks["two-way-channel"].fix[0].command or ""
    assert f"--two-way-channel-arn 'arn:aws:sns:{REGION}:{ACCOUNT}:<topic-name>'" in command
    assert aws.reads == [f"role {ROLE}"]


def test_a_channel_that_is_not_a_topic_fails() -> None:
    queue = f"arn:aws:sqs:{REGION}:{ACCOUNT}:inbound"
    checks = checks_of(number(two_way_channel_arn=queue, two_way_channel_role=None), FakeAws())
    assert checks["two-way-channel"].status is Status.FAIL
    assert "must be an Amazon SNS topic ARN" in checks["two-way-channel"].detail


def test_fifo_topic_fails_without_reading_it() -> None:
    """The emulator refuses a FIFO channel in UpdatePhoneNumber, so only `enable` (and this
    unit test) can meet one."""
    settings, aws = role_mode(two_way_channel_arn=FIFO_TOPIC)
    checks = checks_of(settings, aws)
    assert statuses(checks) == {
        "number-active": "PASS",
        "two-way-enabled": "PASS",
        "two-way-channel": "PASS",
        "standard-topic": "FAIL",
        "topic-exists": "SKIP",
        "role-exists": "PASS",
        "role-trust": "PASS",
        "role-publish": "SKIP",
        "topic-encryption": "SKIP",
    }
    create, route = checks["standard-topic"].fix
    assert create.command == f"aws sns create-topic --region {REGION} --name inbound"
    assert f"--two-way-channel-arn {TOPIC}" in (route.command or "")
    assert not any(read.startswith("topic") for read in aws.reads)


# =============================================================================================
# The topic


def test_missing_topic_fails_and_skips_what_needs_it() -> None:
    settings, aws = role_mode()
    del aws.topics[TOPIC]
    checks = checks_of(settings, aws)
    assert statuses(checks) == {
        "number-active": "PASS",
        "two-way-enabled": "PASS",
        "two-way-channel": "PASS",
        "standard-topic": "PASS",
        "topic-exists": "FAIL",
        "role-exists": "PASS",
        "role-trust": "PASS",
        "role-publish": "SKIP",
        "topic-encryption": "SKIP",
    }
    assert checks["topic-exists"].fix[0].command == (
        f"aws sns create-topic --region {REGION} --name inbound"
    )
    assert checks["role-publish"].detail == "not checked: topic-exists failed"


def test_topic_policy_without_the_statement_fails_with_the_statement_to_add() -> None:
    settings, aws = topic_policy_mode()
    aws.topics[TOPIC] = topic(DEFAULT_TOPIC_STATEMENT, key=KEY)
    checks = checks_of(settings, aws)
    assert failing(checks) == ["topic-policy-publish"]
    check = checks["topic-policy-publish"]
    assert "no TwoWayChannelRole, so the topic policy decides" in check.detail
    assert "AWS:SourceOwner" in check.detail  # the evaluator's closest miss: the default statement
    (step,) = check.fix
    assert step.action == f"Add this statement to the topic policy of {TOPIC}"
    assert step.policy == {
        "Sid": "AllowSmsVoicePublish",
        "Effect": "Allow",
        "Principal": {"Service": SMS},
        "Action": "sns:Publish",
        "Resource": TOPIC,
        "Condition": {
            "StringEquals": {"aws:SourceAccount": ACCOUNT},
            "ArnLike": {"aws:SourceArn": f"arn:aws:sms-voice:{REGION}:{ACCOUNT}:*"},
        },
    }
    words = shlex.split(step.command or "")
    assert words[:3] == ["aws", "sns", "set-topic-attributes"]
    document = json.loads(words[words.index("--attribute-value") + 1])
    assert document["Statement"] == [DEFAULT_TOPIC_STATEMENT, step.policy]  # merged, not replaced


def test_topic_policy_mode_without_any_topicpolicy() -> None:
    settings, aws = topic_policy_mode()
    del aws.topics[TOPIC]["Policy"]
    check = checks_of(settings, aws)["topic-policy-publish"]
    assert check.status is Status.FAIL
    words = shlex.split(check.fix[0].command or "")
    assert json.loads(words[-1])["Statement"] == [check.fix[0].policy]


# =============================================================================================
# The role


def test_missing_role_fails_with_the_role_to_create() -> None:
    settings, aws = role_mode()
    aws.roles.clear()
    checks = checks_of(settings, aws)
    assert statuses(checks)["role-exists"] == "FAIL"
    for name in ("role-trust", "role-publish", "role-kms"):
        assert checks[name].status is Status.SKIP, name
        assert checks[name].detail == "not checked: role-exists failed"
    create, permissions = checks["role-exists"].fix
    assert create.policy == policy(TRUST_STATEMENT)
    assert (create.command or "").startswith("aws iam create-role --role-name sms-in ")
    assert permissions.policy is not None
    sids = [s["Sid"] for s in permissions.policy["Statement"]]
    assert sids == ["SMSVoiceAllowSNSPublish", "SMSVoiceAllowEncryptedSNSTopics"]
    assert permissions.policy["Statement"][1]["Resource"] == KEY
    assert "put-role-policy --role-name sms-in --policy-name two-way-sms-destination" in (
        permissions.command or ""
    )


def test_role_with_a_path_is_created_with_it() -> None:
    settings, aws = role_mode(two_way_channel_role=f"arn:aws:iam::{ACCOUNT}:role/service/x/sms-in")
    aws.roles.clear()
    create = checks_of(settings, aws)["role-exists"].fix[0]
    assert "--path /service/x/" in (create.command or "")


def test_role_found_under_another_path_fails() -> None:
    settings, aws = role_mode(two_way_channel_role=f"arn:aws:iam::{ACCOUNT}:role/other/sms-in")
    check = checks_of(settings, aws)["role-exists"]
    assert check.status is Status.FAIL
    assert f"its ARN is {ROLE}" in check.detail
    assert f"--two-way-channel-role {ROLE}" in (check.fix[0].command or "")


def test_a_role_arn_that_is_not_a_role_fails() -> None:
    settings, aws = role_mode(two_way_channel_role=f"arn:aws:iam::{ACCOUNT}:user/sms-in")
    checks = checks_of(settings, aws)
    assert checks["role-exists"].status is Status.FAIL
    assert "must be an IAM role ARN" in checks["role-exists"].detail
    assert not any(read.startswith("role") for read in aws.reads)


def test_trust_without_sms_voice_fails_with_the_trust_statement() -> None:
    settings, aws = role_mode()
    lambda_trust = {
        "Effect": "Allow",
        "Principal": {"Service": "lambda.amazonaws.com"},
        "Action": "sts:AssumeRole",
    }
    aws.roles[ROLE] = replace(aws.roles[ROLE], trust_policy=policy(lambda_trust))
    checks = checks_of(settings, aws)
    assert failing(checks) == ["role-trust"]
    check = checks["role-trust"]
    assert "does not name sms-voice.amazonaws.com" in check.detail
    (step,) = check.fix
    assert step.action == "Add this statement to the trust policy of role/sms-in"
    assert step.policy == TRUST_STATEMENT
    words = shlex.split(step.command or "")
    assert words[:5] == ["aws", "iam", "update-assume-role-policy", "--role-name", "sms-in"]
    assert json.loads(words[-1])["Statement"] == [lambda_trust, TRUST_STATEMENT]


def test_trust_naming_another_account_is_replaced_by_sid() -> None:
    settings, aws = role_mode()
    wrong = {**TRUST_STATEMENT, "Condition": {"StringEquals": {"aws:SourceAccount": OTHER_ACCOUNT}}}
    aws.roles[ROLE] = replace(aws.roles[ROLE], trust_policy=policy(wrong))
    check = checks_of(settings, aws)["role-trust"]
    assert check.status is Status.FAIL
    assert f"aws:SourceAccount = {OTHER_ACCOUNT}" in check.detail
    words = shlex.split(check.fix[0].command or "")
    assert json.loads(words[-1])["Statement"] == [TRUST_STATEMENT]


def test_an_explicit_deny_is_named_instead_of_a_statement_to_add() -> None:
    settings, aws = role_mode()
    deny = {"Sid": "NoServices", "Effect": "Deny", "Principal": {"Service": SMS}, "Action": "sts:*"}
    aws.roles[ROLE] = replace(aws.roles[ROLE], trust_policy=policy(TRUST_STATEMENT, deny))
    (step,) = checks_of(settings, aws)["role-trust"].fix
    assert step.action == (
        "Remove or narrow statement 'NoServices' of trust policy of role/sms-in: an explicit "
        "Deny overrides every Allow"
    )
    assert step.policy is None and step.command is None


def test_role_without_sns_publish_fails_with_the_publish_statement() -> None:
    settings, aws = role_mode()
    aws.roles[ROLE] = good_role(ENCRYPTED_STATEMENT)
    checks = checks_of(settings, aws)
    assert failing(checks) == ["role-publish"]
    (step,) = checks["role-publish"].fix
    assert step.policy == PUBLISH_STATEMENT
    assert step.action == (
        "Add this statement to the inline policy two-way-sms-destination of role/sms-in"
    )
    assert (step.command or "").startswith(
        "aws iam put-role-policy --role-name sms-in --policy-name two-way-sms-destination "
    )


def test_publish_outside_the_permissions_boundary_fixes_the_boundary() -> None:
    settings, aws = role_mode()
    boundary = policy({"Effect": "Allow", "Action": "kms:*", "Resource": "*"})
    aws.roles[ROLE] = replace(aws.roles[ROLE], permissions_boundary=(BOUNDARY, boundary))
    check = checks_of(settings, aws)["role-publish"]
    assert check.status is Status.FAIL
    (step,) = check.fix  # the role's own policy already allows: only the boundary needs it
    assert step.action.startswith(f"Add this statement to the permissions boundary {BOUNDARY}")
    assert (step.command or "").startswith(f"aws iam create-policy-version --policy-arn {BOUNDARY}")
    assert (step.command or "").endswith("--set-as-default")


def test_cross_account_topic_needs_the_topic_policy_too() -> None:
    other_topic = f"arn:aws:sns:{REGION}:{OTHER_ACCOUNT}:inbound"
    publish = {**PUBLISH_STATEMENT, "Resource": other_topic}
    publish["Condition"] = {"StringEquals": {"aws:ResourceAccount": OTHER_ACCOUNT}}
    aws = FakeAws(roles={ROLE: good_role(publish)}, topics={other_topic: {"Policy": "{}"}})
    aws.topics[other_topic]["Policy"] = json.dumps(
        policy({**DEFAULT_TOPIC_STATEMENT, "Resource": other_topic})
    )
    check = checks_of(number(two_way_channel_arn=other_topic), aws)["role-publish"]
    assert check.status is Status.FAIL
    (step,) = check.fix
    assert step.action == f"Add this statement to the topic policy of {other_topic}"
    assert step.policy is not None and step.policy["Principal"] == {"AWS": ROLE}


def test_a_malformed_policy_fails_its_check() -> None:
    settings, aws = role_mode()
    aws.roles[ROLE] = replace(aws.roles[ROLE], trust_policy="{not json")
    check = checks_of(settings, aws)["role-trust"]
    assert check.status is Status.FAIL
    assert "malformed policy" in check.detail
    assert check.fix[0].action.startswith("Correct the policy document")


# =============================================================================================
# The key


def test_missing_key_fails_and_skips_the_other_key_checks() -> None:
    settings, aws = role_mode()
    aws.keys.clear()
    checks = checks_of(settings, aws)
    assert checks["kms-key-exists"].status is Status.FAIL
    for name in ("kms-key-symmetric", "kms-key-enabled", "kms-key-policy", "role-kms"):
        assert checks[name].detail == "not checked: kms-key-exists failed"
    commands = [step.command for step in checks["kms-key-exists"].fix]
    assert commands[1] == (
        f"aws sns set-topic-attributes --region {REGION} --topic-arn {TOPIC} "
        "--attribute-name KmsMasterKeyId --attribute-value ''"
    )


@pytest.mark.parametrize("mode", [role_mode, topic_policy_mode], ids=["role", "topic-policy"])
def test_asymmetric_key_fails_with_a_new_symmetric_key(mode: Any) -> None:
    settings, aws = mode()
    aws.keys[KEY] = replace(aws.keys[KEY], key_spec="RSA_2048", key_usage="ENCRYPT_DECRYPT")
    checks = checks_of(settings, aws)
    assert failing(checks) == ["kms-key-symmetric"]
    check = checks["kms-key-symmetric"]
    assert "is RSA_2048/ENCRYPT_DECRYPT" in check.detail
    create = check.fix[0]
    assert "--key-spec SYMMETRIC_DEFAULT --key-usage ENCRYPT_DECRYPT" in (create.command or "")
    assert create.policy is not None
    sids = [s["Sid"] for s in create.policy["Statement"]]
    expected = ["EnableIamPoliciesOfThisAccount"]
    if settings.two_way_channel_role is None:
        expected.append("AllowSmsVoiceToUseTheKey")
    assert sids == expected
    assert "--attribute-name KmsMasterKeyId --attribute-value '<new-key-arn>'" in (
        check.fix[1].command or ""
    )
    assert checks["kms-key-policy"].status is Status.SKIP


@pytest.mark.parametrize(
    ("state", "commands"),
    [
        ("Disabled", ["enable-key"]),
        ("PendingDeletion", ["cancel-key-deletion", "enable-key"]),
        ("PendingImport", ["set-topic-attributes"]),
    ],
)
def test_key_that_is_not_enabled_fails(state: str, commands: list[str]) -> None:
    settings, aws = role_mode()
    aws.keys[KEY] = replace(aws.keys[KEY], key_state=state)
    checks = checks_of(settings, aws)
    assert failing(checks) == ["kms-key-enabled"]
    assert checks["kms-key-enabled"].detail == f"KMS key {KEY} is {state}, not Enabled"
    assert [shlex.split(s.command or "")[2] for s in checks["kms-key-enabled"].fix] == commands


def test_key_policy_without_the_sms_voice_statement_fails_in_topic_policy_mode() -> None:
    settings, aws = topic_policy_mode()
    aws.keys[KEY] = good_key(ROOT_STATEMENT)
    checks = checks_of(settings, aws)
    assert failing(checks) == ["kms-key-policy"]
    check = checks["kms-key-policy"]
    assert check.detail.startswith(
        f"{SMS} (no TwoWayChannelRole) may not kms:GenerateDataKey with {KEY}"
    )
    (step,) = check.fix
    assert step.policy == {
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
    assert (step.command or "").startswith(
        f"aws kms put-key-policy --region {REGION} --key-id {KEY} --policy-name default --policy "
    )


def test_key_policy_without_root_delegation_fails_in_role_mode() -> None:
    settings, aws = role_mode()
    aws.keys[KEY] = good_key(KEY_SMS_STATEMENT)  # the service statement does not cover a role
    checks = checks_of(settings, aws)
    assert failing(checks) == ["kms-key-policy"]  # role-kms is judged as if the fix were made
    assert checks["role-kms"].status is Status.PASS
    (step,) = checks["kms-key-policy"].fix
    assert step.policy == {
        "Sid": "EnableIamPoliciesOfThisAccount",
        "Effect": "Allow",
        "Principal": {"AWS": f"arn:aws:iam::{ACCOUNT}:root"},
        "Action": "kms:*",
        "Resource": "*",
    }


def test_role_without_the_encrypted_topics_statement_fails_role_kms() -> None:
    settings, aws = role_mode()
    aws.roles[ROLE] = good_role(PUBLISH_STATEMENT)
    checks = checks_of(settings, aws)
    assert failing(checks) == ["role-kms"]
    (step,) = checks["role-kms"].fix
    assert step.policy is not None and step.policy["Sid"] == "SMSVoiceAllowEncryptedSNSTopics"
    assert step.policy["Resource"] == KEY
    assert step.policy["Condition"]["StringEquals"] == {
        "kms:EncryptionContext:aws:sns:topicArn": TOPIC,
        "aws:CalledViaLast": "sns.amazonaws.com",
    }


def test_later_fixes_build_on_earlier_ones() -> None:
    """role-publish and role-kms both add to the inline policy: the second command keeps the
    first statement instead of overwriting it."""
    settings, aws = role_mode()
    aws.roles[ROLE] = replace(aws.roles[ROLE], inline_policies=[])
    checks = checks_of(settings, aws)
    assert failing(checks) == ["role-publish", "role-kms"]
    last = shlex.split(checks["role-kms"].fix[0].command or "")
    sids = [s["Sid"] for s in json.loads(last[-1])["Statement"]]
    assert sids == ["SMSVoiceAllowSNSPublish", "SMSVoiceAllowEncryptedSNSTopics"]


# =============================================================================================
# Amazon Connect


def test_connect_without_role_fails() -> None:
    settings, aws = connect_mode()
    checks = checks_of(replace(settings, two_way_channel_role=None), aws)
    assert statuses(checks) == {
        "number-active": "PASS",
        "two-way-enabled": "PASS",
        "two-way-channel": "PASS",
        "connect-region": "PASS",
        "connect-role": "FAIL",
        "connect-number-imported": "PASS",
        "role-connect": "SKIP",
    }
    steps = checks["connect-role"].fix
    assert steps[1].policy == policy(
        {
            "Sid": "SMSVoiceAllowConnectChatIntegrationEvents",
            "Effect": "Allow",
            "Action": "connect:SendChatIntegrationEvent",
            "Resource": "*",
        }
    )
    assert "--two-way-channel-role" in (steps[2].command or "")


def test_connect_in_another_region_fails_without_looking_there() -> None:
    settings, aws = connect_mode()
    checks = checks_of(
        replace(settings, two_way_channel_arn="connect.eu-west-1.amazonaws.com"), aws
    )
    assert statuses(checks) == {
        "number-active": "PASS",
        "two-way-enabled": "PASS",
        "two-way-channel": "PASS",
        "connect-region": "FAIL",
        "connect-role": "PASS",
        "role-exists": "PASS",
        "role-trust": "PASS",
        "connect-number-imported": "SKIP",
        "role-connect": "SKIP",
    }
    assert f"but {PHONE_ID} is in {REGION}" in checks["connect-region"].detail
    assert "--two-way-channel-arn connect.us-east-1.amazonaws.com" in (
        checks["connect-region"].fix[0].command or ""
    )
    assert not any(read.startswith("connect") for read in aws.reads)


def test_connect_number_not_imported_fails() -> None:
    settings, aws = connect_mode()
    aws.connect.clear()
    checks = checks_of(settings, aws)
    assert failing(checks) == ["connect-number-imported"]
    assert checks["connect-number-imported"].fix[0].command == (
        f"aws connect import-phone-number --region {REGION} --instance-id '<connect-instance-id>' "
        f"--source-phone-number-arn {NUMBER_ARN}"
    )


def test_connect_role_without_send_chat_integration_event_fails() -> None:
    settings, aws = connect_mode()
    aws.roles[ROLE] = good_role(PUBLISH_STATEMENT)
    checks = checks_of(settings, aws)
    assert failing(checks) == ["role-connect"]
    assert f"connect:SendChatIntegrationEvent on {INSTANCE}" in checks["role-connect"].detail
    assert checks["role-connect"].fix[0].policy == {
        "Sid": "SMSVoiceAllowConnectChatIntegrationEvents",
        "Effect": "Allow",
        "Action": "connect:SendChatIntegrationEvent",
        "Resource": "*",
    }


# =============================================================================================
# Every fix, applied, makes the checks pass


def apply_command(command: str, settings: NumberSettings, aws: FakeAws) -> NumberSettings:
    """Do to the fake what the AWS CLI command would do to AWS."""
    words = shlex.split(command)
    options = {words[i]: words[i + 1] if i + 1 < len(words) else "" for i in range(3, len(words))}
    operation = words[2]
    role = next(iter(aws.roles.values()), None)
    if operation == "update-assume-role-policy" and role:
        aws.roles[role.arn] = replace(role, trust_policy=json.loads(options["--policy-document"]))
    elif operation == "put-role-policy" and role:
        name = options["--policy-name"]
        others = [(n, d) for n, d in role.inline_policies if n != name]
        document = json.loads(options["--policy-document"])
        aws.roles[role.arn] = replace(role, inline_policies=[*others, (name, document)])
    elif operation == "create-policy-version" and role and role.permissions_boundary:
        boundary = (role.permissions_boundary[0], json.loads(options["--policy-document"]))
        aws.roles[role.arn] = replace(role, permissions_boundary=boundary)
    elif operation == "set-topic-attributes":
        aws.topics[options["--topic-arn"]][options["--attribute-name"]] = options[
            "--attribute-value"
        ]
    elif operation == "put-key-policy":
        key = aws.keys[options["--key-id"]]
        aws.keys[key.arn] = replace(key, policy=options["--policy"])
    elif operation in ("enable-key", "cancel-key-deletion"):
        key = aws.keys[options["--key-id"]]
        aws.keys[key.arn] = replace(
            key, key_state="Enabled" if operation == "enable-key" else "Disabled"
        )
    elif operation == "update-phone-number":
        settings = replace(
            settings,
            two_way_enabled=True,
            two_way_channel_arn=options["--two-way-channel-arn"],
            two_way_channel_role=options.get("--two-way-channel-role"),
        )
    else:
        raise AssertionError(f"no fake for {command}")
    return settings


BROKEN: dict[str, Any] = {
    "two-way disabled": lambda: role_mode(two_way_enabled=False),
    "trust without sms-voice": lambda: _with_role(trust_policy=policy()),
    "trust for another account": lambda: _with_role(
        trust_policy=policy(
            {**TRUST_STATEMENT, "Condition": {"StringEquals": {"aws:SourceAccount": "1" * 12}}}
        )
    ),
    "no role policies": lambda: _with_role(inline_policies=[]),
    "boundary without publish": lambda: _with_role(
        permissions_boundary=(
            BOUNDARY,
            policy({"Effect": "Allow", "Action": "kms:*", "Resource": "*"}),
        )
    ),
    "key policy without root": lambda: _with_key(policy=json.dumps(policy(KEY_SMS_STATEMENT))),
    "key disabled": lambda: _with_key(key_state="Disabled"),
    "key pending deletion": lambda: _with_key(key_state="PendingDeletion"),
    "topic policy without statement": lambda: _topic_policy_mode_with(
        topic=topic(DEFAULT_TOPIC_STATEMENT, key=KEY)
    ),
    "key policy without sms-voice": lambda: _topic_policy_mode_with(key=good_key(ROOT_STATEMENT)),
    "everything at once": lambda: _everything_broken(),
}


def _with_role(**changes: Any) -> tuple[NumberSettings, FakeAws]:
    settings, aws = role_mode()
    aws.roles[ROLE] = replace(aws.roles[ROLE], **changes)
    return settings, aws


def _with_key(**changes: Any) -> tuple[NumberSettings, FakeAws]:
    settings, aws = role_mode()
    aws.keys[KEY] = replace(aws.keys[KEY], **changes)
    return settings, aws


def _topic_policy_mode_with(**changes: Any) -> tuple[NumberSettings, FakeAws]:
    settings, aws = topic_policy_mode()
    if "topic" in changes:
        aws.topics[TOPIC] = changes["topic"]
    if "key" in changes:
        aws.keys[KEY] = changes["key"]
    return settings, aws


def _everything_broken() -> tuple[NumberSettings, FakeAws]:
    settings, aws = role_mode(two_way_enabled=False)
    aws.roles[ROLE] = replace(aws.roles[ROLE], trust_policy=policy(), inline_policies=[])
    aws.keys[KEY] = replace(aws.keys[KEY], key_state="Disabled", policy=json.dumps(policy()))
    return settings, aws


@pytest.mark.parametrize("case", list(BROKEN), ids=list(BROKEN))
def test_running_every_printed_command_makes_every_check_pass(case: str) -> None:
    settings, aws = BROKEN[case]()
    checks = check_delivery(settings, aws)
    assert not all_passed(checks)
    for check in checks:
        for step in check.fix:
            assert step.command, (check.name, step)
            settings = apply_command(step.command, settings, aws)
    after = check_delivery(settings, aws)
    assert all_passed(after), [c.detail for c in after if c.status is not Status.PASS]


# =============================================================================================
# Same verdict as the emulator's routing, on the same documents


def _emulated(settings: NumberSettings) -> PhoneNumber:
    return PhoneNumber(
        phone_number_id=settings.phone_number_id,
        arn=settings.arn,
        phone_number=settings.phone_number,
        account_id=ACCOUNT,
        region=REGION,
        iso_country_code="US",
        message_type="TRANSACTIONAL",
        number_capabilities=["SMS"],
        number_type="LONG_CODE",
        monthly_leasing_price="1.00",
        status=settings.status,
        two_way_enabled=settings.two_way_enabled,
        two_way_channel_arn=settings.two_way_channel_arn,
        two_way_channel_role=settings.two_way_channel_role,
    )


AGREEMENT: dict[str, Any] = {
    **BROKEN,
    "role mode": role_mode,
    "topic-policy mode": topic_policy_mode,
    "no channel": lambda: role_mode(two_way_channel_arn=None),
    "topic missing": lambda: (number(), FakeAws(roles={ROLE: good_role()})),
    "role missing": lambda: (number(), FakeAws(topics={TOPIC: topic()})),
    "asymmetric key": lambda: _with_key(key_spec="RSA_2048"),
    "key missing": lambda: (
        number(),
        FakeAws(roles={ROLE: good_role()}, topics={TOPIC: topic(key=KEY)}),
    ),
    "role without kms": lambda: _with_role(inline_policies=[("p", policy(PUBLISH_STATEMENT))]),
    "connect": connect_mode,
    "connect in another region": lambda: _connect_with(
        two_way_channel_arn="connect.eu-west-1.amazonaws.com"
    ),
    "connect without role": lambda: _connect_with(two_way_channel_role=None),
    "connect role missing": lambda: _connect_with(roles={}),
    "connect trust without sms-voice": lambda: _connect_with(
        roles={ROLE: replace(good_role(CONNECT_STATEMENT), trust_policy=policy())}
    ),
    "connect not imported": lambda: _connect_with(connect={}),
    "connect role without permission": lambda: _connect_with(
        roles={ROLE: good_role(PUBLISH_STATEMENT)}
    ),
}


def _connect_with(**changes: Any) -> tuple[NumberSettings, FakeAws]:
    settings, aws = connect_mode()
    for name in ("roles", "connect"):
        if name in changes:
            setattr(aws, name, changes.pop(name))
    return replace(settings, **changes), aws


@pytest.mark.parametrize("case", list(AGREEMENT), ids=list(AGREEMENT))
def test_checks_pass_exactly_when_the_emulator_delivers(case: str) -> None:
    settings, aws = AGREEMENT[case]()
    verdict = all_passed(check_delivery(settings, aws))
    delivery = deliver(_emulated(settings), {"messageBody": "hi"}, aws, "sms-voice-12345678")
    assert verdict == delivery.delivered, delivery.reason


# =============================================================================================
# Building blocks


def test_merged_replaces_a_statement_with_the_same_sid_and_keeps_the_rest() -> None:
    base = json.dumps({"Id": "x", "Statement": {"Sid": "A", "Effect": "Deny"}})
    assert merged(base, {"Sid": "A", "Effect": "Allow"}) == {
        "Version": "2012-10-17",
        "Id": "x",
        "Statement": [{"Sid": "A", "Effect": "Allow"}],
    }
    assert merged(None, {"Effect": "Allow"})["Statement"] == [{"Effect": "Allow"}]
    assert merged(policy({"Effect": "Deny"}), {"Effect": "Allow"})["Statement"] == [
        {"Effect": "Deny"},
        {"Effect": "Allow"},
    ]


def test_number_settings_from_the_api_and_as_enable_would_leave_them() -> None:
    settings = NumberSettings.from_api(
        {
            "PhoneNumberId": PHONE_ID,
            "PhoneNumberArn": NUMBER_ARN,
            "PhoneNumber": E164,
            "TwoWayEnabled": False,
            "TwoWayChannelRole": ROLE,
        }
    )
    assert (settings.account, settings.region, settings.partition) == (ACCOUNT, REGION, "aws")
    assert settings.two_way_channel_arn is None
    proposed = settings.with_two_way(TOPIC, None)
    assert (proposed.two_way_enabled, proposed.two_way_channel_arn) == (True, TOPIC)
    assert proposed.two_way_channel_role == ROLE  # UpdatePhoneNumber keeps an omitted role
    other = f"arn:aws:iam::{ACCOUNT}:role/other"
    assert settings.with_two_way(TOPIC, other).two_way_channel_role == other


def test_check_json_shape() -> None:
    checks = checks_of(*role_mode(two_way_enabled=False))
    assert checks["two-way-enabled"].to_json() == {
        "name": "two-way-enabled",
        "status": "FAIL",
        "detail": f"two-way messaging is disabled on {PHONE_ID} (TwoWayEnabled is false): "
        "inbound messages go nowhere",
        "fix": [
            {
                "action": "Turn two-way SMS on for the number",
                "policy": None,
                "command": checks["two-way-enabled"].fix[0].command,
            }
        ],
    }
    assert checks["two-way-channel"].to_json()["fix"] is None


# =============================================================================================
# The number's status


@pytest.mark.parametrize("status", ["PENDING", "ASSOCIATING", "DISASSOCIATING"])
def test_a_number_that_is_not_active_yet_fails_and_says_to_wait(status: str) -> None:
    checks = checks_of(*role_mode(status=status))
    assert failing(checks) == ["number-active"]  # the rest is still judged
    assert checks["number-active"].detail == (
        f"{PHONE_ID} is {status}, not ACTIVE: only an active number receives messages"
    )
    (step,) = checks["number-active"].fix
    assert step.action.startswith(f"Wait until the number is ACTIVE ({status} is transient")
    assert step.command == (
        f"aws pinpoint-sms-voice-v2 describe-phone-numbers --region {REGION} "
        f"--phone-number-ids {PHONE_ID} --query 'PhoneNumbers[0].Status' --output text"
    )


def test_a_released_number_fails_and_says_to_request_another() -> None:
    checks = checks_of(*role_mode(status="DELETED"))
    (step,) = checks["number-active"].fix
    assert step.action == "The number is released: request a new one and route it here"
    assert (step.command or "").startswith(
        f"aws pinpoint-sms-voice-v2 request-phone-number --region {REGION} "
    )


def test_the_emulator_drops_a_message_to_a_number_that_is_not_active() -> None:
    settings, aws = role_mode(status="PENDING")
    delivery = deliver(_emulated(settings), {"messageBody": "hi"}, aws, "sms-voice-12345678")
    assert not delivery.delivered
    assert delivery.reason.startswith("not delivered: number-active: ")
