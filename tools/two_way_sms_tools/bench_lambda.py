"""Cold start and warm invocations of the host-python Lambda executor, for `make bench` and
the end-to-end test that checks the measurement itself (tests/e2e/test_lambda_host_executor.py).

A python3.12 function that imports boto3 at module level, as the responder does, so the cold
start includes what a real function pays: process start, the SDK import, the handler.
"""

from __future__ import annotations

import base64
import io
import json
import re
import statistics
import time
import uuid
import zipfile
from dataclasses import dataclass
from typing import Any

from two_way_sms_tools.bench_routing import percentile

TIMED_HANDLER = """
import os
import boto3


def handler(event, context):
    return {"pid": os.getpid(), "boto3": boto3.__version__}
"""
ACTIVE_WITHIN = 180.0  # seconds: CreateFunction until the version is no longer Pending


@dataclass(frozen=True)
class LambdaTimings:
    create_to_active_s: float  # CreateFunction until State Active (code copied, runtime ready)
    first_invoke_s: float  # the first Invoke's round trip: process start, import, handler
    init_duration_ms: float  # the runtime's own Init Duration (REPORT line) of that first one
    warm_invoke_s: list[float]  # round trips of the following invocations
    warm_pids: set[int]  # processes that answered the warm invocations

    @property
    def cold_start_s(self) -> float:
        return self.create_to_active_s + self.first_invoke_s

    def warm_percentile_ms(self, q: float) -> float:
        return percentile(self.warm_invoke_s, q) * 1000

    def summary(self) -> str:
        return (
            f"cold start {self.cold_start_s * 1000:.0f} ms (create->Active "
            f"{self.create_to_active_s * 1000:.0f} ms + first invoke "
            f"{self.first_invoke_s * 1000:.0f} ms, Init Duration {self.init_duration_ms:.0f} ms); "
            f"warm invoke median {statistics.median(self.warm_invoke_s) * 1000:.1f} ms, "
            f"p90 {self.warm_percentile_ms(0.9):.1f} ms over {len(self.warm_invoke_s)}"
        )


def zip_of(files: dict[str, str]) -> bytes:
    """A zip archive of `files` (name -> text), as CreateFunction's ZipFile takes it."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in files.items():
            archive.writestr(name, text)
    return buffer.getvalue()


def _wait_until_active(lambda_client: Any, name: str) -> None:
    deadline = time.monotonic() + ACTIVE_WITHIN
    while True:
        configuration = lambda_client.get_function(FunctionName=name)["Configuration"]
        if configuration["State"] == "Active":
            return
        if configuration["State"] != "Pending" or time.monotonic() > deadline:
            raise RuntimeError(f"function {name} did not become Active: {configuration}")
        time.sleep(0.05)  # short: this wait is part of the measured cold start


def _invoke(lambda_client: Any, name: str, log_tail: bool) -> tuple[dict[str, Any], str]:
    """The decoded payload and, with `log_tail`, the invocation's log tail."""
    extra = {"LogType": "Tail"} if log_tail else {}
    answer = lambda_client.invoke(FunctionName=name, Payload=b"{}", **extra)
    payload = json.loads(answer["Payload"].read() or b"null")
    if "FunctionError" in answer:
        raise RuntimeError(f"function {name} failed: {payload}")
    return payload, base64.b64decode(answer.get("LogResult", "")).decode()


def cold_and_warm_timings(lambda_client: Any, role_arn: str, warm: int = 20) -> LambdaTimings:
    """Create a python3.12 function, invoke it once cold and `warm` times warm; deletes it."""
    name = f"bench-{uuid.uuid4().hex[:12]}"
    started = time.perf_counter()
    lambda_client.create_function(
        FunctionName=name,
        Runtime="python3.12",
        Role=role_arn,
        Handler="lambda_function.handler",
        Code={"ZipFile": zip_of({"lambda_function.py": TIMED_HANDLER})},
        Timeout=30,
    )
    try:
        _wait_until_active(lambda_client, name)
        active = time.perf_counter()
        _, logs = _invoke(lambda_client, name, log_tail=True)
        first_done = time.perf_counter()
        init = re.search(r"Init Duration: ([\d.]+) ms", logs)
        if init is None:
            raise RuntimeError(f"the first invocation reported no Init Duration: {logs}")
        rounds, pids = [], set()
        for _ in range(warm):
            began = time.perf_counter()
            payload, _ = _invoke(lambda_client, name, log_tail=False)
            rounds.append(time.perf_counter() - began)
            pids.add(int(payload["pid"]))
        return LambdaTimings(
            create_to_active_s=active - started,
            first_invoke_s=first_done - active,
            init_duration_ms=float(init.group(1)),
            warm_invoke_s=rounds,
            warm_pids=pids,
        )
    finally:
        lambda_client.delete_function(FunctionName=name)
