"""A Lambda function's runtime as a host process: started, invoked, timed out, reset, stopped.

`FunctionProcess` runs `runtime/bootstrap.py` on the function's Python and speaks its protocol
(described there) over two pipes; the function's stdout and stderr arrive on a third. Each
process is started in its own session, so it leads its own process group: stopping kills that
group (the function's own children too) and nothing else. If LocalStack dies without stopping
it, the request pipe reaches end of file and the bootstrap kills its group itself.

An invocation past the function's timeout ends with AWS's `Sandbox.Timedout` error; a runtime
that exits mid-invocation ends with `Runtime.ExitError`. Either way the process is killed and
the next invocation starts a fresh one (the handler is imported again, module state is gone),
as AWS resets an execution environment after a timeout.

Standard library only, and no LocalStack: the executor adapts this to LocalStack's interface.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import math
import os
import queue
import signal
import subprocess
import threading
import time
import weakref
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from two_way_sms.emulator.lambda_host.runtime import bootstrap

BOOTSTRAP = Path(bootstrap.__file__).resolve()
RUNTIME_DIR = BOOTSTRAP.parent
# After the function's response, how long its last output may take to reach the log pipe.
OUTPUT_GRACE_SECONDS = 2.0
# get_logs() keeps at most this much of a process's output (for LocalStack's debug messages).
HISTORY_BYTES = 256 * 1024

_LIVE: weakref.WeakSet[FunctionProcess] = weakref.WeakSet()


class InitFailed(Exception):
    """The runtime could not start: `payload` is the AWS-shaped error, `logs` what it printed."""

    def __init__(self, payload: dict[str, Any], logs: str) -> None:
        super().__init__(f"{payload.get('errorType')}: {payload.get('errorMessage')}")
        self.payload = payload
        self.logs = logs


@dataclass(frozen=True)
class Invocation:
    request_id: str
    invoked_arn: str
    payload: str
    timeout_seconds: float
    trace_id: str | None = None


@dataclass(frozen=True)
class Outcome:
    payload: bytes
    is_error: bool
    logs: str


# --------------------------------------------------------------------------------------------
# AWS's wording


def timeout_error(request_id: str, timeout_seconds: float) -> dict[str, str]:
    return {
        "errorMessage": (
            f"RequestId: {request_id} Error: Task timed out after {timeout_seconds:.2f} seconds"
        ),
        "errorType": "Sandbox.Timedout",
    }


def exit_reason(returncode: int | None) -> str:
    """How AWS words a runtime's end ("exit status 1", "signal: killed")."""
    if returncode is None:
        return "unknown"
    if returncode >= 0:
        return f"exit status {returncode}"
    try:
        name = (signal.strsignal(-returncode) or "").lower()
    except ValueError:
        name = ""
    return f"signal: {name or -returncode}"


def exit_error(request_id: str, returncode: int | None) -> dict[str, str]:
    return {
        "errorMessage": (
            f"RequestId: {request_id} Error: Runtime exited with error: {exit_reason(returncode)}"
        ),
        "errorType": "Runtime.ExitError",
    }


def report_line(
    request_id: str,
    *,
    duration_ms: float,
    memory_mb: str,
    max_rss_kb: int | None,
    init_ms: float | None = None,
    status: str | None = None,
    error_type: str | None = None,
) -> str:
    fields = [
        f"REPORT RequestId: {request_id}",
        f"Duration: {duration_ms:.2f} ms",
        f"Billed Duration: {math.ceil(duration_ms)} ms",
        f"Memory Size: {memory_mb} MB",
    ]
    if max_rss_kb is not None:
        fields.append(f"Max Memory Used: {math.ceil(max_rss_kb / 1024)} MB")
    if init_ms is not None:
        fields.append(f"Init Duration: {init_ms:.2f} ms")
    if status:
        fields.append(f"Status: {status}")
    if error_type:
        fields.append(f"Error Type: {error_type}")
    return "\t".join(fields) + "\t\n"


def _timestamp() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


# --------------------------------------------------------------------------------------------
# One OS process


class _Child:
    """One bootstrap process, its pipes and the two threads that read them."""

    def __init__(
        self, python: str, env: Mapping[str, str], cwd: Path, opt_dir: Path | None
    ) -> None:
        request_r, self._request_w = os.pipe()
        response_r, response_w = os.pipe()
        output_r, output_w = os.pipe()
        command = [python, "-u", str(BOOTSTRAP), str(request_r), str(response_w)]
        if opt_dir is not None:
            command.append(str(opt_dir))
        try:
            self.popen = subprocess.Popen(
                command,
                env=dict(env),
                cwd=cwd,
                stdin=subprocess.DEVNULL,
                stdout=output_w,
                stderr=output_w,
                pass_fds=(request_r, response_w),
                start_new_session=True,  # its own group: killing it reaches its children only
            )
        except OSError:
            for fd in (self._request_w, response_r, output_r):
                os.close(fd)
            raise
        finally:
            for fd in (request_r, response_w, output_w):
                os.close(fd)
        self.started = time.monotonic()
        self._messages: queue.Queue[dict[str, Any] | None] = queue.Queue()
        self._output = bytearray()
        self._history = bytearray()
        self._output_closed = False
        self._messages_ended = False
        self._output_changed = threading.Condition()
        self._send_lock = threading.Lock()
        self._kill_lock = threading.Lock()
        self._threads = [
            threading.Thread(target=self._read_messages, args=(response_r,), daemon=True),
            threading.Thread(target=self._read_output, args=(output_r,), daemon=True),
        ]
        for thread in self._threads:
            thread.start()

    def _read_messages(self, fd: int) -> None:
        with os.fdopen(fd, "rb") as stream:
            for line in stream:
                with contextlib.suppress(ValueError):
                    self._messages.put(json.loads(line))
        self._messages_ended = True
        self._messages.put(None)  # the process is gone

    def _read_output(self, fd: int) -> None:
        with os.fdopen(fd, "rb", buffering=0) as stream:
            while chunk := stream.read(65536):
                with self._output_changed:
                    self._output += chunk
                    self._history += chunk
                    del self._history[:-HISTORY_BYTES]
                    self._output_changed.notify_all()
        with self._output_changed:
            self._output_closed = True
            self._output_changed.notify_all()

    def send(self, message: dict[str, Any]) -> bool:
        """False when the process no longer reads (it ended)."""
        with self._send_lock:
            try:
                bootstrap.write_message(self._request_w, message)
            except OSError:
                return False
        return True

    def next_message(self, timeout: float | None) -> dict[str, Any] | None:
        """The next message; None once the process ended; queue.Empty after `timeout`."""
        return self._messages.get(timeout=timeout)

    def take_output(self, marker: bytes | None, grace: float) -> bytes:
        """Output up to `marker` (removed), else all of it once closed or after `grace` s."""
        deadline = time.monotonic() + grace
        with self._output_changed:
            while True:
                at = self._output.find(marker) if marker else -1
                if at >= 0:
                    taken = bytes(self._output[:at])
                    del self._output[: at + len(marker or b"")]
                    return taken
                remaining = deadline - time.monotonic()
                if self._output_closed or remaining <= 0:
                    taken = bytes(self._output)
                    self._output.clear()
                    return taken
                self._output_changed.wait(remaining)

    def history(self) -> bytes:
        with self._output_changed:
            return bytes(self._history)

    @property
    def running(self) -> bool:
        # Never poll(): only kill() reaps, after killing the group, so the group id it signals
        # is always still ours.
        return self.popen.returncode is None and not self._messages_ended

    def kill(self) -> int | None:
        """Kill its process group (it leads it) and reap it; its exit code."""
        with self._kill_lock:
            if self.popen.returncode is None:
                # Not reaped yet (only this method reaps, under this lock), so this pid and
                # group are still the ones we started.
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    os.killpg(self.popen.pid, signal.SIGKILL)
                with contextlib.suppress(subprocess.TimeoutExpired):
                    self.popen.wait(timeout=5)
        # A send blocked on a full pipe fails as soon as the process is gone: then close it.
        with self._send_lock:
            if self._request_w >= 0:
                with contextlib.suppress(OSError):
                    os.close(self._request_w)
                self._request_w = -1
        return self.popen.returncode


# --------------------------------------------------------------------------------------------
# The function's runtime, across resets


class FunctionProcess:
    """A function's runtime: one host process at a time, started again after it ended."""

    def __init__(
        self,
        python: str,
        env: Mapping[str, str],
        cwd: Path,
        opt_dir: Path | None = None,
    ) -> None:
        self._python = python
        self._env = dict(env)
        self._cwd = cwd
        self._opt_dir = opt_dir
        self._child: _Child | None = None
        self._init_ms: float | None = None
        self._init_output = b""
        self._stopped = False
        self._lock = threading.Lock()
        _LIVE.add(self)

    @property
    def pid(self) -> int | None:
        child = self._child
        return child.popen.pid if child else None

    def start(self, timeout: float | None = None) -> None:
        """Start the runtime and import the handler; returns once it is ready for invocations.

        Raises InitFailed (the runtime's error and its output) when the handler cannot be
        imported or the process ends first, TimeoutError after `timeout` seconds.
        """
        with self._lock:
            if self._stopped:
                raise InitFailed(exit_error("", None), "stopped before it started")
            child = _Child(self._python, self._env, self._cwd, self._opt_dir)
            self._child = child
        try:
            message = child.next_message(timeout)
        except queue.Empty:
            child.kill()
            raise TimeoutError(f"the runtime was not ready within {timeout} s") from None
        if message is not None and message.get("type") == "ready":
            self._init_ms = (time.monotonic() - child.started) * 1000
            # What the import printed: the logs of the first invocation start with it.
            self._init_output = child.take_output(bootstrap.INIT_MARKER, OUTPUT_GRACE_SECONDS)
            return
        returncode = child.kill()
        logs = child.take_output(None, OUTPUT_GRACE_SECONDS).decode(errors="replace")
        if message is not None and message.get("type") == "init_error":
            raise InitFailed(message["error"], logs)
        raise InitFailed(exit_error("", returncode), logs)

    def invoke(self, invocation: Invocation) -> Outcome:
        """One invocation; AWS-shaped errors for the function's errors, timeouts and exits."""
        child = self._child
        if child is None or not child.running:
            if child is not None:
                child.kill()  # what is left of it: its group, its exit status
            try:
                self.start()
            except InitFailed as error:
                return Outcome(json.dumps(error.payload).encode(), True, error.logs)
            child = self._child
            assert child is not None
        init_ms, self._init_ms = self._init_ms, None
        # What the import printed, and what a background thread printed since.
        preamble, self._init_output = self._init_output + child.take_output(None, 0), b""
        started = time.monotonic()
        sent = child.send(
            {
                "type": "invoke",
                "requestId": invocation.request_id,
                "invokedFunctionArn": invocation.invoked_arn,
                "payload": invocation.payload,
                "deadlineMs": int(time.time() * 1000 + invocation.timeout_seconds * 1000),
                "traceId": invocation.trace_id,
            }
        )
        try:
            message = child.next_message(invocation.timeout_seconds) if sent else None
        except queue.Empty:
            return self._timed_out(child, invocation, preamble, started, init_ms)
        duration_ms = (time.monotonic() - started) * 1000
        if message is None or message.get("type") != "result":
            return self._exited(child, invocation, preamble, duration_ms, init_ms)
        marker = bootstrap.end_marker(invocation.request_id)
        output = child.take_output(marker, OUTPUT_GRACE_SECONDS)
        logs = self._logs(
            invocation.request_id,
            preamble,
            output,
            report_line(
                invocation.request_id,
                duration_ms=duration_ms,
                memory_mb=self._memory_mb,
                max_rss_kb=message.get("maxRssKb"),
                init_ms=init_ms,
            ),
        )
        return Outcome(str(message["payload"]).encode(), bool(message["isError"]), logs)

    def stop(self) -> None:
        """Kill the process group; no invocation starts it again."""
        with self._lock:
            self._stopped = True
            child = self._child
        if child is not None:
            child.kill()
        _LIVE.discard(self)

    def logs(self) -> str:
        """The latest output of the current (or last) process, for diagnostics."""
        child = self._child
        return child.history().decode(errors="replace") if child else ""

    # ----------------------------------------------------------------------------------------

    @property
    def _memory_mb(self) -> str:
        return self._env.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "128")

    def _logs(self, request_id: str, preamble: bytes, output: bytes, report: str) -> str:
        version = self._env.get("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST")
        text = output.decode(errors="replace")
        if text and not text.endswith("\n"):
            text += "\n"
        return (
            preamble.decode(errors="replace")
            + f"START RequestId: {request_id} Version: {version}\n"
            + text
            + f"END RequestId: {request_id}\n"
            + report
        )

    def _timed_out(
        self,
        child: _Child,
        invocation: Invocation,
        preamble: bytes,
        started: float,
        init_ms: float | None,
    ) -> Outcome:
        duration_ms = (time.monotonic() - started) * 1000
        child.kill()
        output = child.take_output(None, OUTPUT_GRACE_SECONDS)
        request_id = invocation.request_id
        notice = (
            f"{_timestamp()} {request_id} Task timed out after "
            f"{invocation.timeout_seconds:.2f} seconds\n"
        )
        report = report_line(
            request_id,
            duration_ms=duration_ms,
            memory_mb=self._memory_mb,
            max_rss_kb=None,
            init_ms=init_ms,
            status="timeout",
        )
        logs = self._logs(request_id, preamble, output + notice.encode(), report)
        payload = timeout_error(request_id, invocation.timeout_seconds)
        return Outcome(json.dumps(payload).encode(), True, logs)

    def _exited(
        self,
        child: _Child,
        invocation: Invocation,
        preamble: bytes,
        duration_ms: float,
        init_ms: float | None,
    ) -> Outcome:
        returncode = child.kill()
        output = child.take_output(None, OUTPUT_GRACE_SECONDS)
        payload = exit_error(invocation.request_id, returncode)
        report = report_line(
            invocation.request_id,
            duration_ms=duration_ms,
            memory_mb=self._memory_mb,
            max_rss_kb=None,
            init_ms=init_ms,
            status="error",
            error_type=payload["errorType"],
        )
        logs = self._logs(invocation.request_id, preamble, output, report)
        return Outcome(json.dumps(payload).encode(), True, logs)


@atexit.register
def stop_all() -> None:
    """LocalStack is exiting: no function process outlives it."""
    for process in list(_LIVE):
        process.stop()
