"""Keywords: defaults, matching an inbound message, and what a match does (pure Python).

Sources, AWS End User Messaging SMS user guide (quoted in the emulator README):
- "Keywords": a keyword is 1-30 characters, can't start or end with a space, and is case
  insensitive; "When your number receives a message that begins with a keyword, AWS End User
  Messaging SMS responds with a customizable message" (also when the keyword is the first word
  of a longer message: "Help me understand what this means" gets HELP's answer).
- "Keyword actions": OPT_OUT adds the sender to the opt-out list, OPT_IN takes them off it,
  AUTOMATIC_RESPONSE sends the message; every keyword has a message, and it is the answer.
- "Required opt-out keywords": ARRET, CANCEL, END, OPT-OUT, OPTOUT, QUIT, REMOVE, STOP, TD,
  UNSUBSCRIBE opt the sender out; for US toll-free numbers STOP is the only one, opt-outs "are
  managed at the carrier level" and the response message can't be changed.
- "Self managed opt-outs": by default HELP and STOP get AWS's automatic reply and are not routed
  to the two-way channel; with self-managed opt-outs there is no reply and no opt-out, and HELP
  and STOP are routed "to the Amazon SNS topic ... rather than responding to the sender
  automatically".
- "Opt-out lists": a number on the list is sent nothing, so an opted-out customer gets no answer
  (unless their message opts them back in).
- "Example of a two-way SMS message payload": a message that begins with a registered keyword
  (JOIN) is published with messageKeyword set.
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


def _us_toll_free(number: PhoneNumber) -> bool:
    return number.number_type == "TOLL_FREE" and number.iso_country_code == "US"


def implicit_opt_out_keywords(number: PhoneNumber) -> frozenset[str]:
    if _us_toll_free(number):
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
    """What a matched keyword makes the emulator do besides (or instead of) delivering it."""

    opt_out: bool = False  # add the sender to the number's opt-out list
    opt_in: bool = False  # remove the sender from it
    auto_response: str | None = None  # message sent back to the sender
    withheld: str | None = None  # why the message is not published to the two-way channel
    note: str = ""


def _answered_by_aws(keyword: str) -> str:
    return (
        f"{keyword} is answered by AWS End User Messaging SMS and not routed to the two-way "
        "channel (AWS-managed opt-outs; enable self-managed opt-outs to receive it)"
    )


def keyword_effects(number: PhoneNumber, match: KeywordMatch) -> KeywordEffects:
    """Opt-out, opt-in, auto-response and publication for a match.

    - HELP, STOP and the required opt-out keywords: with AWS-managed opt-outs they are answered
      (STOP and its equivalents also opt the sender out) and not published; with self-managed
      opt-outs nothing is answered or changed and they are published.
    - On US toll-free numbers the carrier answers STOP: the number's STOP message is not sent.
    - Other keywords (PutKeyword's) act, answer and are published; with self-managed opt-outs
      OPT_OUT and OPT_IN keywords change nothing and send nothing (the owner tracks opt-outs),
      AUTOMATIC_RESPONSE keywords still answer.
    """
    if match.action is None:
        return KeywordEffects()
    aws_handled = match.keyword in PROTECTED_KEYWORDS or not match.registered
    if number.self_managed_opt_outs_enabled:
        if aws_handled or match.action in (OPT_OUT, OPT_IN):
            return KeywordEffects(note=f"{match.keyword}: opt-outs are self-managed")
        return KeywordEffects(auto_response=match.message)
    withheld = _answered_by_aws(match.keyword) if aws_handled else None
    if match.action == OPT_OUT:
        if aws_handled and _us_toll_free(number):
            return KeywordEffects(
                opt_out=True,
                withheld=withheld,
                note=f"{match.keyword}: US toll-free, the carrier answers and its message can't "
                "be changed",
            )
        return KeywordEffects(opt_out=True, auto_response=match.message, withheld=withheld)
    if match.action == OPT_IN:
        return KeywordEffects(opt_in=True, auto_response=match.message)
    return KeywordEffects(auto_response=match.message, withheld=withheld)


def answer_to_send(effects: KeywordEffects, *, opted_out_before: bool) -> str | None:
    """The auto-response actually sent: nothing to a customer who was on the number's opt-out
    list when the message arrived, unless this message opts them back in."""
    if opted_out_before and not effects.opt_in:
        return None
    return effects.auto_response
