"""Benchmarks: print figures, never fail on time.

- offline tier: wall time of `pytest -n 2 tests/offline` and how many Terraform CLI processes
  it starts (a `terraform` shim first on PATH counts them);
- LocalStack: cold start time of a fresh instance on a spare port (with the emulator);
- routing: 1,000 inbound SMS routed by the emulator versus 1,000 raw SNS publishes to the same
  KMS-encrypted topic, side by side: messages/s, p50/p99 latency, lost and duplicated;
- end-to-end tier: wall time of `pytest -n 2 -m e2e tests/e2e`.

`make bench` or `scripts/bench.py [offline] [routing] [e2e]` runs a subset (default: all).
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

from two_way_sms_tools import bench_routing
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


def bench_localstack_and_routing() -> None:
    settings = Settings.from_env({**os.environ, "LOCALSTACK_PORT": BENCH_PORT}, root=PROJECT)
    started_at = time.perf_counter()
    started = leases.up(settings)
    try:
        print(f"LocalStack with the emulator on port {BENCH_PORT}")
        how = "cold start" if started.started else "already running (reused)"
        print(f"  ready in             {time.perf_counter() - started_at:7.1f} s   ({how})\n")
        setup = bench_routing.set_up(started.endpoint)
        try:
            raw = bench_routing.raw_publishes(started.endpoint, setup, MESSAGES)
            routed = bench_routing.routed_messages(started.endpoint, setup, MESSAGES)
        finally:
            setup.cleanup()
        print(f"routing: {MESSAGES} messages each, one sequential client, same encrypted topic")
        print(bench_routing.report([raw, routed]))
        ratio = routed[0].rate / raw[0].rate
        print(f"  routed / raw throughput: {ratio:.2f}   (target: 0.50 or more)\n")
    finally:
        if started.started:
            leases.down(settings)


def bench_e2e_tier() -> None:
    wall, summary = _pytest(
        ["-n", "2", "--dist", "loadgroup", "-m", "e2e", "tests/e2e"], {**os.environ}
    )
    print("end-to-end tier (pytest -n 2 -m e2e tests/e2e)")
    print(f"  wall time            {wall:7.1f} s")
    print(f"  result               {summary}\n")


def main(argv: list[str]) -> int:
    wanted = set(argv) or {"offline", "routing", "e2e"}
    if "offline" in wanted:
        bench_offline_tier()
    if "routing" in wanted:
        bench_localstack_and_routing()
    if "e2e" in wanted:
        bench_e2e_tier()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
