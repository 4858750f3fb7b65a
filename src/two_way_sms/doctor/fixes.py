"""The fix of every delivery rule (two_way_sms.delivery.rules), by rule name.

A fact rule's fix is the steps a person takes (a sentence, the policy JSON it is about, the AWS
CLI command). A policy rule's fix is a list of candidate `PolicyEdit`s: the doctor prints the
smallest set of them that the evaluator verifies makes the rule pass. Statements are the AWS
guide's, with the Sids the Terraform modules render (statements.py).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from two_way_sms.delivery import Deployment, KeyData, NumberSettings, Responder, RoleData
from two_way_sms.doctor import commands, statements
from two_way_sms.doctor.policy_edits import PolicyEdit
from two_way_sms.doctor.results import FixStep
from two_way_sms.doctor.statements import INLINE_POLICY_NAME
from two_way_sms.identifiers import (
    SMS_VOICE_PRINCIPAL,
    account_of,
    check_role_arn,
    connect_channel,
    parse_arn,
    region_of,
    role_name,
    role_path,
)


@dataclass(frozen=True)
class Fix:
    """`steps` for a fact rule; `candidates` for a policy rule (the doctor picks among them)."""

    steps: tuple[FixStep, ...] = ()
    candidates: tuple[PolicyEdit, ...] = ()


def _steps(*steps: FixStep) -> Fix:
    return Fix(steps=steps)


def _candidates(edits: Sequence[PolicyEdit]) -> Fix:
    return Fix(candidates=tuple(edits))


# --------------------------------------------------------------------------------------------
# Commands that change the number


def _topic_placeholder(number: NumberSettings, name: str = "<topic-name>") -> str:
    return f"arn:{number.partition}:sns:{number.region}:{number.account}:{name}"


def _update(number: NumberSettings, channel: str | None = None, role: str | None = None) -> str:
    return commands.update_phone_number(
        number.region,
        number.phone_number_id,
        channel or number.two_way_channel_arn or _topic_placeholder(number),
        role or number.two_way_channel_role,
    )


# --------------------------------------------------------------------------------------------
# Where a statement can be added


def _trust_edit(role: RoleData, statement: Mapping[str, Any]) -> PolicyEdit:
    return PolicyEdit(
        "trust",
        role.trust().name,
        role.trust_policy,
        statement,
        f"Add this statement to the trust policy of {role.label}",
        lambda doc: commands.update_assume_role_policy(role.name, doc),
    )


def _inline_edit(role: RoleData, statement: Mapping[str, Any]) -> PolicyEdit:
    return PolicyEdit(
        "inline",
        f"inline policy {INLINE_POLICY_NAME} of {role.label}",
        dict(role.inline_policies).get(INLINE_POLICY_NAME),
        statement,
        f"Add this statement to the inline policy {INLINE_POLICY_NAME} of {role.label}",
        lambda doc: commands.put_role_policy(role.name, INLINE_POLICY_NAME, doc),
        inline_name=INLINE_POLICY_NAME,
    )


def _role_edits(role: RoleData, statement: Mapping[str, Any]) -> list[PolicyEdit]:
    """The role's inline policy, then its permissions boundary (if it has one)."""
    edits = [_inline_edit(role, statement)]
    if role.permissions_boundary is not None:
        arn, doc = role.permissions_boundary
        edits.append(
            PolicyEdit(
                "boundary",
                f"permissions boundary {arn} of {role.label}",
                doc,
                statement,
                f"Add this statement to the permissions boundary {arn} of {role.label} "
                "(as a new default version)",
                lambda merged: commands.create_policy_version(arn, merged),
            )
        )
    return edits


def _topic_policy_edit(d: Deployment, statement: Mapping[str, Any]) -> PolicyEdit:
    topic_arn = d.channel
    return PolicyEdit(
        "topic-policy",
        f"topic policy of {topic_arn}",
        (d.topic_attributes or {}).get("Policy") or None,
        statement,
        f"Add this statement to the topic policy of {topic_arn}",
        lambda doc: commands.set_topic_policy(region_of(topic_arn), topic_arn, doc),
    )


def _key_policy_edit(key: KeyData, statement: Mapping[str, Any]) -> PolicyEdit:
    return PolicyEdit(
        "key-policy",
        key.key_policy().name,
        key.policy,
        statement,
        f"Add this statement to the key policy of {key.arn}",
        lambda doc: commands.put_key_policy(region_of(key.arn), key.arn, doc),
    )


def _role(d: Deployment) -> RoleData:
    assert d.role is not None, "a role rule fails only once role-exists passed"
    return d.role


def _key(d: Deployment) -> KeyData:
    assert d.key is not None, "a key rule fails only once kms-key-exists passed"
    return d.key


# --------------------------------------------------------------------------------------------
# The fixes, rule by rule


def number_active(d: Deployment) -> Fix:
    number = d.number
    if number.status == "DELETED":
        return _steps(
            FixStep(
                "The number is released: request a new one and route it here",
                command=commands.request_phone_number(number.region),
            )
        )
    return _steps(
        FixStep(
            f"Wait until the number is ACTIVE ({number.status or 'its status'} is transient: "
            "provisioning, registration or a pool association under way), then check again",
            command=commands.describe_phone_number_status(number.region, number.phone_number_id),
        )
    )


def two_way_enabled(d: Deployment) -> Fix:
    return _steps(FixStep("Turn two-way SMS on for the number", command=_update(d.number)))


def two_way_channel(d: Deployment) -> Fix:
    number = d.number
    if not d.channel:
        return _steps(
            FixStep(
                "Set the SNS topic (or connect.<region>.amazonaws.com) that receives the messages",
                command=_update(number),
            )
        )
    return _steps(
        FixStep(
            "Set an SNS topic ARN or connect.<region>.amazonaws.com as the destination",
            command=_update(number, _topic_placeholder(number)),
        )
    )


def standard_topic(d: Deployment) -> Fix:
    topic = parse_arn(d.channel)
    standard = d.channel.removesuffix(".fifo")
    name = (topic.resource if topic else "inbound-sms").removesuffix(".fifo")
    return _steps(
        FixStep(
            "Create a standard topic (no .fifo suffix)",
            command=commands.create_topic(topic.region if topic else d.number.region, name),
        ),
        FixStep("Route the number to it", command=_update(d.number, standard)),
    )


def topic_exists(d: Deployment) -> Fix:
    topic = parse_arn(d.channel)
    region = topic.region if topic else ""
    return _steps(
        FixStep(
            f"Create the topic in account {account_of(d.channel) or '?'}, {region} (or route the "
            "number to a topic that exists)",
            command=commands.create_topic(region, topic.resource if topic else d.channel),
        )
    )


def topic_policy_publish(d: Deployment) -> Fix:
    number = d.number
    statement = statements.topic_publish(d.channel, number.partition, number.region, number.account)
    return _candidates([_topic_policy_edit(d, statement)])


def topic_encryption(_: Deployment) -> Fix:
    return _steps()  # it only tells whether there is a key to check; it never fails


def _create_role_steps(
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


def _role_permissions(d: Deployment) -> list[dict[str, Any]]:
    """What a new channel role needs for this destination."""
    if d.to_connect:
        return [statements.role_connect()]
    if not d.to_sns:
        return []
    permissions = [statements.role_publish(d.channel, account_of(d.channel))]
    if d.key_id:
        permissions.append(statements.role_encrypted_topic(d.channel, d.key.arn if d.key else "*"))
    return permissions


def role_exists(d: Deployment) -> Fix:
    number = d.number
    if check_role_arn(d.role_arn):
        example = f"arn:{number.partition}:iam::{number.account}:role/<role-name>"
        return _steps(
            FixStep(
                "Set an IAM role ARN as TwoWayChannelRole", command=_update(number, role=example)
            )
        )
    if d.role is None:
        return _steps(*_create_role_steps(number, d.role_arn, _role_permissions(d)))
    return _steps(
        FixStep(
            "Set the role's real ARN as TwoWayChannelRole",
            command=_update(number, role=d.role.arn),
        )
    )


def role_trust(d: Deployment) -> Fix:
    return _candidates([_trust_edit(_role(d), statements.trust(d.number.account))])


def role_publish(d: Deployment) -> Fix:
    role = _role(d)
    topic_account = account_of(d.channel)
    candidates = _role_edits(role, statements.role_publish(d.channel, topic_account))
    if topic_account != account_of(role.arn):  # cross account: the topic policy must allow it
        candidates.append(
            _topic_policy_edit(d, statements.topic_publish_by_role(d.channel, role.arn))
        )
    return _candidates(candidates)


def kms_key_exists(d: Deployment) -> Fix:
    region = region_of(d.channel)
    return _steps(
        FixStep(
            "Encrypt the topic with an existing symmetric key of its account and region",
            command=commands.set_topic_key(region, d.channel, "<key-arn>"),
        ),
        FixStep("or stop encrypting it", command=commands.set_topic_key(region, d.channel, "")),
    )


def kms_key_symmetric(d: Deployment) -> Fix:
    number, key = d.number, _key(d)
    root = statements.key_root_delegation(number.partition, account_of(key.arn))
    policy = (
        statements.document(root)
        if d.role_arn
        else statements.document(
            root, statements.key_for_service(number.partition, number.region, number.account)
        )
    )
    steps = [
        FixStep(
            "Create a symmetric encryption key whose policy lets the sender use it",
            policy,
            commands.create_symmetric_key(region_of(key.arn), policy),
        ),
        FixStep(
            "Encrypt the topic with it (the KeyMetadata.Arn create-key returns)",
            command=commands.set_topic_key(region_of(d.channel), d.channel, "<new-key-arn>"),
        ),
    ]
    if d.role_arn:
        steps.append(
            FixStep(
                f"Let role/{role_name(d.role_arn)} use the new key (inline policy "
                f"{INLINE_POLICY_NAME})",
                statements.role_encrypted_topic(d.channel, "<new-key-arn>"),
            )
        )
    return _steps(*steps)


def kms_key_enabled(d: Deployment) -> Fix:
    key = _key(d)
    region = region_of(key.arn)
    if key.key_state == "Disabled":
        return _steps(FixStep("Enable the key", command=commands.enable_key(region, key.arn)))
    if key.key_state == "PendingDeletion":
        return _steps(
            FixStep("Cancel its deletion", command=commands.cancel_key_deletion(region, key.arn)),
            FixStep("Enable it again", command=commands.enable_key(region, key.arn)),
        )
    return _steps(
        FixStep(
            "Wait until the key is Enabled, or encrypt the topic with another symmetric key",
            command=commands.set_topic_key(region_of(d.channel), d.channel, "<key-arn>"),
        )
    )


def kms_key_policy(d: Deployment) -> Fix:
    number = d.number
    if d.role_arn:
        statement = statements.key_root_delegation(number.partition, account_of(d.role_arn))
    else:
        statement = statements.key_for_service(number.partition, number.region, number.account)
    return _candidates([_key_policy_edit(_key(d), statement)])


def role_kms(d: Deployment) -> Fix:
    statement = statements.role_encrypted_topic(d.channel, _key(d).arn)
    return _candidates(_role_edits(_role(d), statement))


def connect_region(d: Deployment) -> Fix:
    number = d.number
    return _steps(
        FixStep(
            "Route the number to Amazon Connect in its own Region",
            command=_update(number, connect_channel(number.region)),
        )
    )


def connect_role(d: Deployment) -> Fix:
    number = d.number
    role_arn = f"arn:{number.partition}:iam::{number.account}:role/sms-voice-two-way"
    return _steps(
        *_create_role_steps(number, role_arn, [statements.role_connect()]),
        FixStep("Set it as the number's TwoWayChannelRole", command=_update(number, role=role_arn)),
    )


def connect_number_imported(d: Deployment) -> Fix:
    return _steps(
        FixStep(
            "Import the number into the Connect instance that takes the chats",
            command=commands.import_phone_number(
                d.connect_region, "<connect-instance-id>", d.number.arn
            ),
        )
    )


def role_connect(d: Deployment) -> Fix:
    return _candidates(_role_edits(_role(d), statements.role_connect()))


# --------------------------------------------------------------------------------------------
# The responder (the deployment given to these is focused on the responder that failed)


def _responder(d: Deployment) -> Responder:
    assert d.responders, "a responder rule fails about one responder"
    return d.responders[0]


def responder_subscribed(d: Deployment) -> Fix:
    responder = _responder(d)
    return _steps(
        FixStep(
            f"Subscribe {responder.name} to the topic (then let SNS invoke it: responder-invoke)",
            command=commands.subscribe_function(
                region_of(d.channel), d.channel, responder.function_arn
            ),
        )
    )


def responder_exists(d: Deployment) -> Fix:
    responder = _responder(d)
    function = responder.function
    if function is None:
        return _steps(
            FixStep(
                f"Deploy the function {responder.function_arn} (modules/responder), or unsubscribe "
                "it and subscribe the function that answers"
            )
        )
    if function.state != "Active":
        return _steps(
            FixStep(
                f"Make {responder.name} Active: see its StateReason",
                command=f"aws lambda get-function-configuration --region "
                f"{region_of(function.arn)} --function-name {function.arn} "
                "--query '[State,StateReason]'",
            )
        )
    return _steps(
        FixStep(
            f"Create the execution role {function.role_arn} (trust lambda.amazonaws.com), or "
            f"give {responder.name} an existing one"
        )
    )


def responder_invoke(d: Deployment) -> Fix:
    responder = _responder(d)
    function = responder.function
    assert function is not None
    statement = statements.sns_invokes_function(function.arn, d.channel, account_of(d.channel))
    return _candidates(
        [
            PolicyEdit(
                "function-policy",
                f"resource policy of function {responder.name}",
                function.resource_policy,
                statement,
                f"Let SNS invoke {responder.name} for the topic (a statement of its resource "
                "policy)",
                lambda _: commands.add_invoke_permission(
                    region_of(function.arn), function.arn, statement
                ),
            )
        ]
    )


def responder_send(d: Deployment) -> Fix:
    responder = _responder(d)
    role = responder.role
    assert role is not None
    statement = statements.reply_from([d.number.arn])
    policy_name = statements.reply_policy_name(responder.name)
    return _candidates(
        [
            PolicyEdit(
                "responder-inline",
                f"inline policy {policy_name} of {role.label}",
                dict(role.inline_policies).get(policy_name),
                statement,
                f"Let {role.label} reply from the number (inline policy {policy_name})",
                lambda doc: commands.put_role_policy(role.name, policy_name, doc),
                inline_name=policy_name,
            )
        ]
    )


def responder_on_failure(d: Deployment) -> Fix:
    responder = _responder(d)
    function = responder.function
    assert function is not None
    region = region_of(function.arn)
    queue_name = f"{responder.name}-failed"
    queue_arn = f"arn:{d.number.partition}:sqs:{region}:{account_of(function.arn)}:{queue_name}"
    steps = []
    if function.on_failure_destination:
        queue_arn = function.on_failure_destination
        queue_name = queue_arn.rsplit(":", 1)[-1]
    steps.append(
        FixStep(
            "Create an encrypted SQS queue for the events that fail after the retries",
            command=commands.create_queue(region, queue_name),
        )
    )
    if not function.on_failure_destination:
        steps.append(
            FixStep(
                f"Send {responder.name}'s failed events there (its role needs sqs:SendMessage on "
                "the queue)",
                command=commands.put_on_failure_destination(region, function.arn, queue_arn),
            )
        )
    return _steps(*steps)


FIXES: Mapping[str, Callable[[Deployment], Fix]] = {
    "number-active": number_active,
    "two-way-enabled": two_way_enabled,
    "two-way-channel": two_way_channel,
    "standard-topic": standard_topic,
    "topic-exists": topic_exists,
    "connect-region": connect_region,
    "connect-role": connect_role,
    "role-exists": role_exists,
    "role-trust": role_trust,
    "role-publish": role_publish,
    "topic-policy-publish": topic_policy_publish,
    "connect-number-imported": connect_number_imported,
    "role-connect": role_connect,
    "topic-encryption": topic_encryption,
    "kms-key-exists": kms_key_exists,
    "kms-key-symmetric": kms_key_symmetric,
    "kms-key-enabled": kms_key_enabled,
    "kms-key-policy": kms_key_policy,
    "role-kms": role_kms,
    "responder-subscribed": responder_subscribed,
    "responder-exists": responder_exists,
    "responder-invoke": responder_invoke,
    "responder-send": responder_send,
    "responder-on-failure": responder_on_failure,
}
