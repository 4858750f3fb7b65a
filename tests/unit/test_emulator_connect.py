"""Inbound routing to Amazon Connect (emulator/sms_voice/routing.py) against fake AWS
resources, the connect:SendChatIntegrationEvent request (delivery/requests.py) and the Connect
emulator's plain data (emulator/connect/models.py). No LocalStack."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import botocore.session
import pytest

from tests.support.deployments import ACCOUNT
from two_way_sms.delivery import ConnectImport, NumberSettings, RoleData, requests
from two_way_sms.emulator.connect.models import (
    ClaimedNumber,
    ConnectInstance,
    chat_key,
    check_chat_event,
    connect_arn,
    connect_phone_number_type,
    destination_matches,
    normalized_subtype,
    own_resource_id,
)
from two_way_sms.emulator.sms_voice.keywords import default_keywords
from two_way_sms.emulator.sms_voice.models import AUTOMATIC_RESPONSE, Keyword, PhoneNumber
from two_way_sms.emulator.sms_voice.routing import (
    InboundMessage,
    build_payload,
    deliver,
    route,
)
from two_way_sms.emulator.validation import validate
from two_way_sms.identifiers import connect_channel_region
from two_way_sms.policy import evaluate

REGION = "us-east-1"
CHANNEL = f"connect.{REGION}.amazonaws.com"
ROLE = f"arn:aws:iam::{ACCOUNT}:role/sms-connect"
INSTANCE_ID = "11111111-2222-3333-4444-555555555555"
INSTANCE = f"arn:aws:connect:{REGION}:{ACCOUNT}:instance/{INSTANCE_ID}"
PHONE_ID = "phone-" + "c" * 32
NUMBER_ARN = f"arn:aws:sms-voice:{REGION}:{ACCOUNT}:phone-number/{PHONE_ID}"
E164 = "+18335550100"
CUSTOMER = "+14255550182"
SMS = "sms-voice.amazonaws.com"
SEND = "connect:SendChatIntegrationEvent"


def _policy(*statements: Mapping[str, Any]) -> dict[str, Any]:
    return {"Version": "2012-10-17", "Statement": list(statements)}


# The guide's "IAM policies for Amazon Connect", as given (trust with accountId filled in).
GUIDE_TRUST = _policy(
    {
        "Sid": "SMSVoice",
        "Effect": "Allow",
        "Principal": {"Service": SMS},
        "Action": "sts:AssumeRole",
        "Condition": {"StringEquals": {"aws:SourceAccount": ACCOUNT}},
    }
)
GUIDE_PERMISSIONS = _policy({"Effect": "Allow", "Action": [SEND], "Resource": ["*"]})


def _role(**changes: Any) -> RoleData:
    values: dict[str, Any] = {
        "arn": ROLE,
        "trust_policy": GUIDE_TRUST,
        "inline_policies": [("two-way-sms-destination", GUIDE_PERMISSIONS)],
        **changes,
    }
    return RoleData(**values)


@dataclass
class FakeConnectAws:
    """InboundAws over dicts for an Amazon Connect destination; records the chat events sent."""

    roles: dict[str, RoleData] = field(default_factory=dict)
    imports: dict[tuple[str, str], ConnectImport] = field(default_factory=dict)
    sent: list[dict[str, Any]] = field(default_factory=list)
    lookups: list[tuple[str, str]] = field(default_factory=list)
    fail_send: bool = False

    def role(self, role_arn: str) -> RoleData | None:
        return self.roles.get(role_arn)

    def topic_attributes(self, topic_arn: str) -> Mapping[str, str] | None:
        raise AssertionError("an Amazon Connect destination reads no topic")

    def kms_key(self, key_id: str, account: str, region: str) -> Any:
        raise AssertionError("an Amazon Connect destination reads no key")

    def publish(self, topic_arn: str, message: str, **_: Any) -> str:
        raise AssertionError("an Amazon Connect destination publishes nothing to SNS")

    def connect_phone_number(self, number: NumberSettings, region: str) -> ConnectImport | None:
        self.lookups.append((number.arn, region))
        return self.imports.get((number.arn, region))

    def send_chat_integration_event(self, **request: Any) -> str:
        if self.fail_send:
            raise RuntimeError("ResourceNotFoundException: DestinationId is not imported")
        self.sent.append(request)
        return f"contact-{len(self.sent)}"


def _number(**overrides: Any) -> PhoneNumber:
    values: dict[str, Any] = {
        "phone_number_id": PHONE_ID,
        "arn": NUMBER_ARN,
        "phone_number": E164,
        "account_id": ACCOUNT,
        "region": REGION,
        "iso_country_code": "US",
        "message_type": "TRANSACTIONAL",
        "number_capabilities": ["SMS"],
        "number_type": "TOLL_FREE",
        "monthly_leasing_price": "2.00",
        "two_way_enabled": True,
        "two_way_channel_arn": CHANNEL,
        "two_way_channel_role": ROLE,
        "keywords": default_keywords(),
        **overrides,
    }
    return PhoneNumber(**values)


def _aws(role: RoleData | None = None, imported: bool = True) -> FakeConnectAws:
    aws = FakeConnectAws(roles={ROLE: role or _role()})
    if imported:
        aws.imports[(NUMBER_ARN, REGION)] = ConnectImport("connect-phone-1", E164, INSTANCE)
    return aws


PAYLOAD = build_payload(InboundMessage(CUSTOMER, E164, "hello agent"), "", "inbound-1", None)


# ---- routing decisions -------------------------------------------------------------------


def test_allowed_sends_one_chat_integration_event_as_the_role() -> None:
    aws = _aws()
    delivery = deliver(_number(), PAYLOAD, aws, "sms-voice-abcdef12")
    assert delivery.delivered, delivery.reason
    assert delivery.destination == INSTANCE
    assert delivery.contact_id == "contact-1"
    assert delivery.published_message_id is None
    assert ROLE in delivery.reason and INSTANCE in delivery.reason
    assert aws.lookups == [(NUMBER_ARN, REGION)]
    assert aws.sent == [
        {
            "role_arn": ROLE,
            "session_name": "sms-voice-abcdef12",
            "account": ACCOUNT,
            "region": REGION,
            "source_id": CUSTOMER,
            "destination_id": NUMBER_ARN,
            "subtype": "connect:SMS",
            "event": {"Type": "MESSAGE", "ContentType": "text/plain", "Content": "hello agent"},
            "payload": PAYLOAD,
            "inbound_message_id": "inbound-1",
        }
    ]


def test_the_modules_narrowed_trust_and_sid_also_deliver() -> None:
    trust = json.loads(json.dumps(GUIDE_TRUST))
    trust["Statement"][0]["Condition"]["ArnLike"] = {
        "aws:SourceArn": f"arn:aws:sms-voice:{REGION}:{ACCOUNT}:phone-number/*"
    }
    permissions = _policy(
        {
            "Sid": "SMSVoiceAllowConnectChatIntegrationEvents",
            "Effect": "Allow",
            "Action": SEND,
            "Resource": "*",
        }
    )
    role = _role(trust_policy=json.dumps(trust), inline_policies=[("p", json.dumps(permissions))])
    assert deliver(_number(), PAYLOAD, _aws(role), "s").delivered


@pytest.mark.parametrize(
    ("trust", "words"),
    [
        (
            _policy(
                {
                    **GUIDE_TRUST["Statement"][0],
                    "Condition": {"StringEquals": {"aws:SourceAccount": "444455556666"}},
                }
            ),
            ["trust policy of role/sms-connect", "sts:AssumeRole", SMS],
        ),
        (
            _policy({**GUIDE_TRUST["Statement"][0], "Principal": {"Service": "sns.amazonaws.com"}}),
            ["trust policy of role/sms-connect", "sts:AssumeRole"],
        ),
        (
            _policy(
                {
                    **GUIDE_TRUST["Statement"][0],
                    "Condition": {
                        "StringEquals": {"aws:SourceAccount": ACCOUNT},
                        "ArnLike": {
                            "aws:SourceArn": f"arn:aws:sms-voice:{REGION}:{ACCOUNT}:phone-number/x"
                        },
                    },
                }
            ),
            ["trust policy", "sts:AssumeRole"],
        ),
    ],
    ids=["other-account", "other-principal", "other-source-arn"],
)
def test_trust_that_does_not_let_the_service_assume_the_role_drops(
    trust: dict[str, Any], words: list[str]
) -> None:
    aws = _aws(_role(trust_policy=trust))
    delivery = deliver(_number(), PAYLOAD, aws, "s")
    assert not delivery.delivered
    assert delivery.destination == CHANNEL
    assert delivery.reason.startswith("not delivered: ")
    for word in words:
        assert word in delivery.reason, delivery.reason
    assert aws.sent == []


@pytest.mark.parametrize(
    ("role", "words"),
    [
        (_role(inline_policies=[]), [SEND, INSTANCE, "role/sms-connect"]),
        (
            _role(
                inline_policies=[
                    (
                        "publish",
                        _policy({"Effect": "Allow", "Action": "sns:Publish", "Resource": "*"}),
                    )
                ]
            ),
            [SEND, "inline policy publish of role/sms-connect"],
        ),
        (
            _role(
                inline_policies=[
                    ("allow", GUIDE_PERMISSIONS),
                    ("deny", _policy({"Effect": "Deny", "Action": "connect:*", "Resource": "*"})),
                ]
            ),
            [SEND, "inline policy deny of role/sms-connect"],
        ),
        (
            _role(
                permissions_boundary=(
                    f"arn:aws:iam::{ACCOUNT}:policy/boundary",
                    _policy({"Effect": "Allow", "Action": "sns:Publish", "Resource": "*"}),
                )
            ),
            [SEND, "permissions boundary"],
        ),
        (
            _role(
                inline_policies=[
                    (
                        "other-instance",
                        _policy(
                            {
                                "Effect": "Allow",
                                "Action": SEND,
                                "Resource": f"arn:aws:connect:{REGION}:{ACCOUNT}:instance/other",
                            }
                        ),
                    )
                ]
            ),
            [SEND, INSTANCE],
        ),
    ],
    ids=["no-policies", "only-sns", "explicit-deny", "boundary", "other-instance"],
)
def test_role_without_send_chat_integration_event_drops_naming_policy_and_permission(
    role: RoleData, words: list[str]
) -> None:
    aws = _aws(role)
    delivery = deliver(_number(), PAYLOAD, aws, "s")
    assert not delivery.delivered
    for word in words:
        assert word in delivery.reason, delivery.reason
    assert aws.sent == []


def test_reason_is_the_evaluators_own_decision() -> None:
    role = _role(inline_policies=[])
    expected = evaluate(
        requests.send_chat_integration_event(ROLE, INSTANCE, "s", ACCOUNT),
        identity_policies=role.identity_policies(),
        permissions_boundary=role.boundary(),
    )
    assert not expected.allowed
    delivery = deliver(_number(), PAYLOAD, _aws(role), "s")
    assert delivery.reason.endswith(expected.reason)


def test_number_not_imported_drops_and_says_to_import_it() -> None:
    aws = _aws(imported=False)
    delivery = deliver(_number(), PAYLOAD, aws, "s")
    assert not delivery.delivered
    for word in ("not imported", "ImportPhoneNumber", NUMBER_ARN, ACCOUNT, REGION, E164):
        assert word in delivery.reason, delivery.reason
    assert aws.sent == []


def test_number_imported_in_another_region_is_not_found() -> None:
    aws = _aws(imported=False)
    aws.imports[(NUMBER_ARN, "us-west-2")] = ConnectImport("p", E164, INSTANCE)
    assert not deliver(_number(), PAYLOAD, aws, "s").delivered
    assert aws.lookups == [(NUMBER_ARN, REGION)]


@pytest.mark.parametrize("role", [None, ""])
def test_no_role_drops_naming_the_guides_connect_policies(role: str | None) -> None:
    aws = _aws()
    delivery = deliver(_number(two_way_channel_role=role), PAYLOAD, aws, "s")
    assert not delivery.delivered
    for word in ("TwoWayChannelRole", "IAM policies for Amazon Connect", SEND, PHONE_ID):
        assert word in delivery.reason, delivery.reason
    assert aws.sent == []


def test_role_that_does_not_exist_drops() -> None:
    aws = _aws()
    aws.roles.clear()
    delivery = deliver(_number(), PAYLOAD, aws, "s")
    assert not delivery.delivered
    assert f"IAM role {ROLE} does not exist" in delivery.reason


def test_channel_of_another_region_drops() -> None:
    delivery = deliver(
        _number(two_way_channel_arn="connect.eu-west-2.amazonaws.com"), PAYLOAD, _aws(), "s"
    )
    assert not delivery.delivered
    assert "connect.us-east-1.amazonaws.com" in delivery.reason
    assert "eu-west-2" in delivery.reason


def test_disabled_two_way_drops_at_the_first_rule() -> None:
    aws = _aws()
    delivery = deliver(_number(two_way_enabled=False), PAYLOAD, aws, "s")
    assert not delivery.delivered
    assert delivery.reason.startswith("not delivered: two-way-enabled: ")
    assert "TwoWayEnabled is false" in delivery.reason
    assert aws.sent == []


def test_malformed_role_policy_is_reported_not_raised() -> None:
    aws = _aws(_role(inline_policies=[("broken", "{not json")]))
    delivery = deliver(_number(), PAYLOAD, aws, "s")
    assert not delivery.delivered
    assert "malformed policy" in delivery.reason


def test_a_failed_send_is_a_drop_naming_connect() -> None:
    aws = _aws()
    aws.fail_send = True
    delivery = deliver(_number(), PAYLOAD, aws, "s")
    assert not delivery.delivered
    assert delivery.destination == INSTANCE
    assert "SendChatIntegrationEvent failed" in delivery.reason


def test_route_applies_keywords_then_sends_the_guides_payload() -> None:
    aws = _aws()
    order: list[str] = []
    number = _number()  # a keyword of the owner's: answered and still routed
    number.keywords["AGENT"] = Keyword("AGENT", "Connecting you to an agent", AUTOMATIC_RESPONSE)
    result = route(
        InboundMessage(CUSTOMER, E164, "agent please"),
        number,
        aws,
        inbound_message_id="id-42",
        previous_published_message_id=None,
        apply_keyword=lambda match, effects: order.append(f"keyword {match.keyword}"),
    )
    assert order == ["keyword AGENT"]
    assert result.delivery.delivered
    assert result.payload["messageKeyword"] == "AGENT"
    (sent,) = aws.sent
    assert sent["payload"] == result.payload
    assert sent["inbound_message_id"] == "id-42"
    assert sent["session_name"] == "sms-voice-id-42"
    assert sent["event"]["Content"] == "agent please"


# ---- the request that is evaluated ------------------------------------------------------------


def test_send_chat_integration_event_request() -> None:
    request = requests.send_chat_integration_event(ROLE, INSTANCE, "sess", ACCOUNT)
    assert request.principal == f"arn:aws:sts::{ACCOUNT}:assumed-role/sms-connect/sess"
    assert (request.action, request.resource) == (SEND, INSTANCE)
    assert request.context == {
        "aws:ResourceAccount": ACCOUNT,
        "aws:PrincipalArn": ROLE,
        "aws:PrincipalAccount": ACCOUNT,
    }
    assert (request.principal_account, request.resource_account) == (ACCOUNT, ACCOUNT)
    unknown = requests.send_chat_integration_event(ROLE, "*", "sess", "210987654321")
    assert unknown.resource_account == "210987654321"


def test_connect_channel_region() -> None:
    assert connect_channel_region("connect.eu-west-2.amazonaws.com") == "eu-west-2"
    assert connect_channel_region("arn:aws:sns:us-east-1:123456789012:t") == ""


# ---- the Connect emulator's data -------------------------------------------------------------


def test_arns_ids_and_types() -> None:
    assert connect_arn("aws", REGION, ACCOUNT, "instance", INSTANCE_ID) == INSTANCE
    assert own_resource_id(INSTANCE_ID, "instance", ACCOUNT, REGION) == INSTANCE_ID
    assert own_resource_id(INSTANCE, "instance", ACCOUNT, REGION) == INSTANCE_ID
    assert own_resource_id(INSTANCE, "instance", "210987654321", REGION) is None
    assert own_resource_id(INSTANCE, "instance", ACCOUNT, "us-west-2") is None
    assert own_resource_id(INSTANCE, "phone-number", ACCOUNT, REGION) is None
    assert own_resource_id(NUMBER_ARN, "instance", ACCOUNT, REGION) is None
    assert connect_phone_number_type("TOLL_FREE") == "TOLL_FREE"
    assert connect_phone_number_type("LONG_CODE") == "DID"
    assert connect_phone_number_type("TEN_DLC") == "DID"


def _claim(**changes: Any) -> ClaimedNumber:
    values: dict[str, Any] = {
        "phone_number_id": "p-1",
        "arn": connect_arn("aws", REGION, ACCOUNT, "phone-number", "p-1"),
        "phone_number": E164,
        "country_code": "US",
        "phone_number_type": "TOLL_FREE",
        "instance_id": INSTANCE_ID,
        "instance_arn": INSTANCE,
        "source_phone_number_arn": NUMBER_ARN,
        **changes,
    }
    return ClaimedNumber(**values)


def test_claimed_number_shapes_and_filters() -> None:
    claim = _claim(description="support", tags={"team": "a"})
    summary = claim.summary()
    assert summary["TargetArn"] == INSTANCE and summary["PhoneNumber"] == E164
    assert summary["PhoneNumberDescription"] == "support"
    assert "Tags" not in summary and "PhoneNumberStatus" not in summary
    info = claim.information()
    assert info["PhoneNumberStatus"] == {"Status": "CLAIMED"}
    assert info["Tags"] == {"team": "a"}
    assert claim.filter_matches(None, None, None)
    assert claim.filter_matches(["US"], ["TOLL_FREE"], "+1833")
    assert claim.filter_matches(None, None, "1833")
    assert not claim.filter_matches(["GB"], None, None)
    assert not claim.filter_matches(None, ["DID"], None)
    assert not claim.filter_matches(None, None, "+44")
    assert destination_matches(claim, NUMBER_ARN) and destination_matches(claim, E164)
    assert not destination_matches(claim, "+12065550100")


def test_instance_shapes() -> None:
    instance = ConnectInstance(
        instance_id=INSTANCE_ID,
        arn=INSTANCE,
        account_id=ACCOUNT,
        region=REGION,
        identity_management_type="CONNECT_MANAGED",
        alias="contact-center",
        inbound_calls_enabled=True,
        outbound_calls_enabled=False,
        service_role="arn:aws:iam::123456789012:role/aws-service-role/x",
    )
    summary = instance.summary()
    assert summary["InstanceStatus"] == "ACTIVE"
    assert summary["InstanceAccessUrl"] == "https://contact-center.my.connect.aws"
    assert "Tags" not in instance.information()


def test_chat_event_checks() -> None:
    message = {"Type": "MESSAGE", "ContentType": "text/plain", "Content": "hi"}
    assert check_chat_event("connect:SMS", CUSTOMER, message) is None
    assert "E.164" in (check_chat_event("connect:SMS", "customer-7", message) or "")
    assert check_chat_event("connect:WhatsApp", "customer-7", message) is None
    assert "Content" in (check_chat_event(None, CUSTOMER, {"Type": "MESSAGE"}) or "")
    assert check_chat_event(None, CUSTOMER, {"Type": "DISCONNECT"}) is None
    assert "Event.Type" in (check_chat_event(None, CUSTOMER, {"Type": "TYPING"}) or "")
    assert normalized_subtype("connect:sms") == "connect:SMS"
    assert normalized_subtype(None) is None
    with pytest.raises(ValueError, match="Subtype"):
        normalized_subtype("connect:Email")
    assert chat_key(CUSTOMER, NUMBER_ARN, "connect:SMS") == chat_key(
        CUSTOMER, NUMBER_ARN, "connect:sms"
    )


def test_connect_model_patterns_escaped_twice_are_read_as_meant() -> None:
    """Connect's model writes PhoneNumberPrefix's pattern as \\\\+?[0-9]{1,11}."""
    shape = (
        botocore.session.get_session()
        .get_service_model("connect")
        .operation_model("ListPhoneNumbersV2")
        .input_shape
    )
    assert validate(shape, {"PhoneNumberPrefix": "+1206"}) is None
    assert validate(shape, {"PhoneNumberPrefix": "44"}) is None
    problem = validate(shape, {"PhoneNumberPrefix": "1-800"})
    assert problem is not None
    assert problem.fields[0]["Name"] == "phoneNumberPrefix"
