"""The reply leg under the real rules, on LocalStack: a session of a role assumed through
LocalStack's STS (as a Lambda function's credentials are) may SendTextMessage only where its
role's policies allow it; LocalStack's default credentials still act as the account's root."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import boto3
import pytest
from botocore.config import Config

pytestmark = pytest.mark.e2e

ACCOUNT = "000000000000"
REGION = "us-east-1"
CUSTOMER = "+14255550199"
SEND = "sms-voice:SendTextMessage"


@pytest.fixture
def number(sms_voice: Any) -> Iterator[dict[str, Any]]:
    created = sms_voice.request_phone_number(
        IsoCountryCode="US",
        MessageType="TRANSACTIONAL",
        NumberCapabilities=["SMS"],
        NumberType="LONG_CODE",
    )
    yield created
    sms_voice.release_phone_number(PhoneNumberId=created["PhoneNumberId"])


@pytest.fixture
def session_client(
    iam: Any, sts: Any, localstack_endpoint: str
) -> Iterator[Callable[[list[dict[str, Any]]], Any]]:
    """session_client(statements) -> an SMS client with a session of a new role that has them."""
    names: list[str] = []

    def make(statements: list[dict[str, Any]]) -> Any:
        name = f"replier-{uuid.uuid4().hex[:8]}"
        names.append(name)
        trust = {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Effect": "Allow",
                    "Principal": {"Service": "lambda.amazonaws.com"},
                    "Action": "sts:AssumeRole",
                }
            ],
        }
        role = iam.create_role(RoleName=name, AssumeRolePolicyDocument=json.dumps(trust))["Role"]
        if statements:
            iam.put_role_policy(
                RoleName=name,
                PolicyName="reply",
                PolicyDocument=json.dumps({"Version": "2012-10-17", "Statement": statements}),
            )
        credentials = sts.assume_role(RoleArn=role["Arn"], RoleSessionName="replies")["Credentials"]
        return boto3.client(
            "pinpoint-sms-voice-v2",
            endpoint_url=localstack_endpoint,
            region_name=REGION,
            aws_access_key_id=credentials["AccessKeyId"],
            aws_secret_access_key=credentials["SecretAccessKey"],
            aws_session_token=credentials["SessionToken"],
            config=Config(retries={"max_attempts": 1}),
        )

    yield make
    for name in names:
        for policy in iam.list_role_policies(RoleName=name)["PolicyNames"]:
            iam.delete_role_policy(RoleName=name, PolicyName=policy)
        iam.delete_role(RoleName=name)


def _send(client: Any, number: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return client.send_text_message(
        DestinationPhoneNumber=CUSTOMER,
        OriginationIdentity=number["PhoneNumber"],
        MessageBody="Thanks, we got your message.",
        **extra,
    )


def test_a_session_allowed_on_the_number_sends(
    session_client: Callable[..., Any],
    number: dict[str, Any],
    outbound_log: Callable[..., list[dict[str, Any]]],
) -> None:
    client = session_client(
        [{"Effect": "Allow", "Action": SEND, "Resource": number["PhoneNumberArn"]}]
    )
    message_id = _send(client, number)["MessageId"]
    sent = [
        m
        for m in outbound_log(originationNumber=number["PhoneNumber"])
        if m["messageId"] == message_id
    ]
    assert len(sent) == 1 and sent[0]["destinationNumber"] == CUSTOMER


def test_a_session_without_the_permission_is_denied_and_nothing_is_sent(
    session_client: Callable[..., Any],
    number: dict[str, Any],
    outbound_log: Callable[..., list[dict[str, Any]]],
) -> None:
    other_number = number["PhoneNumberArn"].replace("phone-", "phone-0", 1)[:-1]
    client = session_client([{"Effect": "Allow", "Action": SEND, "Resource": other_number}])
    with pytest.raises(client.exceptions.AccessDeniedException) as denied:
        _send(client, number)
    message = denied.value.response["Error"]["Message"]
    assert message.startswith(f"User: arn:aws:sts::{ACCOUNT}:assumed-role/replier-"), message
    assert (
        f"is not authorized to perform: {SEND} on resource: {number['PhoneNumberArn']}" in message
    )
    assert "Resource does not cover" in message  # the evaluator names why the statement misses
    assert outbound_log(originationNumber=number["PhoneNumber"]) == []


def test_a_configuration_set_must_be_allowed_too(
    session_client: Callable[..., Any], number: dict[str, Any], sms_voice: Any
) -> None:
    name = f"replies-{uuid.uuid4().hex[:8]}"
    configuration_set = sms_voice.create_configuration_set(ConfigurationSetName=name)
    try:
        client = session_client(
            [{"Effect": "Allow", "Action": SEND, "Resource": number["PhoneNumberArn"]}]
        )
        with pytest.raises(client.exceptions.AccessDeniedException) as denied:
            _send(client, number, ConfigurationSetName=name)
        assert configuration_set["ConfigurationSetArn"] in denied.value.response["Error"]["Message"]
    finally:
        sms_voice.delete_configuration_set(ConfigurationSetName=name)


def test_default_credentials_still_act_as_the_account_root(
    sms_voice: Any, number: dict[str, Any]
) -> None:
    assert _send(sms_voice, number)["MessageId"]
