"""Will an inbound SMS to this number be delivered? The two-way rules of the AWS guide as checks.

`check_delivery(number, aws)` reads what the number's two-way settings name (through a
read-only `DeploymentView`) and returns one `Check` per rule, in order: PASS, FAIL with the
fix (policy statement JSON and/or AWS CLI command), or SKIP when an earlier FAIL leaves
nothing to judge. Every policy decision is `two_way_sms.policy.evaluate`'s, over the same
requests (two_way_sms.emulator.service_requests) the emulator's routing judges, so every check
passes exactly when the emulator delivers. Pure: no AWS calls of its own.
"""

from __future__ import annotations

from two_way_sms.delivery_checks.deployment import (
    ConnectNumber,
    DeploymentView,
    KeyData,
    NumberSettings,
    RoleData,
)
from two_way_sms.delivery_checks.results import Check, FixStep, Status, all_passed
from two_way_sms.delivery_checks.run import CHECK_NAMES, check_delivery, judge_snapshot
from two_way_sms.delivery_checks.snapshot import Snapshot, read_snapshot

__all__ = [
    "CHECK_NAMES",
    "Check",
    "ConnectNumber",
    "DeploymentView",
    "FixStep",
    "KeyData",
    "NumberSettings",
    "RoleData",
    "Snapshot",
    "Status",
    "all_passed",
    "check_delivery",
    "judge_snapshot",
    "read_snapshot",
]
