"""Checks of the channel role: it exists, the service may assume it, and it may deliver."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from two_way_sms.delivery_checks import commands, statements
from two_way_sms.delivery_checks.deployment import SESSION_NAME, KeyData, NumberSettings, RoleData
from two_way_sms.delivery_checks.judging import (
    Judged,
    judge,
    key_policy,
    role_edits,
    role_label,
    role_policies,
    topic_policy,
    topic_policy_edit,
    trust_edit,
    trust_policy,
)
from two_way_sms.delivery_checks.policy_edits import Policies
from two_way_sms.delivery_checks.results import Check, FixStep, failed, passed
from two_way_sms.delivery_checks.statements import INLINE_POLICY_NAME
from two_way_sms.emulator import service_requests
from two_way_sms.identifiers import SMS_VOICE_PRINCIPAL, check_role_arn, parse_arn, role_name


def role_path(role_arn: str) -> str:
    """arn:...:role/a/b/name -> /a/b/"""
    parsed = parse_arn(role_arn)
    parts = parsed.resource.split("/")[1:-1] if parsed else []
    return "/" + "".join(f"{part}/" for part in parts)


def _set_role(number: NumberSettings, role_arn: str) -> str:
    return commands.update_phone_number(
        number.region,
        number.phone_number_id,
        number.two_way_channel_arn or "<channel-arn>",
        role_arn,
    )


def create_role_steps(
    number: NumberSettings, role_arn: str, permissions: Sequence[Mapping[str, Any]]
) -> list[FixStep]:
    """Create the role the guide describes: its trust policy and the permissions it needs."""
    name = role_name(role_arn)
    trust = statements.document(statements.trust(number.account))
    steps = [
        FixStep(
            f"Create the role {name} that {SMS_VOICE_PRINCIPAL} may assume (trust policy)",
            trust,
            commands.create_role(name, role_path(role_arn), trust),
        )
    ]
    if permissions:
        policy = statements.document(*(dict(p) for p in permissions))
        steps.append(
            FixStep(
                f"Give it the permissions the destination needs (inline policy "
                f"{INLINE_POLICY_NAME})",
                policy,
                commands.put_role_policy(name, INLINE_POLICY_NAME, policy),
            )
        )
    return steps


def role_exists(
    number: NumberSettings,
    role: RoleData | None,
    permissions: Sequence[Mapping[str, Any]],
) -> Check:
    role_arn = number.two_way_channel_role or ""
    problem = check_role_arn(role_arn)
    if problem:
        example = f"arn:{number.partition}:iam::{number.account}:role/<role-name>"
        return failed(
            "role-exists",
            problem,
            FixStep("Set an IAM role ARN as TwoWayChannelRole", command=_set_role(number, example)),
        )
    if role is None:
        return failed(
            "role-exists",
            f"IAM role {role_arn} (TwoWayChannelRole) does not exist",
            *create_role_steps(number, role_arn, permissions),
        )
    if role.arn != role_arn:
        return failed(
            "role-exists",
            f"there is a role named {role.name}, but its ARN is {role.arn}, not {role_arn} "
            "(another path)",
            FixStep(
                "Set the role's real ARN as TwoWayChannelRole", command=_set_role(number, role.arn)
            ),
        )
    return passed("role-exists", f"IAM role {role_arn} (TwoWayChannelRole) exists")


def role_trust(number: NumberSettings, role: RoleData) -> Judged:
    return judge(
        "role-trust",
        [
            service_requests.assume_role(
                role.arn, source_account=number.account, source_arn=number.arn
            )
        ],
        Policies(resource=trust_policy(role)),
        [trust_edit(role, statements.trust(number.account))],
        who=SMS_VOICE_PRINCIPAL,
        what=lambda r: f"sts:AssumeRole {r.resource} for {number.arn}",
    )


def role_publish(role: RoleData, topic_arn: str, attributes: Mapping[str, str]) -> Judged:
    topic_account = service_requests.account_of(topic_arn)
    statement = statements.role_publish(topic_arn, topic_account)
    candidates = role_edits(role, statement)
    if topic_account != service_requests.account_of(
        role.arn
    ):  # cross account: the topic policy must allow the role too
        candidates.append(
            topic_policy_edit(
                topic_arn, attributes, statements.topic_publish_by_role(topic_arn, role.arn)
            )
        )
    return judge(
        "role-publish",
        [service_requests.publish_as_role(role.arn, topic_arn, SESSION_NAME)],
        role_policies(role, topic_policy(topic_arn, attributes)),
        candidates,
        who=f"{role_label(role)} (the service's session)",
        what=lambda r: f"sns:Publish to {r.resource}",
    )


def role_kms(number: NumberSettings, role: RoleData, key: KeyData, topic_arn: str) -> Judged:
    """The role's own policies (and boundary) let its session use the key through SNS."""
    return judge(
        "role-kms",
        service_requests.use_key_through_sns(
            key.arn,
            topic_arn,
            role_arn=role.arn,
            session_name=SESSION_NAME,
            source_account=number.account,
            source_arn=number.arn,
        ),
        role_policies(role, key_policy(key)),
        role_edits(role, statements.role_encrypted_topic(topic_arn, key.arn)),
        who=f"{role_label(role)} (the service's session)",
        what=lambda r: f"{r.action} with {key.arn} for {topic_arn} (called through SNS)",
        kms=True,
    )


def role_connect(number: NumberSettings, role: RoleData, instance_arn: str) -> Judged:
    return judge(
        "role-connect",
        [
            service_requests.send_chat_integration_event(
                role.arn, instance_arn, SESSION_NAME, number.account
            )
        ],
        role_policies(role, None),
        role_edits(role, statements.role_connect()),
        who=f"{role_label(role)} (the service's session)",
        what=lambda r: f"connect:SendChatIntegrationEvent on {r.resource}",
    )
