"""Keywords: defaults, matching an inbound message, and what a match does (pure Python).

AWS End User Messaging SMS documentation, "Keywords": a keyword is 1-30 characters, can't
start or end with a space, and is case insensitive; "when your number receives a message that
begins with a keyword" the service responds with the keyword's message. Every number has HELP
and STOP, which "can't be deleted". "Required opt-out keywords": ARRET, CANCEL, END, OPT-OUT,
OPTOUT, QUIT, REMOVE, STOP, TD, UNSUBSCRIBE opt the sender out; for US toll-free numbers STOP
is the only one. With self-managed opt-outs "you're responsible for responding to HELP and STOP
requests" and for tracking opt-outs.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

from two_way_sms.emulator.sms_voice.models import (
    AUTOMATIC_RESPONSE,
    OPT_IN,
    OPT_OUT,
    Keyword,
    PhoneNumber,
)

HELP = "HELP"
STOP = "STOP"
PROTECTED_KEYWORDS = frozenset({HELP, STOP})
# The emulator's default responses (AWS's own default texts are not published verbatim).
DEFAULT_HELP_MESSAGE = "Reply STOP to opt out. Msg&data rates may apply."
DEFAULT_STOP_MESSAGE = "You are now opted out and will receive no further messages."
# "Required opt-out keywords" of the AWS End User Messaging SMS user guide.
REQUIRED_OPT_OUT_KEYWORDS = frozenset(
    {"ARRET", "CANCEL", "END", "OPT-OUT", "OPTOUT", "QUIT", "REMOVE", "STOP", "TD", "UNSUBSCRIBE"}
)
US_TOLL_FREE_OPT_OUT_KEYWORDS = frozenset({STOP})


def default_keywords() -> dict[str, Keyword]:
    return {
        HELP: Keyword(HELP, DEFAULT_HELP_MESSAGE, AUTOMATIC_RESPONSE),
        STOP: Keyword(STOP, DEFAULT_STOP_MESSAGE, OPT_OUT),
    }


def normalize(text: str) -> str:
    """Case- and accent-insensitive form used for matching ("Arrêt" -> "ARRET")."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.split()).upper()


def keyword_key(keyword: str) -> str:
    """The key a keyword is stored under on a number (keywords are case insensitive)."""
    return normalize(keyword)


def implicit_opt_out_keywords(number: PhoneNumber) -> frozenset[str]:
    if number.number_type == "TOLL_FREE" and number.iso_country_code == "US":
        return US_TOLL_FREE_OPT_OUT_KEYWORDS
    return REQUIRED_OPT_OUT_KEYWORDS


def _begins_with(message: str, keyword: str) -> bool:
    return message == keyword or message.startswith(keyword + " ")


@dataclass(frozen=True)
class KeywordMatch:
    keyword: str  # as reported in messageKeyword ("" when nothing matched)
    action: str | None  # AUTOMATIC_RESPONSE, OPT_OUT, OPT_IN; None when nothing matched
    message: str | None  # the keyword's response message
    registered: bool  # a keyword of the number (PutKeyword, HELP, STOP) vs a required one


NO_MATCH = KeywordMatch("", None, None, registered=False)


def match_keyword(number: PhoneNumber, body: str) -> KeywordMatch:
    """The keyword an inbound message begins with.

    1. The number's registered keywords (HELP, STOP and PutKeyword's), longest first, matched
       case- and accent-insensitively at the start of the message, followed by a space or the
       end of the message: "join now" matches JOIN, "JOINED" does not.
    2. Else a required opt-out keyword as the first word ("cancel please" -> CANCEL), which acts
       like STOP and answers with STOP's message.
    3. Else no keyword: messageKeyword is "".
    """
    message = normalize(body)
    registered: Mapping[str, Keyword] = number.keywords
    for key in sorted(registered, key=len, reverse=True):
        if _begins_with(message, key):
            found = registered[key]
            return KeywordMatch(key, found.action, found.message, registered=True)
    first = message.split(" ", 1)[0] if message else ""
    if first in implicit_opt_out_keywords(number):
        stop = registered.get(STOP)
        return KeywordMatch(first, OPT_OUT, stop.message if stop else None, registered=False)
    return NO_MATCH


@dataclass(frozen=True)
class KeywordEffects:
    """What a matched keyword makes the emulator do besides delivering the message."""

    opt_out: bool = False  # add the sender to the number's opt-out list
    opt_in: bool = False  # remove the sender from it
    auto_response: str | None = None  # message sent back to the sender
    note: str = ""


def keyword_effects(number: PhoneNumber, match: KeywordMatch) -> KeywordEffects:
    """Opt-out, opt-in and auto-response for a match, honouring SelfManagedOptOutsEnabled.

    Self-managed numbers get no opt-list changes and no HELP/STOP/opt-out/opt-in answers (the
    owner is responsible for them); other AUTOMATIC_RESPONSE keywords still answer.
    """
    if match.action is None:
        return KeywordEffects()
    self_managed = number.self_managed_opt_outs_enabled
    if match.action == OPT_OUT:
        if self_managed:
            return KeywordEffects(note=f"{match.keyword}: opt-outs are self-managed")
        return KeywordEffects(opt_out=True, auto_response=match.message)
    if match.action == OPT_IN:
        if self_managed:
            return KeywordEffects(note=f"{match.keyword}: opt-outs are self-managed")
        return KeywordEffects(opt_in=True, auto_response=match.message)
    if match.keyword == HELP and self_managed:
        return KeywordEffects(note="HELP: responses are self-managed")
    return KeywordEffects(auto_response=match.message)
