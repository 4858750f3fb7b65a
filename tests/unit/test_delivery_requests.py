"""The requests the service makes for an inbound message (delivery/requests.py)."""

from __future__ import annotations

from two_way_sms.delivery import requests

NUMBER_ACCOUNT = "123456789012"
NUMBER_ARN = f"arn:aws:sms-voice:us-east-1:{NUMBER_ACCOUNT}:phone-number/phone-1"
ROLE = "arn:aws:iam::123456789012:role/path/sms-in"
TOPIC = "arn:aws:sns:eu-west-1:210987654321:inbound"
KEY = "arn:aws:kms:eu-west-1:210987654321:key/k-1"
SOURCE = {"source_account": NUMBER_ACCOUNT, "source_arn": NUMBER_ARN}


def test_session_arn_drops_the_role_path() -> None:
    assert requests.session_arn(ROLE, "s-1") == (
        "arn:aws:sts::123456789012:assumed-role/sms-in/s-1"
    )
    assert requests.session_arn("arn:aws-cn:iam::123456789012:role/r", "s").startswith(
        "arn:aws-cn:sts::"
    )


def test_assume_role_is_the_service_acting_for_the_number() -> None:
    request = requests.assume_role(ROLE, **SOURCE)
    assert (request.principal, request.action, request.resource) == (
        "sms-voice.amazonaws.com",
        "sts:AssumeRole",
        ROLE,
    )
    assert request.context == {
        "aws:SourceAccount": NUMBER_ACCOUNT,
        "aws:SourceArn": NUMBER_ARN,
        "aws:PrincipalServiceName": "sms-voice.amazonaws.com",
    }
    assert request.resource_account == NUMBER_ACCOUNT


def test_publish_as_role_and_as_service() -> None:
    as_role = requests.publish_as_role(ROLE, TOPIC, "s")
    assert as_role.principal == "arn:aws:sts::123456789012:assumed-role/sms-in/s"
    assert as_role.context == {
        "aws:ResourceAccount": "210987654321",
        "aws:PrincipalArn": ROLE,
        "aws:PrincipalAccount": NUMBER_ACCOUNT,
    }
    assert (as_role.principal_account, as_role.resource_account) == (
        NUMBER_ACCOUNT,
        "210987654321",
    )
    as_service = requests.publish_as_service(TOPIC, **SOURCE)
    assert as_service.principal == "sms-voice.amazonaws.com"
    assert as_service.context["aws:SourceArn"] == NUMBER_ARN
    assert as_service.context["aws:ResourceAccount"] == "210987654321"


def test_kms_calls_come_through_sns_with_the_topic_as_encryption_context() -> None:
    with_role = requests.use_key_through_sns(KEY, TOPIC, role_arn=ROLE, session_name="s", **SOURCE)
    assert [r.action for r in with_role] == ["kms:GenerateDataKey", "kms:Decrypt"]
    context = with_role[0].context
    assert context["kms:EncryptionContext:aws:sns:topicArn"] == TOPIC
    assert context["aws:CalledViaLast"] == "sns.amazonaws.com"
    assert context["aws:CalledVia"] == ["sns.amazonaws.com"]
    assert context["kms:ViaService"] == "sns.eu-west-1.amazonaws.com"
    assert context["kms:CallerAccount"] == NUMBER_ACCOUNT
    assert "aws:SourceArn" not in context
    assert with_role[0].principal.endswith(":assumed-role/sms-in/s")

    as_service = requests.use_key_through_sns(KEY, TOPIC, role_arn=None, session_name="s", **SOURCE)
    assert as_service[0].principal == "sms-voice.amazonaws.com"
    assert as_service[0].principal_account is None
    assert as_service[0].context["aws:SourceAccount"] == NUMBER_ACCOUNT
    assert as_service[0].context["aws:SourceArn"] == NUMBER_ARN
    assert as_service[0].resource_account == "210987654321"
