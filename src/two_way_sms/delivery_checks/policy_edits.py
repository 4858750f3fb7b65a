"""Judging a request with `two_way_sms.policy.evaluate`, and finding the fix that makes it pass.

A fix is a set of `PolicyEdit`s (a statement merged into one policy: a statement with the same
Sid is replaced, others are kept). Candidate edits are tried, smallest set first, by evaluating
the request again with them applied: the fix a check prints is one the evaluator has verified.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from itertools import combinations
from typing import Any, Literal

from two_way_sms.delivery_checks.deployment import PolicyDocument
from two_way_sms.delivery_checks.results import FixStep
from two_way_sms.policy import Decision, NamedPolicy, PolicyError, Request, evaluate

Target = Literal["trust", "inline", "boundary", "topic-policy", "key-policy"]
_SLOTS = {
    "trust": "resource",
    "inline": "identity",
    "boundary": "boundary",
    "topic-policy": "resource",
    "key-policy": "resource",
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
class Policies:
    """The policies a request is judged against."""

    identity: tuple[NamedPolicy, ...] = ()
    resource: NamedPolicy | None = None
    boundary: NamedPolicy | None = None


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

    @property
    def document(self) -> dict[str, Any]:
        return merged(self.base, self.statement)

    def apply(self, policies: Policies) -> Policies:
        edited = NamedPolicy(self.policy_name, self.document)
        slot = _SLOTS[self.target]
        if slot == "resource":
            return replace(policies, resource=edited)
        if slot == "boundary":
            return replace(policies, boundary=edited)
        others = tuple(p for p in policies.identity if p.name != self.policy_name)
        return replace(policies, identity=(*others, edited))

    def step(self) -> FixStep:
        return FixStep(self.action, self.statement, self.command(self.document))


def decide(request: Request, policies: Policies, *, kms: bool = False) -> Decision:
    return evaluate(
        request,
        identity_policies=policies.identity,
        resource_policy=policies.resource,
        permissions_boundary=policies.boundary,
        resource_is_kms_key=kms,
    )


def first_denial(
    requests: Sequence[Request], policies: Policies, *, kms: bool = False
) -> tuple[Request, Decision] | None:
    """The first request the policies deny, with its decision; None when all are allowed."""
    for request in requests:
        decision = decide(request, policies, kms=kms)
        if not decision.allowed:
            return request, decision
    return None


def smallest_fix(
    requests: Sequence[Request],
    policies: Policies,
    candidates: Sequence[PolicyEdit],
    *,
    kms: bool = False,
) -> tuple[PolicyEdit, ...] | None:
    """The fewest candidate edits (in candidate order) after which every request is allowed."""
    for size in range(1, len(candidates) + 1):
        for edits in combinations(candidates, size):
            edited = policies
            for edit in edits:
                edited = edit.apply(edited)
            try:
                if first_denial(requests, edited, kms=kms) is None:
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
