"""Draft the expected values of plan inventories from the current plan.

Usage: .venv/bin/python scripts/draft_inventory.py tests/offline/inventories/root/defaults.yaml ...

It rewrites `values`, `counts` and `outputs` of each inventory from what Terraform plans now.
A draft is not a test oracle: read every line it writes (above all each policy, against the
AWS guide) before you commit it; the diff is the review.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

from two_way_sms_tools.project import PROJECT_ROOT as PROJECT
from two_way_sms_tools.terraform.combined_plan import combined_plan
from two_way_sms_tools.terraform.inventory import INVENTORY_DIR, ScenarioPlan, load_scenarios

SKIPPED_ATTRIBUTES = {"tags_all"}


def _parsed(value: Any) -> Any:
    """JSON documents (policies) become structures, so the inventory can be read and diffed."""
    if isinstance(value, dict):
        return {k: _parsed(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_parsed(v) for v in value]
    if isinstance(value, str) and value.lstrip().startswith("{"):
        try:
            return json.loads(value)
        except json.JSONDecodeError:
            return value
    return value


def _known(values: dict[str, Any], unknown: dict[str, Any]) -> dict[str, Any]:
    kept: dict[str, Any] = {}
    for key, value in sorted(values.items()):
        if key in SKIPPED_ATTRIBUTES or unknown.get(key) is True or value in (None, [], {}, ""):
            continue
        kept[key] = _parsed(value)
    return kept


def main(paths: list[str]) -> int:
    wanted = {Path(p).resolve() for p in paths}
    every = load_scenarios(PROJECT / INVENTORY_DIR)
    unknown = sorted(str(p) for p in wanted - {s.source for s in every})
    if unknown:
        print(
            f"error: not an inventory under {INVENTORY_DIR}/ (name existing .yaml files, or none "
            f"for all): {', '.join(unknown)}",
            file=sys.stderr,
        )
        return 2
    scenarios = [s for s in every if not wanted or s.source in wanted]
    with combined_plan(PROJECT, scenarios) as combined:
        plan = combined.plan
        for scenario in scenarios:
            part = ScenarioPlan.from_plan(plan, scenario.name)
            assert scenario.source is not None
            text = scenario.source.read_text()
            head = text.split("\nvalues:")[0].rstrip() + "\n"
            body = {
                "values": {
                    a: _known(v, part.unknown[a]) for a, v in sorted(part.resources.items())
                },
                "counts": dict(sorted(Counter(part.type_counts()).items())),
                "outputs": {
                    k: _parsed(v) for k, v in sorted(part.outputs.items()) if v is not None
                },
            }
            dumped = yaml.safe_dump(body, sort_keys=False, width=100, allow_unicode=True)
            scenario.source.write_text(head + dumped)
            print(f"drafted {scenario.source.relative_to(PROJECT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
