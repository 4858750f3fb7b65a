"""Every scenario's plan matches its YAML inventory; policies are known at plan time."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.inventories import SCENARIOS
from two_way_sms_tools.terraform.combined_plan import CombinedPlan
from two_way_sms_tools.terraform.inventory import Scenario, ScenarioPlan, compare
from two_way_sms_tools.terraform.sources import example_dirs, module_dirs

pytestmark = pytest.mark.xdist_group("plans")

# The policies the modules write (aws_sns_topic.policy is only AWS's computed default).
POLICY_ATTRIBUTES = {
    "aws_iam_role": "assume_role_policy",
    "aws_iam_role_policy": "policy",
    "aws_kms_key": "policy",
    "aws_sns_topic_policy": "policy",
    "aws_sqs_queue_policy": "policy",
}


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.name)
def test_plan_matches_inventory(plan_of_all_scenarios: CombinedPlan, scenario: Scenario) -> None:
    planned = ScenarioPlan.from_plan(plan_of_all_scenarios.plan, scenario.name)
    assert planned.resources or planned.outputs, f"{scenario.name}: nothing planned"
    problems = compare(scenario, planned)
    assert not problems, f"{scenario.source}:\n" + "\n".join(problems)


def test_every_module_and_example_has_a_scenario(project_root: Path) -> None:
    targets = {s.target for s in SCENARIOS}
    wanted = {"."} | {
        str(d.relative_to(project_root))
        for d in module_dirs(project_root) + example_dirs(project_root)
    }
    assert wanted <= targets, f"no inventory plans {sorted(wanted - targets)}"


def test_every_policy_is_known_at_plan_time(plan_of_all_scenarios: CombinedPlan) -> None:
    checked, unknown = 0, []
    for change in plan_of_all_scenarios.plan["resource_changes"]:
        attribute = POLICY_ATTRIBUTES.get(change["type"])
        if attribute is None or change["mode"] != "managed":
            continue
        checked += 1
        if (change["change"].get("after_unknown") or {}).get(attribute) is True:
            unknown.append(f"{change['address']}.{attribute}")
    assert checked >= 10, f"only {checked} policies found in the plan"
    assert not unknown, f"policies unknown until apply (reviewers cannot read them): {unknown}"


def test_harness_validates(plan_of_all_scenarios: CombinedPlan) -> None:
    """`terraform validate` of the harness covers the root, every module and every example."""
    result = plan_of_all_scenarios.terraform.execute_command("validate", "-no-color")
    assert "The configuration is valid" in result.out, result.out
