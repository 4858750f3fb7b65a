"""The main job: a conversation with a number, on LocalStack with our End User Messaging SMS
emulator and Python Lambda functions run without Docker.

`make demo` (PYTHONPATH=tools python -m two_way_sms_tools.demo): start LocalStack (or reuse a
running one), apply examples/responder (a KMS-encrypted topic, a number with a JOIN keyword, and
the responder function subscribed to the topic), subscribe an SQS queue to the topic too, and
text the number as a customer would, three times:

1. "JOIN the beta, please": the number answers with JOIN's auto-response, the topic still
   publishes the message (messageKeyword "JOIN"), and the function, which gets it too, does not
   answer a second time;
2. "Hours?": the function answers with the reply of its HOURS rule;
3. a message no rule matches: the function's default reply.

It prints the transcript, then exits 0 when every expected message arrived exactly once, 1
otherwise, 2 when something could not be set up. `--keep` leaves everything running and prints
how to text the number again; `--down` tears a kept demo down.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import shutil
import sys
import textwrap
import time
import urllib.error
import urllib.parse
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import tftest
from botocore.exceptions import BotoCoreError, ClientError

from two_way_sms.cli.errors import CliError
from two_way_sms.cli.inbound_client import INBOUND_PATH, post_inbound
from two_way_sms_tools.localstack import health, leases
from two_way_sms_tools.localstack.clients import REGION, client, subscribe_queue
from two_way_sms_tools.localstack.errors import LocalStackError
from two_way_sms_tools.localstack.settings import Settings
from two_way_sms_tools.project import PROJECT_ROOT
from two_way_sms_tools.responder_deployment import (
    EXAMPLE,
    OUTBOUND_PATH,
    DeploymentError,
    Responder,
    outbound_messages,
)
from two_way_sms_tools.terraform.localstack_apply import applied_root, localstack_terraform_env

CUSTOMER = "+14255550182"
JOIN_TEXT = "JOIN the beta, please"
NO_RULE_TEXT = "Do you sell gift cards?"
# Seconds to give up waiting for one message, only ever reached when something is broken: the
# function's first invocation starts its process (about a second; on a slow or busy machine, and
# the first time ever, up to ~30 s).
WAIT_LIMIT = 120.0
POLL_EVERY = 0.25
SETTLE = 2.0  # seconds after the last expected message, for a late duplicate to show up
T = TypeVar("T")


# ---- pure parts: the expected messages, the checks and the transcript's layout ---------------


@dataclass(frozen=True)
class Expected:
    kind: str  # "AutoResponse" (the number's keyword answer) or "SendTextMessage" (the function)
    body: str
    why: str


def outbound_problems(records: Iterable[Mapping[str, Any]], expected: list[Expected]) -> list[str]:
    """Each expected message exactly once and nothing else: one problem per difference."""
    seen = Counter((str(r["kind"]), str(r["messageBody"])) for r in records)
    problems = []
    for message in expected:
        count = seen.pop((message.kind, message.body), 0)
        if count != 1:
            problems.append(
                f"{message.why}: {message.kind} {message.body!r} arrived {count} times, not once"
            )
    for (kind, body), count in sorted(seen.items()):
        problems.append(f"unexpected: {kind} {body!r} ({count} times)")
    return problems


def payload_problems(payloads: Iterable[Mapping[str, Any]], sent: Mapping[str, str]) -> list[str]:
    """The topic's subscriber got each sent message (inboundMessageId -> keyword the payload
    must carry, "" for none) exactly once, and nothing else."""
    seen = Counter(str(p.get("inboundMessageId")) for p in payloads)
    keywords = {str(p.get("inboundMessageId")): p.get("messageKeyword") for p in payloads}
    problems = []
    for inbound_id, keyword in sent.items():
        count = seen.pop(inbound_id, 0)
        if count != 1:
            problems.append(f"the topic's subscriber got message {inbound_id} {count} times")
        elif keywords[inbound_id] != keyword:
            problems.append(
                f"message {inbound_id}: messageKeyword {keywords[inbound_id]!r}, "
                f"expected {keyword!r}"
            )
    for inbound_id in seen:
        problems.append(f"the topic's subscriber got a message it was not sent: {inbound_id}")
    return problems


WHO_WIDTH = 20


def line(who: str, text: str, note: str | None = None, width: int = 98) -> str:
    """One turn of the transcript: who, then the text (wrapped), then a note in brackets."""
    indent = " " * (WHO_WIDTH + 2)
    out = textwrap.fill(
        text,
        width=width,
        initial_indent=f"  {who:<{WHO_WIDTH}}",
        subsequent_indent=indent,
        break_on_hyphens=False,
    )
    if note:
        out += "\n" + textwrap.fill(
            f"({note})", width=width, initial_indent=indent, subsequent_indent=indent + " "
        )
    return out


def log_message(event_message: str) -> str:
    """The message of a Lambda Python log line ("[INFO]\\t<time>\\t<request id>\\t<message>")."""
    return event_message.rstrip("\n").split("\t")[-1]


def send_more_help(endpoint: str, number: str, customer: str, text: str, queue_url: str) -> str:
    """How to text the kept demo's number again and read the answer."""
    body = json.dumps(
        {"originationNumber": customer, "destinationNumber": number, "messageBody": text}
    )
    query = urllib.parse.urlencode({"originationNumber": number, "destinationNumber": customer})
    return "\n".join(
        [
            "Kept running. Text the number again:",
            f"  curl -s -X POST {endpoint}{INBOUND_PATH} -H 'Content-Type: application/json' \\",
            f"    -d '{body}'",
            "then, a moment later, the conversation so far (the function's reply last):",
            f"  curl -s '{endpoint}{OUTBOUND_PATH}?{query}' | python3 -m json.tool",
            "or with the CLI: .venv/bin/two-way-sms send-inbound "
            f"--endpoint-url {endpoint} --from {customer} --to {number} --body 'Hello'",
            f"The topic's payloads also reach the SQS queue {queue_url}.",
            "Tear down with: make demo-down (with the same LOCALSTACK_PORT)",
        ]
    )


# ---- the conversation ---------------------------------------------------------------------


def wait_for(read: Callable[[], T | None], limit: float = WAIT_LIMIT) -> T | None:
    """Poll `read` until it returns something, or None once `limit` seconds have passed."""
    deadline = time.monotonic() + limit
    while True:
        value = read()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(POLL_EVERY)


class Conversation:
    def __init__(self, endpoint: str, responder: Responder, queue_url: str, customer: str):
        self.endpoint = endpoint
        self.responder = responder
        self.queue_url = queue_url
        self.customer = customer
        self.sqs = client("sqs", endpoint)  # built once: the reads below poll every POLL_EVERY
        self.logs = client("logs", endpoint)
        self.expected: list[Expected] = []
        self.sent: dict[str, str] = {}  # inboundMessageId -> the payload's messageKeyword
        self.payloads: list[dict[str, Any]] = []
        self.problems: list[str] = []
        self._seen_outbound: set[str] = set()
        self._posted_at = time.monotonic()

    # ---- reading

    def _since_posted(self) -> float:
        return time.monotonic() - self._posted_at

    def _outbound(self) -> list[dict[str, Any]]:
        return outbound_messages(
            self.endpoint,
            originationNumber=self.responder.number,
            destinationNumber=self.customer,
        )

    def _new_outbound(self, kind: str) -> dict[str, Any] | None:
        for record in self._outbound():
            if record["kind"] == kind and record["messageId"] not in self._seen_outbound:
                self._seen_outbound.add(record["messageId"])
                return record
        return None

    def _receive_payloads(self) -> list[dict[str, Any]]:
        messages = self.sqs.receive_message(
            QueueUrl=self.queue_url, MaxNumberOfMessages=10, WaitTimeSeconds=1
        ).get("Messages", [])
        for message in messages:
            self.sqs.delete_message(QueueUrl=self.queue_url, ReceiptHandle=message["ReceiptHandle"])
        received = [json.loads(json.loads(m["Body"])["Message"]) for m in messages]
        self.payloads.extend(received)
        return received

    def _payload_of(self, inbound_id: str) -> dict[str, Any] | None:
        self._receive_payloads()
        return next((p for p in self.payloads if p.get("inboundMessageId") == inbound_id), None)

    def _every_payload(self) -> bool:
        self._receive_payloads()
        return set(self.sent) <= {p.get("inboundMessageId") for p in self.payloads}

    def _function_log(self, inbound_id: str) -> str | None:
        try:
            for page in self.logs.get_paginator("filter_log_events").paginate(
                logGroupName=self.responder.log_group
            ):
                for event in page["events"]:
                    if f"inbound message {inbound_id} " in event["message"]:
                        return log_message(event["message"])
        except ClientError:  # the log stream appears with the first invocation
            return None
        return None

    # ---- the turns

    def text(self, body: str, keyword: str = "") -> str:
        """The customer texts the number; returns the inbound message ID."""
        print(line("customer -> number", body))
        self._posted_at = time.monotonic()
        outcome = post_inbound(
            self.endpoint,
            {
                "originationNumber": self.customer,
                "destinationNumber": self.responder.number,
                "messageBody": body,
            },
        )
        inbound_id = str(outcome["inboundMessageId"])
        if outcome.get("delivered") is not True:
            self.problems.append(f"{body!r} was not delivered to the topic: {outcome}")
        self.sent[inbound_id] = keyword
        return inbound_id

    def answer(self, kind: str, body: str, why: str, by: str) -> None:
        """Wait for the number's next message of `kind` to the customer and print it."""
        self.expected.append(Expected(kind, body, why))
        record = wait_for(lambda: self._new_outbound(kind))
        if record is None:
            print(line("number -> customer", f"(nothing within {WAIT_LIMIT:.0f} s)"))
            return
        seconds = self._since_posted()
        if record["messageBody"] == body:
            note = f"{kind} {by}: {why}, {seconds:.1f} s after the message"
        else:
            note = f"{kind} {by}, {seconds:.1f} s after the message: NOT the expected {why}"
        print(line("number -> customer", str(record["messageBody"]), note))

    def join(self) -> None:
        answer = self.responder.join_answer()
        inbound_id = self.text(JOIN_TEXT, keyword="JOIN")
        self.answer("AutoResponse", answer, "keyword JOIN", "sent by the number itself")
        payload = wait_for(lambda: self._payload_of(inbound_id))
        if payload is None:
            print(line("topic", f"(its SQS subscriber got nothing within {WAIT_LIMIT:.0f} s)"))
        else:
            print(line("topic", 'still published it, with messageKeyword "JOIN":'))
            print(textwrap.indent(json.dumps(payload, indent=2), " " * (WHO_WIDTH + 2)))
        logged = wait_for(lambda: self._function_log(inbound_id))
        if logged is None:
            self.problems.append(
                f"the function's log never mentioned the JOIN message ({inbound_id})"
            )
            print(line("function", f"(no log line within {WAIT_LIMIT:.0f} s)"))
            return
        print(
            line(
                "function",
                logged,
                f"its log, {self._since_posted():.1f} s after the message; the function's "
                "first invocation started its process",
            )
        )
        if "no reply, keyword JOIN" not in logged:
            self.problems.append(f"the function did not leave the JOIN message alone: {logged}")

    def reply(self, body: str, expected: str, why: str) -> None:
        self.text(body)
        self.answer("SendTextMessage", expected, why, f"by the function {self.function}")

    @property
    def function(self) -> str:
        return self.responder.function_name

    def run(self) -> list[str]:
        rules = self.responder.keyword_rules()
        if not rules or self.responder.default_reply is None:
            raise DeploymentError(
                f"{EXAMPLE}: the function needs a keyword rule and a default reply"
            )
        print(f"\nA customer ({self.customer}) texts {self.responder.number}:\n")
        self.join()
        print()
        rule = rules[0]
        self.reply(rule.sample_text(), rule.reply, rule.describe())
        print()
        self.reply(NO_RULE_TEXT, self.responder.default_reply, "default reply, no rule matched")
        time.sleep(SETTLE)
        self.problems += outbound_problems(self._outbound(), self.expected)
        wait_for(self._every_payload)
        self._receive_payloads()  # one more look, for duplicates
        self.problems += payload_problems(self.payloads, self.sent)
        return self.problems


# ---- set up, run, keep or tear down --------------------------------------------------------


def _kept_dir(project_root: Path) -> Path:
    return project_root / ".cache" / "demo"


def _print_deployment(responder: Responder) -> None:
    rules = ", ".join(r.describe().removeprefix("rule ") for r in responder.rules)
    print(f"  number    {responder.number} ({responder.number_id})")
    print(f"  topic     {responder.topic_arn}, encrypted with {responder.kms_key_arn}")
    print(f"  role      {responder.channel_role_arn} (publishes for the number)")
    print(f"  keywords  {', '.join(sorted(responder.keywords))} (answered by the number)")
    print(f"  function  {responder.function_name} on the topic; rules {rules}, default reply")


def run(project_root: Path, keep: bool) -> int:
    settings = Settings.from_env(root=project_root)
    started_at = time.monotonic()
    started = leases.up(settings)
    how = "started" if started.started else "reused"
    print(f"LocalStack {how} at {started.endpoint} in {time.monotonic() - started_at:.1f} s")
    kept = _kept_dir(project_root) if keep else None
    if kept is not None:
        shutil.rmtree(kept, ignore_errors=True)
        kept.mkdir(parents=True)
    problems: list[str] = []
    try:
        variables = {"name": f"demo-{uuid.uuid4().hex[:6]}"}
        print(f"Applying {EXAMPLE} (name {variables['name']}) ...", flush=True)
        applying = time.monotonic()
        with applied_root(project_root, EXAMPLE, started.endpoint, variables, keep_in=kept) as root:
            print(f"  applied in {time.monotonic() - applying:.1f} s")
            responder = Responder.read(started.endpoint, root.outputs)
            _print_deployment(responder)
            subscriber = subscribe_queue(
                started.endpoint,
                responder.topic_arn,
                f"demo-subscriber-{uuid.uuid4().hex[:8]}",
                raw=False,
            )
            if kept is not None:
                state = {"variables": variables, "queue_url": subscriber.queue_url}
                (kept / "demo.json").write_text(json.dumps(state))
            try:
                problems = Conversation(
                    started.endpoint, responder, subscriber.queue_url, CUSTOMER
                ).run()
            finally:
                if kept is None:
                    _remove_subscriber(started.endpoint, subscriber.queue_url)
            if problems:
                print("\nFAILED:\n" + "\n".join(f"  - {p}" for p in problems))
            else:
                summary = (
                    "Every expected message arrived exactly once: JOIN's auto-response and no "
                    "reply from the function to it, the two replies of the function, and the "
                    "three payloads on the topic."
                )
                print("\n" + textwrap.fill(summary, width=98))
            if kept is not None:
                rules = responder.keyword_rules()
                text = rules[-1].sample_text()
                print(
                    "\n"
                    + send_more_help(
                        started.endpoint, responder.number, CUSTOMER, text, subscriber.queue_url
                    )
                )
            else:
                print(f"\nDestroying {EXAMPLE} ...", flush=True)
                destroying = time.monotonic()
        if kept is None:
            print(f"  destroyed in {time.monotonic() - destroying:.1f} s")
    finally:
        if kept is None and started.started:
            leases.down(settings)
            print("Stopped LocalStack.")
    return 1 if problems else 0


def _remove_subscriber(endpoint: str, queue_url: str) -> None:
    """Delete the demo's queue; its subscription goes with the topic (Terraform destroys it)."""
    with contextlib.suppress(ClientError):  # already gone
        client("sqs", endpoint).delete_queue(QueueUrl=queue_url)


def down(project_root: Path) -> int:
    kept = _kept_dir(project_root)
    root = kept / "src" / EXAMPLE
    settings = Settings.from_env(root=project_root)
    if root.is_dir() and (kept / "demo.json").is_file() and health.health(settings) is not None:
        state = json.loads((kept / "demo.json").read_text())
        _remove_subscriber(settings.endpoint, state["queue_url"])
        env = localstack_terraform_env(project_root, settings.endpoint, REGION)
        tf = tftest.TerraformTest(str(root), env=env)
        tf.env = env
        tf.destroy(tf_vars=state["variables"])
        print(f"Destroyed the kept demo ({state['variables']['name']}).")
    shutil.rmtree(kept, ignore_errors=True)
    if leases.down(settings):
        print("Stopped LocalStack.")
    return 0


SETUP_ERRORS = (
    LocalStackError,
    CliError,
    DeploymentError,
    tftest.TerraformTestError,
    BotoCoreError,
    ClientError,
    urllib.error.URLError,
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", action="store_true", help="leave everything running")
    parser.add_argument("--down", action="store_true", help="tear a kept demo down")
    args = parser.parse_args(argv)
    try:
        return down(PROJECT_ROOT) if args.down else run(PROJECT_ROOT, args.keep)
    except SETUP_ERRORS as error:
        print(f"error: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
