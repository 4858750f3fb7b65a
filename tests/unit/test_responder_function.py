"""The responder function's rules (modules/responder/function/responder.py), imported by path
and driven with SNS events as Lambda delivers them, against a fake End User Messaging client."""

from __future__ import annotations

import importlib.util
import json
import logging
import sys
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import pytest
from botocore.exceptions import ClientError
from hypothesis import given, settings
from hypothesis import strategies as st

from two_way_sms_tools.project import PROJECT_ROOT

SOURCE = PROJECT_ROOT / "modules" / "responder" / "function" / "responder.py"
CUSTOMER = "+14255550182"
NUMBER = "+18335550100"
HOURS = "We are open 9am-5pm ET, Monday to Friday."
RETURNS = "To return an item, reply with your order number."
DEFAULT = "Thanks! An agent will text you back within one business day."


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("responder_function_under_test", SOURCE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


responder = _load()


class FakeSms:
    """Records send_text_message calls; raises `error` instead when one is set."""

    def __init__(self, error: ClientError | None = None) -> None:
        self.sent: list[dict[str, Any]] = []
        self.error = error

    def send_text_message(self, **request: Any) -> dict[str, Any]:
        if self.error is not None:
            raise self.error
        self.sent.append(request)
        return {"MessageId": f"message-{len(self.sent)}"}


def _client_error(code: str, reason: str | None = None) -> ClientError:
    response: dict[str, Any] = {"Error": {"Code": code, "Message": f"{code} for the test"}}
    if reason is not None:
        response["Reason"] = reason  # botocore puts modeled error members at the top level
    return ClientError(response, "SendTextMessage")  # type: ignore[arg-type]


RULES = [
    {"keyword": "HOURS", "pattern": None, "reply": HOURS},
    {"keyword": None, "pattern": r"(?i)\b(refund|return)s?\b", "reply": RETURNS},
]


def _config(**overrides: Any) -> Any:
    document = {"rules": RULES, "default_reply": DEFAULT, "configuration_set_name": None}
    document.update(overrides)
    return responder.load_config(json.dumps(document))


def _payload(body: str, keyword: str = "", **fields: Any) -> dict[str, Any]:
    return {
        "originationNumber": CUSTOMER,
        "destinationNumber": NUMBER,
        "messageKeyword": keyword,
        "messageBody": body,
        "inboundMessageId": "cae173d2-66b9-564c-8309-21f858e9fb84",
        "previousPublishedMessageId": "",
        **fields,
    }


def _event(*messages: Any) -> dict[str, Any]:
    """An SNS event: each message is a payload dict (JSON-encoded) or a raw Sns.Message."""
    return {
        "Records": [
            {
                "EventSource": "aws:sns",
                "Sns": {
                    "MessageId": f"sns-{i}",
                    "Message": m if isinstance(m, str) else json.dumps(m),
                },
            }
            for i, m in enumerate(messages)
        ]
    }


def _replies(client: FakeSms) -> list[str]:
    return [request["MessageBody"] for request in client.sent]


@pytest.mark.parametrize("body", ["HOURS", "hours?", "Hours please", "  hOuRs!  today"])
def test_keyword_rule_matches_the_first_word_case_insensitively(body: str) -> None:
    client = FakeSms()
    outcome = responder.respond_to_event(_event(_payload(body)), _config(), client)
    assert outcome == {"replied": 1}
    assert _replies(client) == [HOURS]


def test_keyword_elsewhere_than_the_first_word_is_no_match() -> None:
    client = FakeSms()
    responder.respond_to_event(_event(_payload("what are your hours")), _config(), client)
    assert _replies(client) == [DEFAULT]


@pytest.mark.parametrize("body", ["I want a REFUND", "how do returns work", "Return?"])
def test_pattern_rule_matches_anywhere_in_the_body(body: str) -> None:
    client = FakeSms()
    responder.respond_to_event(_event(_payload(body)), _config(), client)
    assert _replies(client) == [RETURNS]


def test_the_first_matching_rule_wins() -> None:
    # Both rules match "hours for returns": the first one in the configured order answers.
    client = FakeSms()
    responder.respond_to_event(_event(_payload("hours for returns")), _config(), client)
    assert _replies(client) == [HOURS]
    client = FakeSms()
    reordered = _config(rules=list(reversed(RULES)))
    responder.respond_to_event(_event(_payload("hours for returns")), reordered, client)
    assert _replies(client) == [RETURNS]


def test_no_rule_matches_gives_the_default_reply() -> None:
    client = FakeSms()
    outcome = responder.respond_to_event(_event(_payload("Is anyone there?")), _config(), client)
    assert outcome == {"replied": 1}
    assert _replies(client) == [DEFAULT]


@pytest.mark.parametrize("default", [None, ""])
def test_no_default_reply_means_no_reply(default: str | None) -> None:
    client = FakeSms()
    config = _config(default_reply=default)
    outcome = responder.respond_to_event(_event(_payload("Is anyone there?")), config, client)
    assert outcome == {"no-reply": 1}
    assert client.sent == []


@pytest.mark.parametrize(
    ("body", "keyword"), [("help", "HELP"), ("STOP", "STOP"), ("hours", "HOURS")]
)
def test_a_message_answered_by_a_keyword_auto_response_is_not_answered_again(
    body: str, keyword: str
) -> None:
    client = FakeSms()
    # Even where a rule would match ("hours"): the service already sent the keyword's response.
    outcome = responder.respond_to_event(_event(_payload(body, keyword=keyword)), _config(), client)
    assert outcome == {"keyword": 1}
    assert client.sent == []


def test_the_reply_goes_from_the_number_that_received_the_message_to_the_customer() -> None:
    client = FakeSms()
    responder.respond_to_event(_event(_payload("hours")), _config(), client)
    assert client.sent == [
        {"DestinationPhoneNumber": CUSTOMER, "OriginationIdentity": NUMBER, "MessageBody": HOURS}
    ]


def test_the_configuration_set_is_passed_when_configured() -> None:
    client = FakeSms()
    config = _config(configuration_set_name="support-replies")
    responder.respond_to_event(_event(_payload("hours")), config, client)
    assert client.sent[0]["ConfigurationSetName"] == "support-replies"
    assert client.sent[0]["OriginationIdentity"] == NUMBER


def test_an_opted_out_customer_is_logged_and_not_retried(caplog: pytest.LogCaptureFixture) -> None:
    client = FakeSms(error=_client_error("ConflictException", responder.OPTED_OUT))
    with caplog.at_level(logging.INFO):
        outcome = responder.respond_to_event(_event(_payload("hours")), _config(), client)
    assert outcome == {"opted-out": 1}
    assert "opted out" in caplog.text


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        ("ThrottlingException", None),
        ("ConflictException", "DESTINATION_PHONE_NUMBER_NOT_VERIFIED"),
        ("ResourceNotFoundException", None),
        ("AccessDeniedException", None),
    ],
)
def test_throttling_and_other_errors_are_raised_for_lambda_to_retry(
    code: str, reason: str | None
) -> None:
    client = FakeSms(error=_client_error(code, reason))
    with pytest.raises(ClientError) as raised:
        responder.respond_to_event(_event(_payload("hours")), _config(), client)
    assert raised.value.response["Error"]["Code"] == code


@pytest.mark.parametrize(
    "message",
    [
        "not json at all",
        "{truncated",
        json.dumps(["a", "list"]),
        json.dumps("a string"),
        json.dumps(None),
        json.dumps({"messageBody": "hours"}),  # no phone numbers
        json.dumps(_payload("hours", originationNumber=12)),
        json.dumps(_payload("hours", destinationNumber="")),
        json.dumps(_payload(["not", "text"])),
        json.dumps(_payload("hours", messageKeyword={"not": "text"})),
    ],
)
def test_malformed_messages_are_logged_and_skipped(
    message: str, caplog: pytest.LogCaptureFixture
) -> None:
    client = FakeSms()
    with caplog.at_level(logging.WARNING):
        # A readable message in the same event is still answered.
        outcome = responder.respond_to_event(_event(message, _payload("hours")), _config(), client)
    assert outcome == {"skipped": 1, "replied": 1}
    assert _replies(client) == [HOURS]
    assert "skipped SNS message sns-0" in caplog.text


@pytest.mark.parametrize(
    "event",
    [None, [], {}, {"Records": "x"}, {"Records": [None]}, {"Records": [{"Sns": "x"}]}],
)
def test_events_and_records_that_are_not_sns_notifications_are_skipped(event: Any) -> None:
    client = FakeSms()
    outcome = responder.respond_to_event(event, _config(), client)
    assert set(outcome) == {"skipped"}
    assert client.sent == []


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=20), children, max_size=4)
    ),
    max_leaves=10,
)
payload_like = st.fixed_dictionaries(
    {},
    optional={
        "originationNumber": json_values,
        "destinationNumber": json_values,
        "messageBody": json_values,
        "messageKeyword": json_values,
    },
)


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(max_size=40), json_values.map(json.dumps), payload_like.map(json.dumps)))
def test_no_sns_message_crashes_the_function(message: str) -> None:
    client = FakeSms()
    outcome = responder.respond_to_event(_event(message), _config(), client)
    assert sum(outcome.values()) == 1
    assert len(client.sent) == outcome.get("replied", 0)


def test_logs_keep_only_the_last_digits_of_phone_numbers(caplog: pytest.LogCaptureFixture) -> None:
    client = FakeSms()
    with caplog.at_level(logging.INFO):
        responder.respond_to_event(_event(_payload("hours")), _config(), client)
    assert "***0182" in caplog.text
    assert CUSTOMER not in caplog.text


@pytest.mark.parametrize(
    "rule",
    [
        {"keyword": "HOURS", "pattern": "h.*", "reply": "both"},
        {"keyword": None, "pattern": None, "reply": "neither"},
        {"keyword": "HOURS", "reply": ""},
    ],
)
def test_a_broken_rule_fails_at_load(rule: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match="rule 0"):
        responder.load_config(json.dumps({"rules": [rule]}))


@pytest.fixture
def fresh_runtime(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[str, Any]]]:
    """The handler's lazily built config and client, rebuilt; boto3.client is recorded and
    answers with a FakeSms."""
    made: list[tuple[str, Any]] = []
    fake = FakeSms()

    def client(service: str, **kwargs: Any) -> FakeSms:
        made.append((service, fake))
        return fake

    monkeypatch.setattr(responder, "_runtime", None)
    monkeypatch.setattr(responder.boto3, "client", client)
    yield made
    responder._runtime = None


def test_handler_reads_its_rules_from_the_environment(
    fresh_runtime: list[tuple[str, Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    rules = {"rules": [{"keyword": "JOIN", "reply": "Welcome!"}], "default_reply": None}
    monkeypatch.setenv(responder.CONFIG_VARIABLE, json.dumps(rules))
    assert responder.handler(_event(_payload("join now")), None) == {"replied": 1}
    assert responder.handler(_event(_payload("other")), None) == {"no-reply": 1}
    # One client for the execution environment's lifetime, for End User Messaging SMS v2.
    assert [service for service, _ in fresh_runtime] == ["pinpoint-sms-voice-v2"]
    assert _replies(fresh_runtime[0][1]) == ["Welcome!"]
