"""The decision, following AWS's policy evaluation logic
(https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html).

1. An applicable Deny statement in any given policy denies.
2. A service principal (no account) is allowed only by the resource policy.
3. Same account: a resource policy that names the caller (or everyone) allows on its own;
   one that names the caller's role allows within the permissions boundary; otherwise an
   identity-based allow is needed (within the boundary). A grant to the account in a resource
   policy delegates to the identity-based policies and allows nothing on its own.
4. Cross account: both the resource policy (naming the caller, its role or its account) and
   the identity-based policies (within the boundary) must allow.
5. KMS keys and roles (sts:AssumeRole and other sts actions on a role ARN): the key policy
   or trust policy must allow, directly or by delegating to IAM through a statement whose
   principal is the account; identity-based policies count only then.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import chain

from two_way_sms.policy.context import RequestContext
from two_way_sms.policy.documents import Policy, PolicyKind, parse_policy
from two_way_sms.policy.matching import account_of, parse_arn
from two_way_sms.policy.model import Decision, NamedPolicy, Request
from two_way_sms.policy.principals import CallerKind, Grant, identify
from two_way_sms.policy.statements import StatementMatch, Subject, closest_miss, match_statement


def _in_parentheses(miss: StatementMatch | None) -> str:
    return f" ({miss.explain_miss()})" if miss is not None else ""


def _denied(reason: str) -> Decision:
    return Decision(allowed=False, reason=f"denied: {reason}")


class _Evaluation:
    """All statements of one request tested once, and the reasoning over them."""

    def __init__(
        self,
        subject: Subject,
        identity: list[Policy],
        boundary: Policy | None,
        resource: Policy | None,
        resource_account: str | None,
    ) -> None:
        self.subject = subject
        self.caller = subject.caller
        self.identity = identity
        self.boundary = boundary
        self.resource = resource
        self.resource_account = resource_account

        def test(policies: list[Policy]) -> list[StatementMatch]:
            return [match_statement(s, subject) for p in policies for s in p.statements]

        self.identity_matches = test(identity)
        self.boundary_matches = test([boundary] if boundary else [])
        self.resource_matches = test([resource] if resource else [])

        self.identity_allow = self._first_allow(self.identity_matches)
        self.boundary_allow = self._first_allow(self.boundary_matches)
        self.boundary_ok = boundary is None or self.boundary_allow is not None
        # The root user has every identity-based permission in its account.
        has_identity_allow = self.identity_allow is not None or self.caller.kind is CallerKind.ROOT
        self.identity_ok = has_identity_allow and self.boundary_ok

    @staticmethod
    def _first_allow(
        matches: list[StatementMatch], grants: tuple[Grant, ...] = tuple(Grant)
    ) -> StatementMatch | None:
        return next(
            (
                m
                for m in matches
                if m.applies and m.statement.effect == "Allow" and m.grant in grants
            ),
            None,
        )

    def _resource_allow(self, *grants: Grant) -> StatementMatch | None:
        return self._first_allow(self.resource_matches, grants or tuple(Grant))

    # -- decisions ---------------------------------------------------------------------------

    def decide(self, required_policy: str | None) -> Decision:
        """``required_policy`` names the resource policy that must allow ("key policy",
        "trust policy"), or is None where identity-based policies may allow on their own."""
        all_matches = chain(self.identity_matches, self.boundary_matches, self.resource_matches)
        deny = next((m for m in all_matches if m.applies and m.statement.effect == "Deny"), None)
        if deny is not None:
            where = deny.statement.where
            return Decision(allowed=False, reason=f"explicit deny by {where}", deciding=(where,))
        if self.caller.kind is CallerKind.SERVICE or self.caller.account is None:
            return self._decide_without_identity()
        same_account = self.resource_account in (None, self.caller.account)
        if required_policy is not None:
            if self.resource is None:
                return _denied(
                    f"{self.subject.resource} can be used only when its {required_policy} "
                    f"allows it, and no {required_policy} was given"
                )
            if same_account:
                return self._decide_delegated_same_account()
        elif same_account:
            return self._decide_same_account()
        return self._decide_cross_account()

    def _decide_without_identity(self) -> Decision:
        allow = self._resource_allow()
        if allow is not None:
            return self._allowed(f"allowed by {allow.statement.where}", allow)
        if self.resource is None:
            return _denied(
                f"{self.caller.text} has no identity-based policies, so only a resource policy "
                f"can allow {self.subject.action} on {self.subject.resource}, and none was given"
            )
        return _denied(self._resource_gap(same_account=False))

    def _decide_same_account(self) -> Decision:
        granted = self._resource_grant()
        if granted is not None:
            return granted
        if self.identity_ok:
            text, matches = self._identity_grant()
            return self._allowed(text, *matches)
        gaps = [self._identity_gap()]
        if self.resource is not None:
            gaps.append(self._resource_gap(same_account=True))
        return _denied(", and ".join(gaps))

    def _decide_delegated_same_account(self) -> Decision:
        assert self.resource is not None  # checked by decide()
        granted = self._resource_grant()
        if granted is not None:
            return granted
        account = self.caller.account
        delegation = self._resource_allow(Grant.ACCOUNT)
        if delegation is not None:
            if self.identity_ok:
                text, matches = self._identity_grant()
                return self._allowed(
                    f"{text}, to which {delegation.statement.where} delegates",
                    *matches,
                    delegation,
                )
            return _denied(
                f"{delegation.statement.where} delegates to IAM policies of account {account}, "
                f"but {self._identity_gap()}"
            )
        blocked = self._role_grant_beyond_boundary()
        reason = blocked or (
            f"{self.resource.name} neither allows {self.subject.action} for {self.caller.text} "
            f"nor delegates to IAM policies of account {account} (with a statement whose "
            f"principal is arn:aws:iam::{account}:root)"
            f"{_in_parentheses(closest_miss(self.resource_matches))}"
        )
        if self.identity_allow is not None:
            reason += f"; {self.identity_allow.statement.where} does not count without that"
        return _denied(reason)

    def _decide_cross_account(self) -> Decision:
        allow = self._resource_allow()
        if allow is not None and self.identity_ok:
            text, matches = self._identity_grant()
            return self._allowed(
                f"{text} and by {allow.statement.where} (a cross-account request needs both)",
                *matches,
                allow,
            )
        gaps = []
        if allow is None:
            gaps.append(self._resource_gap(same_account=False))
        if not self.identity_ok:
            gaps.append(self._identity_gap())
        return _denied(
            f"a cross-account request (account {self.caller.account} to "
            f"{self.resource_account}) needs an allow in both the identity-based policies and "
            f"the resource policy, but " + ", and ".join(gaps)
        )

    # -- building blocks ---------------------------------------------------------------------

    def _resource_grant(self) -> Decision | None:
        """A same-account resource-policy grant that needs no identity-based allow."""
        direct = self._resource_allow(Grant.DIRECT)
        if direct is not None:
            return self._allowed(f"allowed by {direct.statement.where}", direct)
        role = self._resource_allow(Grant.ROLE)
        if role is not None and self.boundary_ok:
            text = f"allowed by {role.statement.where}"
            if self.boundary_allow is not None:
                text += f" within {self.boundary_allow.statement.where}"
            return self._allowed(text, role, self.boundary_allow)
        return None

    def _identity_grant(self) -> tuple[str, tuple[StatementMatch | None, ...]]:
        """The text and statements of an identity-side allow (only call when identity_ok)."""
        if self.identity_allow is not None:
            text = f"allowed by {self.identity_allow.statement.where}"
        else:
            text = f"allowed for the root user of account {self.caller.account}"
        if self.boundary_allow is not None:
            text += f" within {self.boundary_allow.statement.where}"
        return text, (self.identity_allow, self.boundary_allow)

    @staticmethod
    def _allowed(text: str, *matches: StatementMatch | None) -> Decision:
        deciding = tuple(m.statement.where for m in matches if m is not None)
        return Decision(allowed=True, reason=text, deciding=deciding)

    def _identity_gap(self) -> str:
        action = self.subject.action
        if self.boundary is not None and self.identity_allow is not None and not self.boundary_ok:
            return (
                f"{self.identity_allow.statement.where} allows {action} but {self.boundary.name} "
                f"does not{_in_parentheses(closest_miss(self.boundary_matches))}"
            )
        if not self.identity:
            return f"no identity-based policy of {self.caller.text} allows {action} (none given)"
        names = " or ".join(policy.name for policy in self.identity)
        return (
            f"no statement of {names} allows {action} on {self.subject.resource}"
            f"{_in_parentheses(closest_miss(self.identity_matches))}"
        )

    def _role_grant_beyond_boundary(self) -> str | None:
        """Why a resource-policy grant to the caller's role does not count, if that is why."""
        role_grant = self._resource_allow(Grant.ROLE)
        if role_grant is None or self.boundary is None or self.boundary_ok:
            return None
        return (
            f"{role_grant.statement.where} names role {self.caller.role_name}, but a grant to a "
            f"role is limited by {self.boundary.name}, which does not allow {self.subject.action}"
        )

    def _resource_gap(self, same_account: bool) -> str:
        action = self.subject.action
        if self.resource is None:
            return "no resource policy was given"
        account_grant = self._resource_allow(Grant.ACCOUNT)
        if same_account and account_grant is not None:
            return (
                f"{account_grant.statement.where} grants {action} to account "
                f"{self.caller.account} only, which leaves it to the identity-based policies"
            )
        blocked = self._role_grant_beyond_boundary()
        if blocked is not None:
            return blocked
        return (
            f"no statement of {self.resource.name} allows {action} for {self.caller.text}"
            f"{_in_parentheses(closest_miss(self.resource_matches))}"
        )


def evaluate(
    request: Request,
    *,
    identity_policies: Sequence[NamedPolicy] = (),
    resource_policy: NamedPolicy | None = None,
    permissions_boundary: NamedPolicy | None = None,
    resource_is_kms_key: bool = False,
) -> Decision:
    """Decide whether ``request`` is allowed by the given policies.

    ``identity_policies`` are the caller's own (inline and attached, including its groups');
    ``resource_policy`` is the policy on the resource: an SNS topic policy, a KMS key policy
    (set ``resource_is_kms_key``) or, for sts:AssumeRole on a role ARN, the role's trust
    policy; for these two the resource policy must allow (see the module docstring).
    ``permissions_boundary`` applies to users, roles and role sessions. Every document is
    validated first, so a malformed one raises PolicyError whatever the outcome.
    """
    identity = [parse_policy(policy, PolicyKind.IDENTITY) for policy in identity_policies]
    boundary = (
        parse_policy(permissions_boundary, PolicyKind.BOUNDARY)
        if permissions_boundary is not None
        else None
    )
    resource = (
        parse_policy(resource_policy, PolicyKind.RESOURCE) if resource_policy is not None else None
    )
    caller = identify(request.principal, request.principal_account)
    has_boundary = boundary is not None and caller.is_iam_entity
    subject = Subject(
        caller=caller,
        action=request.action,
        resource=request.resource,
        context=RequestContext(request.context),
        has_boundary=has_boundary,
    )
    resource_account = request.resource_account or account_of(request.resource)
    evaluation = _Evaluation(
        subject, identity, boundary if has_boundary else None, resource, resource_account
    )
    return evaluation.decide(_required_policy(request, resource_is_kms_key))


def _required_policy(request: Request, resource_is_kms_key: bool) -> str | None:
    """The resource policy without whose allow nothing is allowed, if the resource has one."""
    if resource_is_kms_key:
        return "key policy"
    role = parse_arn(request.resource)
    is_role = role is not None and role.service == "iam" and role.resource.startswith("role/")
    if is_role and request.action.lower().startswith("sts:"):
        return "trust policy"
    return None
