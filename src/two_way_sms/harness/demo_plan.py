"""Plan an example offline and print what it would create, policies in full.

`python -m two_way_sms.harness.demo_plan examples/sns-kms`: no AWS account, no network (STS
is answered on loopback), so anyone can read exactly what `terraform apply` would do.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from two_way_sms.harness.combined_plan import combined_plan
from two_way_sms.harness.inventory import Scenario, ScenarioPlan

POLICY_ATTRIBUTES = ("assume_role_policy", "policy")


def render(plan: ScenarioPlan) -> str:
    lines = []
    for address, values in sorted(plan.resources.items()):
        lines.append(f"+ {address}")
        for attribute in POLICY_ATTRIBUTES:
            text = values.get(attribute)
            if isinstance(text, str) and text.startswith("{"):
                body = json.dumps(json.loads(text), indent=2)
                lines += [f"    {attribute}:"] + [f"      {line}" for line in body.splitlines()]
    lines.append("")
    lines += [f"output {k} = {json.dumps(v)}" for k, v in sorted(plan.outputs.items())]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    target = args[0] if args else "examples/sns-kms"
    project_root = Path.cwd()
    if not (project_root / target / "main.tf").is_file():
        print(f"error: {target}/main.tf not found; run from the project root", file=sys.stderr)
        return 2
    scenario = Scenario(name="demo", target=target, variables={})
    with combined_plan(project_root, [scenario]) as combined:
        print(f"Offline plan of {target} (account 123456789012 on loopback):\n")
        print(render(ScenarioPlan.from_plan(combined.plan, "demo")))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
