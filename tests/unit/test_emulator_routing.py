"""Inbound routing (emulator/sms_voice/routing.py) against fake AWS resources: payload, delivery
decisions through the rule table, and the order of keyword effects and publishing."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

import pytest

from tests.support.deployments import (
    ACCOUNT,
    ENCRYPTED_STATEMENT,
    KEY,
    KEY_SMS_STATEMENT,
    NUMBER_ARN,
    PHONE_ID,
    PUBLISH_STATEMENT,
    REGION,
    ROLE,
    ROOT_STATEMENT,
    SMS,
    TOPIC,
    TOPIC_STATEMENT,
    TRUST_STATEMENT,
    FakeAws,
    good_key,
    policy,
)
from two_way_sms.delivery import KeyData, RoleData
from two_way_sms.emulator.sms_voice.keywords import KeywordEffects, KeywordMatch, default_keywords
from two_way_sms.emulator.sms_voice.models import OPT_OUT, Keyword, PhoneNumber
from two_way_sms.emulator.sms_voice.routing import (
    PAYLOAD_FIELDS,
    InboundMessage,
    InboundRequestError,
    build_payload,
    deliver,
    route,
)

TRUST = policy(TRUST_STATEMENT)
ROLE_PERMISSIONS = policy(PUBLISH_STATEMENT, ENCRYPTED_STATEMENT)
TOPIC_POLICY = policy(TOPIC_STATEMENT)


def _number(**overrides: Any) -> PhoneNumber:
    values: dict[str, Any] = {
        "phone_number_id": PHONE_ID,
        "arn": NUMBER_ARN,
        "phone_number": "+12065550100",
        "account_id": ACCOUNT,
        "region": REGION,
        "iso_country_code": "US",
        "message_type": "TRANSACTIONAL",
        "number_capabilities": ["SMS"],
        "number_type": "LONG_CODE",
        "monthly_leasing_price": "1.00",
        "two_way_enabled": True,
        "two_way_channel_arn": TOPIC,
        "keywords": default_keywords(),
        **overrides,
    }
    return PhoneNumber(**values)


PAYLOAD = build_payload(InboundMessage("+14255550182", "+12065550100", "hi"), "", "id-1", None)


# ---- the payload -----------------------------------------------------------------------------


def test_payload_has_the_six_fields_of_the_guide_in_order() -> None:
    message = InboundMessage("+14255550182", "+12125550101", "EXAMPLE", "wJalrXUtnFEMI")
    payload = build_payload(
        message, "JOIN", "cae173d2-66b9-564c-8309-21f858e9fb84", "wJalrXUtnFEMI"
    )
    assert list(payload) == list(PAYLOAD_FIELDS)
    assert payload == {
        "originationNumber": "+14255550182",
        "destinationNumber": "+12125550101",
        "messageKeyword": "JOIN",
        "messageBody": "EXAMPLE",
        "inboundMessageId": "cae173d2-66b9-564c-8309-21f858e9fb84",
        "previousPublishedMessageId": "wJalrXUtnFEMI",
    }
    assert build_payload(message, "", "x", None)["previousPublishedMessageId"] == ""


def test_parse_inbound_request() -> None:
    parsed = InboundMessage.parse(
        {
            "originationNumber": "+14255550182",
            "destinationNumber": "+12065550100",
            "messageBody": "hello",
            "accountId": ACCOUNT,
            "region": REGION,
        }
    )
    assert (parsed.account_id, parsed.region, parsed.previous_published_message_id) == (
        ACCOUNT,
        REGION,
        None,
    )


@pytest.mark.parametrize(
    ("body", "complaint"),
    [
        ([], "JSON object"),
        ({"originationNumber": "4255550182"}, "originationNumber"),
        ({"originationNumber": "+14255550182", "destinationNumber": None}, "destinationNumber"),
        (
            {"originationNumber": "+14255550182", "destinationNumber": "+12065550100"},
            "messageBody",
        ),
        (
            {
                "originationNumber": "+14255550182",
                "destinationNumber": "+12065550100",
                "messageBody": "x",
                "accountId": "12",
            },
            "accountId",
        ),
    ],
)
def test_parse_rejects_bad_requests(body: Any, complaint: str) -> None:
    with pytest.raises(InboundRequestError, match=complaint):
        InboundMessage.parse(body)


# ---- delivery decisions ---------------------------------------------------------------------


def test_topic_policy_path_publishes_as_the_service_principal() -> None:
    aws = FakeAws(topics={TOPIC: {"Policy": json.dumps(TOPIC_POLICY)}})
    delivery = deliver(_number(), PAYLOAD, aws, "s")
    assert delivery.delivered, delivery.reason
    assert delivery.destination == TOPIC
    assert delivery.published_message_id == "msg-1"
    assert aws.published == [{"topic": TOPIC, "message": PAYLOAD, "role": None}]


@pytest.mark.parametrize(
    ("number", "words"),
    [
        (_number(two_way_enabled=False), ["TwoWayEnabled is false"]),
        (_number(two_way_channel_arn=None), ["no two-way destination"]),
        (_number(two_way_channel_arn="connect.us-east-1.amazonaws.com"), ["Connect"]),
        (_number(two_way_channel_arn=TOPIC + ".fifo"), ["FIFO"]),
        (_number(two_way_channel_arn=f"arn:aws:sns:{REGION}:{ACCOUNT}:gone"), ["does not exist"]),
    ],
)
def test_not_delivered_without_a_usable_destination(number: PhoneNumber, words: list[str]) -> None:
    aws = FakeAws(topics={TOPIC: {"Policy": json.dumps(TOPIC_POLICY)}})
    delivery = deliver(number, PAYLOAD, aws, "s")
    assert not delivery.delivered
    for word in words:
        assert word in delivery.reason
    assert aws.published == []


def test_topic_policy_without_the_statement_is_named() -> None:
    default_policy = policy(
        {
            "Effect": "Allow",
            "Principal": {"AWS": "*"},
            "Action": "SNS:Publish",
            "Resource": TOPIC,
            "Condition": {"StringEquals": {"AWS:SourceOwner": ACCOUNT}},
        }
    )
    for attributes in ({"Policy": json.dumps(default_policy)}, {}):
        delivery = deliver(_number(), PAYLOAD, FakeAws(topics={TOPIC: attributes}), "s")
        assert not delivery.delivered
        assert "sns:Publish" in delivery.reason
        assert SMS in delivery.reason


def test_topic_policy_condition_on_another_source_account_drops() -> None:
    statement = {
        **TOPIC_POLICY["Statement"][0],
        "Condition": {"StringEquals": {"aws:SourceAccount": "444455556666"}},
    }
    aws = FakeAws(topics={TOPIC: {"Policy": json.dumps(policy(statement))}})
    assert not deliver(_number(), PAYLOAD, aws, "s").delivered


def _role(trust: dict[str, Any] = TRUST, **kwargs: Any) -> RoleData:
    return RoleData(ROLE, json.dumps(trust), **kwargs)


def test_role_path_publishes_as_the_role() -> None:
    aws = FakeAws(
        roles={ROLE: _role(inline_policies=[("publish", ROLE_PERMISSIONS)])},
        topics={TOPIC: {}},
    )
    delivery = deliver(_number(two_way_channel_role=ROLE), PAYLOAD, aws, "s")
    assert delivery.delivered, delivery.reason
    assert aws.published[0]["role"] == ROLE
    assert ROLE in delivery.reason


def test_role_with_managed_policy_and_boundary() -> None:
    boundary_arn = f"arn:aws:iam::{ACCOUNT}:policy/boundary"
    managed = [(f"arn:aws:iam::{ACCOUNT}:policy/publish", ROLE_PERMISSIONS)]
    allowing = _role(managed_policies=managed)
    aws = FakeAws(roles={ROLE: allowing}, topics={TOPIC: {}})
    assert deliver(_number(two_way_channel_role=ROLE), PAYLOAD, aws, "s").delivered

    sqs_only = policy({"Effect": "Allow", "Action": "sqs:*", "Resource": "*"})
    bounded = replace(allowing, permissions_boundary=(boundary_arn, sqs_only))
    aws = FakeAws(roles={ROLE: bounded}, topics={TOPIC: {}})
    delivery = deliver(_number(two_way_channel_role=ROLE), PAYLOAD, aws, "s")
    assert not delivery.delivered
    assert "boundary" in delivery.reason


@pytest.mark.parametrize(
    ("role", "words"),
    [
        (
            _role(
                policy(
                    {
                        **TRUST["Statement"][0],
                        "Condition": {"StringEquals": {"aws:SourceAccount": "444455556666"}},
                    }
                ),
                inline_policies=[("publish", ROLE_PERMISSIONS)],
            ),
            ["sts:AssumeRole", "trust policy"],
        ),
        (
            _role(
                policy(
                    {
                        "Effect": "Allow",
                        "Principal": {"Service": "lambda.amazonaws.com"},
                        "Action": "sts:AssumeRole",
                    }
                ),
                inline_policies=[("publish", ROLE_PERMISSIONS)],
            ),
            ["sts:AssumeRole"],
        ),
        (_role(), ["sns:Publish"]),
        (
            _role(
                inline_policies=[
                    ("publish", ROLE_PERMISSIONS),
                    ("deny", policy({"Effect": "Deny", "Action": "sns:*", "Resource": "*"})),
                ]
            ),
            ["sns:Publish", "deny"],
        ),
    ],
)
def test_role_problems_are_reported(role: RoleData, words: list[str]) -> None:
    aws = FakeAws(roles={ROLE: role}, topics={TOPIC: {}})
    delivery = deliver(_number(two_way_channel_role=ROLE), PAYLOAD, aws, "s")
    assert not delivery.delivered
    for word in words:
        assert word in delivery.reason, delivery.reason
    assert aws.published == []


def test_missing_role_is_reported() -> None:
    delivery = deliver(
        _number(two_way_channel_role=ROLE), PAYLOAD, FakeAws(topics={TOPIC: {}}), "s"
    )
    assert not delivery.delivered
    assert "does not exist" in delivery.reason


def test_encrypted_topic_without_role_needs_the_key_policy_statement() -> None:
    topic = {"Policy": json.dumps(TOPIC_POLICY), "KmsMasterKeyId": KEY}
    allowed = FakeAws(
        topics={TOPIC: topic}, keys={KEY: good_key(ROOT_STATEMENT, KEY_SMS_STATEMENT)}
    )
    assert deliver(_number(), PAYLOAD, allowed, "s").delivered

    root_only = FakeAws(topics={TOPIC: topic}, keys={KEY: good_key(ROOT_STATEMENT)})
    delivery = deliver(_number(), PAYLOAD, root_only, "s")
    assert not delivery.delivered
    assert "kms:GenerateDataKey" in delivery.reason
    assert "key policy" in delivery.reason


def test_encrypted_topic_with_role_needs_root_delegation_and_role_permission() -> None:
    topic = {"KmsMasterKeyId": KEY}
    role = _role(inline_policies=[("publish", ROLE_PERMISSIONS)])
    delegated = FakeAws(
        roles={ROLE: role}, topics={TOPIC: topic}, keys={KEY: good_key(ROOT_STATEMENT)}
    )
    assert deliver(_number(two_way_channel_role=ROLE), PAYLOAD, delegated, "s").delivered

    not_delegated = FakeAws(
        roles={ROLE: role}, topics={TOPIC: topic}, keys={KEY: good_key(KEY_SMS_STATEMENT)}
    )
    delivery = deliver(_number(two_way_channel_role=ROLE), PAYLOAD, not_delegated, "s")
    assert not delivery.delivered
    assert "key policy" in delivery.reason

    publish_only = policy(ROLE_PERMISSIONS["Statement"][0])
    no_kms = FakeAws(
        roles={ROLE: _role(inline_policies=[("publish", publish_only)])},
        topics={TOPIC: topic},
        keys={KEY: good_key(ROOT_STATEMENT)},
    )
    delivery = deliver(_number(two_way_channel_role=ROLE), PAYLOAD, no_kms, "s")
    assert not delivery.delivered
    assert "kms:GenerateDataKey" in delivery.reason


def test_key_condition_on_another_topic_drops() -> None:
    wrong_topic = json.loads(json.dumps(ROLE_PERMISSIONS))
    wrong_topic["Statement"][1]["Condition"]["StringEquals"][
        "kms:EncryptionContext:aws:sns:topicArn"
    ] = TOPIC + "-other"
    aws = FakeAws(
        roles={ROLE: _role(inline_policies=[("publish", wrong_topic)])},
        topics={TOPIC: {"KmsMasterKeyId": KEY}},
        keys={KEY: good_key(ROOT_STATEMENT)},
    )
    assert not deliver(_number(two_way_channel_role=ROLE), PAYLOAD, aws, "s").delivered


@pytest.mark.parametrize(
    ("key", "words"),
    [
        (
            good_key(ROOT_STATEMENT, KEY_SMS_STATEMENT, key_spec="RSA_2048"),
            ["RSA_2048", "symmetric"],
        ),
        (good_key(ROOT_STATEMENT, KEY_SMS_STATEMENT, key_state="Disabled"), ["Disabled"]),
        (None, ["does not exist"]),
    ],
)
def test_unusable_keys(key: KeyData | None, words: list[str]) -> None:
    topic = {"Policy": json.dumps(TOPIC_POLICY), "KmsMasterKeyId": KEY}
    aws = FakeAws(topics={TOPIC: topic}, keys={KEY: key} if key else {})
    delivery = deliver(_number(), PAYLOAD, aws, "s")
    assert not delivery.delivered
    for word in words:
        assert word in delivery.reason


def test_malformed_policy_is_reported_not_raised() -> None:
    aws = FakeAws(topics={TOPIC: {"Policy": json.dumps({"Statement": [{"Effect": "Maybe"}]})}})
    delivery = deliver(_number(), PAYLOAD, aws, "s")
    assert not delivery.delivered
    assert "malformed policy" in delivery.reason


def test_failed_publish_is_reported() -> None:
    aws = FakeAws(topics={TOPIC: {"Policy": json.dumps(TOPIC_POLICY)}}, fail_publish=True)
    delivery = deliver(_number(), PAYLOAD, aws, "s")
    assert not delivery.delivered
    assert "boom" in delivery.reason


# ---- one message end to end -----------------------------------------------------------------


def test_route_applies_keyword_effects_before_publishing() -> None:
    aws = FakeAws(topics={TOPIC: {"Policy": json.dumps(TOPIC_POLICY)}})
    seen: list[tuple[KeywordMatch, KeywordEffects, int]] = []

    def apply(match: KeywordMatch, effects: KeywordEffects) -> None:
        seen.append((match, effects, len(aws.published)))

    number = _number()  # an OPT_OUT keyword of the owner's: acts, answers and is published
    number.keywords["UNSUBSCRIBE ALL"] = Keyword("UNSUBSCRIBE ALL", "Bye", OPT_OUT)
    result = route(
        InboundMessage("+14255550182", "+12065550100", "unsubscribe all please"),
        number,
        aws,
        inbound_message_id="6f1c5e9a-0000-4000-8000-000000000000",
        previous_published_message_id="m-1",
        apply_keyword=apply,
    )
    assert len(seen) == 1
    match, effects, published_before = seen[0]
    assert (match.keyword, effects.opt_out, published_before) == ("UNSUBSCRIBE ALL", True, 0)
    assert result.delivery.delivered
    assert result.payload["messageKeyword"] == "UNSUBSCRIBE ALL"
    assert result.payload["previousPublishedMessageId"] == "m-1"
    assert aws.published[0]["message"] == result.payload


def test_keywords_act_even_when_two_way_is_off() -> None:
    result = route(
        InboundMessage("+14255550182", "+12065550100", "help"),
        _number(two_way_enabled=False),
        FakeAws(),
        inbound_message_id="x" * 36,
        previous_published_message_id=None,
    )
    assert not result.delivery.delivered
    assert result.effects.auto_response is not None
    assert result.payload["messageKeyword"] == "HELP"
