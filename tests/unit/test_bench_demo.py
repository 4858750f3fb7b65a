"""The demo's pure parts (tools/two_way_sms_tools/demo.py): the checks that decide its exit code,
the transcript's layout and the "send more" instructions of `make demo KEEP=1`."""

from __future__ import annotations

import json
import re
import shlex
import urllib.parse

import pytest

from two_way_sms_tools.demo import (
    Expected,
    line,
    log_message,
    outbound_problems,
    payload_problems,
    send_more_help,
)
from two_way_sms_tools.responder_deployment import DeploymentError, Responder, Rule

JOIN = Expected("AutoResponse", "Welcome to the beta!", "keyword JOIN")
HOURS = Expected("SendTextMessage", "We are open 9 to 5.", "rule HOURS")
DEFAULT = Expected("SendTextMessage", "Thanks, we will text you back.", "default reply")


def _sent(expected: Expected) -> dict[str, str]:
    return {"kind": expected.kind, "messageBody": expected.body}


def test_every_expected_message_once_and_nothing_else_is_no_problem() -> None:
    records = [_sent(JOIN), _sent(HOURS), _sent(DEFAULT)]
    assert outbound_problems(records, [JOIN, HOURS, DEFAULT]) == []


def test_a_missing_and_a_duplicated_message_are_each_a_problem() -> None:
    problems = outbound_problems([_sent(JOIN), _sent(HOURS), _sent(HOURS)], [JOIN, HOURS, DEFAULT])
    assert problems == [
        "rule HOURS: SendTextMessage 'We are open 9 to 5.' arrived 2 times, not once",
        "default reply: SendTextMessage 'Thanks, we will text you back.' arrived 0 times, not once",
    ]


def test_the_function_answering_join_is_an_unexpected_message() -> None:
    # Same text as the number's auto-response, but sent by the function: a second answer.
    second_answer = {"kind": "SendTextMessage", "messageBody": JOIN.body}
    problems = outbound_problems([_sent(JOIN), second_answer], [JOIN])
    assert problems == ["unexpected: SendTextMessage 'Welcome to the beta!' (1 times)"]


def test_payloads_each_once_with_their_keyword() -> None:
    sent = {"id-join": "JOIN", "id-hours": ""}
    payloads = [
        {"inboundMessageId": "id-join", "messageKeyword": "JOIN"},
        {"inboundMessageId": "id-hours", "messageKeyword": ""},
    ]
    assert payload_problems(payloads, sent) == []


def test_payload_problems_name_the_missing_duplicate_mislabelled_and_stray() -> None:
    sent = {"a": "JOIN", "b": "", "c": ""}
    payloads = [
        {"inboundMessageId": "a", "messageKeyword": ""},  # keyword lost
        {"inboundMessageId": "b", "messageKeyword": ""},
        {"inboundMessageId": "b", "messageKeyword": ""},  # twice
        {"inboundMessageId": "z", "messageKeyword": ""},  # never sent
    ]
    assert payload_problems(payloads, sent) == [
        "message a: messageKeyword '', expected 'JOIN'",
        "the topic's subscriber got message b 2 times",
        "the topic's subscriber got message c 0 times",
        "the topic's subscriber got a message it was not sent: z",
    ]


def test_a_turn_is_who_then_the_wrapped_text_then_the_note() -> None:
    text = "word " * 40
    out = line("number -> customer", text.strip(), "SendTextMessage: rule HOURS", width=60)
    lines = out.splitlines()
    assert lines[0].startswith("  number -> customer  word word")
    assert all(len(row) <= 60 for row in lines)
    assert all(row.startswith(" " * 22) for row in lines[1:])
    assert lines[-1].strip() == "(SendTextMessage: rule HOURS)"
    assert " ".join(" ".join(lines[:-1]).split()[3:]) == text.strip()


def test_a_lambda_log_line_is_reduced_to_its_message() -> None:
    event = (
        "[INFO]\t2026-11-27T10:00:00.123Z\t1b2c-request\tinbound message 42 from ***0182: "
        "no reply, keyword JOIN was answered by its auto-response\n"
    )
    assert log_message(event) == (
        "inbound message 42 from ***0182: no reply, keyword JOIN was answered by its auto-response"
    )


def test_send_more_help_gives_a_working_post_and_the_query_for_the_reply() -> None:
    help_text = send_more_help(
        "http://127.0.0.1:4606", "+18335550100", "+14255550182", "Address?", "http://q/url"
    )
    post = re.search(r"curl -s -X POST (\S+) .*\\\n\s+-d '(.*)'", help_text)
    assert post, help_text
    assert post.group(1) == "http://127.0.0.1:4606/_aws/sms-voice/inbound-messages"
    assert json.loads(post.group(2)) == {
        "originationNumber": "+14255550182",
        "destinationNumber": "+18335550100",
        "messageBody": "Address?",
    }
    get = next(row for row in help_text.splitlines() if "outbound-messages" in row)
    url = next(token for token in shlex.split(get) if "outbound-messages" in token)
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(url).query)
    # '+' must be sent as %2B, or the emulator reads a space.
    assert "%2B14255550182" in url
    assert query == {"originationNumber": ["+18335550100"], "destinationNumber": ["+14255550182"]}
    assert "make demo-down" in help_text


def _responder(keywords: dict[str, str], rules: tuple[Rule, ...]) -> Responder:
    return Responder(
        number="+18335550100",
        number_id="phone-0123456789abcdef0123456789abcdef",
        topic_arn="arn:aws:sns:us-east-1:000000000000:demo",
        kms_key_arn="arn:aws:kms:us-east-1:000000000000:key/1",
        channel_role_arn="arn:aws:iam::000000000000:role/demo",
        function_name="demo-responder",
        log_group="/aws/lambda/demo-responder",
        keywords=keywords,
        rules=rules,
        default_reply="Thanks.",
    )


def test_the_deployment_gives_the_join_answer_and_its_keyword_rules() -> None:
    rules = (Rule("open", keyword="HOURS"), Rule("labels", pattern="(?i)refund"))
    responder = _responder({"HELP": "help", "JOIN": "welcome"}, rules)
    assert responder.join_answer() == "welcome"
    assert responder.keyword_rules() == [rules[0]]
    assert [r.describe() for r in rules] == ["rule HOURS", "rule /(?i)refund/"]


def test_a_deployment_without_join_is_a_set_up_error() -> None:
    with pytest.raises(DeploymentError, match=r"no JOIN keyword \(it has \['HELP', 'STOP'\]\)"):
        _responder({"HELP": "help", "STOP": "bye"}, ()).join_answer()
