"""Finding the policy fix that makes a failed policy rule pass.

A fix is a set of `PolicyEdit`s (a statement merged into one policy: a statement with the same
Sid is replaced, others are kept). Candidate edits are tried, smallest set first, by evaluating
the request again with them applied: the fix a check prints is one the evaluator has verified.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any, Literal

from two_way_sms.delivery import Deployment, Policies, PolicyDocument, PolicyQuestion
from two_way_sms.delivery.judging import first_denial
from two_way_sms.doctor.results import FixStep
from two_way_sms.policy import Decision, NamedPolicy, PolicyError

Target = Literal[
    "trust",
    "inline",
    "boundary",
    "topic-policy",
    "key-policy",
    "function-policy",
    "responder-inline",
]
_SLOTS = {
    "trust": "resource",
    "inline": "identity",
    "boundary": "boundary",
    "topic-policy": "resource",
    "key-policy": "resource",
    "function-policy": "resource",  # a Lambda function's resource policy
    "responder-inline": "identity",  # an inline policy of a responder's execution role
}


def merged(base: PolicyDocument | None, statement: Mapping[str, Any]) -> dict[str, Any]:
    """`base` with `statement` added (replacing a statement with the same Sid)."""
    doc: dict[str, Any] = {}
    if isinstance(base, str):
        try:
            loaded = json.loads(base)
        except json.JSONDecodeError:
            loaded = {}
        doc = dict(loaded) if isinstance(loaded, Mapping) else {}
    elif base is not None:
        doc = dict(base)
    existing = doc.get("Statement", [])
    statements = [existing] if isinstance(existing, Mapping) else list(existing or [])
    sid = statement.get("Sid")
    kept = [s for s in statements if not (sid and isinstance(s, Mapping) and s.get("Sid") == sid)]
    others = {k: v for k, v in doc.items() if k not in ("Version", "Statement")}
    return {
        "Version": doc.get("Version", "2012-10-17"),
        **others,
        "Statement": [*kept, dict(statement)],
    }


@dataclass(frozen=True)
class PolicyEdit:
    """Add `statement` to one policy (`target`: which kind; `policy_name`: its name in decisions),
    creating the policy if `base` is None."""

    target: Target
    policy_name: str
    base: PolicyDocument | None
    statement: Mapping[str, Any]
    action: str  # what a person does, e.g. "Add this statement to the trust policy of role/x"
    command: Callable[[dict[str, Any]], str] = field(compare=False)
    inline_name: str = ""  # for target "inline": the inline policy's name

    @property
    def document(self) -> dict[str, Any]:
        return merged(self.base, self.statement)

    def apply(self, policies: Policies) -> Policies:
        return policies.replaced(_SLOTS[self.target], NamedPolicy(self.policy_name, self.document))

    def applied_to(self, deployment: Deployment) -> Deployment:
        """The deployment once this edit is made (later rules are judged on it)."""
        return deployment.with_policy(self.target, self.document, name=self.inline_name)

    def step(self) -> FixStep:
        return FixStep(self.action, self.statement, self.command(self.document))


def smallest_fix(
    question: PolicyQuestion, candidates: Sequence[PolicyEdit]
) -> tuple[PolicyEdit, ...] | None:
    """The fewest candidate edits (in candidate order) after which every request is allowed."""
    for size in range(1, len(candidates) + 1):
        for edits in combinations(candidates, size):
            edited = question.policies
            for edit in edits:
                edited = edit.apply(edited)
            try:
                if first_denial(question.requests, edited, kms=question.kms) is None:
                    return edits
            except PolicyError:
                return None
    return None


def deny_steps(decision: Decision) -> tuple[FixStep, ...]:
    """For an explicit deny no statement can be added: the Deny itself must go or narrow."""
    return tuple(
        FixStep(f"Remove or narrow {where}: an explicit Deny overrides every Allow")
        for where in decision.deciding
    )
