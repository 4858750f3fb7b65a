"""Keyword matching and what a keyword does (emulator/sms_voice/keywords.py), without
LocalStack; and what routing makes of it: an owner's keyword is answered and still published,
HELP and STOP are answered and not published (AWS-managed opt-outs)."""

from __future__ import annotations

import json

import pytest

from tests.support.deployments import TOPIC, TOPIC_STATEMENT, FakeAws, policy
from two_way_sms.emulator.sms_voice.keywords import (
    DEFAULT_HELP_MESSAGE,
    DEFAULT_STOP_MESSAGE,
    REQUIRED_OPT_OUT_KEYWORDS,
    KeywordEffects,
    answer_to_send,
    default_keywords,
    keyword_effects,
    keyword_key,
    match_keyword,
    normalize,
)
from two_way_sms.emulator.sms_voice.models import (
    AUTOMATIC_RESPONSE,
    OPT_IN,
    OPT_OUT,
    Keyword,
    PhoneNumber,
)
from two_way_sms.emulator.sms_voice.routing import InboundMessage, route


def _number(**overrides: object) -> PhoneNumber:
    values: dict[str, object] = {
        "phone_number_id": "phone-" + "0" * 32,
        "arn": "arn:aws:sms-voice:us-east-1:123456789012:phone-number/phone-" + "0" * 32,
        "phone_number": "+12065550100",
        "account_id": "123456789012",
        "region": "us-east-1",
        "iso_country_code": "US",
        "message_type": "TRANSACTIONAL",
        "number_capabilities": ["SMS"],
        "number_type": "LONG_CODE",
        "monthly_leasing_price": "1.00",
        "keywords": default_keywords(),
        **overrides,
    }
    return PhoneNumber(**values)  # type: ignore[arg-type]


def _with(number: PhoneNumber, keyword: str, message: str, action: str) -> PhoneNumber:
    number.keywords[keyword_key(keyword)] = Keyword(keyword_key(keyword), message, action)
    return number


def test_the_aws_list_of_required_opt_out_keywords() -> None:
    assert (
        frozenset(
            {
                "ARRET",
                "CANCEL",
                "END",
                "OPT-OUT",
                "OPTOUT",
                "QUIT",
                "REMOVE",
                "STOP",
                "TD",
                "UNSUBSCRIBE",
            }
        )
        == REQUIRED_OPT_OUT_KEYWORDS
    )
    # STOPALL and REVOKE are not on AWS's list.
    assert "STOPALL" not in REQUIRED_OPT_OUT_KEYWORDS
    assert "REVOKE" not in REQUIRED_OPT_OUT_KEYWORDS


def test_every_number_starts_with_help_and_stop() -> None:
    keywords = default_keywords()
    assert keywords["HELP"] == Keyword("HELP", DEFAULT_HELP_MESSAGE, AUTOMATIC_RESPONSE)
    assert keywords["STOP"] == Keyword("STOP", DEFAULT_STOP_MESSAGE, OPT_OUT)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("stop", "STOP"), ("  Arrêt ", "ARRET"), ("opt   out", "OPT OUT"), ("Join\tnow", "JOIN NOW")],
)
def test_normalize_is_case_space_and_accent_insensitive(text: str, expected: str) -> None:
    assert normalize(text) == expected


@pytest.mark.parametrize(
    ("body", "keyword", "action"),
    [
        ("JOIN", "JOIN", AUTOMATIC_RESPONSE),
        ("join now please", "JOIN", AUTOMATIC_RESPONSE),
        ("Join", "JOIN", AUTOMATIC_RESPONSE),
        ("JOINED the club", "", None),  # begins with JOIN, but not as a word
        ("I want to join", "", None),  # a keyword must begin the message
        ("help", "HELP", AUTOMATIC_RESPONSE),
        ("STOP sending", "STOP", OPT_OUT),
        ("stop all", "STOP ALL", OPT_OUT),  # the longest registered keyword wins
        ("cancel", "CANCEL", OPT_OUT),  # required opt-out keyword, not registered
        ("Arrêt", "ARRET", OPT_OUT),
        ("unsubscribe me", "UNSUBSCRIBE", OPT_OUT),
        ("Where is my order?", "", None),
    ],
)
def test_match_keyword(body: str, keyword: str, action: str | None) -> None:
    number = _with(_number(), "join", "Welcome!", AUTOMATIC_RESPONSE)
    _with(number, "stop all", "Bye from everything", OPT_OUT)
    match = match_keyword(number, body)
    assert (match.keyword, match.action) == (keyword, action)


def test_registered_keyword_wins_over_required_list_and_reports_its_message() -> None:
    number = _with(_number(), "END", "Game over", AUTOMATIC_RESPONSE)
    match = match_keyword(number, "end")
    assert (match.keyword, match.action, match.message, match.registered) == (
        "END",
        AUTOMATIC_RESPONSE,
        "Game over",
        True,
    )
    required = match_keyword(_number(), "quit")
    assert (required.message, required.registered) == (DEFAULT_STOP_MESSAGE, False)


def test_us_toll_free_numbers_only_honour_stop() -> None:
    toll_free = _number(number_type="TOLL_FREE")
    assert match_keyword(toll_free, "cancel").action is None
    assert match_keyword(toll_free, "stop").action == OPT_OUT
    canadian = _number(number_type="TOLL_FREE", iso_country_code="CA")
    assert match_keyword(canadian, "cancel").action == OPT_OUT


def test_effects_of_aws_managed_opt_outs() -> None:
    number = _with(_number(), "START", "Welcome back", OPT_IN)
    stop = keyword_effects(number, match_keyword(number, "stop"))
    assert (stop.opt_out, stop.opt_in, stop.auto_response) == (True, False, DEFAULT_STOP_MESSAGE)
    start = keyword_effects(number, match_keyword(number, "start"))
    assert (start.opt_out, start.opt_in, start.auto_response) == (False, True, "Welcome back")
    help_ = keyword_effects(number, match_keyword(number, "help"))
    assert (help_.opt_out, help_.auto_response) == (False, DEFAULT_HELP_MESSAGE)
    nothing = keyword_effects(number, match_keyword(number, "hello"))
    assert (nothing.opt_out, nothing.opt_in, nothing.auto_response) == (False, False, None)


def test_effects_with_self_managed_opt_outs() -> None:
    number = _with(_number(self_managed_opt_outs_enabled=True), "JOIN", "Hi", AUTOMATIC_RESPONSE)
    for body in ("STOP", "cancel", "HELP"):
        effects = keyword_effects(number, match_keyword(number, body))
        assert (effects.opt_out, effects.opt_in, effects.auto_response) == (False, False, None)
        assert "self-managed" in effects.note
    join = keyword_effects(number, match_keyword(number, "join"))
    assert join.auto_response == "Hi"  # other keywords still answer


# ---- what the documentation says, case by case ----------------------------------------------


def test_the_guides_help_example_matches_help() -> None:
    """ "Keywords": "Help me understand what this means" gets the HELP answer."""
    match = match_keyword(_number(), "Help me understand what this means")
    assert (match.keyword, match.action, match.message) == (
        "HELP",
        AUTOMATIC_RESPONSE,
        DEFAULT_HELP_MESSAGE,
    )


@pytest.mark.parametrize("body", ["HELP", "stop", "Cancel please", "Arrêt"])
def test_help_and_stop_are_answered_and_not_published_with_aws_managed_opt_outs(
    body: str,
) -> None:
    number = _number()
    effects = keyword_effects(number, match_keyword(number, body))
    assert effects.auto_response in (DEFAULT_HELP_MESSAGE, DEFAULT_STOP_MESSAGE)
    assert effects.withheld is not None
    assert "self-managed" in effects.withheld


@pytest.mark.parametrize(
    ("body", "action", "opt_out", "opt_in"),
    [
        ("JOIN the beta, please", AUTOMATIC_RESPONSE, False, False),
        ("unsubscribe all", OPT_OUT, True, False),
        ("start", OPT_IN, False, True),
    ],
)
def test_the_owners_keywords_act_answer_and_are_still_published(
    body: str, action: str, opt_out: bool, opt_in: bool
) -> None:
    number = _with(_number(), "JOIN", "Welcome to the beta!", AUTOMATIC_RESPONSE)
    _with(number, "UNSUBSCRIBE ALL", "Bye from everything", OPT_OUT)
    _with(number, "START", "Welcome back", OPT_IN)
    match = match_keyword(number, body)
    effects = keyword_effects(number, match)
    assert match.action == action
    assert (effects.opt_out, effects.opt_in, effects.withheld) == (opt_out, opt_in, None)
    assert effects.auto_response == match.message


def test_us_toll_free_stop_is_answered_by_the_carrier() -> None:
    """ "Required opt-out keywords": on US toll-free numbers you can't "change the response
    message that your recipients get when they opt-out"; UNSTOP/START as OPT_IN opt back in."""
    number = _with(_number(number_type="TOLL_FREE"), "START", "Welcome back", OPT_IN)
    number.keywords["STOP"] = Keyword("STOP", "Our own goodbye", OPT_OUT)
    stop = keyword_effects(number, match_keyword(number, "STOP"))
    assert (stop.opt_out, stop.auto_response) == (True, None)
    assert stop.withheld is not None
    assert "carrier" in stop.note
    start = keyword_effects(number, match_keyword(number, "start"))
    assert (start.opt_in, start.auto_response) == (True, "Welcome back")


def test_self_managed_owner_opt_keywords_change_nothing() -> None:
    number = _with(_number(self_managed_opt_outs_enabled=True), "START", "Back", OPT_IN)
    start = keyword_effects(number, match_keyword(number, "start"))
    assert (start.opt_in, start.auto_response, start.withheld) == (False, None, None)
    assert "self-managed" in start.note


@pytest.mark.parametrize(
    ("effects", "opted_out_before", "sent"),
    [
        (KeywordEffects(auto_response="Hi"), False, "Hi"),
        (KeywordEffects(auto_response="Hi"), True, None),  # opted out: sent nothing
        (KeywordEffects(opt_out=True, auto_response="Bye"), False, "Bye"),
        (KeywordEffects(opt_out=True, auto_response="Bye"), True, None),  # STOP twice
        (KeywordEffects(opt_in=True, auto_response="Welcome back"), True, "Welcome back"),
        (KeywordEffects(), False, None),
    ],
)
def test_an_opted_out_customer_gets_no_answer_unless_opting_in(
    effects: KeywordEffects, opted_out_before: bool, sent: str | None
) -> None:
    assert answer_to_send(effects, opted_out_before=opted_out_before) == sent


# ---- routing: published or not ----------------------------------------------------------------


def _routed(number: PhoneNumber, body: str, aws: FakeAws) -> tuple[bool, str, str]:
    result = route(
        InboundMessage("+14255550182", number.phone_number, body),
        number,
        aws,
        inbound_message_id="6f1c5e9a-0000-4000-8000-000000000000",
        previous_published_message_id=None,
    )
    return result.delivery.delivered, result.payload["messageKeyword"], result.delivery.reason


def _two_way(**overrides: object) -> tuple[PhoneNumber, FakeAws]:
    number = _number(two_way_enabled=True, two_way_channel_arn=TOPIC, **overrides)
    topic_policy = policy(TOPIC_STATEMENT)
    return number, FakeAws(topics={TOPIC: {"Policy": json.dumps(topic_policy)}})


def test_join_is_published_with_its_keyword() -> None:
    number, aws = _two_way()
    _with(number, "JOIN", "Welcome to the beta!", AUTOMATIC_RESPONSE)
    delivered, keyword, _ = _routed(number, "JOIN the beta, please", aws)
    assert (delivered, keyword) == (True, "JOIN")
    (published,) = aws.published
    assert published["message"]["messageKeyword"] == "JOIN"


@pytest.mark.parametrize(("body", "keyword"), [("HELP", "HELP"), ("stop", "STOP")])
def test_help_and_stop_are_not_published(body: str, keyword: str) -> None:
    number, aws = _two_way()
    delivered, matched, reason = _routed(number, body, aws)
    assert (delivered, matched) == (False, keyword)
    assert "answered by AWS End User Messaging SMS" in reason
    assert aws.published == []


def test_help_and_stop_are_published_with_self_managed_opt_outs() -> None:
    number, aws = _two_way(self_managed_opt_outs_enabled=True)
    assert _routed(number, "STOP", aws)[:2] == (True, "STOP")
    assert _routed(number, "help", aws)[:2] == (True, "HELP")
    assert len(aws.published) == 2
