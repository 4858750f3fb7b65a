"""The pure parts of the emulator's shared dispatch: which operations a provider emulates, which
service a raw request is addressed to, what its X-Amz-Target names (dispatch_rules.py), the
request as the client sent it (wire.py), and type checks worded like AWS (validation.py).

dispatch.py itself applies these inside LocalStack; tests/e2e/test_emulator_bad_input.py
drives it there.
"""

from __future__ import annotations

import json
from typing import Any

import botocore.session
import pytest

from two_way_sms.emulator.dispatch_rules import (
    Addressee,
    emulated_operations,
    not_emulated_message,
    signing_name,
    targeted_operation,
    unknown_route_message,
    unknown_target_message,
)
from two_way_sms.emulator.validation import validate
from two_way_sms.emulator.wire import UndecodableBody, body_members, text_members

_SESSION = botocore.session.get_session()
SMS = _SESSION.get_service_model("pinpoint-sms-voice-v2")
CONNECT = _SESSION.get_service_model("connect")


def _signed(service: str) -> str:
    return (
        f"AWS4-HMAC-SHA256 Credential=111122223333/20260101/us-east-1/{service}/aws4_request, "
        "SignedHeaders=host;x-amz-date, Signature=abc"
    )


# ---- which operations a provider emulates -----------------------------------------------------


def _handler(operation: str) -> Any:
    """What LocalStack's @handler leaves on a method: an `operation` attribute."""

    def mark(function: Any) -> Any:
        function.operation = operation
        return function

    return mark


class _Stubs:
    @_handler("DescribePools")
    def describe_pools(self) -> None:
        raise NotImplementedError

    @_handler("DescribeKeywords")
    def describe_keywords(self) -> None:
        raise NotImplementedError


class _Provider(_Stubs):
    @_handler("DescribeKeywords")
    def describe_keywords(self) -> None:
        return None

    @_handler("PutKeyword")
    def put_keyword(self) -> None:
        return None

    def helper(self) -> None:
        return None


def test_emulated_operations_are_the_providers_own_handlers() -> None:
    assert emulated_operations(_Provider, _Stubs) == ["DescribeKeywords", "PutKeyword"]
    # Without stubs (the Connect provider extends no generated class) every handler counts.
    assert emulated_operations(_Provider) == ["DescribeKeywords", "DescribePools", "PutKeyword"]


# ---- which service a request is addressed to -------------------------------------------------


def test_signing_name_is_read_from_the_credential_scope() -> None:
    assert signing_name({"Authorization": _signed("sms-voice")}) == "sms-voice"
    assert signing_name({"Authorization": "Bearer x"}) is None
    assert signing_name({}) is None


def test_the_sms_service_claims_its_targets_and_any_target_signed_for_it() -> None:
    sms = Addressee(SMS)
    assert sms.claims({"X-Amz-Target": "PinpointSMSVoiceV2.DescribePools"}, "/")
    assert sms.claims({"X-Amz-Target": "PinpointSMSVoiceV2.NoSuch"}, "/")
    assert sms.claims({"X-Amz-Target": "Garbage.Op", "Authorization": _signed("sms-voice")}, "/")
    # Not its target and not signed for it; or no target at all (pinpoint-sms-voice v1 is REST).
    assert not sms.claims({"X-Amz-Target": "DynamoDB_20120810.ListTables"}, "/")
    assert not sms.claims({"Authorization": _signed("sms-voice")}, "/v1/sms-voice/voice/message")


def test_connect_claims_requests_signed_for_it_except_contact_lens_paths() -> None:
    connect = Addressee(CONNECT, foreign_paths=("/realtime-contact-analysis/",))
    signed = {"Authorization": _signed("connect")}
    assert connect.claims(signed, "/instance")
    assert connect.claims(signed, "/no/such/path")
    assert not connect.claims(signed, "/realtime-contact-analysis/analysis-segments")
    assert not connect.claims({"Authorization": _signed("s3")}, "/instance")
    assert not connect.claims({**signed, "X-Amz-Target": "X.Y"}, "/")


def test_targeted_operation() -> None:
    assert targeted_operation(SMS, "PinpointSMSVoiceV2.DescribePools") == "DescribePools"
    assert targeted_operation(SMS, "PinpointSMSVoiceV2.NoSuch") is None
    assert targeted_operation(SMS, "Other.DescribePools") is None
    assert targeted_operation(SMS, None) is None


def test_not_emulated_messages_name_the_operation_and_the_emulated_ones() -> None:
    emulated = ["PutKeyword", "DescribeKeywords"]
    listed = "Emulated operations: DescribeKeywords, PutKeyword."
    assert not_emulated_message("pinpoint-sms-voice-v2", "DescribePools", emulated) == (
        f"Operation DescribePools of pinpoint-sms-voice-v2 is not emulated. {listed}"
    )
    message = unknown_target_message(SMS, "PinpointSMSVoiceV2.SendRcsMessage", emulated)
    assert message.startswith(
        "Operation SendRcsMessage is not emulated: it is not in the pinpoint-sms-voice-v2 model "
        f"of this LocalStack (botocore {botocore.__version__})"
    )
    assert message.endswith(listed)
    assert unknown_target_message(SMS, "Garbage", emulated) == (
        "X-Amz-Target Garbage names no pinpoint-sms-voice-v2 operation "
        f"(PinpointSMSVoiceV2.<Operation>). {listed}"
    )
    assert unknown_target_message(SMS, None, emulated).startswith(
        "The request has no X-Amz-Target header naming a pinpoint-sms-voice-v2 operation. "
    )
    assert unknown_route_message(CONNECT, "GET", "/nope", emulated).startswith(
        "No connect operation is emulated at GET /nope: it matches no operation"
    )


# ---- the request as the client sent it -------------------------------------------------------


def test_body_members_are_json_as_sent_by_member_name() -> None:
    operation = SMS.operation_model("UpdatePhoneNumber")
    body = json.dumps({"PhoneNumberId": "p", "TwoWayEnabled": "yes", "Unknown": 1}).encode()
    assert body_members(operation, body) == {"PhoneNumberId": "p", "TwoWayEnabled": "yes"}
    assert body_members(operation, b"") == {}
    assert body_members(operation, b"  \n") == {}


@pytest.mark.parametrize(
    ("body", "words"),
    [
        (b"not json", "The request body is not JSON (Expecting value"),
        (b"\xff", "The request body is not JSON ("),
        (b"[]", "The request body is a JSON array: send the input members of UpdatePhoneNumber"),
        (b"null", "The request body is JSON null"),
        (b"3", "The request body is a JSON number"),
        (b"true", "The request body is a JSON boolean"),
    ],
)
def test_a_body_that_is_not_a_json_object_cannot_be_decoded(body: bytes, words: str) -> None:
    with pytest.raises(UndecodableBody) as excinfo:
        body_members(SMS.operation_model("UpdatePhoneNumber"), body)
    assert str(excinfo.value).startswith(words)


def test_rest_json_members_in_the_uri_and_query_are_not_read_from_the_body() -> None:
    operation = CONNECT.operation_model("ListInstances")
    assert body_members(operation, b'{"MaxResults": "abc"}') == {}
    found = text_members(operation, {}, {"maxResults": ["5"], "nextToken": ["t"]}.get, {})
    assert found == {"MaxResults": 5, "NextToken": "t"}
    unreadable = text_members(operation, {}, {"maxResults": ["abc"]}.get, {})
    assert unreadable == {"MaxResults": "abc"}  # left as text, for validation to report
    describe = CONNECT.operation_model("DescribeInstance")
    assert text_members(describe, {"InstanceId": "i-1"}, {}.get, {}) == {"InstanceId": "i-1"}


def test_text_that_reads_as_the_declared_type_is_converted() -> None:
    operation = CONNECT.operation_model("ListInstances")
    query = {"maxResults": ["+7"]}.get
    assert text_members(operation, {}, lambda name: query(name) or [], {}) == {"MaxResults": 7}
    problem = validate(
        operation.input_shape, text_members(operation, {}, {"maxResults": ["1.5"]}.get, {})
    )
    assert problem is not None
    assert problem.message == (
        "1 validation error detected: Value '1.5' at 'maxResults' failed to satisfy constraint: "
        "Member must be an integer"
    )


# ---- type checks -------------------------------------------------------------------------------


def _input(operation: str) -> Any:
    return SMS.operation_model(operation).input_shape


@pytest.mark.parametrize(
    ("member", "value", "kind"),
    [
        ("TwoWayEnabled", "yes", "a boolean (true or false)"),
        ("TwoWayEnabled", 1, "a boolean (true or false)"),
        ("TwoWayChannelArn", 5, "a string"),
        ("TwoWayChannelArn", ["arn"], "a string"),
        ("TwoWayChannelArn", {"arn": 1}, "a string"),
        ("DeletionProtectionEnabled", None, None),  # null is absent, as AWS reads it
    ],
)
def test_every_member_type_is_checked(member: str, value: Any, kind: str | None) -> None:
    problem = validate(_input("UpdatePhoneNumber"), {"PhoneNumberId": "phone-1", member: value})
    if kind is None:
        assert problem is None
        return
    assert problem is not None
    assert problem.fields == [
        {"Name": member[0].lower() + member[1:], "Message": f"Member must be {kind}"}
    ]


def test_numbers_are_not_booleans_and_lists_are_not_strings() -> None:
    problem = validate(
        _input("DescribePhoneNumbers"),
        {"MaxResults": True, "PhoneNumberIds": "phone-1", "Filters": {"a": 1}},
    )
    assert problem is not None
    assert problem.fields == [
        {"Name": "phoneNumberIds", "Message": "Member must be a list (a JSON array)"},
        {"Name": "filters", "Message": "Member must be a list (a JSON array)"},
        {"Name": "maxResults", "Message": "Member must be an integer"},
    ]
    assert problem.message.startswith(
        "3 validation errors detected: Value 'phone-1' at 'phoneNumberIds' failed to satisfy "
        "constraint: Member must be a list (a JSON array); Value '{\"a\": 1}' at 'filters'"
    )
    assert validate(_input("DescribePhoneNumbers"), {"MaxResults": 1.5}) is not None


def test_nested_members_maps_and_list_items_are_checked() -> None:
    problem = validate(
        _input("SendTextMessage"),
        {
            "DestinationPhoneNumber": "+12065550100",
            "Context": {"key": 5},
            "DestinationCountryParameters": "x",
        },
    )
    assert problem is not None
    assert [f["Name"] for f in problem.fields] == [
        "context.key.value",
        "destinationCountryParameters",
    ]
    problem = validate(
        _input("TagResource"),
        {"ResourceArn": "arn:aws:sms-voice:us-east-1:1:phone-number/p", "Tags": [{"Key": 1}]},
    )
    assert problem is not None
    assert problem.fields == [
        {"Name": "tags.1.member.value", "Message": "Member must not be null"},
        {"Name": "tags.1.member.key", "Message": "Member must be a string"},
    ]


def test_unknown_members_are_ignored_as_aws_ignores_them() -> None:
    assert validate(_input("UpdatePhoneNumber"), {"PhoneNumberId": "p", "NewMember": [1]}) is None


def test_a_too_short_string_is_shown_not_its_length() -> None:
    problem = validate(_input("TagResource"), {"ResourceArn": "arn:x", "Tags": []})
    assert problem is not None
    assert "Value 'arn:x' at 'resourceArn' failed to satisfy constraint: Member must have " in (
        problem.message
    )
    assert "Value '[]' at 'tags' failed to satisfy constraint: Member must have length" in (
        problem.message
    )


def test_timestamps_and_blobs_as_the_json_wire_carries_them() -> None:
    connect = _SESSION.get_service_model("connect")
    shape = connect.operation_model("GetMetricDataV2").input_shape
    base = {
        "ResourceArn": "arn:aws:connect:us-east-1:111122223333:instance/i",
        "Filters": [{"FilterKey": "QUEUE", "FilterValues": ["q"]}],
        "Metrics": [{"Name": "CONTACTS_HANDLED"}],
    }
    assert validate(shape, {**base, "StartTime": 1700000000, "EndTime": 1700000600.5}) is None
    problem = validate(shape, {**base, "StartTime": "2026-01-01", "EndTime": True})
    assert problem is not None
    assert [f["Message"] for f in problem.fields] == [
        "Member must be a timestamp (a number of seconds since the epoch)"
    ] * 2
    blob_shape = _SESSION.get_service_model("kms").operation_model("Decrypt").input_shape
    assert validate(blob_shape, {"CiphertextBlob": "aGVsbG8="}) is None
    problem = validate(blob_shape, {"CiphertextBlob": "not base64!"})
    assert problem is not None
    assert problem.fields == [
        {"Name": "ciphertextBlob", "Message": "Member must be base64-encoded"}
    ]
    problem = validate(blob_shape, {"CiphertextBlob": 5})
    assert problem is not None
    assert problem.fields[0]["Message"] == "Member must be a blob (a base64-encoded string)"
