"""two_way_sms.identifiers: the one parser of ARNs, phone number IDs, E.164 numbers, roles and
two-way channels."""

from __future__ import annotations

import pytest

from two_way_sms.identifiers import (
    account_of,
    check_role_arn,
    check_two_way_channel_arn,
    connect_channel_region,
    is_connect_channel,
    is_e164,
    parse_arn,
    phone_number_id_of,
    role_name,
    role_path,
    session_arn,
)

PHONE_ID = "phone-" + "0123456789abcdef" * 2


def test_an_arn_has_six_parts_and_keeps_colons_in_its_resource() -> None:
    arn = parse_arn("arn:aws:sms-voice:us-east-1:111122223333:phone-number/" + PHONE_ID)
    assert arn is not None
    assert (arn.partition, arn.service, arn.region, arn.account) == (
        "aws",
        "sms-voice",
        "us-east-1",
        "111122223333",
    )
    assert (arn.resource_type, arn.resource_name) == ("phone-number", PHONE_ID)
    assert parse_arn("arn:aws:logs:us-east-1:1:log-group:a:b").resource == "log-group:a:b"
    assert parse_arn("arn:aws:s3:::bucket").account == ""  # account-less services parse


@pytest.mark.parametrize(
    "text",
    ["", "arn:aws:sns:us-east-1:111122223333", "arn::sns:r:a:x", "arn:aws::r:a:x", "urn:a:b:c:d:e"],
)
def test_what_is_not_an_arn(text: str) -> None:
    assert parse_arn(text) is None
    assert account_of(text) == ""


def test_e164_is_the_api_models_pattern_with_the_plus_required() -> None:
    assert is_e164("+12065550100")
    assert is_e164("+" + "1" * 19)  # the model allows 19 digits
    assert not is_e164("+" + "1" * 20)
    assert not is_e164("12065550100")
    assert not is_e164("+0123")


def test_phone_number_ids_from_an_id_or_an_arn() -> None:
    assert phone_number_id_of(PHONE_ID) == PHONE_ID
    arn = f"arn:aws:sms-voice:eu-west-1:111122223333:phone-number/{PHONE_ID}"
    assert phone_number_id_of(arn) == PHONE_ID
    assert phone_number_id_of(f"arn:aws:sms-voice:eu-west-1:111122223333:pool/{PHONE_ID}") is None
    assert phone_number_id_of("phone-XYZ") is None


def test_roles_and_sessions() -> None:
    role = "arn:aws:iam::111122223333:role/service-role/team/sms-in"
    assert role_name(role) == "sms-in"
    assert role_path(role) == "/service-role/team/"
    assert role_path("arn:aws:iam::111122223333:role/sms-in") == "/"
    assert check_role_arn(role) is None
    assert "must be an IAM role ARN" in str(check_role_arn("arn:aws:iam::111122223333:user/x"))
    assert session_arn(role, "s1") == "arn:aws:sts::111122223333:assumed-role/sms-in/s1"


def test_two_way_channels() -> None:
    assert is_connect_channel("connect.eu-west-2.amazonaws.com")
    assert connect_channel_region("connect.eu-west-2.amazonaws.com") == "eu-west-2"
    assert connect_channel_region("arn:aws:sns:us-east-1:111122223333:t") == ""
    assert check_two_way_channel_arn("arn:aws:sns:us-east-1:111122223333:t") is None
    assert "FIFO" in str(check_two_way_channel_arn("arn:aws:sns:us-east-1:111122223333:t.fifo"))
    assert "must be an Amazon SNS topic ARN" in str(
        check_two_way_channel_arn("arn:aws:sqs:us-east-1:111122223333:q")
    )
    assert "not a valid" in str(check_two_way_channel_arn("arn:aws:sns:us-east-1:1:t"))
