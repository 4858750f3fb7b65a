#!/usr/bin/env python3
"""Benchmarks: print figures, never fail on time.

Offline tier: wall time of `pytest tests/offline` as `make test` runs it, and how many
Terraform CLI processes it starts (counted by a `terraform` shim put first on PATH).
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

PROJECT = Path(__file__).resolve().parents[1]


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
        command = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q",
                   "-n", "2", "--dist", "loadgroup", "tests/offline"]  # fmt: skip
        started = time.perf_counter()
        result = subprocess.run(command, cwd=PROJECT, env=env, capture_output=True, text=True)
        wall = time.perf_counter() - started
        calls = Counter(log.read_text().split()) if log.exists() else Counter()
    summary = (result.stdout.strip().splitlines() or ["(no output)"])[-1]
    print("offline tier (pytest -n 2 tests/offline)")
    print(f"  wall time            {wall:6.1f} s   (target: 60 s or less)")
    print(
        f"  terraform processes  {sum(calls.values()):6d}     "
        + ", ".join(f"{name} {count}" for name, count in calls.most_common())
    )
    print(f"  result               {summary}")


if __name__ == "__main__":
    bench_offline_tier()
