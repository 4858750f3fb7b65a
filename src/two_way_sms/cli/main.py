"""`two-way-sms`: the operator command line (console script and `python -m two_way_sms.cli`)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from two_way_sms.cli import (
    doctor_command,
    enable_command,
    send_inbound_command,
    workspace_command,
)
from two_way_sms.cli.errors import EXIT_USAGE, CliError

PROG = "two-way-sms"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Operate AWS End User Messaging SMS two-way messaging: check a number's "
        "delivery path, enable two-way SMS, text the LocalStack emulator, run Terraform.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for command in (doctor_command, enable_command, send_inbound_command, workspace_command):
        command.add_parser(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)  # exits 2 on usage errors
    try:
        code: int = args.run(args)
    except CliError as error:
        if getattr(args, "json", False):
            print(json.dumps({"ok": False, "error": str(error)}))
        print(f"{PROG} {args.command}: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    return code


if __name__ == "__main__":
    sys.exit(main())
