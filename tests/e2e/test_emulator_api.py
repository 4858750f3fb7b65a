"""The pinpoint-sms-voice-v2 emulator through boto3: every operation, the AWS error shapes, and
inbound routing to SNS with its IAM, topic-policy and KMS rules.

Everything here runs in an account of its own (a random 12-digit access key), so tests of other
modules and workers sharing the LocalStack cannot disturb counts, quotas or logs.
"""

from __future__ import annotations

import json
import random
import re
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from botocore.exceptions import ClientError

from tests.support.inbound import CUSTOMER, PAYLOAD_FIELDS, drain_payloads

pytestmark = pytest.mark.e2e

ACCOUNT = str(random.randint(10**11, 10**12 - 1))
REGION = "us-east-1"
SMS = "sms-voice.amazonaws.com"

Client = Callable[..., Any]


def _name(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


def _error(excinfo: pytest.ExceptionInfo[ClientError]) -> dict[str, Any]:
    response: dict[str, Any] = excinfo.value.response
    return response


@pytest.fixture(scope="module")
def client(client_factory: Callable[..., Any], localstack: Any) -> Client:
    """client(service, region=REGION) in this module's own account."""

    def make(service: str, region: str = REGION) -> Any:
        return client_factory(service, ACCOUNT, region)

    return make


@pytest.fixture(scope="module")
def sms(client: Client) -> Any:
    return client("pinpoint-sms-voice-v2")


def _request_number(sms: Any, **overrides: Any) -> dict[str, Any]:
    arguments: dict[str, Any] = {
        "IsoCountryCode": "US",
        "MessageType": "TRANSACTIONAL",
        "NumberCapabilities": ["SMS"],
        "NumberType": "LONG_CODE",
        **overrides,
    }
    result: dict[str, Any] = sms.request_phone_number(**arguments)
    return result


def _release(sms: Any, phone_number_id: str) -> None:
    try:
        sms.update_phone_number(PhoneNumberId=phone_number_id, DeletionProtectionEnabled=False)
        sms.release_phone_number(PhoneNumberId=phone_number_id)
    except ClientError as error:
        if error.response["Error"]["Code"] != "ResourceNotFoundException":
            raise


@pytest.fixture
def number(sms: Any) -> Iterator[dict[str, Any]]:
    created = _request_number(sms)
    yield created
    _release(sms, created["PhoneNumberId"])


# =============================================================================================
# Phone numbers


def test_request_phone_number_returns_an_active_number(sms: Any) -> None:
    created = _request_number(sms, Tags=[{"Key": "team", "Value": "care"}])
    try:
        assert re.fullmatch(r"phone-[0-9a-f]{32}", created["PhoneNumberId"])
        assert created["PhoneNumberArn"] == (
            f"arn:aws:sms-voice:{REGION}:{ACCOUNT}:phone-number/{created['PhoneNumberId']}"
        )
        assert re.fullmatch(r"\+1206555\d{4}", created["PhoneNumber"])
        assert created["Status"] == "ACTIVE"
        assert created["TwoWayEnabled"] is False
        assert created["SelfManagedOptOutsEnabled"] is False
        assert created["DeletionProtectionEnabled"] is False
        assert created["OptOutListName"] == "Default"
        assert created["MonthlyLeasingPrice"] == "1.00"
        assert created["Tags"] == [{"Key": "team", "Value": "care"}]
        assert "TwoWayChannelArn" not in created
    finally:
        _release(sms, created["PhoneNumberId"])


def test_numbers_are_unique_and_follow_the_country(sms: Any) -> None:
    us = [_request_number(sms) for _ in range(3)]
    gb = _request_number(sms, IsoCountryCode="GB", NumberCapabilities=["SMS", "VOICE"])
    toll_free = _request_number(sms, NumberType="TOLL_FREE")
    try:
        numbers = [n["PhoneNumber"] for n in [*us, gb, toll_free]]
        assert len(set(numbers)) == len(numbers)
        assert gb["PhoneNumber"].startswith("+447700900")
        assert toll_free["PhoneNumber"].startswith("+1833555")
        assert toll_free["MonthlyLeasingPrice"] == "2.00"
    finally:
        for created in [*us, gb, toll_free]:
            _release(sms, created["PhoneNumberId"])


def test_request_with_client_token_is_idempotent(sms: Any) -> None:
    token = uuid.uuid4().hex
    first = _request_number(sms, ClientToken=token)
    try:
        again = _request_number(sms, ClientToken=token)
        assert again["PhoneNumberId"] == first["PhoneNumberId"]
    finally:
        _release(sms, first["PhoneNumberId"])


def test_request_validation_errors_are_worded_like_aws(sms: Any) -> None:
    with pytest.raises(ClientError) as excinfo:
        _request_number(sms, IsoCountryCode="us")
    error = _error(excinfo)
    assert error["Error"]["Code"] == "ValidationException"
    assert error["Error"]["Message"] == (
        "1 validation error detected: Value 'us' at 'isoCountryCode' failed to satisfy "
        "constraint: Member must satisfy regular expression pattern: [A-Z]{2}"
    )
    assert error["Reason"] == "FIELD_VALIDATION_FAILED"
    assert error["Fields"][0]["Name"] == "isoCountryCode"

    with pytest.raises(ClientError) as excinfo:
        _request_number(sms, NumberType="SHORT_CODE")
    assert "Member must satisfy enum value set" in _error(excinfo)["Error"]["Message"]

    with pytest.raises(sms.exceptions.ResourceNotFoundException) as excinfo:
        _request_number(sms, OptOutListName="no-such-list")
    assert _error(excinfo)["ResourceType"] == "opt-out-list"

    with pytest.raises(sms.exceptions.ResourceNotFoundException) as excinfo:
        _request_number(sms, PoolId="pool-" + "0" * 32)
    assert _error(excinfo)["ResourceType"] == "pool"


def test_describe_by_id_or_arn_and_not_found(sms: Any, number: dict[str, Any]) -> None:
    by_id = sms.describe_phone_numbers(PhoneNumberIds=[number["PhoneNumberId"]])
    by_arn = sms.describe_phone_numbers(PhoneNumberIds=[number["PhoneNumberArn"]])
    assert by_id["PhoneNumbers"] == by_arn["PhoneNumbers"]
    assert by_id["PhoneNumbers"][0]["PhoneNumber"] == number["PhoneNumber"]

    missing = "phone-" + "f" * 32
    with pytest.raises(sms.exceptions.ResourceNotFoundException) as excinfo:
        sms.describe_phone_numbers(PhoneNumberIds=[number["PhoneNumberId"], missing])
    error = _error(excinfo)
    assert (error["ResourceType"], error["ResourceId"]) == ("phone-number", missing)


def test_numbers_are_per_account_and_region(
    sms: Any, number: dict[str, Any], client_factory: Callable[..., Any], client: Client
) -> None:
    other_account = client_factory("pinpoint-sms-voice-v2", str(int(ACCOUNT) + 1), REGION)
    other_region = client("pinpoint-sms-voice-v2", "eu-west-1")
    for other in (other_account, other_region):
        with pytest.raises(other.exceptions.ResourceNotFoundException):
            other.describe_phone_numbers(PhoneNumberIds=[number["PhoneNumberId"]])
    ids = [n["PhoneNumberId"] for n in other_region.describe_phone_numbers()["PhoneNumbers"]]
    assert number["PhoneNumberId"] not in ids


def test_describe_filters_and_pages(sms: Any) -> None:
    created = [_request_number(sms) for _ in range(3)]
    try:
        sms.update_phone_number(
            PhoneNumberId=created[1]["PhoneNumberId"], SelfManagedOptOutsEnabled=True
        )
        filtered = sms.describe_phone_numbers(
            Filters=[{"Name": "self-managed-opt-outs-enabled", "Values": ["true"]}]
        )["PhoneNumbers"]
        assert [n["PhoneNumberId"] for n in filtered] == [created[1]["PhoneNumberId"]]

        seen: list[str] = []
        token: str | None = None
        pages = 0
        while True:
            kwargs: dict[str, Any] = {"MaxResults": 1}
            if token:
                kwargs["NextToken"] = token
            page = sms.describe_phone_numbers(**kwargs)
            pages += 1
            assert len(page["PhoneNumbers"]) <= 1
            seen += [n["PhoneNumberId"] for n in page["PhoneNumbers"]]
            token = page.get("NextToken")
            if not token:
                break
        assert set(seen) >= {n["PhoneNumberId"] for n in created}
        assert len(seen) == len(set(seen)) == pages

        paginator = sms.get_paginator("describe_phone_numbers")
        listed = [
            n
            for p in paginator.paginate(PaginationConfig={"PageSize": 2})
            for n in p["PhoneNumbers"]
        ]
        assert {n["PhoneNumberId"] for n in listed} == set(seen)

        with pytest.raises(ClientError) as excinfo:
            sms.describe_phone_numbers(NextToken="not-a-token")
        assert _error(excinfo)["Reason"] == "INVALID_NEXT_TOKEN"
    finally:
        for item in created:
            _release(sms, item["PhoneNumberId"])


def test_update_two_way_settings(sms: Any, number: dict[str, Any]) -> None:
    topic = f"arn:aws:sns:{REGION}:{ACCOUNT}:inbound"
    role = f"arn:aws:iam::{ACCOUNT}:role/service/sms-two-way"
    updated = sms.update_phone_number(
        PhoneNumberId=number["PhoneNumberArn"],
        TwoWayEnabled=True,
        TwoWayChannelArn=topic,
        TwoWayChannelRole=role,
        SelfManagedOptOutsEnabled=True,
        DeletionProtectionEnabled=True,
    )
    assert updated["TwoWayEnabled"] is True
    assert updated["TwoWayChannelArn"] == topic
    assert updated["TwoWayChannelRole"] == role
    assert updated["SelfManagedOptOutsEnabled"] is True
    assert updated["DeletionProtectionEnabled"] is True
    described = sms.describe_phone_numbers(
        Filters=[{"Name": "two-way-channel-arn", "Values": [topic]}]
    )["PhoneNumbers"]
    assert [n["PhoneNumberId"] for n in described] == [number["PhoneNumberId"]]

    connect = sms.update_phone_number(
        PhoneNumberId=number["PhoneNumberId"], TwoWayChannelArn="connect.us-east-1.amazonaws.com"
    )
    assert connect["TwoWayChannelArn"] == "connect.us-east-1.amazonaws.com"


@pytest.mark.parametrize(
    ("field", "value", "reason"),
    [
        ("TwoWayChannelArn", f"arn:aws:sns:{REGION}:{ACCOUNT}:orders.fifo", "INVALID_PARAMETER"),
        ("TwoWayChannelArn", f"arn:aws:sqs:{REGION}:{ACCOUNT}:a-queue", "INVALID_ARN"),
        ("TwoWayChannelArn", "https://example.com/inbound", "INVALID_ARN"),
        ("TwoWayChannelRole", f"arn:aws:iam::{ACCOUNT}:user/not-a-role", "INVALID_ARN"),
    ],
    ids=["fifo-topic", "sqs-queue", "url", "user-not-role"],  # stable across xdist workers
)
def test_update_refuses_bad_destinations(
    sms: Any, number: dict[str, Any], field: str, value: str, reason: str
) -> None:
    with pytest.raises(sms.exceptions.ValidationException) as excinfo:
        sms.update_phone_number(PhoneNumberId=number["PhoneNumberId"], **{field: value})
    error = _error(excinfo)
    assert error["Reason"] == reason
    assert error["Fields"][0]["Name"] == field
    if value.endswith(".fifo"):
        assert "FIFO" in error["Error"]["Message"]
    current = sms.describe_phone_numbers(PhoneNumberIds=[number["PhoneNumberId"]])
    assert field not in current["PhoneNumbers"][0]


def test_update_unknown_number_or_list(sms: Any, number: dict[str, Any]) -> None:
    with pytest.raises(sms.exceptions.ResourceNotFoundException):
        sms.update_phone_number(PhoneNumberId="phone-" + "a" * 32, TwoWayEnabled=True)
    with pytest.raises(sms.exceptions.ResourceNotFoundException) as excinfo:
        sms.update_phone_number(PhoneNumberId=number["PhoneNumberId"], OptOutListName="nope")
    assert _error(excinfo)["ResourceType"] == "opt-out-list"


def test_release_respects_deletion_protection(sms: Any) -> None:
    created = _request_number(sms, DeletionProtectionEnabled=True)
    phone_id = created["PhoneNumberId"]
    with pytest.raises(sms.exceptions.ConflictException) as excinfo:
        sms.release_phone_number(PhoneNumberId=phone_id)
    error = _error(excinfo)
    assert error["Reason"] == "DELETION_PROTECTION_ENABLED"
    assert (error["ResourceType"], error["ResourceId"]) == ("phone-number", phone_id)

    sms.update_phone_number(PhoneNumberId=phone_id, DeletionProtectionEnabled=False)
    released = sms.release_phone_number(PhoneNumberId=phone_id)
    assert released["Status"] == "DELETED"
    assert released["PhoneNumber"] == created["PhoneNumber"]
    with pytest.raises(sms.exceptions.ResourceNotFoundException):
        sms.describe_phone_numbers(PhoneNumberIds=[phone_id])
    with pytest.raises(sms.exceptions.ResourceNotFoundException):
        sms.release_phone_number(PhoneNumberId=phone_id)


# =============================================================================================
# Tags


def test_tags_on_numbers_lists_and_sets(sms: Any, number: dict[str, Any]) -> None:
    opt_out = sms.create_opt_out_list(OptOutListName=_name("tags"))
    config_set = sms.create_configuration_set(ConfigurationSetName=_name("tags"))
    try:
        for arn in (
            number["PhoneNumberArn"],
            opt_out["OptOutListArn"],
            config_set["ConfigurationSetArn"],
        ):
            sms.tag_resource(
                ResourceArn=arn, Tags=[{"Key": "a", "Value": "1"}, {"Key": "b", "Value": "2"}]
            )
            sms.untag_resource(ResourceArn=arn, TagKeys=["a"])
            listed = sms.list_tags_for_resource(ResourceArn=arn)
            assert listed["ResourceArn"] == arn
            assert listed["Tags"] == [{"Key": "b", "Value": "2"}]

        missing = f"arn:aws:sms-voice:{REGION}:{ACCOUNT}:phone-number/phone-{'0' * 32}"
        with pytest.raises(sms.exceptions.ResourceNotFoundException) as excinfo:
            sms.list_tags_for_resource(ResourceArn=missing)
        assert _error(excinfo)["ResourceType"] == "phone-number"
        with pytest.raises(sms.exceptions.ValidationException):
            sms.tag_resource(
                ResourceArn=number["PhoneNumberArn"], Tags=[{"Key": "aws:x", "Value": "y"}]
            )
        too_many = [{"Key": f"k{i}", "Value": "v"} for i in range(200)]
        with pytest.raises(sms.exceptions.ServiceQuotaExceededException) as excinfo:
            sms.tag_resource(ResourceArn=number["PhoneNumberArn"], Tags=too_many)
        assert _error(excinfo)["Reason"] == "TAGS_PER_RESOURCE"
    finally:
        sms.delete_opt_out_list(OptOutListName=opt_out["OptOutListName"])
        sms.delete_configuration_set(ConfigurationSetName=config_set["ConfigurationSetName"])


# =============================================================================================
# Opt-out lists and opted-out numbers


def test_opt_out_list_lifecycle(sms: Any) -> None:
    name = _name("list")
    created = sms.create_opt_out_list(OptOutListName=name, Tags=[{"Key": "k", "Value": "v"}])
    assert created["OptOutListArn"] == f"arn:aws:sms-voice:{REGION}:{ACCOUNT}:opt-out-list/{name}"
    assert created["Tags"] == [{"Key": "k", "Value": "v"}]
    with pytest.raises(sms.exceptions.ConflictException) as excinfo:
        sms.create_opt_out_list(OptOutListName=name)
    assert _error(excinfo)["Reason"] == "RESOURCE_ALREADY_EXISTS"

    described = sms.describe_opt_out_lists(OptOutListNames=[name, "Default"])["OptOutLists"]
    assert [item["OptOutListName"] for item in described] == [name, "Default"]
    by_arn = sms.describe_opt_out_lists(OptOutListNames=[created["OptOutListArn"]])
    assert by_arn["OptOutLists"][0]["OptOutListName"] == name

    in_use = _request_number(sms, OptOutListName=name)
    with pytest.raises(sms.exceptions.ConflictException) as excinfo:
        sms.delete_opt_out_list(OptOutListName=name)
    assert _error(excinfo)["Reason"] == "RESOURCE_DELETION_NOT_ALLOWED"
    _release(sms, in_use["PhoneNumberId"])

    deleted = sms.delete_opt_out_list(OptOutListName=name)
    assert deleted["OptOutListName"] == name
    with pytest.raises(sms.exceptions.ResourceNotFoundException):
        sms.describe_opt_out_lists(OptOutListNames=[name])
    with pytest.raises(sms.exceptions.ConflictException):
        sms.delete_opt_out_list(OptOutListName="Default")


def test_opt_out_list_quota(client: Client) -> None:
    sms = client("pinpoint-sms-voice-v2", "eu-west-3")
    existing = len(sms.describe_opt_out_lists()["OptOutLists"])  # "Default" at least
    names = [f"quota-{i}" for i in range(25 - existing)]
    try:
        for name in names:
            sms.create_opt_out_list(OptOutListName=name)
        with pytest.raises(sms.exceptions.ServiceQuotaExceededException) as excinfo:
            sms.create_opt_out_list(OptOutListName="one-too-many")
        assert _error(excinfo)["Reason"] == "OPT_OUT_LISTS_PER_ACCOUNT"
    finally:
        for name in names:
            sms.delete_opt_out_list(OptOutListName=name)


def test_opted_out_numbers(sms: Any) -> None:
    name = _name("optouts")
    sms.create_opt_out_list(OptOutListName=name)
    try:
        put = sms.put_opted_out_number(OptOutListName=name, OptedOutNumber="+14255550100")
        assert put["OptedOutNumber"] == "+14255550100"
        assert put["EndUserOptedOut"] is False
        sms.put_opted_out_number(OptOutListName=name, OptedOutNumber="+14255550101")
        listed = sms.describe_opted_out_numbers(OptOutListName=name)
        assert {n["OptedOutNumber"] for n in listed["OptedOutNumbers"]} == {
            "+14255550100",
            "+14255550101",
        }
        one = sms.describe_opted_out_numbers(OptOutListName=name, OptedOutNumbers=["+14255550101"])[
            "OptedOutNumbers"
        ]
        assert [n["OptedOutNumber"] for n in one] == ["+14255550101"]
        none_by_user = sms.describe_opted_out_numbers(
            OptOutListName=name, Filters=[{"Name": "end-user-opted-out", "Values": ["true"]}]
        )["OptedOutNumbers"]
        assert none_by_user == []

        deleted = sms.delete_opted_out_number(OptOutListName=name, OptedOutNumber="+14255550100")
        assert deleted["OptedOutNumber"] == "+14255550100"
        with pytest.raises(sms.exceptions.ResourceNotFoundException) as excinfo:
            sms.delete_opted_out_number(OptOutListName=name, OptedOutNumber="+14255550100")
        assert _error(excinfo)["ResourceType"] == "opted-out-number"
        with pytest.raises(sms.exceptions.ResourceNotFoundException):
            sms.put_opted_out_number(OptOutListName=_name("missing"), OptedOutNumber="+1425555")
    finally:
        sms.delete_opt_out_list(OptOutListName=name)


# =============================================================================================
# Keywords


def test_keywords(sms: Any, number: dict[str, Any]) -> None:
    phone_id = number["PhoneNumberId"]
    defaults = sms.describe_keywords(OriginationIdentity=phone_id)["Keywords"]
    assert {k["Keyword"]: k["KeywordAction"] for k in defaults} == {
        "HELP": "AUTOMATIC_RESPONSE",
        "STOP": "OPT_OUT",
    }
    put = sms.put_keyword(
        OriginationIdentity=number["PhoneNumberArn"], Keyword="join", KeywordMessage="Welcome!"
    )
    assert (put["Keyword"], put["KeywordAction"], put["OriginationIdentity"]) == (
        "JOIN",
        "AUTOMATIC_RESPONSE",
        phone_id,
    )
    sms.put_keyword(
        OriginationIdentity=phone_id, Keyword="LEAVE", KeywordMessage="Bye", KeywordAction="OPT_OUT"
    )
    opt_outs = sms.describe_keywords(
        OriginationIdentity=phone_id, Filters=[{"Name": "keyword-action", "Values": ["OPT_OUT"]}]
    )["Keywords"]
    assert {k["Keyword"] for k in opt_outs} == {"STOP", "LEAVE"}
    assert sms.describe_keywords(OriginationIdentity=phone_id, Keywords=["Join"])["Keywords"] == [
        {"Keyword": "JOIN", "KeywordMessage": "Welcome!", "KeywordAction": "AUTOMATIC_RESPONSE"}
    ]

    help_message = sms.put_keyword(
        OriginationIdentity=phone_id, Keyword="HELP", KeywordMessage="Call 206-555-0199"
    )
    assert help_message["KeywordMessage"] == "Call 206-555-0199"
    with pytest.raises(sms.exceptions.ConflictException) as excinfo:
        sms.put_keyword(
            OriginationIdentity=phone_id,
            Keyword="STOP",
            KeywordMessage="x",
            KeywordAction="AUTOMATIC_RESPONSE",
        )
    assert _error(excinfo)["Reason"] == "RESOURCE_MODIFICATION_NOT_ALLOWED"
    for protected in ("HELP", "stop"):
        with pytest.raises(sms.exceptions.ConflictException) as excinfo:
            sms.delete_keyword(OriginationIdentity=phone_id, Keyword=protected)
        assert _error(excinfo)["Reason"] == "RESOURCE_DELETION_NOT_ALLOWED"

    deleted = sms.delete_keyword(OriginationIdentity=phone_id, Keyword="JOIN")
    assert deleted["Keyword"] == "JOIN"
    with pytest.raises(sms.exceptions.ResourceNotFoundException) as excinfo:
        sms.delete_keyword(OriginationIdentity=phone_id, Keyword="JOIN")
    assert _error(excinfo)["ResourceType"] == "keyword"
    with pytest.raises(sms.exceptions.ResourceNotFoundException):
        sms.describe_keywords(OriginationIdentity="phone-" + "b" * 32)
    with pytest.raises(sms.exceptions.ResourceNotFoundException) as excinfo:
        sms.describe_keywords(OriginationIdentity="pool-" + "b" * 32)
    assert _error(excinfo)["ResourceType"] == "pool"


def test_keyword_quota(sms: Any, number: dict[str, Any]) -> None:
    phone_id = number["PhoneNumberId"]
    for i in range(28):  # HELP and STOP + 28 = 30
        sms.put_keyword(OriginationIdentity=phone_id, Keyword=f"KW{i}", KeywordMessage="m")
    sms.put_keyword(OriginationIdentity=phone_id, Keyword="KW0", KeywordMessage="updated")
    with pytest.raises(sms.exceptions.ServiceQuotaExceededException) as excinfo:
        sms.put_keyword(OriginationIdentity=phone_id, Keyword="ONE-MORE", KeywordMessage="m")
    assert _error(excinfo)["Reason"] == "KEYWORDS_PER_PHONE_NUMBER"


# =============================================================================================
# Configuration sets


def test_configuration_sets(sms: Any) -> None:
    name = _name("set")
    created = sms.create_configuration_set(ConfigurationSetName=name)
    arn = created["ConfigurationSetArn"]
    assert arn == f"arn:aws:sms-voice:{REGION}:{ACCOUNT}:configuration-set/{name}"
    with pytest.raises(sms.exceptions.ConflictException):
        sms.create_configuration_set(ConfigurationSetName=name)

    assert (
        sms.set_default_message_type(ConfigurationSetName=name, MessageType="PROMOTIONAL")[
            "MessageType"
        ]
        == "PROMOTIONAL"
    )
    assert sms.set_default_sender_id(ConfigurationSetName=arn, SenderId="ACME")["SenderId"] == (
        "ACME"
    )
    described = sms.describe_configuration_sets(ConfigurationSetNames=[name])["ConfigurationSets"]
    assert described[0]["DefaultMessageType"] == "PROMOTIONAL"
    assert described[0]["DefaultSenderId"] == "ACME"
    assert described[0]["EventDestinations"] == []
    filtered = sms.describe_configuration_sets(
        Filters=[{"Name": "default-sender-id", "Values": ["ACME"]}]
    )["ConfigurationSets"]
    assert name in [c["ConfigurationSetName"] for c in filtered]

    assert sms.delete_default_sender_id(ConfigurationSetName=name)["SenderId"] == "ACME"
    assert sms.delete_default_message_type(ConfigurationSetName=name)["MessageType"] == (
        "PROMOTIONAL"
    )
    described = sms.describe_configuration_sets(ConfigurationSetNames=[name])["ConfigurationSets"]
    assert "DefaultSenderId" not in described[0]
    assert "DefaultMessageType" not in described[0]

    assert sms.delete_configuration_set(ConfigurationSetName=name)["ConfigurationSetName"] == name
    for call in (
        lambda: sms.describe_configuration_sets(ConfigurationSetNames=[name]),
        lambda: sms.delete_configuration_set(ConfigurationSetName=name),
        lambda: sms.set_default_sender_id(ConfigurationSetName=name, SenderId="X"),
    ):
        with pytest.raises(sms.exceptions.ResourceNotFoundException) as excinfo:
            call()
        assert _error(excinfo)["ResourceType"] == "configuration-set"


# =============================================================================================
# Sending


def test_send_text_message_is_recorded(
    sms: Any, number: dict[str, Any], outbound_log: Callable[..., list[dict[str, Any]]]
) -> None:
    config_set = _name("send")
    sms.create_configuration_set(ConfigurationSetName=config_set)
    sms.set_default_message_type(ConfigurationSetName=config_set, MessageType="PROMOTIONAL")
    try:
        sent = sms.send_text_message(
            DestinationPhoneNumber=CUSTOMER,
            OriginationIdentity=number["PhoneNumber"],
            MessageBody="Your code is 1234",
            ConfigurationSetName=config_set,
            Context={"order": "42"},
        )
        uuid.UUID(sent["MessageId"])
        records = [
            r
            for r in outbound_log(accountId=ACCOUNT, destinationNumber=CUSTOMER)
            if r["messageId"] == sent["MessageId"]
        ]
        assert len(records) == 1
        record = records[0]
        assert record["kind"] == "SendTextMessage"
        assert record["originationNumber"] == number["PhoneNumber"]
        assert record["messageBody"] == "Your code is 1234"
        assert record["messageType"] == "PROMOTIONAL"
        assert record["configurationSetName"] == config_set
        assert record["context"] == {"order": "42"}

        with pytest.raises(sms.exceptions.ResourceNotFoundException):
            sms.send_text_message(
                DestinationPhoneNumber=CUSTOMER, OriginationIdentity="phone-" + "c" * 32
            )
        with pytest.raises(sms.exceptions.ValidationException):
            sms.send_text_message(DestinationPhoneNumber="+0123", MessageBody="x")

        sms.put_opted_out_number(OptOutListName="Default", OptedOutNumber="+14255550199")
        with pytest.raises(sms.exceptions.ConflictException) as excinfo:
            sms.send_text_message(
                DestinationPhoneNumber="+14255550199",
                OriginationIdentity=number["PhoneNumberId"],
                MessageBody="hello",
            )
        assert _error(excinfo)["Reason"] == "DESTINATION_PHONE_NUMBER_OPTED_OUT"
    finally:
        sms.delete_configuration_set(ConfigurationSetName=config_set)


# =============================================================================================
# Inbound routing


@dataclass
class Channel:
    topic_arn: str
    queue_url: str


def _topic_policy(topic_arn: str, source_account: str) -> str:
    return json.dumps(
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Sid": "AllowSmsVoice",
                    "Effect": "Allow",
                    "Principal": {"Service": SMS},
                    "Action": "sns:Publish",
                    "Resource": topic_arn,
                    "Condition": {"StringEquals": {"aws:SourceAccount": source_account}},
                }
            ],
        }
    )


def _trust(account: str) -> str:
    return json.dumps(
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Sid": "SMSVoice",
                    "Effect": "Allow",
                    "Principal": {"Service": SMS},
                    "Action": "sts:AssumeRole",
                    "Condition": {"StringEquals": {"aws:SourceAccount": account}},
                }
            ],
        }
    )


def _role_permissions(topic_arn: str, with_kms: bool = True) -> str:
    statements: list[dict[str, Any]] = [
        {
            "Sid": "SMSVoiceAllowSNSPublish",
            "Effect": "Allow",
            "Action": "sns:Publish",
            "Resource": topic_arn,
            "Condition": {"StringEquals": {"aws:ResourceAccount": ACCOUNT}},
        }
    ]
    if with_kms:
        statements.append(
            {
                "Sid": "SMSVoiceAllowEncryptedSNSTopics",
                "Effect": "Allow",
                "Action": ["kms:Decrypt", "kms:GenerateDataKey*"],
                "Resource": "*",
                "Condition": {
                    "StringEquals": {
                        "kms:EncryptionContext:aws:sns:topicArn": topic_arn,
                        "aws:CalledViaLast": "sns.amazonaws.com",
                    }
                },
            }
        )
    return json.dumps({"Version": "2012-10-17", "Statement": statements})


def _key_policy(*, sms_voice: bool, root: bool) -> str:
    statements: list[dict[str, Any]] = []
    if root:
        statements.append(
            {
                "Sid": "EnableIamPolicies",
                "Effect": "Allow",
                "Principal": {"AWS": f"arn:aws:iam::{ACCOUNT}:root"},
                "Action": "kms:*",
                "Resource": "*",
            }
        )
    if sms_voice:
        statements.append(
            {
                "Sid": "AllowSmsVoice",
                "Effect": "Allow",
                "Principal": {"Service": SMS},
                "Action": ["kms:GenerateDataKey*", "kms:Decrypt"],
                "Resource": "*",
                "Condition": {
                    "StringEquals": {"aws:SourceAccount": ACCOUNT},
                    "ArnLike": {"aws:SourceArn": f"arn:aws:sms-voice:{REGION}:{ACCOUNT}:*"},
                },
            }
        )
    if not statements:  # a key policy must say something: allow someone else only
        statements.append(
            {
                "Sid": "SomeoneElse",
                "Effect": "Allow",
                "Principal": {"AWS": "arn:aws:iam::111122223333:root"},
                "Action": "kms:*",
                "Resource": "*",
            }
        )
    return json.dumps({"Version": "2012-10-17", "Statement": statements})


@pytest.fixture
def channel(client: Client) -> Iterator[Channel]:
    """A standard topic with an SQS queue subscribed (raw delivery)."""
    sns, sqs = client("sns"), client("sqs")
    name = _name("inbound")
    topic = sns.create_topic(Name=name)["TopicArn"]
    queue = sqs.create_queue(QueueName=name)["QueueUrl"]
    queue_arn = sqs.get_queue_attributes(QueueUrl=queue, AttributeNames=["QueueArn"])["Attributes"][
        "QueueArn"
    ]
    sns.subscribe(
        TopicArn=topic,
        Protocol="sqs",
        Endpoint=queue_arn,
        Attributes={"RawMessageDelivery": "true"},
    )
    yield Channel(topic, queue)
    sns.delete_topic(TopicArn=topic)
    sqs.delete_queue(QueueUrl=queue)


@pytest.fixture
def role(client: Client) -> Iterator[Callable[..., str]]:
    """role(trust_account, permissions_json | None) -> ARN of a fresh role (deleted after)."""
    iam = client("iam")
    made: list[str] = []

    def make(trust_account: str = ACCOUNT, permissions: str | None = None) -> str:
        name = _name("sms-in")
        arn: str = iam.create_role(RoleName=name, AssumeRolePolicyDocument=_trust(trust_account))[
            "Role"
        ]["Arn"]
        if permissions:
            iam.put_role_policy(RoleName=name, PolicyName="publish", PolicyDocument=permissions)
        made.append(name)
        return arn

    yield make
    for name in made:
        for policy in iam.list_role_policies(RoleName=name)["PolicyNames"]:
            iam.delete_role_policy(RoleName=name, PolicyName=policy)
        iam.delete_role(RoleName=name)


def _two_way(sms: Any, number: dict[str, Any], topic: str, role_arn: str | None = None) -> None:
    arguments: dict[str, Any] = {
        "PhoneNumberId": number["PhoneNumberId"],
        "TwoWayEnabled": True,
        "TwoWayChannelArn": topic,
    }
    if role_arn:
        arguments["TwoWayChannelRole"] = role_arn
    sms.update_phone_number(**arguments)


def _encrypt(client: Client, topic: str, key_policy: str, **key_args: Any) -> str:
    key = client("kms").create_key(Policy=key_policy, **key_args)["KeyMetadata"]["Arn"]
    client("sns").set_topic_attributes(
        TopicArn=topic, AttributeName="KmsMasterKeyId", AttributeValue=key
    )
    return str(key)


def _assert_delivered_once(
    outcome: dict[str, Any],
    client: Client,
    channel: Channel,
    number: dict[str, Any],
    body: str,
    keyword: str = "",
) -> dict[str, Any]:
    assert outcome["delivered"] is True, outcome
    assert outcome["destination"] == channel.topic_arn
    payloads = drain_payloads(client("sqs"), channel.queue_url, raw=True)
    assert len(payloads) == 1, payloads
    payload = payloads[0]
    assert list(payload) == PAYLOAD_FIELDS
    assert payload["originationNumber"] == CUSTOMER
    assert payload["destinationNumber"] == number["PhoneNumber"]
    assert payload["messageBody"] == body
    assert payload["messageKeyword"] == keyword
    assert payload["inboundMessageId"] == outcome["inboundMessageId"]
    uuid.UUID(payload["inboundMessageId"])
    return payload


def _assert_dropped(outcome: dict[str, Any], client: Client, channel: Channel, *words: str) -> None:
    assert outcome["delivered"] is False, outcome
    for word in words:
        assert word in outcome["reason"], f"{word!r} not in {outcome['reason']!r}"
    assert drain_payloads(client("sqs"), channel.queue_url, raw=True, wait=1) == []


def _text(
    send_inbound: Callable[..., dict[str, Any]], number: dict[str, Any], body: str, **extra: Any
) -> dict[str, Any]:
    return send_inbound(
        originationNumber=CUSTOMER,
        destinationNumber=number["PhoneNumber"],
        messageBody=body,
        **extra,
    )


def test_topic_policy_delivers_the_guide_payload_once(
    sms: Any,
    client: Client,
    number: dict[str, Any],
    channel: Channel,
    send_inbound: Callable[..., dict[str, Any]],
    inbound_log: Callable[..., list[dict[str, Any]]],
) -> None:
    client("sns").set_topic_attributes(
        TopicArn=channel.topic_arn,
        AttributeName="Policy",
        AttributeValue=_topic_policy(channel.topic_arn, ACCOUNT),
    )
    _two_way(sms, number, channel.topic_arn)
    outcome = _text(send_inbound, number, "Where is my order?", previousPublishedMessageId="abc")
    assert set(outcome) == {"inboundMessageId", "delivered", "destination", "reason"}
    payload = _assert_delivered_once(outcome, client, channel, number, "Where is my order?")
    assert payload["previousPublishedMessageId"] == "abc"
    assert "topic policy" in outcome["reason"]

    logged = [
        r
        for r in inbound_log(accountId=ACCOUNT)
        if r["inboundMessageId"] == outcome["inboundMessageId"]
    ]
    assert len(logged) == 1
    assert logged[0]["payload"] == payload
    assert logged[0]["delivered"] is True
    assert logged[0]["phoneNumberId"] == number["PhoneNumberId"]


def test_topic_policy_without_the_statement_drops(
    sms: Any,
    client: Client,
    number: dict[str, Any],
    channel: Channel,
    send_inbound: Callable[..., dict[str, Any]],
) -> None:
    _two_way(sms, number, channel.topic_arn)  # the default topic policy only
    outcome = _text(send_inbound, number, "hi")
    _assert_dropped(outcome, client, channel, "topic policy", "sns:Publish", SMS)


def test_role_delivers_and_reports_what_is_missing(
    sms: Any,
    client: Client,
    number: dict[str, Any],
    channel: Channel,
    role: Callable[..., str],
    send_inbound: Callable[..., dict[str, Any]],
) -> None:
    good = role(ACCOUNT, _role_permissions(channel.topic_arn, with_kms=False))
    _two_way(sms, number, channel.topic_arn, good)
    outcome = _text(send_inbound, number, "hi")
    _assert_delivered_once(outcome, client, channel, number, "hi")
    assert good in outcome["reason"]

    other_account = role("444455556666", _role_permissions(channel.topic_arn, with_kms=False))
    _two_way(sms, number, channel.topic_arn, other_account)
    _assert_dropped(
        _text(send_inbound, number, "hi"), client, channel, "trust policy", "sts:AssumeRole"
    )

    no_publish = role(ACCOUNT, None)
    _two_way(sms, number, channel.topic_arn, no_publish)
    _assert_dropped(
        _text(send_inbound, number, "hi"),
        client,
        channel,
        "role-publish",
        "sns:Publish",
        f"role/{no_publish.rsplit('/', 1)[-1]}",
    )

    missing = f"arn:aws:iam::{ACCOUNT}:role/{_name('gone')}"
    _two_way(sms, number, channel.topic_arn, missing)
    _assert_dropped(_text(send_inbound, number, "hi"), client, channel, "does not exist")


def test_encrypted_topic_without_role_needs_the_key_policy_statement(
    sms: Any,
    client: Client,
    number: dict[str, Any],
    channel: Channel,
    send_inbound: Callable[..., dict[str, Any]],
) -> None:
    client("sns").set_topic_attributes(
        TopicArn=channel.topic_arn,
        AttributeName="Policy",
        AttributeValue=_topic_policy(channel.topic_arn, ACCOUNT),
    )
    _two_way(sms, number, channel.topic_arn)
    _encrypt(client, channel.topic_arn, _key_policy(sms_voice=True, root=True))
    _assert_delivered_once(_text(send_inbound, number, "hi"), client, channel, number, "hi")

    _encrypt(client, channel.topic_arn, _key_policy(sms_voice=False, root=True))
    _assert_dropped(
        _text(send_inbound, number, "hi"), client, channel, "key policy", "kms:GenerateDataKey"
    )


def test_encrypted_topic_with_role_needs_root_delegation(
    sms: Any,
    client: Client,
    number: dict[str, Any],
    channel: Channel,
    role: Callable[..., str],
    send_inbound: Callable[..., dict[str, Any]],
) -> None:
    arn = role(ACCOUNT, _role_permissions(channel.topic_arn, with_kms=True))
    _two_way(sms, number, channel.topic_arn, arn)
    _encrypt(client, channel.topic_arn, _key_policy(sms_voice=False, root=True))
    _assert_delivered_once(_text(send_inbound, number, "hi"), client, channel, number, "hi")

    _encrypt(client, channel.topic_arn, _key_policy(sms_voice=True, root=False))
    _assert_dropped(
        _text(send_inbound, number, "hi"), client, channel, "key policy", "kms:GenerateDataKey"
    )

    no_kms = role(ACCOUNT, _role_permissions(channel.topic_arn, with_kms=False))
    _two_way(sms, number, channel.topic_arn, no_kms)
    _encrypt(client, channel.topic_arn, _key_policy(sms_voice=False, root=True))
    _assert_dropped(_text(send_inbound, number, "hi"), client, channel, "kms:GenerateDataKey")


def test_asymmetric_key_drops(
    sms: Any,
    client: Client,
    number: dict[str, Any],
    channel: Channel,
    send_inbound: Callable[..., dict[str, Any]],
) -> None:
    client("sns").set_topic_attributes(
        TopicArn=channel.topic_arn,
        AttributeName="Policy",
        AttributeValue=_topic_policy(channel.topic_arn, ACCOUNT),
    )
    _two_way(sms, number, channel.topic_arn)
    _encrypt(
        client,
        channel.topic_arn,
        _key_policy(sms_voice=True, root=True),
        KeySpec="RSA_2048",
        KeyUsage="ENCRYPT_DECRYPT",
    )
    _assert_dropped(_text(send_inbound, number, "hi"), client, channel, "RSA_2048", "symmetric")


def test_two_way_disabled_drops(
    sms: Any,
    client: Client,
    number: dict[str, Any],
    channel: Channel,
    send_inbound: Callable[..., dict[str, Any]],
) -> None:
    outcome = _text(send_inbound, number, "hi")
    assert outcome["delivered"] is False
    assert outcome["destination"] is None
    assert "TwoWayEnabled" in outcome["reason"]

    client("sns").set_topic_attributes(
        TopicArn=channel.topic_arn,
        AttributeName="Policy",
        AttributeValue=_topic_policy(channel.topic_arn, ACCOUNT),
    )
    _two_way(sms, number, channel.topic_arn)
    sms.update_phone_number(PhoneNumberId=number["PhoneNumberId"], TwoWayEnabled=False)
    _assert_dropped(_text(send_inbound, number, "hi"), client, channel, "disabled")


def test_stop_opts_out_and_help_answers(
    sms: Any,
    client: Client,
    number: dict[str, Any],
    channel: Channel,
    send_inbound: Callable[..., dict[str, Any]],
    outbound_log: Callable[..., list[dict[str, Any]]],
) -> None:
    client("sns").set_topic_attributes(
        TopicArn=channel.topic_arn,
        AttributeName="Policy",
        AttributeValue=_topic_policy(channel.topic_arn, ACCOUNT),
    )
    _two_way(sms, number, channel.topic_arn)
    phone_id = number["PhoneNumberId"]
    opt_outs = _name("stops")
    sms.create_opt_out_list(OptOutListName=opt_outs)
    sms.update_phone_number(PhoneNumberId=phone_id, OptOutListName=opt_outs)
    sms.put_keyword(OriginationIdentity=phone_id, Keyword="HELP", KeywordMessage="Call 555-0199")
    sms.put_keyword(OriginationIdentity=phone_id, Keyword="JOIN", KeywordMessage="Welcome")

    sent = sms.send_text_message(
        DestinationPhoneNumber=CUSTOMER, OriginationIdentity=phone_id, MessageBody="Hi there"
    )
    # HELP and STOP are answered by the service and, with AWS-managed opt-outs, not published.
    answered = "answered by AWS End User Messaging SMS"
    outcome = _text(send_inbound, number, "help please")
    _assert_dropped(outcome, client, channel, answered)
    answers = [
        r
        for r in outbound_log(originationNumber=number["PhoneNumber"], destinationNumber=CUSTOMER)
        if r["kind"] == "AutoResponse"
    ]
    assert [(a["keyword"], a["messageBody"]) for a in answers] == [("HELP", "Call 555-0199")]
    assert sent["MessageId"] != answers[0]["messageId"]

    outcome = _text(send_inbound, number, "join")
    payload = _assert_delivered_once(outcome, client, channel, number, "join", "JOIN")
    assert payload["previousPublishedMessageId"] == answers[0]["messageId"]

    outcome = _text(send_inbound, number, "Stop")
    _assert_dropped(outcome, client, channel, answered)
    opted = sms.describe_opted_out_numbers(OptOutListName=opt_outs)["OptedOutNumbers"]
    assert [(o["OptedOutNumber"], o["EndUserOptedOut"]) for o in opted] == [(CUSTOMER, True)]
    with pytest.raises(sms.exceptions.ConflictException):
        sms.send_text_message(
            DestinationPhoneNumber=CUSTOMER, OriginationIdentity=phone_id, MessageBody="again?"
        )
    kinds = [
        r["keyword"]
        for r in outbound_log(originationNumber=number["PhoneNumber"], destinationNumber=CUSTOMER)
        if r["kind"] == "AutoResponse"
    ]
    assert kinds == ["HELP", "JOIN", "STOP"]

    sms.delete_opted_out_number(OptOutListName=opt_outs, OptedOutNumber=CUSTOMER)
    outcome = _text(send_inbound, number, "cancel")  # a required opt-out keyword
    _assert_dropped(outcome, client, channel, answered)
    assert sms.describe_opted_out_numbers(OptOutListName=opt_outs)["OptedOutNumbers"]

    _release(sms, phone_id)
    sms.delete_opt_out_list(OptOutListName=opt_outs)


def test_self_managed_opt_outs_are_left_alone(
    sms: Any,
    client: Client,
    number: dict[str, Any],
    channel: Channel,
    send_inbound: Callable[..., dict[str, Any]],
    outbound_log: Callable[..., list[dict[str, Any]]],
) -> None:
    client("sns").set_topic_attributes(
        TopicArn=channel.topic_arn,
        AttributeName="Policy",
        AttributeValue=_topic_policy(channel.topic_arn, ACCOUNT),
    )
    _two_way(sms, number, channel.topic_arn)
    sms.update_phone_number(PhoneNumberId=number["PhoneNumberId"], SelfManagedOptOutsEnabled=True)
    outcome = _text(send_inbound, number, "STOP")
    _assert_delivered_once(outcome, client, channel, number, "STOP", "STOP")
    listed = sms.describe_opted_out_numbers(OptOutListName="Default")["OptedOutNumbers"]
    assert CUSTOMER not in [o["OptedOutNumber"] for o in listed]
    assert outbound_log(originationNumber=number["PhoneNumber"]) == []


def test_inbound_request_errors(
    number: dict[str, Any], send_inbound: Callable[..., dict[str, Any]]
) -> None:
    missing = send_inbound(
        expect_status=404,
        originationNumber=CUSTOMER,
        destinationNumber="+19999999999",
        messageBody="hi",
    )
    assert "not a number of the emulator" in missing["error"]
    wrong_account = send_inbound(
        expect_status=404,
        originationNumber=CUSTOMER,
        destinationNumber=number["PhoneNumber"],
        messageBody="hi",
        accountId="999999999999",
    )
    assert "error" in wrong_account
    bad = send_inbound(expect_status=400, originationNumber="12", destinationNumber="+1")
    assert "originationNumber" in bad["error"]
    found = send_inbound(
        originationNumber=CUSTOMER,
        destinationNumber=number["PhoneNumber"],
        messageBody="hi",
        accountId=ACCOUNT,
        region=REGION,
    )
    assert found["delivered"] is False
