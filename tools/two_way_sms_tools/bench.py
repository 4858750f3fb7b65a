"""Benchmarks: print figures, never fail on time.

- offline tier: wall time of `pytest -n 2 tests/offline` and how many Terraform CLI processes
  it starts (a `terraform` shim first on PATH counts them);
- LocalStack: cold start time of a fresh instance on a spare port (with the emulator);
- routing: 1,000 inbound SMS routed by the emulator versus 1,000 raw SNS publishes to the same
  KMS-encrypted topic, side by side: messages/s, p50/p99 latency, lost and duplicated;
- conversation: examples/responder applied to the same LocalStack, 200 inbound messages each
  answered by the responder function (bench_conversation): replies/s, p50/p99 round trip from
  the inbound POST to the reply, lost and duplicated replies, and the host-python executor's
  cold and warm invocations (bench_lambda), printed in one table with the routing figures;
- end-to-end tier: wall time of `pytest -n 2 -m e2e tests/e2e`.

`make bench` or `scripts/bench.py [offline] [routing] [conversation] [e2e]` runs a subset
(default: all).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from two_way_sms_tools import bench_conversation, bench_routing
from two_way_sms_tools.localstack import leases
from two_way_sms_tools.localstack.settings import Settings
from two_way_sms_tools.project import PROJECT_ROOT as PROJECT

MESSAGES = 1000
# Its own LocalStack, so the start time is a cold start (another port if 4610 is taken).
BENCH_PORT = os.environ.get("BENCH_LOCALSTACK_PORT") or "4610"


def _pytest(args: list[str], env: dict[str, str]) -> tuple[float, str]:
    command = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", *args]
    started = time.perf_counter()
    result = subprocess.run(command, cwd=PROJECT, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - started
    return wall, (result.stdout.strip().splitlines() or ["(no output)"])[-1]


def bench_offline_tier() -> None:
    real = shutil.which("terraform")
    if real is None:
        raise SystemExit("terraform is not on PATH")
    with tempfile.TemporaryDirectory(prefix="two-way-sms-bench-") as tmp:
        log = Path(tmp) / "terraform-calls.log"
        shim = Path(tmp) / "terraform"
        shim.write_text(f'#!/bin/sh\necho "$1" >> "{log}"\nexec "{real}" "$@"\n')
        shim.chmod(0o755)
        env = {**os.environ, "PATH": f"{tmp}{os.pathsep}{os.environ['PATH']}"}
        wall, summary = _pytest(["-n", "2", "--dist", "loadgroup", "tests/offline"], env)
        calls = Counter(log.read_text().split()) if log.exists() else Counter()
    print("offline tier (pytest -n 2 tests/offline)")
    print(f"  wall time            {wall:7.1f} s   (target: 60 s or less)")
    counted = ", ".join(f"{name} {count}" for name, count in calls.most_common())
    print(f"  terraform processes  {sum(calls.values()):7d}     {counted}")
    print(f"  result               {summary}\n")


def bench_on_localstack(routing: bool, conversation: bool) -> None:
    """Routing and conversation legs on one LocalStack of the bench's own."""
    settings = Settings.from_env({**os.environ, "LOCALSTACK_PORT": BENCH_PORT}, root=PROJECT)
    started_at = time.perf_counter()
    started = leases.up(settings)
    try:
        print(f"LocalStack with the emulator on port {BENCH_PORT}")
        how = "cold start" if started.started else "already running (reused)"
        print(f"  ready in             {time.perf_counter() - started_at:7.1f} s   ({how})\n")
        rows: list[tuple[bench_routing.PathResult, list[str]]] = []
        if routing:
            setup = bench_routing.set_up(started.endpoint)
            try:
                rows.append(bench_routing.raw_publishes(started.endpoint, setup, MESSAGES))
                rows.append(bench_routing.routed_messages(started.endpoint, setup, MESSAGES))
            finally:
                setup.cleanup()
        talk = None
        if conversation:
            talk = bench_conversation.bench_conversation(PROJECT, started.endpoint)
            rows.append((talk.path, talk.customers))
        print(_legs_heading(routing, conversation))
        print(bench_routing.report(rows))
        if routing:
            ratio = rows[1][0].rate / rows[0][0].rate
            print(f"  routed / raw throughput: {ratio:.2f}   (target: 0.50 or more)")
        if talk is not None:
            print(talk.details())
        print()
    finally:
        if started.started:
            leases.down(settings)


def _legs_heading(routing: bool, conversation: bool) -> str:
    lines = []
    if routing:
        lines.append(
            f"routing: {MESSAGES} messages each, one sequential client, same encrypted topic "
            "(ms: one request)"
        )
    if conversation:
        lines.append(
            f"conversation: {bench_conversation.MESSAGES} messages to examples/responder, one "
            "customer each\n  (msgs/s: replies per second; ms: POST until the reply was seen)"
        )
    return "\n".join(lines)


def bench_e2e_tier() -> None:
    wall, summary = _pytest(
        ["-n", "2", "--dist", "loadgroup", "-m", "e2e", "tests/e2e"], {**os.environ}
    )
    print("end-to-end tier (pytest -n 2 -m e2e tests/e2e)")
    print(f"  wall time            {wall:7.1f} s")
    print(f"  result               {summary}\n")


PARTS = ("offline", "routing", "conversation", "e2e")


def main(argv: list[str]) -> int:
    wanted = set(argv) or set(PARTS)
    unknown = sorted(wanted - set(PARTS))
    if unknown:
        print(f"unknown part(s) {', '.join(unknown)}: choose from {' '.join(PARTS)}")
        return 2
    if "offline" in wanted:
        bench_offline_tier()
    if wanted & {"routing", "conversation"}:
        bench_on_localstack("routing" in wanted, "conversation" in wanted)
    if "e2e" in wanted:
        bench_e2e_tier()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
