"""Testing one statement against a request, keeping what did not match for the explanation."""

from __future__ import annotations

from dataclasses import dataclass

from two_way_sms.policy.context import RequestContext
from two_way_sms.policy.documents import Statement
from two_way_sms.policy.matching import action_matches, resource_matches
from two_way_sms.policy.principals import Caller, Grant
from two_way_sms.policy.variables import Template


@dataclass(frozen=True)
class Subject:
    """The parts of a request a statement is tested against."""

    caller: Caller
    action: str
    resource: str
    context: RequestContext
    has_boundary: bool  # a boundary applies to the caller (changes NotPrincipal, see principals)


@dataclass(frozen=True)
class StatementMatch:
    """A statement tested against a request.

    ``grant`` says how the Principal element names the caller (DIRECT for statements without
    one); ``misses`` describes each element that does not match, in the order Principal,
    Action, Resource, Condition. The statement applies when nothing is missed.
    """

    statement: Statement
    grant: Grant | None
    misses: tuple[str, ...]
    principal_ok: bool
    action_ok: bool
    resource_ok: bool
    condition_ok: bool

    @property
    def applies(self) -> bool:
        return not self.misses

    @property
    def closeness(self) -> tuple[int, bool, bool, bool]:
        """How near the statement came to applying; Action outranks Principal and Resource."""
        matched = (self.principal_ok, self.action_ok, self.resource_ok, self.condition_ok)
        return (sum(matched), self.action_ok, self.principal_ok, self.resource_ok)

    def explain_miss(self) -> str:
        missed = " and ".join(self.misses)
        if self.principal_ok and self.action_ok and self.resource_ok:
            return f"{self.statement.label} matches but {missed}"
        return f"closest is {self.statement.label}, but {missed}"


def match_statement(statement: Statement, subject: Subject) -> StatementMatch:
    misses: list[str] = []
    caller = subject.caller

    grant: Grant | None = Grant.DIRECT
    if statement.principal is not None:
        grant = statement.principal.grant_for(caller)
        if grant is None:
            misses.append(
                f"its Principal {statement.principal.describe()} does not name {caller.text}"
            )
    elif statement.not_principal is not None and statement.not_principal.excludes(
        caller, subject.has_boundary
    ):
        grant = None
        misses.append(f"its NotPrincipal exempts {caller.text}")
    principal_ok = grant is not None

    covered = any(action_matches(pattern, subject.action) for pattern in statement.actions)
    action_ok = covered != statement.not_action
    if not action_ok:
        element = "NotAction excludes" if statement.not_action else "Action does not cover"
        misses.append(f"its {element} {subject.action}")

    resource_ok = True
    if statement.resource_patterns is not None:
        covered = any(
            _resource_covered(pattern, subject) for pattern in statement.resource_patterns
        )
        resource_ok = covered != statement.not_resource
        if not resource_ok:
            element = (
                "NotResource excludes" if statement.not_resource else "Resource does not cover"
            )
            misses.append(f"its {element} {subject.resource}")

    failed = next(
        (clause for clause in statement.conditions if not clause.holds(subject.context)), None
    )
    if failed is not None:
        misses.append(failed.explain_failure(subject.context))

    return StatementMatch(
        statement=statement,
        grant=grant,
        misses=tuple(misses),
        principal_ok=principal_ok,
        action_ok=action_ok,
        resource_ok=resource_ok,
        condition_ok=failed is None,
    )


def _resource_covered(pattern: str | Template, subject: Subject) -> bool:
    if not isinstance(pattern, Template):
        return resource_matches(pattern, subject.resource)
    # "the resource that includes a policy variable with no value will not match any resource"
    resolved = pattern.resolve(subject.context)
    return resolved is not None and resource_matches(
        resolved.pattern, subject.resource, escaped=True
    )


def closest_miss(matches: list[StatementMatch]) -> StatementMatch | None:
    """The Allow statement that came nearest to applying without applying."""
    candidates = [m for m in matches if m.statement.effect == "Allow" and not m.applies]
    return max(candidates, key=lambda m: m.closeness, default=None)
