"""One check = some requests judged against some policies, with the edits that would fix it.

The policy names are the emulator's ("trust policy of role/x", "topic policy of <arn>", "key
policy of <arn>", "inline policy <name> of role/x", ...), so reasons read the same in both.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from two_way_sms.delivery_checks import commands
from two_way_sms.delivery_checks.deployment import KeyData, RoleData
from two_way_sms.delivery_checks.policy_edits import (
    Policies,
    PolicyEdit,
    decide,
    deny_steps,
    first_denial,
    smallest_fix,
)
from two_way_sms.delivery_checks.results import Check, FixStep, failed, passed
from two_way_sms.delivery_checks.statements import INLINE_POLICY_NAME
from two_way_sms.identifiers import parse_arn
from two_way_sms.policy import NamedPolicy, PolicyError, Request

Describe = Callable[[Request], str]
Judged = tuple[Check, tuple[PolicyEdit, ...]]  # a check, and the edits of its fix


def judge(
    name: str,
    requests: Sequence[Request],
    policies: Policies,
    candidates: Sequence[PolicyEdit],
    *,
    who: str,
    what: Describe,
    kms: bool = False,
) -> Judged:
    """PASS when every request is allowed; else FAIL with the smallest verified fix. Also returns
    the edits of that fix, so later checks can be judged as if it were applied."""
    try:
        denial = first_denial(requests, policies, kms=kms)
    except PolicyError as error:
        check = failed(
            name,
            f"{who} cannot be judged for {what(requests[0])}: malformed policy: {error}",
            FixStep(f"Correct the policy document: {error}"),
        )
        return check, ()
    if denial is None:
        reason = decide(requests[0], policies, kms=kms).reason
        return passed(name, f"{who} may {what(requests[0])}: {reason}"), ()
    request, decision = denial
    detail = f"{who} may not {what(request)}: {decision.reason}"
    if decision.deciding:  # an explicit Deny: adding statements cannot help
        return failed(name, detail, *deny_steps(decision)), ()
    edits = smallest_fix(requests, policies, candidates, kms=kms) or tuple(candidates)
    return failed(name, detail, *(edit.step() for edit in edits)), edits


# ---------------------------------------------------------------------------------------------
# Where a statement can be added


def role_label(role: RoleData) -> str:
    return f"role/{role.name}"


def trust_policy(role: RoleData) -> NamedPolicy:
    return NamedPolicy(f"trust policy of {role_label(role)}", role.trust_policy)


def topic_policy(topic_arn: str, attributes: Mapping[str, str]) -> NamedPolicy | None:
    text = attributes.get("Policy")
    return NamedPolicy(f"topic policy of {topic_arn}", text) if text else None


def key_policy(key: KeyData) -> NamedPolicy:
    return NamedPolicy(f"key policy of {key.arn}", key.policy)


def role_policies(role: RoleData, resource: NamedPolicy | None) -> Policies:
    return Policies(tuple(role.identity_policies()), resource, role.boundary())


def trust_edit(role: RoleData, statement: Mapping[str, Any]) -> PolicyEdit:
    return PolicyEdit(
        "trust",
        trust_policy(role).name,
        role.trust_policy,
        statement,
        f"Add this statement to the trust policy of {role_label(role)}",
        lambda doc: commands.update_assume_role_policy(role.name, doc),
    )


def inline_edit(role: RoleData, statement: Mapping[str, Any]) -> PolicyEdit:
    existing = dict(role.inline_policies).get(INLINE_POLICY_NAME)
    return PolicyEdit(
        "inline",
        f"inline policy {INLINE_POLICY_NAME} of {role_label(role)}",
        existing,
        statement,
        f"Add this statement to the inline policy {INLINE_POLICY_NAME} of {role_label(role)}",
        lambda doc: commands.put_role_policy(role.name, INLINE_POLICY_NAME, doc),
    )


def boundary_edit(role: RoleData, statement: Mapping[str, Any]) -> PolicyEdit | None:
    if role.permissions_boundary is None:
        return None
    arn, doc = role.permissions_boundary
    return PolicyEdit(
        "boundary",
        f"permissions boundary {arn} of {role_label(role)}",
        doc,
        statement,
        f"Add this statement to the permissions boundary {arn} of {role_label(role)} "
        "(as a new default version)",
        lambda merged: commands.create_policy_version(arn, merged),
    )


def topic_policy_edit(
    topic_arn: str, attributes: Mapping[str, str], statement: Mapping[str, Any]
) -> PolicyEdit:
    topic = parse_arn(topic_arn)
    region = topic.region if topic else ""
    return PolicyEdit(
        "topic-policy",
        f"topic policy of {topic_arn}",
        attributes.get("Policy") or None,
        statement,
        f"Add this statement to the topic policy of {topic_arn}",
        lambda doc: commands.set_topic_policy(region, topic_arn, doc),
    )


def key_policy_edit(key: KeyData, statement: Mapping[str, Any]) -> PolicyEdit:
    parsed = parse_arn(key.arn)
    region = parsed.region if parsed else ""
    return PolicyEdit(
        "key-policy",
        key_policy(key).name,
        key.policy,
        statement,
        f"Add this statement to the key policy of {key.arn}",
        lambda doc: commands.put_key_policy(region, key.arn, doc),
    )


def role_edits(role: RoleData, statement: Mapping[str, Any]) -> list[PolicyEdit]:
    """The role's inline policy, then its permissions boundary (if it has one)."""
    edits = [inline_edit(role, statement)]
    boundary = boundary_edit(role, statement)
    if boundary is not None:
        edits.append(boundary)
    return edits
