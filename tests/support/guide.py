"""The policies of the AWS guide "Two-way SMS messaging", loaded from one data file.

`tests/offline/guide_policies.yaml` copies each statement with its placeholders (${partition},
${region}, ${account}, ${topic_arn}) and lists the only ways ours differ, each with its reason.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from string import Template
from typing import Any

import yaml

GUIDE_FILE = Path(__file__).resolve().parents[1] / "offline" / "guide_policies.yaml"


@dataclass(frozen=True)
class GuideStatement:
    name: str
    rendered_in: str  # "<resource type>.<attribute>" of the policy that must hold it
    statement: dict[str, Any]  # the guide's, placeholders unfilled
    differences: dict[str, Any] = field(default_factory=dict)  # our tightenings, by key
    example: str = "examples/"  # where to look for it: a folder prefix

    def ours(
        self, *, account: str, region: str, topic_arn: str, partition: str = "aws"
    ) -> dict[str, Any]:
        """The statement as our modules render it: the guide's with our differences applied
        and every placeholder filled in."""
        merged = {**self.statement, **self.differences}
        text = Template(json.dumps(merged)).substitute(
            partition=partition, region=region, account=account, topic_arn=topic_arn
        )
        filled: dict[str, Any] = json.loads(text)
        return filled


def load_guide(path: Path = GUIDE_FILE) -> list[GuideStatement]:
    entries = yaml.safe_load(path.read_text()) or []
    return [
        GuideStatement(
            name=entry["name"],
            rendered_in=entry["in"],
            statement=entry["statement"],
            differences=entry.get("differences") or {},
            example=entry.get("example", "examples/"),
        )
        for entry in entries
    ]


GUIDE = load_guide()
