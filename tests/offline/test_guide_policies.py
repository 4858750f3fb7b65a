"""Every policy of the AWS two-way SMS guide is rendered by some example, as the guide has it
(apart from the tightenings listed, with reasons, in guide_policies.yaml)."""

from __future__ import annotations

import json
from pathlib import Path
from string import Template
from typing import Any

import pytest
import yaml

from two_way_sms.harness.combined_plan import CombinedPlan
from two_way_sms.harness.inventory import ScenarioPlan

from .conftest import SCENARIOS

pytestmark = pytest.mark.xdist_group("plans")

GUIDE = yaml.safe_load((Path(__file__).parent / "guide_policies.yaml").read_text())
PLACES = {"partition": "aws", "region": "us-east-1", "account": "123456789012"}


def _normalised(statement: dict[str, Any]) -> dict[str, Any]:
    """Order and single-versus-list forms do not change a statement's meaning."""

    def as_set(value: Any) -> Any:
        if isinstance(value, (str, list)):
            return sorted([value] if isinstance(value, str) else value)
        if isinstance(value, dict):
            return {k: as_set(v) for k, v in value.items()}
        return value

    return {key: as_set(value) for key, value in statement.items()}


def _expected(entry: dict[str, Any], topic_arn: str) -> dict[str, Any]:
    merged = {**entry["statement"], **entry.get("differences", {})}
    text = Template(json.dumps(merged)).substitute(PLACES, topic_arn=topic_arn)
    return _normalised(json.loads(text))


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


@pytest.mark.parametrize("entry", GUIDE, ids=lambda e: e["name"])
def test_guide_statement_is_rendered_by_an_example(
    plan_of_all_scenarios: CombinedPlan, entry: dict[str, Any]
) -> None:
    seen = []
    for scenario in SCENARIOS:
        if not scenario.target.startswith(entry.get("example", "examples/")):
            continue
        planned = ScenarioPlan.from_plan(plan_of_all_scenarios.plan, scenario.name)
        topic_arn = _topic_arn(planned) or ""
        rendered = _rendered(planned, entry["in"])
        if _expected(entry, topic_arn) in rendered:
            return
        seen += [f"{scenario.target}: {json.dumps(s, sort_keys=True)}" for s in rendered]
    pytest.fail(
        f"no example renders {entry['name']} in {entry['in']}; closest candidates:\n"
        + "\n".join(seen or ["(none: no example renders that policy)"])
    )
