"""Answer inbound two-way SMS from the number that received them.

AWS End User Messaging SMS publishes each inbound message to an SNS topic as a JSON payload
(originationNumber = the customer, destinationNumber = your number, messageKeyword,
messageBody, inboundMessageId, previousPublishedMessageId). SNS invokes this function
asynchronously with that payload in each record's Sns.Message.

The rules, in order:

1. A record that is not an SNS notification carrying a JSON object with the customer's and
   the number's phone numbers is logged and skipped: it never fails the invocation (a retry
   would not make it readable).
2. A message whose `messageKeyword` is set is not answered. The service sets it exactly when
   the message matched a keyword of the number (HELP, STOP, an opt-out keyword, or one added
   with PutKeyword) and has then already sent that keyword's response: answering again would
   text the customer twice (and after STOP, text someone who just opted out).
3. The reply is that of the first rule that matches, in the configured order:
   - a keyword rule matches when the message's first word (up to the first whitespace, with
     trailing . , ! ? ; : removed) equals the keyword, case-insensitively;
   - a pattern rule matches when its regular expression is found anywhere in the body
     (`re.search`; add `(?i)` for case-insensitive patterns).
   No rule matches: the default reply, and without one no reply at all.
4. The reply goes from the number that received the message (OriginationIdentity =
   destinationNumber) to the customer (DestinationPhoneNumber = originationNumber), with the
   configuration set when one is configured.
5. A customer on the number's opt-out list (ConflictException, Reason
   DESTINATION_PHONE_NUMBER_OPTED_OUT) is logged and not retried. Throttling and every other
   error are raised, so Lambda retries the event and, after the last retry, records it in the
   on-failure destination.

Configuration: the environment variable RESPONDER_CONFIG, JSON
{"rules": [{"keyword": ..., "pattern": ..., "reply": ...}], "default_reply": ...,
 "configuration_set_name": ...}. Standard library and boto3 only.
"""

from __future__ import annotations

import json
import logging
import os
import re
from dataclasses import dataclass
from typing import Any

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

CONFIG_VARIABLE = "RESPONDER_CONFIG"
OPTED_OUT = "DESTINATION_PHONE_NUMBER_OPTED_OUT"
_TRAILING_PUNCTUATION = ".,!?;:"

logger = logging.getLogger(__name__)
logger.setLevel(logging.INFO)


@dataclass(frozen=True)
class Rule:
    reply: str
    keyword: str | None = None
    pattern: re.Pattern[str] | None = None

    def matches(self, body: str) -> bool:
        if self.keyword is not None:
            return first_word(body).casefold() == self.keyword.casefold()
        return self.pattern is not None and self.pattern.search(body) is not None

    def describe(self) -> str:
        if self.keyword is not None:
            return f"keyword {self.keyword}"
        return f"pattern {self.pattern.pattern if self.pattern else ''}"


@dataclass(frozen=True)
class ResponderConfig:
    rules: tuple[Rule, ...]
    default_reply: str | None = None
    configuration_set_name: str | None = None


@dataclass(frozen=True)
class InboundMessage:
    origination_number: str  # the customer
    destination_number: str  # our number, which received the message
    body: str
    keyword: str
    inbound_message_id: str


def load_config(text: str) -> ResponderConfig:
    """Parse RESPONDER_CONFIG; a broken configuration fails loudly, at cold start."""
    data = json.loads(text)
    rules = []
    for index, item in enumerate(data.get("rules") or []):
        keyword, pattern, reply = item.get("keyword"), item.get("pattern"), item.get("reply")
        if (keyword is None) == (pattern is None) or not reply:
            raise ValueError(f"rule {index}: set exactly one of keyword and pattern, and a reply")
        compiled = re.compile(pattern) if pattern is not None else None
        rules.append(Rule(reply=reply, keyword=keyword, pattern=compiled))
    return ResponderConfig(
        rules=tuple(rules),
        default_reply=data.get("default_reply") or None,
        configuration_set_name=data.get("configuration_set_name") or None,
    )


def first_word(body: str) -> str:
    words = body.split(maxsplit=1)
    return words[0].rstrip(_TRAILING_PUNCTUATION) if words else ""


def choose_reply(config: ResponderConfig, body: str) -> tuple[str | None, str]:
    """The reply text (None: no reply) and which rule chose it, for the log."""
    for position, rule in enumerate(config.rules, start=1):
        if rule.matches(body):
            return rule.reply, f"rule {position} ({rule.describe()})"
    if config.default_reply is not None:
        return config.default_reply, "default reply"
    return None, "no rule matched and there is no default reply"


def masked(number: str) -> str:
    """Phone numbers are personal data: logs keep the last four digits."""
    return f"***{number[-4:]}" if len(number) > 4 else "***"


def parse_record(record: Any) -> InboundMessage | None:
    """The inbound message of one SNS record, or None (logged) when it is not one."""
    sns = record.get("Sns") if isinstance(record, dict) else None
    message = sns.get("Message") if isinstance(sns, dict) else None
    if not isinstance(message, str):
        logger.warning("skipped a record that is not an SNS notification")
        return None
    try:
        payload = json.loads(message)
    except json.JSONDecodeError:
        logger.warning("skipped SNS message %s: not JSON", sns.get("MessageId", "?"))
        return None
    if not isinstance(payload, dict):
        logger.warning("skipped SNS message %s: not a JSON object", sns.get("MessageId", "?"))
        return None
    origination, destination = payload.get("originationNumber"), payload.get("destinationNumber")
    body, keyword = payload.get("messageBody", ""), payload.get("messageKeyword") or ""
    if not (isinstance(origination, str) and origination and isinstance(destination, str)):
        logger.warning("skipped SNS message %s: no phone numbers", sns.get("MessageId", "?"))
        return None
    if not destination or not isinstance(body, str) or not isinstance(keyword, str):
        logger.warning("skipped SNS message %s: malformed payload", sns.get("MessageId", "?"))
        return None
    return InboundMessage(
        origination_number=origination,
        destination_number=destination,
        body=body,
        keyword=keyword,
        inbound_message_id=str(payload.get("inboundMessageId") or "?"),
    )


def respond(message: InboundMessage, config: ResponderConfig, client: Any) -> str:
    """Answer one message; returns what happened ("replied", "keyword", "no-reply",
    "opted-out"). Errors other than an opted-out customer propagate, so Lambda retries."""
    ref = f"inbound message {message.inbound_message_id} from {masked(message.origination_number)}"
    if message.keyword:
        logger.info(
            "%s: no reply, keyword %s was answered by its auto-response", ref, message.keyword
        )
        return "keyword"
    reply, reason = choose_reply(config, message.body)
    if reply is None:
        logger.info("%s: no reply, %s", ref, reason)
        return "no-reply"
    request = {
        "DestinationPhoneNumber": message.origination_number,
        "OriginationIdentity": message.destination_number,
        "MessageBody": reply,
    }
    if config.configuration_set_name:
        request["ConfigurationSetName"] = config.configuration_set_name
    try:
        sent = client.send_text_message(**request)
    except ClientError as error:
        if error.response.get("Error", {}).get("Code") == "ConflictException" and (
            error.response.get("Reason") == OPTED_OUT
        ):
            logger.info(
                "%s: no reply, the customer opted out of %s",
                ref,
                masked(message.destination_number),
            )
            return "opted-out"
        raise
    logger.info("%s: replied with %s as message %s", ref, reason, sent.get("MessageId"))
    return "replied"


def respond_to_event(event: Any, config: ResponderConfig, client: Any) -> dict[str, int]:
    """Every record of an SNS event; counts of what happened, for the invocation's result."""
    outcomes: dict[str, int] = {}
    records = event.get("Records") if isinstance(event, dict) else None
    if not isinstance(records, list):
        logger.warning("skipped an event without Records")
        return {"skipped": 1}
    for record in records:
        message = parse_record(record)
        outcome = "skipped" if message is None else respond(message, config, client)
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
    return outcomes


_runtime: tuple[ResponderConfig, Any] | None = None


def _config_and_client() -> tuple[ResponderConfig, Any]:
    """Built on the first invocation and kept while the execution environment lives."""
    global _runtime
    if _runtime is None:
        config = load_config(os.environ.get(CONFIG_VARIABLE) or "{}")
        retries = Config(retries={"mode": "standard", "max_attempts": 3})
        _runtime = (config, boto3.client("pinpoint-sms-voice-v2", config=retries))
    return _runtime


def handler(event: Any, context: Any) -> dict[str, int]:
    config, client = _config_and_client()
    return respond_to_event(event, config, client)
