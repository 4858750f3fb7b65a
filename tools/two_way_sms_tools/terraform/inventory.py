"""Plan inventories: expected values for plans, kept as YAML (cloud-foundation-fabric style).

Each inventory names a target (the root module, a module or an example), the variables to
plan it with, and what the plan must show: attribute values of some resources (policies are
compared in full as parsed JSON), how many resources of each type, and output values.

All scenarios are planned together: one generated root calls every target once per scenario,
so one `terraform plan` (one provider start) covers them all.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

HARNESS_DIR = "_plan_harness"
INVENTORY_DIR = Path("tests") / "offline" / "inventories"  # of the project root


@dataclass(frozen=True)
class Scenario:
    name: str  # unique, a valid Terraform identifier
    target: str  # "." or a folder relative to the project root
    variables: Mapping[str, Any]
    values: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    counts: Mapping[str, int] = field(default_factory=dict)
    outputs: Mapping[str, Any] = field(default_factory=dict)
    source: Path | None = None


def _identifier(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_]", "_", text)


def load_scenarios(inventory_dir: Path) -> list[Scenario]:
    scenarios = []
    for path in sorted(inventory_dir.rglob("*.yaml")):
        data = yaml.safe_load(path.read_text()) or {}
        relative = path.relative_to(inventory_dir).with_suffix("")
        try:
            scenarios.append(
                Scenario(
                    name=_identifier("__".join(relative.parts)),
                    target=data["target"],
                    variables=data.get("variables") or {},
                    values=data.get("values") or {},
                    counts=data.get("counts") or {},
                    outputs=data.get("outputs") or {},
                    source=path,
                )
            )
        except KeyError as error:
            message = f"{path}: missing key {error}; every inventory needs `target`"
            raise ValueError(message) from None
    return scenarios


def harness_root(scenarios: list[Scenario], region: str = "us-east-1") -> dict[str, Any]:
    """Terraform JSON for a root that calls each scenario's target with its variables."""
    modules: dict[str, Any] = {}
    outputs: dict[str, Any] = {}
    for scenario in scenarios:
        source = "../" if scenario.target == "." else f"../{scenario.target.strip('/')}"
        modules[scenario.name] = {"source": source, **scenario.variables}
        outputs[scenario.name] = {"value": f"${{module.{scenario.name}}}"}
    return {
        "terraform": {"required_providers": {"aws": {"source": "hashicorp/aws"}}},
        "provider": {"aws": {"region": region}},
        "module": modules,
        "output": outputs,
    }


def write_harness(sources_copy: Path, scenarios: list[Scenario]) -> Path:
    harness = sources_copy / HARNESS_DIR
    harness.mkdir(exist_ok=True)
    (harness / "main.tf.json").write_text(json.dumps(harness_root(scenarios), indent=2))
    lock = sources_copy / ".terraform.lock.hcl"
    if lock.exists():
        (harness / ".terraform.lock.hcl").write_text(lock.read_text())
    return harness


def _decode_json_strings(expected: Any, actual: Any) -> Any:
    """Policies are JSON strings in plans; parse them where the inventory holds a structure."""
    if isinstance(expected, (dict, list)) and isinstance(actual, str):
        try:
            return json.loads(actual)
        except json.JSONDecodeError:
            return actual
    if isinstance(expected, dict) and isinstance(actual, dict):
        return {k: _decode_json_strings(expected.get(k), v) for k, v in actual.items()}
    if isinstance(expected, list) and isinstance(actual, list) and len(expected) == len(actual):
        # as draft_inventory writes them: a JSON document inside a list is a structure too
        return [_decode_json_strings(e, a) for e, a in zip(expected, actual, strict=True)]
    return actual


@dataclass
class ScenarioPlan:
    """The part of a combined plan that belongs to one scenario."""

    resources: dict[str, dict[str, Any]]  # address without the scenario prefix -> values
    unknown: dict[str, dict[str, Any]]  # address -> after_unknown
    outputs: dict[str, Any]

    @classmethod
    def from_plan(cls, plan: Mapping[str, Any], scenario: str) -> ScenarioPlan:
        prefix = f"module.{scenario}."
        resources: dict[str, dict[str, Any]] = {}
        unknown: dict[str, dict[str, Any]] = {}
        for change in plan.get("resource_changes", []):
            address = change["address"]
            if not address.startswith(prefix) or change.get("mode") == "data":
                continue
            short = address[len(prefix) :]
            resources[short] = change["change"].get("after") or {}
            unknown[short] = change["change"].get("after_unknown") or {}
        # output_changes keeps the known parts of outputs that are partly unknown at plan time.
        change = plan.get("output_changes", {}).get(scenario) or {}
        outputs = change.get("after") or {}
        return cls(resources=resources, unknown=unknown, outputs=outputs)

    def type_counts(self) -> Counter[str]:
        return Counter(_resource_type(address) for address in self.resources)


def _resource_type(address: str) -> str:
    parts = [p for p in address.split(".") if p and not p.startswith("module")]
    # "module.x.aws_iam_role.this[0]" -> parts ["x", "aws_iam_role", "this[0]"]: take the type.
    return parts[-2]


def compare(scenario: Scenario, plan: ScenarioPlan) -> list[str]:
    """Every difference between the inventory and the plan, as readable lines."""
    problems: list[str] = []
    for address, expected_values in scenario.values.items():
        if address not in plan.resources:
            problems.append(f"{address}: not in the plan (planned: {sorted(plan.resources)})")
            continue
        actual_values = plan.resources[address]
        for attribute, expected in expected_values.items():
            if plan.unknown.get(address, {}).get(attribute) is True:
                problems.append(f"{address}.{attribute}: unknown at plan, expected {expected!r}")
                continue
            actual = _decode_json_strings(expected, actual_values.get(attribute))
            if actual != expected:
                problems.append(
                    f"{address}.{attribute}:\n  expected {json.dumps(expected, sort_keys=True)}"
                    f"\n  planned  {json.dumps(actual, sort_keys=True)}"
                )
    counts = plan.type_counts()
    for resource_type in sorted(set(counts) - set(scenario.counts)):
        problems.append(f"{resource_type}: {counts[resource_type]} planned, none in the inventory")
    for resource_type, expected_count in scenario.counts.items():
        planned = counts.get(resource_type, 0)
        if planned != expected_count:
            problems.append(
                f"count of {resource_type}: expected {expected_count}, planned {planned}"
            )
    for name, expected in scenario.outputs.items():
        actual = _decode_json_strings(expected, plan.outputs.get(name))
        if actual != expected:
            problems.append(f"output {name}: expected {expected!r}, planned {actual!r}")
    return problems
