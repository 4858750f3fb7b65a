"""Plan an example offline and print what it would create, policies in full.

`make plan EXAMPLE=examples/sns-kms` (`python -m two_way_sms_tools.demo_plan examples/sns-kms`
with tools/ on the path): no AWS account, no network (STS is answered on loopback), so anyone
can read exactly what `terraform apply` would do.
"""

from __future__ import annotations

import json
import sys

from two_way_sms_tools.project import PROJECT_ROOT
from two_way_sms_tools.terraform.combined_plan import combined_plan
from two_way_sms_tools.terraform.inventory import Scenario, ScenarioPlan
from two_way_sms_tools.terraform.offline_sts import OFFLINE_ACCOUNT_ID

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
    if not (PROJECT_ROOT / target / "main.tf").is_file():
        print(
            f"error: {target}/main.tf not found in the project; name a folder of it, such as "
            "examples/sns-kms",
            file=sys.stderr,
        )
        return 2
    scenario = Scenario(name="demo", target=target, variables={})
    with combined_plan(PROJECT_ROOT, [scenario]) as combined:
        print(f"Offline plan of {target} (account {OFFLINE_ACCOUNT_ID} on loopback):\n")
        print(render(ScenarioPlan.from_plan(combined.plan, "demo")))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
