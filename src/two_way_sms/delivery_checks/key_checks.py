"""Checks of an encrypted topic's KMS key: it exists, is symmetric and enabled, and its key policy
lets the caller (the role's session, or the service without a role) use it through SNS."""

from __future__ import annotations

from typing import Any

from two_way_sms.delivery_checks import commands, statements
from two_way_sms.delivery_checks.deployment import SESSION_NAME, KeyData, NumberSettings
from two_way_sms.delivery_checks.judging import Judged, judge, key_policy, key_policy_edit
from two_way_sms.delivery_checks.policy_edits import Policies
from two_way_sms.delivery_checks.results import Check, FixStep, failed, passed
from two_way_sms.emulator import service_requests
from two_way_sms.identifiers import SMS_VOICE_PRINCIPAL, parse_arn, role_name
from two_way_sms.policy import NamedPolicy

SYMMETRIC = ("SYMMETRIC_DEFAULT", "ENCRYPT_DECRYPT")


def _region(arn: str) -> str:
    parsed = parse_arn(arn)
    return parsed.region if parsed else ""


def kms_key_exists(topic_arn: str, key_id: str, key: KeyData | None) -> Check:
    if key is not None:
        return passed("kms-key-exists", f"KMS key {key_id} of {topic_arn} exists: {key.arn}")
    topic = parse_arn(topic_arn)
    where = f"{topic.region} of account {topic.account}" if topic else "the topic's region"
    region = _region(topic_arn)
    return failed(
        "kms-key-exists",
        f"KMS key {key_id} (KmsMasterKeyId of {topic_arn}) does not exist in {where}",
        FixStep(
            "Encrypt the topic with an existing symmetric key of its account and region",
            command=commands.set_topic_key(region, topic_arn, "<key-arn>"),
        ),
        FixStep("or stop encrypting it", command=commands.set_topic_key(region, topic_arn, "")),
    )


def _new_key_policy(number: NumberSettings, key_account: str, with_role: bool) -> dict[str, Any]:
    partition = number.partition
    root = statements.key_root_delegation(partition, key_account)
    if with_role:
        return statements.document(root)
    return statements.document(
        root, statements.key_for_service(partition, number.region, number.account)
    )


def kms_key_symmetric(
    number: NumberSettings, topic_arn: str, key: KeyData, role_arn: str | None
) -> Check:
    if (key.key_spec, key.key_usage) == SYMMETRIC:
        return passed(
            "kms-key-symmetric", f"KMS key {key.arn} is SYMMETRIC_DEFAULT/ENCRYPT_DECRYPT"
        )
    region = _region(key.arn)
    policy = _new_key_policy(number, service_requests.account_of(key.arn), role_arn is not None)
    steps = [
        FixStep(
            "Create a symmetric encryption key whose policy lets the sender use it",
            policy,
            commands.create_symmetric_key(region, policy),
        ),
        FixStep(
            "Encrypt the topic with it (the KeyMetadata.Arn create-key returns)",
            command=commands.set_topic_key(_region(topic_arn), topic_arn, "<new-key-arn>"),
        ),
    ]
    if role_arn:
        steps.append(
            FixStep(
                f"Let role/{role_name(role_arn)} use the new key (inline policy "
                f"{statements.INLINE_POLICY_NAME})",
                statements.role_encrypted_topic(topic_arn, "<new-key-arn>"),
            )
        )
    return failed(
        "kms-key-symmetric",
        f"KMS key {key.arn} is {key.key_spec}/{key.key_usage}; encrypted SNS topics need a "
        "symmetric encryption key (SYMMETRIC_DEFAULT, ENCRYPT_DECRYPT)",
        *steps,
    )


def kms_key_enabled(topic_arn: str, key: KeyData) -> Check:
    if key.key_state == "Enabled":
        return passed("kms-key-enabled", f"KMS key {key.arn} is Enabled")
    region = _region(key.arn)
    detail = f"KMS key {key.arn} is {key.key_state}, not Enabled"
    if key.key_state == "Disabled":
        return failed(
            "kms-key-enabled",
            detail,
            FixStep("Enable the key", command=commands.enable_key(region, key.arn)),
        )
    if key.key_state == "PendingDeletion":
        return failed(
            "kms-key-enabled",
            detail,
            FixStep("Cancel its deletion", command=commands.cancel_key_deletion(region, key.arn)),
            FixStep("Enable it again", command=commands.enable_key(region, key.arn)),
        )
    return failed(
        "kms-key-enabled",
        detail,
        FixStep(
            "Wait until the key is Enabled, or encrypt the topic with another symmetric key",
            command=commands.set_topic_key(_region(topic_arn), topic_arn, "<key-arn>"),
        ),
    )


def kms_key_policy(
    number: NumberSettings, key: KeyData, topic_arn: str, role_arn: str | None
) -> Judged:
    """The key policy's part. With a role, the role's own policies are taken to allow here (the
    role-kms check judges them): the key policy must allow the session or delegate to IAM."""
    requests = service_requests.use_key_through_sns(
        key.arn,
        topic_arn,
        role_arn=role_arn,
        session_name=SESSION_NAME,
        source_account=number.account,
        source_arn=number.arn,
    )
    if role_arn:
        label = f"role/{role_name(role_arn)}"
        identity: tuple[NamedPolicy, ...] = (
            NamedPolicy(
                f"IAM policies of {label} (taken to allow here; role-kms judges them)",
                statements.document({"Effect": "Allow", "Action": "kms:*", "Resource": "*"}),
            ),
        )
        statement = statements.key_root_delegation(
            number.partition, service_requests.account_of(role_arn)
        )
        who = f"{label} (the service's session), as far as the key policy goes,"
    else:
        identity = ()
        statement = statements.key_for_service(number.partition, number.region, number.account)
        who = f"{SMS_VOICE_PRINCIPAL} (no TwoWayChannelRole)"
    return judge(
        "kms-key-policy",
        requests,
        Policies(identity, key_policy(key)),
        [key_policy_edit(key, statement)],
        who=who,
        what=lambda r: f"{r.action} with {key.arn} for {topic_arn} (called through SNS)",
        kms=True,
    )
