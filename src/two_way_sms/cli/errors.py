"""Errors that end a command with exit code 2 and one line that says what to do."""

from __future__ import annotations

# Exit codes of every subcommand (`workspace plan` adds 2 = changes present, as Terraform does).
EXIT_OK = 0
EXIT_FAILED = 1  # a check failed, a message was dropped, Terraform failed
EXIT_USAGE = 2  # bad arguments, unreachable endpoint, missing credentials, unknown resource


class CliError(Exception):
    """A usage or connection problem; the message is one line saying what to do."""
