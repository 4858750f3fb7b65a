"""`python -m two_way_sms_tools.localstack up|down|status|logs|install` (or
`scripts/localstack.sh ...`): LocalStack 4.14.0 for this project, host mode, loopback only."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import time
from collections.abc import Sequence

from two_way_sms_tools.localstack import health, leases, process, venv
from two_way_sms_tools.localstack.errors import LocalStackError
from two_way_sms_tools.localstack.settings import LOCALSTACK_VERSION, Settings


def _up(settings: Settings, _: argparse.Namespace) -> int:
    result = leases.up(settings)
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


def _down(settings: Settings, _: argparse.Namespace) -> int:
    pid = process.read_pid(settings)
    if leases.down(settings):
        print(f"stopped LocalStack (pid {pid})")
    else:
        print("no LocalStack started by this project is running")
    return 0


def _status(settings: Settings, _: argparse.Namespace) -> int:
    pid = process.running_pid(settings)
    document = health.health(settings)
    missing = health.missing_services(document)
    healthy = document is not None and not missing
    print(f"endpoint: {settings.endpoint}")
    print(f"pid: {pid if pid is not None else '-'} (pid file {settings.pid_file})")
    if document is None:
        print("health: no answer")
    else:
        print(f"version: {document.get('version')}")
        services = document.get("services") or {}
        for name in health.REQUIRED_SERVICES:
            print(f"  {name}: {services.get(name, 'absent')}")
        route = (
            "yes"
            if health.inbound_route_registered(settings)
            else "not yet (added at start-up by the on_infra_start hook, else on first use)"
        )
        print(f"inbound-message route: {route}")
    print(f"healthy: {'yes' if healthy else 'no'}")
    return 0 if healthy else 1


def _logs(settings: Settings, args: argparse.Namespace) -> int:
    if not settings.log_file.exists():
        print(f"no log at {settings.log_file}", file=sys.stderr)
        return 1
    print(process.tail(settings.log_file, args.lines))
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


def _install(settings: Settings, _: argparse.Namespace) -> int:
    print(f"LocalStack python: {venv.ensure_venv(settings)}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="scripts/localstack.sh",
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
    handlers = {"up": _up, "down": _down, "status": _status, "logs": _logs, "install": _install}
    try:
        return handlers[args.command](Settings.from_env(), args)
    except LocalStackError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
