"""A function as a host process (process.py with runtime/bootstrap.py), on this Python: warm
reuse, logs, errors, timeouts and resets, and no process left behind - without LocalStack."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from two_way_sms.emulator.lambda_host.process import (
    FunctionProcess,
    InitFailed,
    Invocation,
    Outcome,
)

HANDLER = """
import json, os, signal, subprocess, sys, time
print("init output")
count = 0

def handler(event, context):
    global count
    count += 1
    print(f"event {event}")
    action = event.get("do")
    if action == "sleep":
        time.sleep(event["seconds"])
    elif action == "raise":
        raise ValueError("boom")
    elif action == "exit":
        os._exit(3)
    elif action == "kill":
        os.kill(os.getpid(), signal.SIGKILL)
    elif action == "spawn":
        return {"child": subprocess.Popen(["sleep", "300"]).pid, "pid": os.getpid()}
    elif action == "shout":
        sys.stdout.write("x" * event["size"] + "\\n")
        return "y" * event["size"]
    return {"count": count, "pid": os.getpid(), "cwd": os.getcwd(), "var": os.environ.get("MY_VAR")}
"""


def _task_root(root: Path, source: str = HANDLER) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "app.py").write_text(textwrap.dedent(source))
    return root


def _environment(task_root: Path, handler: str = "app.handler") -> dict[str, str]:
    return {
        "_HANDLER": handler,
        "LAMBDA_TASK_ROOT": str(task_root),
        "PATH": os.environ.get("PATH", os.defpath),
        "AWS_LAMBDA_FUNCTION_VERSION": "$LATEST",
        "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": "128",
        "MY_VAR": "given",
    }


@pytest.fixture
def function(tmp_path: Path) -> Iterator[FunctionProcess]:
    root = _task_root(tmp_path / "task")
    process = FunctionProcess(sys.executable, _environment(root), root)
    process.start(timeout=60)
    yield process
    process.stop()


def _invoke(
    process: FunctionProcess, event: dict[str, Any], request_id: str, timeout: float = 30
) -> tuple[Outcome, Any]:
    outcome = process.invoke(Invocation(request_id, "arn:fn", json.dumps(event), timeout))
    return outcome, json.loads(outcome.payload)


def _gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    try:  # a zombie nobody reaped yet has ended too
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return True
    return state in ("Z", "X")


def _wait_gone(pid: int, within: float = 30) -> bool:
    deadline = time.monotonic() + within
    while not _gone(pid):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def test_warm_invocations_reuse_the_process_and_its_module(
    function: FunctionProcess, tmp_path: Path
) -> None:
    first, answer1 = _invoke(function, {"n": 1}, "r1")
    second, answer2 = _invoke(function, {"n": 2}, "r2")
    assert not first.is_error and not second.is_error
    assert (answer1["count"], answer2["count"]) == (1, 2)
    assert answer1["pid"] == answer2["pid"] == function.pid
    assert answer1["cwd"] == str(tmp_path / "task")
    assert answer1["var"] == "given"


def test_logs_are_the_functions_output_between_start_end_and_report(
    function: FunctionProcess,
) -> None:
    first, _ = _invoke(function, {"n": 1}, "r1")
    second, _ = _invoke(function, {"n": 2}, "r2")
    lines = first.logs.splitlines()
    assert lines[0] == "init output"  # printed while importing: before the first START only
    assert lines[1] == "START RequestId: r1 Version: $LATEST"
    assert lines[2] == "event {'n': 1}"
    assert lines[3] == "END RequestId: r1"
    assert lines[4].startswith("REPORT RequestId: r1\tDuration: ")
    assert "Memory Size: 128 MB" in lines[4]
    assert "Init Duration: " in lines[4]
    assert second.logs.splitlines()[:3] == [
        "START RequestId: r2 Version: $LATEST",
        "event {'n': 2}",
        "END RequestId: r2",
    ]
    assert "Init Duration" not in second.logs


def test_what_the_import_printed_comes_before_the_first_start(tmp_path: Path) -> None:
    noisy = "import sys\nsys.stdout.write('i' * 300_000 + '\\n')\n" + HANDLER
    root = _task_root(tmp_path / "task", noisy)
    process = FunctionProcess(sys.executable, _environment(root), root)
    try:
        process.start(timeout=60)
        outcome, _ = _invoke(process, {"n": 1}, "r1")
    finally:
        process.stop()
    lines = outcome.logs.splitlines()
    assert lines[:3] == ["i" * 300_000, "init output", "START RequestId: r1 Version: $LATEST"]


def test_an_exception_is_an_error_result_and_the_process_stays(function: FunctionProcess) -> None:
    failed, body = _invoke(function, {"do": "raise"}, "r1")
    assert failed.is_error
    assert (body["errorType"], body["errorMessage"]) == ("ValueError", "boom")
    assert "[ERROR] ValueError: boom" in failed.logs
    _, answer = _invoke(function, {}, "r2")
    assert answer["count"] == 2  # same process, same module


def test_a_timeout_is_awss_error_and_the_next_invocation_gets_a_fresh_process(
    function: FunctionProcess,
) -> None:
    _, before = _invoke(function, {}, "r1")
    timed_out, body = _invoke(function, {"do": "sleep", "seconds": 60}, "r2", timeout=1)
    assert timed_out.is_error
    assert body == {
        "errorMessage": "RequestId: r2 Error: Task timed out after 1.00 seconds",
        "errorType": "Sandbox.Timedout",
    }
    assert "event {'do': 'sleep', 'seconds': 60}" in timed_out.logs  # printed before it hung
    assert "r2 Task timed out after 1.00 seconds" in timed_out.logs
    assert "Status: timeout" in timed_out.logs
    assert _wait_gone(before["pid"])
    _, after = _invoke(function, {}, "r3")
    assert after["count"] == 1  # imported again: module state did not survive
    assert after["pid"] != before["pid"]


@pytest.mark.parametrize(
    ("action", "reason"), [("exit", "exit status 3"), ("kill", "signal: killed")]
)
def test_a_runtime_that_exits_is_an_exit_error_then_starts_again(
    function: FunctionProcess, action: str, reason: str
) -> None:
    ended, body = _invoke(function, {"do": action}, "r1")
    assert ended.is_error
    assert body == {
        "errorMessage": f"RequestId: r1 Error: Runtime exited with error: {reason}",
        "errorType": "Runtime.ExitError",
    }
    assert "Error Type: Runtime.ExitError" in ended.logs
    assert _invoke(function, {}, "r2")[1]["count"] == 1


def test_an_import_error_fails_the_start_with_the_runtimes_error(tmp_path: Path) -> None:
    root = _task_root(tmp_path / "task", "import not_installed_anywhere\n")
    process = FunctionProcess(sys.executable, _environment(root), root)
    with pytest.raises(InitFailed) as failed:
        process.start(timeout=60)
    assert failed.value.payload["errorType"] == "Runtime.ImportModuleError"
    assert failed.value.payload["errorMessage"] == (
        "Unable to import module 'app': No module named 'not_installed_anywhere'"
    )
    assert "[ERROR] Runtime.ImportModuleError" in failed.value.logs
    # An invocation asking for it again gets the same error as its result.
    outcome = process.invoke(Invocation("r1", "arn:fn", "{}", 5))
    assert outcome.is_error
    assert json.loads(outcome.payload)["errorType"] == "Runtime.ImportModuleError"
    process.stop()


def test_large_output_and_payloads_pass_whole(function: FunctionProcess) -> None:
    size = 1024 * 1024  # far beyond a pipe's buffer
    outcome, answer = _invoke(function, {"do": "shout", "size": size}, "r1")
    assert answer == "y" * size
    assert "x" * size in outcome.logs


def test_stop_ends_the_process_and_what_the_function_started(function: FunctionProcess) -> None:
    _, answer = _invoke(function, {"do": "spawn"}, "r1")
    assert not _gone(answer["child"])
    function.stop()
    assert _wait_gone(answer["pid"])
    assert _wait_gone(answer["child"])
    stopped = function.invoke(Invocation("r2", "arn:fn", "{}", 5))
    assert stopped.is_error  # a stopped environment is not started again


ORPHAN_CHECK = """
import json, os, sys
from pathlib import Path
from two_way_sms.emulator.lambda_host.process import FunctionProcess, Invocation
root = Path(sys.argv[1])
env = {"_HANDLER": "app.handler", "LAMBDA_TASK_ROOT": str(root), "PATH": os.environ["PATH"]}
process = FunctionProcess(sys.executable, env, root)
process.start(timeout=60)
answer = json.loads(process.invoke(Invocation("r1", "arn:fn", '{"do": "spawn"}', 30)).payload)
print(json.dumps(answer), flush=True)
os._exit(0)  # like LocalStack killed: no stop(), no atexit
"""


def test_when_localstack_dies_the_function_processes_end(tmp_path: Path) -> None:
    root = _task_root(tmp_path / "task")
    done = subprocess.run(
        [sys.executable, "-c", ORPHAN_CHECK, str(root)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    answer = json.loads(done.stdout)
    assert _wait_gone(answer["pid"])
    assert _wait_gone(answer["child"])
