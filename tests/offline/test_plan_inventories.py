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
# The only policies that cannot be read at plan time, each with its reason.
UNKNOWN_UNTIL_APPLY = {
    # The responder's reply permission names the phone number requested in the same apply:
    # AWS assigns the number's ID, so its ARN, only then (the module's own inventories, given
    # ARNs, show the policy in full).
    "module.examples__responder.module.responder.aws_iam_role_policy.reply.policy",
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
    checked, unknown, excused = 0, [], set[str]()
    for change in plan_of_all_scenarios.plan["resource_changes"]:
        attribute = POLICY_ATTRIBUTES.get(change["type"])
        if attribute is None or change["mode"] != "managed":
            continue
        checked += 1
        if (change["change"].get("after_unknown") or {}).get(attribute) is True:
            name = f"{change['address']}.{attribute}"
            if name in UNKNOWN_UNTIL_APPLY:
                excused.add(name)
            else:
                unknown.append(name)
    assert checked >= 10, f"only {checked} policies found in the plan"
    assert not unknown, f"policies unknown until apply (reviewers cannot read them): {unknown}"
    # An excuse that no longer applies goes: the policy became readable, or it moved.
    assert excused == UNKNOWN_UNTIL_APPLY, f"stale excuses: {UNKNOWN_UNTIL_APPLY - excused}"


def test_harness_validates(plan_of_all_scenarios: CombinedPlan) -> None:
    """`terraform validate` of the harness covers the root, every module and every example."""
    result = plan_of_all_scenarios.terraform.execute_command("validate", "-no-color")
    assert "The configuration is valid" in result.out, result.out
