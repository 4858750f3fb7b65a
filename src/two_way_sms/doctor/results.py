"""What a check reports: its name, PASS/FAIL/SKIP, what was checked, and how to fix a FAIL."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from two_way_sms.delivery import Status


@dataclass(frozen=True)
class FixStep:
    """One thing to do: a sentence; the policy JSON it is about (a statement to add, or the whole
    document of a new policy or key); and the AWS CLI command that does it."""

    action: str
    policy: Mapping[str, Any] | None = None
    command: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "action": self.action,
            "policy": dict(self.policy) if self.policy is not None else None,
            "command": self.command,
        }


@dataclass(frozen=True)
class Check:
    """The outcome of one check. `detail` says what was checked and what was found; `fix` (only
    for FAIL) lists the steps that make the check pass."""

    name: str
    status: Status
    detail: str
    fix: tuple[FixStep, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "status": self.status.value,
            "detail": self.detail,
            "fix": [step.to_json() for step in self.fix] if self.fix else None,
        }


def all_passed(checks: list[Check]) -> bool:
    return all(check.status is Status.PASS for check in checks)
