"""Every policy of the AWS two-way SMS guide is rendered by some example, as the guide has it
(apart from the tightenings listed, with reasons, in guide_policies.yaml)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.support.guide import GUIDE, GuideStatement
from tests.support.inventories import SCENARIOS
from two_way_sms_tools.terraform.combined_plan import CombinedPlan
from two_way_sms_tools.terraform.inventory import ScenarioPlan
from two_way_sms_tools.terraform.offline_sts import OFFLINE_ACCOUNT_ID

pytestmark = pytest.mark.xdist_group("plans")

REGION = "us-east-1"  # the region of the combined plan's provider


def _normalised(statement: dict[str, Any]) -> dict[str, Any]:
    """Order and single-versus-list forms do not change a statement's meaning."""

    def as_set(value: Any) -> Any:
        if isinstance(value, (str, list)):
            return sorted([value] if isinstance(value, str) else value)
        if isinstance(value, dict):
            return {k: as_set(v) for k, v in value.items()}
        return value

    return {key: as_set(value) for key, value in statement.items()}


def _rendered(plan: ScenarioPlan, where: str) -> list[dict[str, Any]]:
    resource_type, attribute = where.split(".")
    statements = []
    for address, values in plan.resources.items():
        if address.split(".")[-2] == resource_type and values.get(attribute):
            statements += json.loads(values[attribute])["Statement"]
    return [_normalised(s) for s in statements]


def _topic_arn(plan: ScenarioPlan) -> str | None:
    """The topic the example routes its numbers to (None for Amazon Connect)."""
    for address, values in plan.resources.items():
        if "aws_pinpointsmsvoicev2_phone_number" in address and values.get("two_way_channel_arn"):
            return str(values["two_way_channel_arn"])
        if address.endswith("terraform_data.this") and values.get("input", {}).get("channel_arn"):
            return str(values["input"]["channel_arn"])
    return None


@pytest.mark.parametrize("entry", GUIDE, ids=lambda e: e.name)
def test_guide_statement_is_rendered_by_an_example(
    plan_of_all_scenarios: CombinedPlan, entry: GuideStatement
) -> None:
    seen = []
    for scenario in SCENARIOS:
        if not scenario.target.startswith(entry.example):
            continue
        planned = ScenarioPlan.from_plan(plan_of_all_scenarios.plan, scenario.name)
        topic_arn = _topic_arn(planned) or ""
        rendered = _rendered(planned, entry.rendered_in)
        expected = entry.ours(account=OFFLINE_ACCOUNT_ID, region=REGION, topic_arn=topic_arn)
        if _normalised(expected) in rendered:
            return
        seen += [f"{scenario.target}: {json.dumps(s, sort_keys=True)}" for s in rendered]
    pytest.fail(
        f"no example renders {entry.name} in {entry.rendered_in}; closest candidates:\n"
        + "\n".join(seen or ["(none: no example renders that policy)"])
    )
