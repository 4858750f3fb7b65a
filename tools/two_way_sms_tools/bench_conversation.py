"""The conversation leg of `make bench`: inbound SMS answered by the responder function.

examples/responder is applied to the bench's LocalStack. One message first, untimed: its reply
includes the function's cold start. Then MESSAGES inbound messages, each from a customer of its
own and each matching the same keyword rule, are posted one after another by one client (on
one keep-alive connection, without waiting for replies), while a second thread polls the
emulator's outbound log (GET /_aws/sms-voice/outbound-messages) for the replies.

- replies per second: replies seen / (first POST until the last reply seen);
- round trip: a message's POST until its reply is first seen by the poller. Polling adds up to
  one interval plus one GET to each, so the emulator's own timestamp of each reply (taken when
  the function's SendTextMessage is recorded, on the same clock) gives the same round trip
  without the poller; both are printed;
- lost (no reply with the rule's text), duplicated (more than one), wrong (another text);
- execution environments the executor started (the function's REPORT lines with an Init
  Duration), and the executor's cold and warm invocation times (bench_lambda).
"""

from __future__ import annotations

import json
import statistics
import threading
import time
import uuid
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from two_way_sms.cli.inbound_client import INBOUND_PATH
from two_way_sms_tools.bench_lambda import LambdaTimings, cold_and_warm_timings
from two_way_sms_tools.bench_routing import PathResult, open_connection, percentile
from two_way_sms_tools.localstack.clients import client
from two_way_sms_tools.responder_deployment import (
    EXAMPLE,
    OUTBOUND_PATH,
    Responder,
    outbound_messages,
)
from two_way_sms_tools.terraform.localstack_apply import applied_root

MESSAGES = 200
POLL_INTERVAL = 0.05  # seconds between two GETs of the outbound log
QUIET_LIMIT = 60.0  # give up waiting once no new reply came for this long
FIRST_REPLY_LIMIT = 120.0  # the first reply starts the function's process
SETTLE = 3.0  # after the last reply, for late duplicates
REPLY = "SendTextMessage"


def customers(count: int, start: int = 0) -> list[str]:
    """Distinct customer numbers (+1 425 55x xxxx)."""
    return [f"+1425{5500000 + start + i:07d}" for i in range(count)]


def replies_by_customer(
    records: Iterable[Mapping[str, Any]], expected_body: str
) -> tuple[Counter[str], int]:
    """Replies with the expected text per customer, and how many replies had another text."""
    right: Counter[str] = Counter()
    wrong = 0
    for record in records:
        if record.get("kind") != REPLY:
            continue
        if record.get("messageBody") == expected_body:
            right[str(record["destinationNumber"])] += 1
        else:
            wrong += 1
    return right, wrong


def round_trips_ms(posted: Mapping[str, float], seen: Mapping[str, float]) -> list[float]:
    """Milliseconds from each customer's POST to its reply, for the customers that got one."""
    return [(seen[c] - posted[c]) * 1000 for c in posted if c in seen]


def first_reply_stamps(records: Iterable[Mapping[str, Any]]) -> dict[str, float]:
    """The emulator's timestamp (epoch seconds) of each customer's first reply."""
    stamps: dict[str, float] = {}
    for record in records:
        if record.get("kind") == REPLY:
            stamp = datetime.fromisoformat(str(record["timestamp"])).timestamp()
            customer = str(record["destinationNumber"])
            stamps[customer] = min(stamp, stamps.get(customer, stamp))
    return stamps


class _Http:
    """One keep-alive HTTP/1.1 connection to LocalStack (no SDK: as the routing leg)."""

    def __init__(self, endpoint: str):
        self.connection = open_connection(endpoint)

    def call(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        payload = json.dumps(body) if body is not None else None
        headers = {"Content-Type": "application/json"}
        self.connection.request(method, path, payload, headers)
        response = self.connection.getresponse()
        answer = response.read()
        if response.status != 200:
            raise RuntimeError(f"{method} {path}: HTTP {response.status}: {answer[:300]!r}")
        return json.loads(answer)

    def close(self) -> None:
        self.connection.close()


class ReplyPoller(threading.Thread):
    """Polls the outbound log for the number's replies; notes when each customer's first
    reply was seen (time.perf_counter, after the GET that returned it)."""

    def __init__(self, endpoint: str, number: str, interval: float = POLL_INTERVAL):
        super().__init__(name="reply-poller", daemon=True)
        self.http = _Http(endpoint)
        self.path = f"{OUTBOUND_PATH}?{urlencode({'originationNumber': number})}"
        self.interval = interval
        self.seen: dict[str, float] = {}
        self.get_seconds: list[float] = []
        self.error: BaseException | None = None
        self._stop_polling = threading.Event()

    def poll(self) -> list[dict[str, Any]]:
        began = time.perf_counter()
        records: list[dict[str, Any]] = self.http.call("GET", self.path)["outboundMessages"]
        now = time.perf_counter()
        self.get_seconds.append(now - began)
        for record in records:
            if record["kind"] == REPLY:
                self.seen.setdefault(str(record["destinationNumber"]), now)
        return records

    def run(self) -> None:
        try:
            while not self._stop_polling.is_set():
                self.poll()
                self._stop_polling.wait(self.interval)
        except BaseException as error:  # reported by the main thread
            self.error = error

    def stop(self) -> None:
        self._stop_polling.set()
        self.join()
        self.http.close()


@dataclass
class ConversationResult:
    path: PathResult  # the timed messages: rate, round trips (polled), lost, duplicated
    customers: list[str]
    wrong: int
    stamped_round_trips_ms: list[float]  # from the emulator's timestamps, no polling
    posting_s: float
    post_ms: list[float]  # each inbound POST's own round trip
    first_reply_s: float
    poll_interval_s: float
    poll_get_ms: float
    environments: int
    apply_s: float
    destroy_s: float = 0.0
    lambda_timings: LambdaTimings | None = None
    notes: list[str] = field(default_factory=list)

    def details(self) -> str:
        posted, stamped = self.post_ms, self.stamped_round_trips_ms
        poll_ms = self.poll_interval_s * 1000
        count = len(self.customers)
        rows = [
            (
                "posted",
                f"{count} in {self.posting_s:.1f} s ({count / self.posting_s:.1f}/s); one POST "
                f"p50 {statistics.median(posted):.1f} ms, p99 {percentile(posted, 0.99):.1f} ms",
            ),
            (
                "unpolled round trip",
                f"p50 {statistics.median(stamped):.1f} ms, p99 {percentile(stamped, 0.99):.1f} ms "
                "(POST until the emulator recorded the reply)"
                if stamped
                else "no replies",
            ),
            (
                "polling",
                f"a GET every {poll_ms:.0f} ms, {self.poll_get_ms:.1f} ms each: adds up to "
                f"{poll_ms + self.poll_get_ms:.0f} ms to a polled round trip",
            ),
            ("wrong replies", f"{self.wrong} (another text than the rule's)"),
            ("first reply", f"{self.first_reply_s:.2f} s (the function's cold start included)"),
            (
                "environments",
                f"{self.environments} started (LocalStack invokes a function at most "
                "min(32, cores + 4) times at once)",
            ),
            ("apply / destroy", f"{self.apply_s:.1f} s / {self.destroy_s:.1f} s"),
        ]
        if self.lambda_timings is not None:
            rows.append(("executor", self.lambda_timings.summary()))
        rows += [("note", note) for note in self.notes]
        return "\n".join(f"  {label:<21}{value}" for label, value in rows)


def _execution_environments(endpoint: str, log_group: str) -> int:
    """REPORT lines with an Init Duration: one per execution environment the executor started."""
    logs = client("logs", endpoint)
    return sum(
        1
        for page in logs.get_paginator("filter_log_events").paginate(logGroupName=log_group)
        for event in page["events"]
        if event["message"].startswith("REPORT ") and "Init Duration" in event["message"]
    )


def _post_inbound(http: _Http, customer: str, number: str, text: str) -> Any:
    """One inbound message from `customer` to `number`; the emulator's answer."""
    return http.call(
        "POST",
        INBOUND_PATH,
        {"originationNumber": customer, "destinationNumber": number, "messageBody": text},
    )


def _first_reply(endpoint: str, responder: Responder, text: str, customer: str) -> float:
    """Seconds from one POST to its reply: the warm-up message, untimed in the figures."""
    http = _Http(endpoint)
    poller = ReplyPoller(endpoint, responder.number)
    try:
        began = time.perf_counter()
        answer = _post_inbound(http, customer, responder.number, text)
        if not answer["delivered"]:
            raise RuntimeError(f"the first message was dropped: {answer['reason']}")
        while customer not in poller.seen:
            if time.perf_counter() - began > FIRST_REPLY_LIMIT:
                raise RuntimeError(f"no reply to the first message within {FIRST_REPLY_LIMIT} s")
            poller.poll()
            time.sleep(POLL_INTERVAL)
        return poller.seen[customer] - began
    finally:
        http.close()
        poller.http.close()


def converse(endpoint: str, responder: Responder, count: int = MESSAGES) -> ConversationResult:
    """The measurement on an applied examples/responder (see the module's docstring)."""
    rule = responder.keyword_rules()[0]
    text = rule.sample_text()
    warm_up, *timed = customers(count + 1)
    first_reply_s = _first_reply(endpoint, responder, text, warm_up)

    http = _Http(endpoint)
    poller = ReplyPoller(endpoint, responder.number)
    posted: dict[str, float] = {}
    posted_wall: dict[str, float] = {}
    post_ms: list[float] = []
    dropped: list[str] = []
    poller.start()
    try:
        started = time.perf_counter()
        for customer in timed:
            posted_wall[customer] = time.time()
            posted[customer] = time.perf_counter()
            answer = _post_inbound(http, customer, responder.number, text)
            post_ms.append((time.perf_counter() - posted[customer]) * 1000)
            if not answer["delivered"]:
                dropped.append(str(answer["reason"]))
        posting_s = time.perf_counter() - started
        last_count, last_change = 0, time.perf_counter()
        # The poller's `seen` has the warm-up's reply too; len() is safe across threads.
        while len(poller.seen) < count + 1 and poller.error is None:
            if len(poller.seen) != last_count:
                last_count, last_change = len(poller.seen), time.perf_counter()
            elif time.perf_counter() - last_change > QUIET_LIMIT:
                break
            time.sleep(0.1)
        time.sleep(SETTLE)
    finally:
        poller.stop()
        http.close()
    if poller.error is not None:
        raise RuntimeError(f"polling the outbound log failed: {poller.error}") from poller.error
    records = outbound_messages(endpoint, originationNumber=responder.number)
    right, wrong = replies_by_customer(records, rule.reply)
    seen = {c: t for c, t in poller.seen.items() if c in posted}
    last_seen = max(seen.values(), default=time.perf_counter())
    stamps = first_reply_stamps(records)
    result = ConversationResult(
        path=PathResult(
            name="inbound SMS -> reply",
            sent=len(seen),
            seconds=last_seen - started,
            latencies_ms=round_trips_ms(posted, seen),
            received=right,
        ),
        customers=timed,
        wrong=wrong,
        stamped_round_trips_ms=round_trips_ms(posted_wall, stamps),
        posting_s=posting_s,
        post_ms=post_ms,
        first_reply_s=first_reply_s,
        poll_interval_s=poller.interval,
        poll_get_ms=statistics.mean(poller.get_seconds) * 1000,
        environments=_execution_environments(endpoint, responder.log_group),
        apply_s=0.0,
    )
    if dropped:
        result.notes.append(f"{len(dropped)} messages were dropped: {dropped[0]}")
    return result


def bench_conversation(
    project_root: Path, endpoint: str, count: int = MESSAGES
) -> ConversationResult:
    """Apply examples/responder, time the executor, converse, destroy."""
    variables = {"name": f"bench-{uuid.uuid4().hex[:6]}"}
    applying = time.perf_counter()
    with applied_root(project_root, EXAMPLE, endpoint, variables) as root:
        apply_s = time.perf_counter() - applying
        responder = Responder.read(endpoint, root.outputs)
        timings = cold_and_warm_timings(
            client("lambda", endpoint), root.outputs["responder_role_arn"], warm=20
        )
        result = converse(endpoint, responder, count)
        result.apply_s, result.lambda_timings = apply_s, timings
        destroying = time.perf_counter()
    result.destroy_s = time.perf_counter() - destroying
    return result
