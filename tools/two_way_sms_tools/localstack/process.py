"""Process control: start LocalStack detached (or reuse a healthy one), wait for it, stop it.

LocalStack runs in its own process group; its PID is in `<state>/localstack.pid`, its output in
`<state>/localstack.log`. `stop` signals that process group and nothing else, and only when the
PID file names a live `localstack.runtime.main`.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from two_way_sms_tools.localstack import health, venv
from two_way_sms_tools.localstack.errors import LocalStackError
from two_way_sms_tools.localstack.settings import PORT_ENV, Settings

_CHILDREN: list[subprocess.Popen[bytes]] = []


@dataclass(frozen=True)
class Started:
    endpoint: str
    pid: int | None  # None: an instance this project did not start
    started: bool  # True: this call started it (and the caller may stop it)
    seconds: float


def read_pid(settings: Settings) -> int | None:
    try:
        return int(settings.pid_file.read_text().strip())
    except (OSError, ValueError):
        return None


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # a zombie (exited, not yet reaped by its parent) is not running
    with contextlib.suppress(OSError):
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        if fields and fields[0] == "Z":
            return False
    return True


def is_localstack(pid: int) -> bool:
    """Whether pid runs localstack.runtime.main (checked via /proc where there is one)."""
    cmdline = Path(f"/proc/{pid}/cmdline")
    if not cmdline.exists():
        return alive(pid)
    with contextlib.suppress(OSError):
        return b"localstack.runtime.main" in cmdline.read_bytes()
    return False


def running_pid(settings: Settings) -> int | None:
    """The PID from our pid file when that process is alive and is LocalStack."""
    pid = read_pid(settings)
    if pid is not None and alive(pid) and is_localstack(pid):
        return pid
    return None


def tail(path: Path, lines: int = 40) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


def wait_ready(settings: Settings, pid: int | None, started_at: float) -> float:
    """Seconds from started_at until every required service is up; an error with the log's
    last lines when the process exits or the start timeout passes."""
    deadline = started_at + settings.start_timeout
    document: dict[str, Any] | None = None
    while time.monotonic() < deadline:
        document = health.health(settings)
        if document is not None and not health.missing_services(document):
            return time.monotonic() - started_at
        if pid is not None and not alive(pid):
            raise LocalStackError(
                f"LocalStack (pid {pid}) exited while starting; last lines of "
                f"{settings.log_file}:\n{tail(settings.log_file)}"
            )
        time.sleep(0.25)
    missing = health.missing_services(document)
    raise LocalStackError(
        f"LocalStack at {settings.endpoint} not ready within {settings.start_timeout:.0f} s "
        f"(missing: {', '.join(missing) or 'health endpoint'}); see {settings.log_file}:\n"
        f"{tail(settings.log_file)}"
    )


def start_or_reuse(settings: Settings) -> Started:
    """Reuse a healthy instance at the endpoint (or ours, still starting), else install if
    needed, start one and wait until the required services are up. Callers hold the lock."""
    started_at = time.monotonic()
    pid = running_pid(settings)
    document = health.health(settings)
    if document is not None:
        missing = health.missing_services(document)
        if pid is None and missing:
            raise LocalStackError(
                f"something else answers at {settings.endpoint} without {', '.join(missing)} "
                f"(a LocalStack without this project's emulator?); stop it or set {PORT_ENV}"
            )
        if not missing:
            return Started(settings.endpoint, pid, False, time.monotonic() - started_at)
    if pid is not None:  # ours, still starting
        return Started(settings.endpoint, pid, False, wait_ready(settings, pid, started_at))

    python = venv.ensure_venv(settings)
    settings.state_dir.mkdir(parents=True, exist_ok=True)
    launched_at = time.monotonic()
    with settings.log_file.open("wb") as log:
        process = subprocess.Popen(
            [str(python), "-m", "localstack.runtime.main"],
            cwd=settings.state_dir,
            env=settings.localstack_env(),
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: `stop` signals exactly that group
        )
    _CHILDREN.append(process)  # keep the handle: no "still running" warning when it is dropped
    settings.pid_file.write_text(f"{process.pid}\n")
    seconds = wait_ready(settings, process.pid, launched_at)
    return Started(settings.endpoint, process.pid, True, seconds)


def stop(settings: Settings, timeout: float = 20.0) -> bool:
    """Stop the LocalStack our PID file names (its process group). False if none ran."""
    pid = running_pid(settings)
    if pid is None:
        settings.pid_file.unlink(missing_ok=True)
        return False
    try:
        pgid = os.getpgid(pid)
    except ProcessLookupError:
        settings.pid_file.unlink(missing_ok=True)
        return False
    # Started with start_new_session, LocalStack leads its own group; never signal another group.
    kill = os.killpg if pgid == pid else os.kill
    kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and alive(pid):
        time.sleep(0.2)
    if alive(pid):
        kill(pid, signal.SIGKILL)
    if pgid == pid:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(pgid, signal.SIGKILL)  # stragglers of that group only
    settings.pid_file.unlink(missing_ok=True)
    return True
