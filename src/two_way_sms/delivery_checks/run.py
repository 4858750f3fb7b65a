"""The checks in order, which are skipped when an earlier one fails, and how fixes add up.

Order: the number (two-way-enabled, two-way-channel); then for an SNS topic standard-topic,
topic-exists, the role (role-exists, role-trust, role-publish) or the topic policy
(topic-policy-publish), topic-encryption and the key (kms-key-exists, kms-key-symmetric,
kms-key-enabled, kms-key-policy, role-kms); for Amazon Connect connect-region, connect-role,
role-exists, role-trust, connect-number-imported, role-connect.

When a policy check fails, the later checks are judged as if its fix had been made: role-kms
sees the key policy with kms-key-policy's statement, and its own inline-policy command keeps the
statement role-publish's command adds. Each check then names only its own part, and running
every printed command in order leaves a deployment on which every check passes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from two_way_sms.delivery_checks import statements
from two_way_sms.delivery_checks.connect_checks import (
    connect_number_imported,
    connect_role,
    connect_same_region,
)
from two_way_sms.delivery_checks.deployment import DeploymentView, NumberSettings
from two_way_sms.delivery_checks.judging import Judged
from two_way_sms.delivery_checks.key_checks import (
    kms_key_enabled,
    kms_key_exists,
    kms_key_policy,
    kms_key_symmetric,
)
from two_way_sms.delivery_checks.number_checks import (
    standard_topic,
    two_way_channel,
    two_way_enabled,
)
from two_way_sms.delivery_checks.results import Check, Status, skipped
from two_way_sms.delivery_checks.role_checks import (
    role_connect,
    role_exists,
    role_kms,
    role_publish,
    role_trust,
)
from two_way_sms.delivery_checks.snapshot import (
    Snapshot,
    connect_region,
    read_snapshot,
    with_edits,
)
from two_way_sms.delivery_checks.topic_checks import (
    topic_encryption,
    topic_exists,
    topic_policy_publish,
)
from two_way_sms.identifiers import is_connect_channel

CHECK_NAMES = (
    "two-way-enabled",
    "two-way-channel",
    "destination",
    "standard-topic",
    "topic-exists",
    "connect-region",
    "connect-role",
    "role-exists",
    "role-trust",
    "role-publish",
    "topic-policy-publish",
    "connect-number-imported",
    "role-connect",
    "topic-encryption",
    "kms-key-exists",
    "kms-key-symmetric",
    "kms-key-enabled",
    "kms-key-policy",
    "role-kms",
)


def check_delivery(number: NumberSettings, aws: DeploymentView) -> list[Check]:
    """Every check of the number's two-way delivery, reading through `aws`."""
    return judge_snapshot(read_snapshot(number, aws))


def judge_snapshot(snapshot: Snapshot) -> list[Check]:
    run = _Run(snapshot)
    run.all()
    return run.checks


class _Run:
    def __init__(self, snapshot: Snapshot) -> None:
        self.snapshot = snapshot  # as it would be after the fixes so far
        self.number = snapshot.number
        self.role_arn = snapshot.number.two_way_channel_role
        self.role_found = False  # role-exists passed
        self.checks: list[Check] = []

    def add(self, check: Check) -> Check:
        self.checks.append(check)
        return check

    def judged(self, judged: Judged) -> Check:
        check, edits = judged
        self.snapshot = with_edits(self.snapshot, edits)
        return self.add(check)

    def skip(self, names: Iterable[str], because: str) -> None:
        for name in names:
            self.add(skipped(name, because))

    def all(self) -> None:
        self.add(two_way_enabled(self.number))
        channel = self.number.two_way_channel_arn or ""
        if self.add(two_way_channel(self.number)).status is Status.FAIL:
            self.role_basics([])
            self.skip(["destination"], "two-way-channel failed: there is no destination to check")
        elif is_connect_channel(channel):
            self.connect(channel)
        else:
            self.sns(channel)

    def role_basics(self, permissions: list[dict[str, Any]]) -> None:
        """role-exists and role-trust, when the number has a role."""
        if not self.role_arn:
            return
        exists = self.add(role_exists(self.number, self.snapshot.role, permissions))
        role = self.snapshot.role
        if exists.status is not Status.PASS or role is None:
            self.skip(["role-trust"], "role-exists failed")
            return
        self.role_found = True
        self.judged(role_trust(self.number, role))

    def sns(self, topic_arn: str) -> None:
        if self.add(standard_topic(self.number, topic_arn)).status is Status.FAIL:
            self.skip(
                ["topic-exists"], "standard-topic failed: route the number to a standard topic"
            )
            self.role_basics([])
            delivery = "role-publish" if self.role_arn else "topic-policy-publish"
            self.skip([delivery, "topic-encryption"], "standard-topic failed")
            return
        attributes = self.snapshot.topic_attributes
        self.add(topic_exists(topic_arn, attributes))
        self.role_basics(self.role_permissions(topic_arn, attributes))
        self.publish(topic_arn)
        attributes = self.snapshot.topic_attributes
        if attributes is None:
            self.skip(["topic-encryption"], "topic-exists failed")
            return
        self.add(topic_encryption(topic_arn, attributes))
        key_id = attributes.get("KmsMasterKeyId")
        if key_id:
            self.key(topic_arn, key_id)

    def role_permissions(
        self, topic_arn: str, attributes: Mapping[str, str] | None
    ) -> list[dict[str, Any]]:
        """What a new channel role needs for this topic (shown when the role does not exist)."""
        topic_account = topic_arn.split(":")[4]
        permissions = [statements.role_publish(topic_arn, topic_account)]
        if attributes and attributes.get("KmsMasterKeyId"):
            key = self.snapshot.key
            permissions.append(statements.role_encrypted_topic(topic_arn, key.arn if key else "*"))
        return permissions

    def publish(self, topic_arn: str) -> None:
        attributes, role = self.snapshot.topic_attributes, self.snapshot.role
        if self.role_arn:
            if attributes is None:
                self.skip(["role-publish"], "topic-exists failed")
            elif not self.role_found or role is None:
                self.skip(["role-publish"], "role-exists failed")
            else:
                self.judged(role_publish(role, topic_arn, attributes))
        elif attributes is None:
            self.skip(["topic-policy-publish"], "topic-exists failed")
        else:
            self.judged(topic_policy_publish(self.number, topic_arn, attributes))

    def key(self, topic_arn: str, key_id: str) -> None:
        key = self.snapshot.key
        with_role = ["role-kms"] if self.role_arn else []
        self.add(kms_key_exists(topic_arn, key_id, key))
        if key is None:
            self.skip(
                ["kms-key-symmetric", "kms-key-enabled", "kms-key-policy", *with_role],
                "kms-key-exists failed",
            )
            return
        symmetric = self.add(kms_key_symmetric(self.number, topic_arn, key, self.role_arn))
        self.add(kms_key_enabled(topic_arn, key))
        if symmetric.status is Status.FAIL:
            self.skip(
                ["kms-key-policy", *with_role],
                "kms-key-symmetric failed: the topic needs another key",
            )
            return
        self.judged(kms_key_policy(self.number, key, topic_arn, self.role_arn))
        if not self.role_arn:
            return
        role, key = self.snapshot.role, self.snapshot.key
        if not self.role_found or role is None or key is None:
            self.skip(["role-kms"], "role-exists failed")
        else:
            self.judged(role_kms(self.number, role, key, topic_arn))

    def connect(self, channel: str) -> None:
        region = connect_region(channel)
        same_region = self.add(connect_same_region(self.number, region)).status is Status.PASS
        self.add(connect_role(self.number))
        self.role_basics([statements.role_connect()])
        if not same_region:
            self.skip(["connect-number-imported", "role-connect"], "connect-region failed")
            return
        imported = self.snapshot.connect_number
        self.add(connect_number_imported(self.number, region, imported))
        role = self.snapshot.role
        if not self.role_arn:
            self.skip(["role-connect"], "connect-role failed")
        elif not self.role_found or role is None:
            self.skip(["role-connect"], "role-exists failed")
        else:
            instance = imported.target_arn if imported else "*"
            self.judged(role_connect(self.number, role, instance))
