"""Keyword matching and what a keyword does (emulator/keywords.py), without LocalStack."""

from __future__ import annotations

import pytest

from two_way_sms.emulator.sms_voice.keywords import (
    DEFAULT_HELP_MESSAGE,
    DEFAULT_STOP_MESSAGE,
    REQUIRED_OPT_OUT_KEYWORDS,
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
