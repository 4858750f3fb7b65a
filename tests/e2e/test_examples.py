"""Every example, applied to LocalStack with the End User Messaging SMS emulator.

Per example: apply, a second plan changes nothing, boto3 sees what was declared, an inbound
SMS reaches a test-owned SQS queue exactly once with the six payload fields, then break one
permission at a time and see the message dropped with a reason naming it; destroy always,
and nothing is left behind.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.support.inbound import CUSTOMER, PAYLOAD_FIELDS, drain_payloads
from two_way_sms_tools.terraform.localstack_apply import AppliedRoot, applied_root

pytestmark = pytest.mark.e2e


def _assert_routed_once(
    send_inbound: Callable[..., dict[str, Any]], sqs: Any, queue_url: str, number: str, topic: str
) -> None:
    outcome = send_inbound(
        originationNumber=CUSTOMER, destinationNumber=number, messageBody="JOIN now"
    )
    assert outcome["delivered"] is True, outcome
    assert outcome["destination"] == topic
    received = drain_payloads(sqs, queue_url, raw=False)
    assert len(received) == 1, f"expected exactly one payload, got {received}"
    payload = received[0]
    assert list(payload) == PAYLOAD_FIELDS
    assert payload["originationNumber"] == CUSTOMER
    assert payload["destinationNumber"] == number
    assert payload["messageBody"] == "JOIN now"
    assert payload["inboundMessageId"] == outcome["inboundMessageId"]
    uuid.UUID(payload["inboundMessageId"])  # a UUID, as in the guide's example


def _assert_dropped(
    send_inbound: Callable[..., dict[str, Any]], sqs: Any, queue_url: str, number: str, *words: str
) -> None:
    outcome = send_inbound(originationNumber=CUSTOMER, destinationNumber=number, messageBody="hi")
    assert outcome["delivered"] is False, outcome
    for word in words:
        assert word in outcome["reason"], f"{word!r} not in reason: {outcome['reason']}"
    assert drain_payloads(sqs, queue_url, raw=False, wait=1) == []


def _assert_nothing_left(aws: Callable[[str], Any], outputs: dict[str, Any]) -> None:
    """After destroy: numbers released, topic and role gone, key scheduled for deletion."""
    sms, sns, iam, kms = (aws(s) for s in ("pinpoint-sms-voice-v2", "sns", "iam", "kms"))
    for number in (outputs.get("phone_numbers") or {}).values():
        with pytest.raises(sms.exceptions.ResourceNotFoundException):
            sms.describe_phone_numbers(PhoneNumberIds=[number["id"]])
    if outputs.get("topic_arn") and not outputs.get("topic_is_external"):
        with pytest.raises(sns.exceptions.NotFoundException):
            sns.get_topic_attributes(TopicArn=outputs["topic_arn"])
    if outputs.get("channel_role_arn"):
        with pytest.raises(iam.exceptions.NoSuchEntityException):
            iam.get_role(RoleName=outputs["channel_role_arn"].split("/")[-1])
    if outputs.get("kms_key_arn"):
        # AWS keeps a destroyed key PendingDeletion for the window; LocalStack may drop it.
        try:
            state = kms.describe_key(KeyId=outputs["kms_key_arn"])["KeyMetadata"]["KeyState"]
        except kms.exceptions.NotFoundException:
            state = "deleted"
        assert state in ("PendingDeletion", "deleted")


@pytest.fixture(scope="module")
def sns_kms(
    project_root: Path, localstack_endpoint: str, aws: Callable[[str], Any]
) -> Iterator[AppliedRoot]:
    variables = {"name": f"e2e-kms-{uuid.uuid4().hex[:6]}", "deletion_protection_enabled": "true"}
    with applied_root(project_root, "examples/sns-kms", localstack_endpoint, variables) as root:
        yield root
    _assert_nothing_left(aws, root.outputs)


def test_sns_kms_routes_and_reports_each_missing_permission(
    sns_kms: AppliedRoot,
    aws: Callable[[str], Any],
    send_inbound: Callable[..., dict[str, Any]],
    subscribed_queue: Callable[[str], str],
) -> None:
    outputs = sns_kms.outputs
    topic, role, key = outputs["topic_arn"], outputs["channel_role_arn"], outputs["kms_key_arn"]
    number = outputs["phone_numbers"]["support"]
    assert sns_kms.replan_changes() == []

    sms, iam, kms, sns, sqs = (
        aws(s) for s in ("pinpoint-sms-voice-v2", "iam", "kms", "sns", "sqs")
    )
    described = sms.describe_phone_numbers(PhoneNumberIds=[number["id"]])["PhoneNumbers"][0]
    assert described["TwoWayEnabled"] is True
    assert described["TwoWayChannelArn"] == topic
    assert described["TwoWayChannelRole"] == role
    assert described["DeletionProtectionEnabled"] is True
    role_name = role.split("/")[-1]
    trust = iam.get_role(RoleName=role_name)["Role"]["AssumeRolePolicyDocument"]
    assert trust["Statement"][0]["Principal"] == {"Service": "sms-voice.amazonaws.com"}
    assert sns.get_topic_attributes(TopicArn=topic)["Attributes"]["KmsMasterKeyId"] == key
    metadata = kms.describe_key(KeyId=key)["KeyMetadata"]
    assert (metadata["KeySpec"], metadata["KeyUsage"]) == ("SYMMETRIC_DEFAULT", "ENCRYPT_DECRYPT")

    queue = subscribed_queue(topic)
    _assert_routed_once(send_inbound, sqs, queue, number["phone_number"], topic)

    # A number under deletion protection is not released.
    with pytest.raises(sms.exceptions.ConflictException):
        sms.release_phone_number(PhoneNumberId=number["id"])

    # Key policy without the sms-voice statement (and without IAM delegation): dropped.
    key_policy = kms.get_key_policy(KeyId=key, PolicyName="default")["Policy"]
    stripped = json.loads(key_policy)
    stripped["Statement"] = [
        s
        for s in stripped["Statement"]
        if s.get("Sid") == "AllowSnsToUseTheKeyForThisAccountsTopics"
    ]
    kms.put_key_policy(KeyId=key, PolicyName="default", Policy=json.dumps(stripped))
    _assert_dropped(
        send_inbound, sqs, queue, number["phone_number"], "key policy", "kms:GenerateDataKey"
    )
    kms.put_key_policy(KeyId=key, PolicyName="default", Policy=key_policy)

    # Trust condition naming another account: the service cannot assume the role.
    other = json.loads(json.dumps(trust))
    other["Statement"][0]["Condition"]["StringEquals"]["aws:SourceAccount"] = "444455556666"
    iam.update_assume_role_policy(RoleName=role_name, PolicyDocument=json.dumps(other))
    _assert_dropped(
        send_inbound, sqs, queue, number["phone_number"], "trust policy", "sts:AssumeRole"
    )
    iam.update_assume_role_policy(RoleName=role_name, PolicyDocument=json.dumps(trust))

    # Role without sns:Publish.
    policy_name = iam.list_role_policies(RoleName=role_name)["PolicyNames"][0]
    permissions = iam.get_role_policy(RoleName=role_name, PolicyName=policy_name)["PolicyDocument"]
    iam.delete_role_policy(RoleName=role_name, PolicyName=policy_name)
    _assert_dropped(send_inbound, sqs, queue, number["phone_number"], "sns:Publish")
    iam.put_role_policy(
        RoleName=role_name, PolicyName=policy_name, PolicyDocument=json.dumps(permissions)
    )

    # Everything restored: routed again, and the configuration is what Terraform declared.
    _assert_routed_once(send_inbound, sqs, queue, number["phone_number"], topic)
    sms.update_phone_number(PhoneNumberId=number["id"], DeletionProtectionEnabled=False)


@pytest.mark.parametrize("example", ["sns-basic", "multi-number"])
def test_example_routes_every_number(
    example: str,
    project_root: Path,
    localstack_endpoint: str,
    aws: Callable[[str], Any],
    send_inbound: Callable[..., dict[str, Any]],
    subscribed_queue: Callable[[str], str],
) -> None:
    variables = {"name": f"e2e-{example}-{uuid.uuid4().hex[:6]}"}
    with applied_root(project_root, f"examples/{example}", localstack_endpoint, variables) as root:
        assert root.replan_changes() == []
        topic, numbers = root.outputs["topic_arn"], root.outputs["phone_numbers"]
        assert len(numbers) == (3 if example == "multi-number" else 1)
        queue = subscribed_queue(topic)
        for number in numbers.values():
            _assert_routed_once(send_inbound, aws("sqs"), queue, number["phone_number"], topic)
    _assert_nothing_left(aws, root.outputs)


def test_topic_policy_example_merges_and_needs_its_statement(
    project_root: Path,
    localstack_endpoint: str,
    aws: Callable[[str], Any],
    send_inbound: Callable[..., dict[str, Any]],
    subscribed_queue: Callable[[str], str],
) -> None:
    sns, sqs = aws("sns"), aws("sqs")
    topic = sns.create_topic(Name=f"e2e-existing-{uuid.uuid4().hex[:6]}")["TopicArn"]
    before = sns.get_topic_attributes(TopicArn=topic)["Attributes"]["Policy"]
    variables = {"topic_arn": topic, "topic_policy_json": before}
    try:
        with applied_root(
            project_root, "examples/sns-topic-policy", localstack_endpoint, variables
        ) as root:
            assert root.replan_changes() == []
            merged = json.loads(sns.get_topic_attributes(TopicArn=topic)["Attributes"]["Policy"])
            sids = [s.get("Sid") for s in merged["Statement"]]
            # What was on the topic is still there, plus the module's statement.
            for statement in json.loads(before)["Statement"]:
                assert statement.get("Sid") in sids
            assert "AllowSmsVoicePublish" in sids
            number = root.outputs["phone_numbers"]["main"]
            queue = subscribed_queue(topic)
            _assert_routed_once(send_inbound, sqs, queue, number["phone_number"], topic)

            # Topic-policy mode with the statement missing: dropped, naming the topic policy.
            sns.set_topic_attributes(TopicArn=topic, AttributeName="Policy", AttributeValue=before)
            _assert_dropped(
                send_inbound, sqs, queue, number["phone_number"], "topic policy", "sns:Publish"
            )
        # Destroy removes the module's topic policy but never the topic the caller owns.
        assert sns.get_topic_attributes(TopicArn=topic)["Attributes"]["TopicArn"] == topic
    finally:
        sns.delete_topic(TopicArn=topic)
