"""The benchmark's pure parts: the conversation leg's counting (replies per customer, round
trips, the emulator's timestamps), its reply poller against a stand-in outbound log, the
executor timings' summary, and the choice of parts."""

from __future__ import annotations

import json
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, ClassVar

import pytest

from two_way_sms.identifiers import is_e164
from two_way_sms_tools import bench
from two_way_sms_tools.bench_conversation import (
    ConversationResult,
    ReplyPoller,
    customers,
    first_reply_stamps,
    percentile,
    replies_by_customer,
    round_trips_ms,
)
from two_way_sms_tools.bench_lambda import LambdaTimings
from two_way_sms_tools.bench_routing import PathResult

RULE = "We are open 9 to 5."


def _reply(customer: str, body: str = RULE, at: str = "2026-11-27T10:00:00+00:00") -> dict:
    return {
        "kind": "SendTextMessage",
        "destinationNumber": customer,
        "messageBody": body,
        "timestamp": at,
    }


def test_customers_are_distinct_e164_numbers() -> None:
    numbers = customers(201)
    assert len(set(numbers)) == 201
    assert all(is_e164(n) for n in numbers)
    assert customers(2, start=5) == numbers[5:7]


def test_replies_are_counted_per_customer_and_other_texts_apart() -> None:
    records = [
        _reply("+1"),
        _reply("+2"),
        _reply("+2"),  # a duplicate
        _reply("+3", body="Thanks, we will text you back."),  # another rule's text
        {"kind": "AutoResponse", "destinationNumber": "+4", "messageBody": RULE},
    ]
    right, wrong = replies_by_customer(records, RULE)
    assert right == {"+1": 1, "+2": 2}
    assert wrong == 1


def test_round_trips_only_for_customers_with_a_reply() -> None:
    posted = {"+1": 10.0, "+2": 11.0, "+3": 12.0}
    seen = {"+1": 10.25, "+3": 12.5, "+9": 1.0}
    assert round_trips_ms(posted, seen) == [250.0, 500.0]


def test_first_reply_stamps_keep_each_customers_earliest_reply() -> None:
    records = [
        _reply("+1", at="2026-11-27T10:00:01.500000+00:00"),
        _reply("+1", at="2026-11-27T10:00:01.250000+00:00"),
        _reply("+2", at="2026-11-27T10:00:02+00:00"),
        {
            "kind": "AutoResponse",
            "destinationNumber": "+3",
            "timestamp": "2026-11-27T10:00:00+00:00",
        },
    ]
    stamps = first_reply_stamps(records)
    assert set(stamps) == {"+1", "+2"}
    assert stamps["+2"] - stamps["+1"] == pytest.approx(0.75)


def test_percentile_is_a_nearest_rank() -> None:
    values = [float(v) for v in range(1, 101)]
    assert percentile(values, 0.5) == 51.0  # round(0.5 * 99) = 50 -> the 51st value
    assert percentile(values, 0.99) == 99.0
    assert percentile([7.0], 0.99) == 7.0


class _OutboundLog(BaseHTTPRequestHandler):
    """A stand-in for GET /_aws/sms-voice/outbound-messages (the emulator's answer shape)."""

    records: ClassVar[list[dict[str, Any]]] = []  # each test gets a subclass of its own
    paths: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        self.paths.append(self.path)
        body = json.dumps({"outboundMessages": list(self.records)}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def outbound_log() -> Iterator[tuple[str, type[_OutboundLog]]]:
    handler = type("Handler", (_OutboundLog,), {"records": [], "paths": []})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", handler
    server.shutdown()
    server.server_close()


def _until(condition: Callable[[], bool], limit: float = 10.0) -> None:
    """Wait for the poller's thread; the limit only gives up."""
    deadline = time.monotonic() + limit
    while not condition():
        assert time.monotonic() < deadline, "the poller made no progress"
        time.sleep(0.005)


def test_the_poller_notes_when_each_customers_first_reply_was_seen(
    outbound_log: tuple[str, type[_OutboundLog]],
) -> None:
    endpoint, log = outbound_log
    poller = ReplyPoller(endpoint, "+18335550100", interval=0.01)
    log.records.append({"kind": "AutoResponse", "destinationNumber": "+1"})
    poller.start()
    try:
        _until(lambda: len(poller.get_seconds) >= 2)
        assert poller.seen == {}  # an auto-response is not the function's reply
        before = time.perf_counter()
        log.records.append(_reply("+1"))
        _until(lambda: "+1" in poller.seen)
        first_seen = poller.seen["+1"]
        assert first_seen >= before
        log.records.append(_reply("+1"))  # a later duplicate does not move the first sighting
        polls = len(poller.get_seconds)
        _until(lambda: len(poller.get_seconds) >= polls + 2)
    finally:
        poller.stop()
    assert poller.error is None
    assert poller.seen == {"+1": first_seen}
    assert log.paths[0] == "/_aws/sms-voice/outbound-messages?originationNumber=%2B18335550100"


def test_a_failing_outbound_log_is_reported_by_the_poller() -> None:
    poller = ReplyPoller("http://127.0.0.1:9", "+18335550100", interval=0.01)  # nothing listens
    poller.start()
    poller.join(timeout=5)
    assert isinstance(poller.error, OSError)
    poller.stop()


def test_the_executor_timings_summary() -> None:
    timings = LambdaTimings(
        create_to_active_s=0.3,
        first_invoke_s=0.6,
        init_duration_ms=480.0,
        warm_invoke_s=[0.04] * 9 + [0.1],
        warm_pids={123},
    )
    assert timings.cold_start_s == pytest.approx(0.9)
    assert timings.summary() == (
        "cold start 900 ms (create->Active 300 ms + first invoke 600 ms, Init Duration 480 ms); "
        "warm invoke median 40.0 ms, p90 40.0 ms over 10"
    )


def test_an_unknown_part_is_refused_before_anything_runs(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert bench.main(["routing", "conversations"]) == 2
    assert capsys.readouterr().out == (
        "unknown part(s) conversations: choose from offline routing conversation e2e\n"
    )


def test_the_details_name_every_figure() -> None:
    path = PathResult("inbound SMS -> reply", 2, 1.0, [200.0, 400.0], Counter({"+1": 1, "+2": 1}))
    result = ConversationResult(
        path=path,
        customers=["+1", "+2"],
        wrong=0,
        stamped_round_trips_ms=[150.0, 350.0],
        posting_s=0.5,
        post_ms=[40.0, 60.0],
        first_reply_s=1.25,
        poll_interval_s=0.05,
        poll_get_ms=10.0,
        environments=2,
        apply_s=55.0,
        destroy_s=33.0,
    )
    assert result.details().splitlines() == [
        "  posted               2 in 0.5 s (4.0/s); one POST p50 50.0 ms, p99 60.0 ms",
        "  unpolled round trip  p50 250.0 ms, p99 350.0 ms (POST until the emulator recorded the "
        "reply)",
        "  polling              a GET every 50 ms, 10.0 ms each: adds up to 60 ms to a polled "
        "round trip",
        "  wrong replies        0 (another text than the rule's)",
        "  first reply          1.25 s (the function's cold start included)",
        "  environments         2 started (LocalStack invokes a function at most min(32, cores + "
        "4) times at once)",
        "  apply / destroy      55.0 s / 33.0 s",
    ]
