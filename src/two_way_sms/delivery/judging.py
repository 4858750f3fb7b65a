"""A policy question: the requests the service makes, the policies they are judged against, and
`two_way_sms.policy`'s answer. The emulator and the doctor both ask through here."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from two_way_sms.policy import Decision, NamedPolicy, Request, evaluate


@dataclass(frozen=True)
class Policies:
    """The policies a request is judged against."""

    identity: tuple[NamedPolicy, ...] = ()
    resource: NamedPolicy | None = None
    boundary: NamedPolicy | None = None

    def replaced(self, slot: str, policy: NamedPolicy) -> Policies:
        """With `policy` as the resource policy, the boundary, or one identity policy (by name)."""
        if slot == "resource":
            return replace(self, resource=policy)
        if slot == "boundary":
            return replace(self, boundary=policy)
        others = tuple(p for p in self.identity if p.name != policy.name)
        return replace(self, identity=(*others, policy))


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
    """The first request the policies deny, with its decision; None when all are allowed.
    Raises PolicyError for a malformed policy."""
    for request in requests:
        decision = decide(request, policies, kms=kms)
        if not decision.allowed:
            return request, decision
    return None


@dataclass(frozen=True)
class PolicyQuestion:
    """May `who` make every request? `what(request)` words one ("sns:Publish to <topic>");
    `kms` marks a KMS key's policy as the resource policy (KMS's own rules apply)."""

    requests: tuple[Request, ...]
    policies: Policies
    who: str
    what: Callable[[Request], str]
    kms: bool = False
    subject: str = ""  # what the question is about when a rule asks several (a responder's ARN)
