"""LocalStack 4.14.0 as a managed part of the project: its own virtualenv, host mode, loopback only.

`python -m two_way_sms.localstack up|down|status|logs` (or `scripts/localstack.sh ...`).

- LocalStack 4.14.0 needs Python >= 3.12; the project's own tools run on 3.11. `up` finds a
  suitable interpreter (`$LOCALSTACK_PYTHON`, `python3.13`/`python3.12` on PATH, pyenv versions,
  `python3`), creates `.venv-localstack/` in the project root, installs
  `localstack-core[runtime]==4.14.0` under `requirements/localstack-4.14.0-constraints.txt` and this
  project with `--no-deps` in editable mode (so the `pinpoint-sms-voice-v2` provider plugin is
  registered and source edits need no re-install; a changed pyproject.toml is re-installed).
- LocalStack runs detached in its own process group; its PID is in `.localstack/localstack.pid`,
  its output in `.localstack/localstack.log`, its files under `.localstack/fs` and
  `.localstack/volume`. `down` stops that process group and nothing else.
- Only the standard library is used here: this module runs on the project's Python 3.11 too.
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import hashlib
import ipaddress
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from two_way_sms import pythons

LOCALSTACK_VERSION = "4.14.0"
CONSTRAINTS_FILE = Path("requirements") / f"localstack-{LOCALSTACK_VERSION}-constraints.txt"
VENV_DIR = ".venv-localstack"
STATE_DIR = ".localstack"
MIN_PYTHON = (3, 12)
PREFERRED_PYTHONS = ("3.13", "3.12")
# Services the project's tests and the two-way SMS emulator need: `up` waits for all of them.
REQUIRED_SERVICES = (
    "iam",
    "kms",
    "s3",
    "sns",
    "sqs",
    "sts",
    "pinpoint-sms-voice-v2",
    "lambda",
    "logs",
)
READY_STATES = frozenset({"available", "running"})
INBOUND_ROUTE = "/_aws/sms-voice/inbound-messages"

HOST_ENV = "LOCALSTACK_LISTEN_HOST"
PORT_ENV = "LOCALSTACK_PORT"
PYTHON_ENV = "LOCALSTACK_PYTHON"
TIMEOUT_ENV = "LOCALSTACK_START_TIMEOUT"
ROOT_ENV = "TWO_WAY_SMS_ROOT"
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 4566
DEFAULT_START_TIMEOUT = 120.0
_MARKER = ".two-way-sms-install.json"
_OWNED_BY_LEASES = "started-by-lease"  # in STATE_DIR: a lease started it, the last lease stops it
_PROJECT_NAME = "terraform-aws-two-way-sms"


_CHILDREN: list[subprocess.Popen[bytes]] = []


class LocalStackError(RuntimeError):
    """LocalStack cannot be set up, started or stopped; the message says what to do."""


# --------------------------------------------------------------------------------------------
# Settings


def find_project_root(start: Path | None = None) -> Path:
    """The checkout this module belongs to ($TWO_WAY_SMS_ROOT, else upwards from here or cwd)."""
    explicit = os.environ.get(ROOT_ENV)
    if explicit:
        return Path(explicit).resolve()
    starts = [start] if start else [Path(__file__).resolve().parent, Path.cwd().resolve()]
    for origin in starts:
        for folder in (origin, *origin.parents):
            pyproject = folder / "pyproject.toml"
            if pyproject.is_file() and f'name = "{_PROJECT_NAME}"' in pyproject.read_text():
                return folder
    raise LocalStackError(
        f"cannot find the project root (a pyproject.toml naming {_PROJECT_NAME}); "
        f"run from the checkout or set {ROOT_ENV}"
    )


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True)
class Settings:
    root: Path
    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    python: str | None = None
    start_timeout: float = DEFAULT_START_TIMEOUT

    @classmethod
    def from_env(
        cls, environ: Mapping[str, str] | None = None, root: Path | None = None
    ) -> Settings:
        env = os.environ if environ is None else environ
        host = env.get(HOST_ENV) or DEFAULT_HOST
        if not _loopback(host):
            raise LocalStackError(
                f"{HOST_ENV}={host!r}: LocalStack is only started on a loopback address "
                "(127.0.0.1, ::1 or localhost)"
            )
        try:
            port = int(env.get(PORT_ENV) or DEFAULT_PORT)
            timeout = float(env.get(TIMEOUT_ENV) or DEFAULT_START_TIMEOUT)
        except ValueError as error:
            raise LocalStackError(f"{PORT_ENV}/{TIMEOUT_ENV}: {error}") from None
        return cls(
            root=root or find_project_root(),
            host=host,
            port=port,
            python=env.get(PYTHON_ENV) or None,
            start_timeout=timeout,
        )

    @property
    def endpoint(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    @property
    def venv(self) -> Path:
        return self.root / VENV_DIR

    @property
    def venv_python(self) -> Path:
        return self.venv / "bin" / "python"

    @property
    def state_dir(self) -> Path:
        # One folder per port, so instances on other ports (a benchmark's, a second checkout's
        # tests) never share a PID file, log or lease with the default one.
        base = self.root / STATE_DIR
        return base if self.port == DEFAULT_PORT else base / f"port-{self.port}"

    @property
    def log_file(self) -> Path:
        return self.state_dir / "localstack.log"

    @property
    def pid_file(self) -> Path:
        return self.state_dir / "localstack.pid"

    @property
    def constraints(self) -> Path:
        return self.root / CONSTRAINTS_FILE

    def localstack_env(self, base: Mapping[str, str] | None = None) -> dict[str, str]:
        """The environment LocalStack runs with: host mode, loopback, project-local files."""
        env = dict(os.environ if base is None else base)
        env.pop("PYTHONPATH", None)  # the 3.11 dev venv's paths must not leak in
        env.pop("PYTHONHOME", None)
        env.update(
            {
                "GATEWAY_LISTEN": f"{self.host}:{self.port}",
                # The default (twisted) server binds 0.0.0.0 whatever GATEWAY_LISTEN's host says;
                # hypercorn binds the given address.
                "GATEWAY_SERVER": "hypercorn",
                # Machines with /.dockerenv make LocalStack think it runs in its own container and
                # write to /var/lib/localstack; this is host mode.
                "OVERRIDE_IN_DOCKER": "0",
                "DISABLE_EVENTS": "1",
                # Internal clients (the emulator reads IAM, SNS, KMS and publishes through them)
                # call the gateway in memory instead of over loopback HTTP.
                "IN_MEMORY_CLIENT": "1",
                # No DNS server (it would listen on 0.0.0.0:53) and no certificate download.
                "DNS_ADDRESS": "0",
                "SKIP_SSL_CERT_DOWNLOAD": "1",
                "FILESYSTEM_ROOT": str(self.state_dir / "fs"),
                "LOCALSTACK_VOLUME_DIR": str(self.state_dir / "volume"),
            }
        )
        # Python Lambda functions as host processes, no Docker (emulator/lambda_host).
        env.setdefault("LAMBDA_RUNTIME_EXECUTOR", "host-python")
        # Async invocations are retried 1 s, 2 s, ... apart instead of AWS's minutes, so retries
        # and on-failure destinations can be exercised quickly; set it to 60 for AWS's pacing.
        env.setdefault("LAMBDA_RETRY_BASE_DELAY", "1")
        return env


# --------------------------------------------------------------------------------------------
# Finding a Python >= 3.12


def find_python(environ: Mapping[str, str] | None = None) -> str:
    """A Python >= 3.12 that can create virtualenvs; prefers 3.13, then 3.12."""
    try:
        return pythons.find_python(
            fits=lambda version: version >= MIN_PYTHON,
            preferred=PREFERRED_PYTHONS,
            needed=f"Python >= 3.12 (for LocalStack {LOCALSTACK_VERSION}; 3.13 preferred)",
            explicit_env=PYTHON_ENV,
            install_hint="Install one (e.g. `pyenv install 3.13`, `apt-get install python3.13 "
            "python3.13-venv` or `brew install python@3.13`)",
            environ=environ,
        )
    except pythons.PythonNotFound as error:
        raise LocalStackError(str(error)) from None


# --------------------------------------------------------------------------------------------
# The LocalStack virtualenv


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _run(command: Sequence[str], env: Mapping[str, str] | None = None) -> None:
    print("+ " + " ".join(command), flush=True)
    done = subprocess.run(list(command), env=dict(env) if env else None, check=False)
    if done.returncode != 0:
        raise LocalStackError(f"command failed ({done.returncode}): {' '.join(command)}")


def _venv_version(settings: Settings) -> tuple[int, int] | None:
    if not settings.venv_python.exists():
        return None
    return pythons.probe(str(settings.venv_python))


def _read_marker(settings: Settings) -> dict[str, Any]:
    try:
        data = json.loads((settings.venv / _MARKER).read_text())
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _pip_env(settings: Settings) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    # Only our constraints apply in this venv: a machine-wide pip constraint file (pip.conf
    # `constraint = ...`) is replaced, not added to, so it cannot conflict with LocalStack's pins.
    env["PIP_CONSTRAINT"] = str(settings.constraints)
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    return env


def ensure_venv(settings: Settings) -> Path:
    """Create or update .venv-localstack; returns its python. Does nothing when up to date."""
    if not settings.constraints.is_file():
        raise LocalStackError(f"missing {settings.constraints}")
    version = _venv_version(settings)
    if version is not None and version < MIN_PYTHON:
        print(f"{settings.venv} has Python {version[0]}.{version[1]}; recreating it", flush=True)
        shutil.rmtree(settings.venv)
        version = None
    if version is None:
        if settings.venv.exists():
            shutil.rmtree(settings.venv)
        python = settings.python or find_python()
        _run([python, "-m", "venv", str(settings.venv)])

    marker = _read_marker(settings)
    wanted = {
        "localstack": LOCALSTACK_VERSION,
        "constraints_sha256": _sha256(settings.constraints),
        "pyproject_sha256": _sha256(settings.root / "pyproject.toml"),
        "root": str(settings.root),
    }
    pip = [str(settings.venv_python), "-m", "pip", "install", "--quiet"]
    env = _pip_env(settings)
    if (
        marker.get("localstack") != wanted["localstack"]
        or marker.get("constraints_sha256") != wanted["constraints_sha256"]
    ):
        started = time.monotonic()
        _run(
            [
                *pip,
                "-c",
                str(settings.constraints),
                f"localstack-core[runtime]=={LOCALSTACK_VERSION}",
            ],
            env,
        )
        print(f"installed LocalStack {LOCALSTACK_VERSION} in {time.monotonic() - started:.0f} s")
        marker = {}
    if marker.get("pyproject_sha256") != wanted["pyproject_sha256"] or marker.get("root") != str(
        settings.root
    ):
        _run([*pip, "--no-deps", "-e", str(settings.root)], env)
    (settings.venv / _MARKER).write_text(json.dumps(wanted, indent=2) + "\n")
    return settings.venv_python


# --------------------------------------------------------------------------------------------
# Health and processes


def health(settings: Settings, timeout: float = 2.0) -> dict[str, Any] | None:
    """LocalStack's /_localstack/health document, or None when nothing answers there."""
    url = f"{settings.endpoint}/_localstack/health"
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            data = json.loads(response.read().decode())
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def missing_services(document: Mapping[str, Any] | None, required: Iterable[str]) -> list[str]:
    services = (document or {}).get("services") or {}
    return [name for name in required if services.get(name) not in READY_STATES]


def inbound_route_registered(settings: Settings) -> bool:
    try:
        with urllib.request.urlopen(f"{settings.endpoint}{INBOUND_ROUTE}", timeout=2) as response:
            return bool(response.status == 200)
    except (OSError, ValueError):
        return False


def read_pid(settings: Settings) -> int | None:
    try:
        return int(settings.pid_file.read_text().strip())
    except (OSError, ValueError):
        return None


def _alive(pid: int) -> bool:
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


def _is_localstack(pid: int) -> bool:
    """Whether pid runs localstack.runtime.main (checked via /proc where there is one)."""
    cmdline = Path(f"/proc/{pid}/cmdline")
    if not cmdline.exists():
        return _alive(pid)
    with contextlib.suppress(OSError):
        return b"localstack.runtime.main" in cmdline.read_bytes()
    return False


def running_pid(settings: Settings) -> int | None:
    """The PID from our pid file when that process is alive and is LocalStack."""
    pid = read_pid(settings)
    if pid is not None and _alive(pid) and _is_localstack(pid):
        return pid
    return None


def tail(path: Path, lines: int = 40) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


@dataclass(frozen=True)
class Started:
    endpoint: str
    pid: int | None  # None: an instance this project did not start
    started: bool  # True: this call started it (and the caller may stop it)
    seconds: float


def _wait_ready(settings: Settings, pid: int | None, started_at: float) -> float:
    deadline = started_at + settings.start_timeout
    document: dict[str, Any] | None = None
    while time.monotonic() < deadline:
        document = health(settings)
        if document is not None and not missing_services(document, REQUIRED_SERVICES):
            return time.monotonic() - started_at
        if pid is not None and not _alive(pid):
            raise LocalStackError(
                f"LocalStack (pid {pid}) exited while starting; last lines of "
                f"{settings.log_file}:\n{tail(settings.log_file)}"
            )
        time.sleep(0.25)
    missing = missing_services(document, REQUIRED_SERVICES)
    raise LocalStackError(
        f"LocalStack at {settings.endpoint} not ready within {settings.start_timeout:.0f} s "
        f"(missing: {', '.join(missing) or 'health endpoint'}); see {settings.log_file}:\n"
        f"{tail(settings.log_file)}"
    )


@contextlib.contextmanager
def _locked(settings: Settings) -> Iterator[None]:
    """Serialize lifecycle changes across processes (e.g. pytest-xdist workers)."""
    settings.state_dir.mkdir(parents=True, exist_ok=True)
    with (settings.state_dir / "lifecycle.lock").open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def up(settings: Settings) -> Started:
    """Start LocalStack (or reuse a healthy one) and wait until the required services are up.

    An explicit `up` owns the instance from then on: leases (test sessions) leave it running.
    """
    with _locked(settings):
        result = _up(settings)
        (settings.state_dir / _OWNED_BY_LEASES).unlink(missing_ok=True)
        return result


def down(settings: Settings, timeout: float = 20.0) -> bool:
    """Stop the LocalStack this project started (its process group). False if none ran."""
    with _locked(settings):
        (settings.state_dir / _OWNED_BY_LEASES).unlink(missing_ok=True)
        return _down(settings, timeout)


@contextlib.contextmanager
def lease(settings: Settings) -> Iterator[Started]:
    """Use LocalStack for the duration of a `with` block, e.g. a test session.

    Reuses a running healthy instance or starts one. An instance a lease started is stopped
    when the last lease (of any process: pytest-xdist workers each hold one) ends; an instance
    started otherwise (`up`, or someone else's) is left running.
    """
    leases = settings.state_dir / "leases"
    owned = settings.state_dir / _OWNED_BY_LEASES
    with _locked(settings):
        result = _up(settings)
        if result.started:
            owned.write_text(f"{result.pid}\n")
        leases.mkdir(parents=True, exist_ok=True)
        mine = leases / str(os.getpid())
        mine.touch()
    try:
        yield result
    finally:
        with _locked(settings):
            mine.unlink(missing_ok=True)
            holders = []
            for holder in leases.iterdir():
                if holder.name.isdigit() and _alive(int(holder.name)):
                    holders.append(holder)
                else:
                    holder.unlink(missing_ok=True)  # a lease whose process is gone
            if not holders and owned.exists():
                _down(settings)
                owned.unlink(missing_ok=True)


def _up(settings: Settings) -> Started:
    started_at = time.monotonic()
    pid = running_pid(settings)
    document = health(settings)
    if document is not None:
        missing = missing_services(document, REQUIRED_SERVICES)
        if pid is None and missing:
            raise LocalStackError(
                f"something else answers at {settings.endpoint} without {', '.join(missing)} "
                f"(a LocalStack without this project's emulator?); stop it or set {PORT_ENV}"
            )
        if not missing:
            return Started(settings.endpoint, pid, False, time.monotonic() - started_at)
    if pid is not None:  # ours, still starting
        return Started(settings.endpoint, pid, False, _wait_ready(settings, pid, started_at))

    python = ensure_venv(settings)
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
            start_new_session=True,  # its own process group: `down` stops exactly that group
        )
    _CHILDREN.append(process)  # keep the handle: no "still running" warning when it is dropped
    settings.pid_file.write_text(f"{process.pid}\n")
    seconds = _wait_ready(settings, process.pid, launched_at)
    return Started(settings.endpoint, process.pid, True, seconds)


def _down(settings: Settings, timeout: float = 20.0) -> bool:
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
    while time.monotonic() < deadline and _alive(pid):
        time.sleep(0.2)
    if _alive(pid):
        kill(pid, signal.SIGKILL)
    if pgid == pid:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(pgid, signal.SIGKILL)  # stragglers of that group only
    settings.pid_file.unlink(missing_ok=True)
    return True


# --------------------------------------------------------------------------------------------
# Command line


def _cmd_up(settings: Settings, _: argparse.Namespace) -> int:
    result = up(settings)
    if result.started:
        print(
            f"LocalStack {LOCALSTACK_VERSION} ready at {result.endpoint} in {result.seconds:.1f} s "
            f"(pid {result.pid}, log {settings.log_file})"
        )
    elif result.pid is None:
        print(f"reusing the LocalStack at {result.endpoint} (not started by this project)")
    else:
        print(f"LocalStack already running at {result.endpoint} (pid {result.pid})")
    return 0


def _cmd_down(settings: Settings, _: argparse.Namespace) -> int:
    pid = read_pid(settings)
    if down(settings):
        print(f"stopped LocalStack (pid {pid})")
    else:
        print("no LocalStack started by this project is running")
    return 0


def _cmd_status(settings: Settings, _: argparse.Namespace) -> int:
    pid = running_pid(settings)
    document = health(settings)
    missing = missing_services(document, REQUIRED_SERVICES)
    healthy = document is not None and not missing
    print(f"endpoint: {settings.endpoint}")
    print(f"pid: {pid if pid is not None else '-'} (pid file {settings.pid_file})")
    if document is None:
        print("health: no answer")
    else:
        print(f"version: {document.get('version')}")
        services = document.get("services") or {}
        for name in REQUIRED_SERVICES:
            print(f"  {name}: {services.get(name, 'absent')}")
        route = (
            "yes"
            if inbound_route_registered(settings)
            else "not yet (added at start-up by the on_infra_start hook, else on first use)"
        )
        print(f"inbound-message route: {route}")
    print(f"healthy: {'yes' if healthy else 'no'}")
    return 0 if healthy else 1


def _cmd_logs(settings: Settings, args: argparse.Namespace) -> int:
    if not settings.log_file.exists():
        print(f"no log at {settings.log_file}", file=sys.stderr)
        return 1
    print(tail(settings.log_file, args.lines))
    if args.follow:
        with settings.log_file.open(errors="replace") as handle:
            handle.seek(0, os.SEEK_END)
            with contextlib.suppress(KeyboardInterrupt):
                while True:
                    line = handle.readline()
                    if line:
                        print(line, end="", flush=True)
                    else:
                        time.sleep(0.5)
    return 0


def _cmd_install(settings: Settings, _: argparse.Namespace) -> int:
    print(f"LocalStack python: {ensure_venv(settings)}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m two_way_sms.localstack",
        description=f"LocalStack {LOCALSTACK_VERSION} (host mode, loopback) for this project",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("up", help="install if needed, start (or reuse) and wait until healthy")
    commands.add_parser("down", help="stop the LocalStack this project started")
    commands.add_parser("status", help="health of the endpoint; exit 1 when not healthy")
    logs = commands.add_parser("logs", help="print the end of .localstack/localstack.log")
    logs.add_argument("-n", "--lines", type=int, default=50)
    logs.add_argument("-f", "--follow", action="store_true")
    commands.add_parser("install", help="create or update .venv-localstack only")
    args = parser.parse_args(argv)
    handlers = {
        "up": _cmd_up,
        "down": _cmd_down,
        "status": _cmd_status,
        "logs": _cmd_logs,
        "install": _cmd_install,
    }
    try:
        return handlers[args.command](Settings.from_env(), args)
    except LocalStackError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
