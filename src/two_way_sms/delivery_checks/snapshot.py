"""Everything the checks look at, read once through a `DeploymentView`."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from two_way_sms.delivery_checks.deployment import (
    ConnectNumber,
    DeploymentView,
    KeyData,
    NumberSettings,
    RoleData,
)
from two_way_sms.delivery_checks.policy_edits import PolicyEdit
from two_way_sms.delivery_checks.statements import INLINE_POLICY_NAME
from two_way_sms.identifiers import (
    check_role_arn,
    check_two_way_channel_arn,
    is_connect_channel,
    parse_arn,
)


def connect_region(channel: str) -> str:
    """`connect.<region>.amazonaws.com` -> region."""
    return channel.split(".")[1]


def is_sns_channel(channel: str | None) -> bool:
    """An SNS topic ARN the API accepts, FIFO or not (FIFO is its own check)."""
    if not channel or is_connect_channel(channel):
        return False
    problem = check_two_way_channel_arn(channel)
    return problem is None or channel.endswith(".fifo")


@dataclass(frozen=True)
class Snapshot:
    number: NumberSettings
    role: RoleData | None = None
    topic_attributes: Mapping[str, str] | None = None
    key: KeyData | None = None
    connect_number: ConnectNumber | None = None


def read_snapshot(number: NumberSettings, aws: DeploymentView) -> Snapshot:
    """Read what the number's settings name, and only that."""
    channel = number.two_way_channel_arn
    role_arn = number.two_way_channel_role
    role = aws.role(role_arn) if role_arn and check_role_arn(role_arn) is None else None
    attributes: Mapping[str, str] | None = None
    key: KeyData | None = None
    connect: ConnectNumber | None = None
    if channel and is_sns_channel(channel) and not channel.endswith(".fifo"):
        attributes = aws.topic_attributes(channel)
        key_id = (attributes or {}).get("KmsMasterKeyId")
        topic = parse_arn(channel)
        if key_id and topic is not None:
            key = aws.kms_key(key_id, topic.account, topic.region)
    elif channel and is_connect_channel(channel) and connect_region(channel) == number.region:
        connect = aws.connect_phone_number(number, number.region)
    return Snapshot(number, role, attributes, key, connect)


def with_edits(snapshot: Snapshot, edits: Iterable[PolicyEdit]) -> Snapshot:
    """The snapshot as it would be once these policy edits are made (so that the fixes of later
    checks build on those of earlier ones instead of overwriting them)."""
    role, attributes, key = snapshot.role, snapshot.topic_attributes, snapshot.key
    for edit in edits:
        doc = edit.document
        if edit.target == "trust" and role is not None:
            role = replace(role, trust_policy=doc)
        elif edit.target == "inline" and role is not None:
            others = [(n, d) for n, d in role.inline_policies if n != INLINE_POLICY_NAME]
            role = replace(role, inline_policies=[*others, (INLINE_POLICY_NAME, doc)])
        elif edit.target == "boundary" and role is not None and role.permissions_boundary:
            role = replace(role, permissions_boundary=(role.permissions_boundary[0], doc))
        elif edit.target == "topic-policy" and attributes is not None:
            attributes = {**attributes, "Policy": json.dumps(doc)}
        elif edit.target == "key-policy" and key is not None:
            key = replace(key, policy=doc)
    return replace(snapshot, role=role, topic_attributes=attributes, key=key)
