"""How checks are printed: one line per check (PASS/FAIL/SKIP, name, what was checked), each
FAIL followed by its fix; or the same as one JSON document."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Sequence
from typing import Any

from two_way_sms.delivery import RULE_NAMES, NumberSettings, Status
from two_way_sms.doctor import Check, all_passed

_NAME_WIDTH = max(map(len, RULE_NAMES))


def describe_number(number: NumberSettings) -> str:
    """Two lines: which number, and its two-way settings."""
    e164 = f" ({number.phone_number})" if number.phone_number else ""
    return (
        f"{number.phone_number_id}{e164} in {number.region}, account {number.account}\n"
        f"  TwoWayEnabled {str(number.two_way_enabled).lower()}, "
        f"TwoWayChannelArn {number.two_way_channel_arn or '-'}, "
        f"TwoWayChannelRole {number.two_way_channel_role or '-'}"
    )


def counts(checks: Sequence[Check]) -> dict[str, int]:
    return {status.value: sum(c.status is status for c in checks) for status in Status}


def render_check(check: Check) -> str:
    lines = [f"{check.status.value}  {check.name:<{_NAME_WIDTH}}  {check.detail}"]
    for number, step in enumerate(check.fix, start=1):
        lines.append(f"      fix {number}: {step.action}")
        if step.policy is not None:
            lines.append(textwrap.indent(json.dumps(step.policy, indent=2), " " * 8))
        if step.command:
            lines.append(f"        $ {step.command}")
    return "\n".join(lines)


def render_text(title: str, number: NumberSettings, checks: Sequence[Check]) -> str:
    tally = counts(checks)
    who = number.phone_number or number.phone_number_id
    verdict = (
        f"Inbound messages to {who} will be delivered."
        if all_passed(list(checks))
        else f"Inbound messages to {who} will not be delivered: fix each FAIL, in order."
    )
    summary = (
        f"{len(checks)} checks: {tally['PASS']} PASS, {tally['FAIL']} FAIL, {tally['SKIP']} SKIP. "
        + verdict
    )
    body = "\n".join(render_check(check) for check in checks)
    return f"{title}: {describe_number(number)}\n\n{body}\n\n{summary}"


def render_json(number: NumberSettings, checks: Sequence[Check]) -> dict[str, Any]:
    return {
        "phoneNumber": {
            "phoneNumberId": number.phone_number_id,
            "phoneNumberArn": number.arn,
            "phoneNumber": number.phone_number,
            "region": number.region,
            "account": number.account,
            "twoWayEnabled": number.two_way_enabled,
            "twoWayChannelArn": number.two_way_channel_arn,
            "twoWayChannelRole": number.two_way_channel_role,
        },
        "ok": all_passed(list(checks)),
        "summary": counts(checks),
        "checks": [check.to_json() for check in checks],
    }
