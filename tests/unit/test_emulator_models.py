"""Resources, paging, numbers and ARNs of the emulator (models.py, numbers.py), and the
request validation worded like AWS (validation.py) - none of it needs LocalStack."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import botocore.session
import pytest

from two_way_sms.emulator.paging import (
    InvalidNextToken,
    decode_next_token,
    encode_next_token,
    paginate,
)
from two_way_sms.emulator.sms_voice.models import (
    ConfigurationSet,
    OptOutList,
    PhoneNumber,
    sms_voice_arn,
)
from two_way_sms.emulator.sms_voice.numbers import (
    NumberPlan,
    UnsupportedCountry,
    fake_phone_number,
    monthly_leasing_price,
    new_phone_number_id,
    number_plan,
)
from two_way_sms.emulator.validation import validate
from two_way_sms.identifiers import (
    check_role_arn,
    check_two_way_channel_arn,
    is_connect_channel,
    parse_arn,
    role_name,
)

_MODEL = botocore.session.get_session().get_service_model("pinpoint-sms-voice-v2")


# ---- numbers ---------------------------------------------------------------------------------


def test_numbers_are_deterministic_unique_e164() -> None:
    plan = number_plan("US", "LONG_CODE")
    numbers = [fake_phone_number(plan, i) for i in range(200)]
    assert numbers[0] == "+12065550100"  # 555-0100: reserved for fiction
    assert numbers == [fake_phone_number(plan, i) for i in range(200)]
    assert len(set(numbers)) == 200
    assert all(re.fullmatch(r"\+[1-9]\d{1,14}", n) for n in numbers)


def test_numbers_follow_the_country_and_type() -> None:
    assert fake_phone_number(number_plan("GB", "LONG_CODE"), 0) == "+447700900000"
    assert fake_phone_number(number_plan("US", "TOLL_FREE"), 0) == "+18335550100"
    assert fake_phone_number(number_plan("AU", "LONG_CODE"), 0).startswith("+61491570")
    assert number_plan("DE", "TOLL_FREE") == number_plan("DE", "LONG_CODE")
    with pytest.raises(UnsupportedCountry, match="ZZ"):
        number_plan("ZZ", "LONG_CODE")


def test_a_plan_runs_out() -> None:
    tiny = NumberPlan("1", "555", 1, start=8)
    assert [fake_phone_number(tiny, i) for i in range(2)] == ["+15558", "+15559"]
    with pytest.raises(OverflowError):
        fake_phone_number(tiny, 2)


def test_ids_arns_and_prices() -> None:
    assert re.fullmatch(r"phone-[0-9a-f]{32}", new_phone_number_id())
    assert new_phone_number_id() != new_phone_number_id()
    arn = sms_voice_arn("aws-cn", "cn-north-1", "123456789012", "phone-number", "phone-1")
    assert arn == "arn:aws-cn:sms-voice:cn-north-1:123456789012:phone-number/phone-1"
    parsed = parse_arn(arn)
    assert parsed is not None
    assert (parsed.partition, parsed.resource_type, parsed.resource_name) == (
        "aws-cn",
        "phone-number",
        "phone-1",
    )
    assert parse_arn("phone-1") is None
    assert monthly_leasing_price("TOLL_FREE") == "2.00"
    assert monthly_leasing_price("SIMULATOR") == "0.00"


@pytest.mark.parametrize(
    ("channel", "problem"),
    [
        ("arn:aws:sns:us-east-1:123456789012:inbound", None),
        ("arn:aws-us-gov:sns:us-gov-west-1:123456789012:in_bound-1", None),
        ("connect.us-east-1.amazonaws.com", None),
        ("connect.eu-central-1.amazonaws.com", None),
        ("arn:aws:sns:us-east-1:123456789012:orders.fifo", "FIFO"),
        ("arn:aws:sqs:us-east-1:123456789012:queue", "SNS topic ARN"),
        ("arn:aws:sns:us-east-1:12345:inbound", "not a valid"),
        ("connect.amazonaws.com", "SNS topic ARN"),
        ("https://example.com", "SNS topic ARN"),
    ],
)
def test_two_way_channel_arn(channel: str, problem: str | None) -> None:
    found = check_two_way_channel_arn(channel)
    if problem is None:
        assert found is None
    else:
        assert found is not None and problem in found


def test_connect_channel_and_roles() -> None:
    assert is_connect_channel("connect.us-west-2.amazonaws.com")
    assert not is_connect_channel("arn:aws:sns:us-east-1:123456789012:t")
    assert check_role_arn("arn:aws:iam::123456789012:role/service-role/sms") is None
    assert check_role_arn("arn:aws:iam::123456789012:user/sms") is not None
    assert check_role_arn("sms-role") is not None
    assert role_name("arn:aws:iam::123456789012:role/a/b/sms") == "sms"


# ---- resources -------------------------------------------------------------------------------


def _number() -> PhoneNumber:
    return PhoneNumber(
        phone_number_id="phone-1",
        arn="arn:aws:sms-voice:us-east-1:123456789012:phone-number/phone-1",
        phone_number="+12065550100",
        account_id="123456789012",
        region="us-east-1",
        iso_country_code="US",
        message_type="TRANSACTIONAL",
        number_capabilities=["SMS", "VOICE"],
        number_type="LONG_CODE",
        monthly_leasing_price="1.00",
    )


def test_phone_number_information_and_filters() -> None:
    number = _number()
    info = number.information()
    assert info["Status"] == "ACTIVE"
    assert info["TwoWayEnabled"] is False
    assert info["OptOutListName"] == "Default"
    assert "TwoWayChannelArn" not in info and "RegistrationId" not in info
    number.two_way_channel_arn = "arn:aws:sns:us-east-1:123456789012:t"
    number.two_way_enabled = True
    assert number.information()["TwoWayChannelArn"] == number.two_way_channel_arn
    assert number.filter_values("two-way-enabled") == ["true"]
    assert number.filter_values("number-capability") == ["SMS", "VOICE"]
    assert number.filter_values("unknown") == []


def test_opt_out_list_keeps_who_opted_out() -> None:
    when = datetime(2026, 1, 1, tzinfo=UTC)
    listed = OptOutList("Default", "arn")
    assert listed.opt_out("+14255550100", end_user=False, when=when) is True
    # The end user's own STOP later marks the manual entry as theirs, keeping its time.
    assert listed.opt_out("+14255550100", end_user=True) is False
    entry = listed.numbers["+14255550100"]
    assert (entry.end_user_opted_out, entry.timestamp) == (True, when)
    assert listed.opt_in("+14255550100") is True
    assert listed.opt_in("+14255550100") is False
    assert listed.numbers == {}


def test_configuration_set_information_omits_unset_defaults() -> None:
    config = ConfigurationSet("set", "arn")
    assert "DefaultMessageType" not in config.information()
    config.default_sender_id = "ACME"
    assert config.information()["DefaultSenderId"] == "ACME"
    assert config.filter_values("default-sender-id") == ["ACME"]


# ---- paging ----------------------------------------------------------------------------------


def test_paginate_walks_every_item_once() -> None:
    items = list(range(7))
    seen: list[int] = []
    token: str | None = None
    while True:
        page, token = paginate(items, token, 3)
        seen += page
        if token is None:
            break
    assert seen == items
    assert paginate(items, None, None) == (items, None)
    assert paginate([], None, 5) == ([], None)


@pytest.mark.parametrize("token", ["not-a-token", encode_next_token(-1), "eyJ4IjogMX0="])
def test_bad_next_tokens(token: str) -> None:
    with pytest.raises(InvalidNextToken):
        decode_next_token(token)


# ---- validation ------------------------------------------------------------------------------


def _input(operation: str) -> object:
    return _MODEL.operation_model(operation).input_shape


def test_validation_message_matches_aws_wording() -> None:
    problem = validate(
        _input("RequestPhoneNumber"),  # type: ignore[arg-type]
        {
            "IsoCountryCode": "us",
            "MessageType": "TRANSACTIONAL",
            "NumberCapabilities": ["SMS"],
            "NumberType": "LONG_CODE",
        },
    )
    assert problem is not None
    assert problem.message == (
        "1 validation error detected: Value 'us' at 'isoCountryCode' failed to satisfy "
        "constraint: Member must satisfy regular expression pattern: [A-Z]{2}"
    )
    assert problem.fields == [
        {
            "Name": "isoCountryCode",
            "Message": "Member must satisfy regular expression pattern: [A-Z]{2}",
        }
    ]


def test_validation_finds_every_problem() -> None:
    problem = validate(
        _input("DescribePhoneNumbers"),  # type: ignore[arg-type]
        {
            "PhoneNumberIds": ["a", "b", "c", "d", "e", "f"],
            "MaxResults": 0,
            "Filters": [{"Name": "colour", "Values": ["x"]}],
        },
    )
    assert problem is not None
    assert problem.message.startswith("3 validation errors detected: ")
    names = [f["Name"] for f in problem.fields]
    assert names == ["phoneNumberIds", "filters.1.member.name", "maxResults"]
    assert "Member must have length less than or equal to 5" in problem.message
    assert "Member must satisfy enum value set" in problem.message
    assert "Member must have value greater than or equal to 1" in problem.message


def test_validation_of_required_members_and_valid_requests() -> None:
    problem = validate(_input("UpdatePhoneNumber"), {})  # type: ignore[arg-type]
    assert problem is not None
    assert problem.message == (
        "1 validation error detected: Value null at 'phoneNumberId' failed to satisfy "
        "constraint: Member must not be null"
    )
    assert validate(_input("UpdatePhoneNumber"), {"PhoneNumberId": "phone-1"}) is None  # type: ignore[arg-type]
    assert validate(None, {"anything": 1}) is None
