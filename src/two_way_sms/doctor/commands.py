"""The AWS CLI commands a fix runs, quoted for a POSIX shell (policy documents inline, compact)."""

from __future__ import annotations

import json
import shlex
from collections.abc import Mapping
from typing import Any


def _quote_json(doc: Mapping[str, Any]) -> str:
    return shlex.quote(json.dumps(doc, separators=(",", ":")))


def _join(*words: str) -> str:
    return " ".join(words)


def update_phone_number(
    region: str,
    phone_number_id: str,
    channel_arn: str,
    role_arn: str | None,
) -> str:
    """The guide's step: turn two-way on with this destination (and role)."""
    words = [
        "aws pinpoint-sms-voice-v2 update-phone-number",
        f"--region {shlex.quote(region)}",
        f"--phone-number-id {shlex.quote(phone_number_id)}",
        "--two-way-enabled",
        f"--two-way-channel-arn {shlex.quote(channel_arn)}",
    ]
    if role_arn:
        words.append(f"--two-way-channel-role {shlex.quote(role_arn)}")
    return _join(*words)


def describe_phone_number_status(region: str, phone_number_id: str) -> str:
    return _join(
        "aws pinpoint-sms-voice-v2 describe-phone-numbers",
        f"--region {shlex.quote(region)}",
        f"--phone-number-ids {shlex.quote(phone_number_id)}",
        "--query 'PhoneNumbers[0].Status' --output text",
    )


def request_phone_number(region: str) -> str:
    return _join(
        "aws pinpoint-sms-voice-v2 request-phone-number",
        f"--region {shlex.quote(region)}",
        "--iso-country-code <country> --message-type TRANSACTIONAL",
        "--number-capabilities SMS --number-type <number-type>",
    )


def update_assume_role_policy(role_name: str, doc: Mapping[str, Any]) -> str:
    return _join(
        "aws iam update-assume-role-policy",
        f"--role-name {shlex.quote(role_name)}",
        f"--policy-document {_quote_json(doc)}",
    )


def put_role_policy(role_name: str, policy_name: str, doc: Mapping[str, Any]) -> str:
    return _join(
        "aws iam put-role-policy",
        f"--role-name {shlex.quote(role_name)}",
        f"--policy-name {shlex.quote(policy_name)}",
        f"--policy-document {_quote_json(doc)}",
    )


def create_role(role_name: str, path: str, trust: Mapping[str, Any]) -> str:
    words = ["aws iam create-role", f"--role-name {shlex.quote(role_name)}"]
    if path != "/":
        words.append(f"--path {shlex.quote(path)}")
    words.append(f"--assume-role-policy-document {_quote_json(trust)}")
    return _join(*words)


def create_policy_version(policy_arn: str, doc: Mapping[str, Any]) -> str:
    return _join(
        "aws iam create-policy-version",
        f"--policy-arn {shlex.quote(policy_arn)}",
        f"--policy-document {_quote_json(doc)}",
        "--set-as-default",
    )


def set_topic_policy(region: str, topic_arn: str, doc: Mapping[str, Any]) -> str:
    return _join(
        "aws sns set-topic-attributes",
        f"--region {shlex.quote(region)}",
        f"--topic-arn {shlex.quote(topic_arn)}",
        "--attribute-name Policy",
        f"--attribute-value {_quote_json(doc)}",
    )


def set_topic_key(region: str, topic_arn: str, key: str) -> str:
    return _join(
        "aws sns set-topic-attributes",
        f"--region {shlex.quote(region)}",
        f"--topic-arn {shlex.quote(topic_arn)}",
        "--attribute-name KmsMasterKeyId",
        f"--attribute-value {shlex.quote(key)}",
    )


def create_topic(region: str, name: str) -> str:
    return f"aws sns create-topic --region {shlex.quote(region)} --name {shlex.quote(name)}"


def put_key_policy(region: str, key_arn: str, doc: Mapping[str, Any]) -> str:
    return _join(
        "aws kms put-key-policy",
        f"--region {shlex.quote(region)}",
        f"--key-id {shlex.quote(key_arn)}",
        "--policy-name default",
        f"--policy {_quote_json(doc)}",
    )


def create_symmetric_key(region: str, doc: Mapping[str, Any]) -> str:
    return _join(
        "aws kms create-key",
        f"--region {shlex.quote(region)}",
        "--key-spec SYMMETRIC_DEFAULT --key-usage ENCRYPT_DECRYPT",
        "--description 'two-way SMS topic key'",
        f"--policy {_quote_json(doc)}",
    )


def enable_key(region: str, key_arn: str) -> str:
    return f"aws kms enable-key --region {shlex.quote(region)} --key-id {shlex.quote(key_arn)}"


def cancel_key_deletion(region: str, key_arn: str) -> str:
    return (
        f"aws kms cancel-key-deletion --region {shlex.quote(region)} "
        f"--key-id {shlex.quote(key_arn)}"
    )


def import_phone_number(region: str, instance: str, number_arn: str) -> str:
    return _join(
        "aws connect import-phone-number",
        f"--region {shlex.quote(region)}",
        f"--instance-id {shlex.quote(instance)}",
        f"--source-phone-number-arn {shlex.quote(number_arn)}",
    )


def subscribe_function(region: str, topic_arn: str, function_arn: str) -> str:
    return _join(
        "aws sns subscribe",
        f"--region {shlex.quote(region)}",
        f"--topic-arn {shlex.quote(topic_arn)}",
        "--protocol lambda",
        f"--notification-endpoint {shlex.quote(function_arn)}",
    )


def add_invoke_permission(region: str, function_arn: str, statement: Mapping[str, Any]) -> str:
    """lambda add-permission for one resource-policy statement of sns_invokes_function's shape."""
    condition = statement.get("Condition", {})
    return _join(
        "aws lambda add-permission",
        f"--region {shlex.quote(region)}",
        f"--function-name {shlex.quote(function_arn)}",
        f"--statement-id {shlex.quote(str(statement.get('Sid', 'AllowTwoWaySmsTopic')))}",
        f"--action {shlex.quote(str(statement['Action']))}",
        f"--principal {shlex.quote(str(statement['Principal']['Service']))}",
        f"--source-arn {shlex.quote(str(condition['ArnLike']['aws:SourceArn']))}",
        f"--source-account {shlex.quote(str(condition['StringEquals']['aws:SourceAccount']))}",
    )


def put_on_failure_destination(region: str, function_arn: str, destination: str) -> str:
    config = {"OnFailure": {"Destination": destination}}
    return _join(
        "aws lambda put-function-event-invoke-config",
        f"--region {shlex.quote(region)}",
        f"--function-name {shlex.quote(function_arn)}",
        "--maximum-retry-attempts 2",
        f"--destination-config {_quote_json(config)}",
    )


def create_queue(region: str, name: str) -> str:
    return _join(
        "aws sqs create-queue",
        f"--region {shlex.quote(region)}",
        f"--queue-name {shlex.quote(name)}",
        "--attributes SqsManagedSseEnabled=true",
    )
