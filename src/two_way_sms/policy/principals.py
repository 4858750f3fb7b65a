"""Who is calling, and whether a statement's Principal or NotPrincipal element names them.

Principal values (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html):
``"*"`` or ``{"AWS": "*"}`` is everyone; an account ID or ``arn:aws:iam::ACCOUNT:root`` is the
account (a grant to the account is delegated to that account's IAM policies); a role ARN names
the role and every session of it; a session, user or service principal names exactly that.
Only the lone ``"*"`` is a wildcard: ARNs in a Principal are compared literally.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum, IntEnum
from typing import Any

from two_way_sms.policy.errors import PolicyError
from two_way_sms.policy.matching import parse_arn

_ACCOUNT_ID = re.compile(r"\d{12}")
_PRINCIPAL_TYPES = ("AWS", "Service", "Federated", "CanonicalUser")


class CallerKind(Enum):
    SERVICE = "service"
    ROOT = "account root"
    USER = "user"
    ROLE = "role"
    SESSION = "assumed-role session"
    OTHER = "principal"


@dataclass(frozen=True)
class Caller:
    """The principal of a request, broken down into what a policy can name it by."""

    text: str
    kind: CallerKind
    account: str | None
    partition: str | None = None
    role_name: str | None = None

    @property
    def is_iam_entity(self) -> bool:
        """Users, roles and role sessions: the principals a permissions boundary applies to."""
        return self.kind in (CallerKind.USER, CallerKind.ROLE, CallerKind.SESSION)


def identify(principal: str, account: str | None = None) -> Caller:
    """Classify a request principal; ``account`` overrides the account read from its ARN."""
    arn = parse_arn(principal)
    if arn is None:
        # Service principals are DNS-like names: sms-voice.amazonaws.com, *.amazonaws.com.cn...
        kind = CallerKind.SERVICE if "." in principal else CallerKind.OTHER
        return Caller(principal, kind, account)
    owner = account if account is not None else (arn.account or None)
    resource = arn.resource
    if arn.service == "iam" and resource == "root":
        return Caller(principal, CallerKind.ROOT, owner, arn.partition)
    if arn.service == "iam" and resource.startswith("user/"):
        return Caller(principal, CallerKind.USER, owner, arn.partition)
    if arn.service == "iam" and resource.startswith("role/"):
        # Role names are unique in an account whatever their path, and sessions omit the path.
        role_name = resource.rsplit("/", 1)[-1]
        return Caller(principal, CallerKind.ROLE, owner, arn.partition, role_name)
    if arn.service == "sts" and resource.startswith("assumed-role/"):
        # assumed-role/<role name>/<session name>
        session_role = resource.split("/")[1] if resource.count("/") >= 2 else None
        return Caller(principal, CallerKind.SESSION, owner, arn.partition, session_role)
    return Caller(principal, CallerKind.OTHER, owner, arn.partition)


class Grant(IntEnum):
    """How a Principal element names the caller, weakest first."""

    ACCOUNT = 1  # the caller's account: delegates to that account's identity policies
    ROLE = 2  # the role of a session (or the role itself): still limited by a boundary
    DIRECT = 3  # the caller itself, or everyone


@dataclass(frozen=True)
class PrincipalSpec:
    """A parsed Principal or NotPrincipal element."""

    everyone: bool = False
    aws: tuple[str, ...] = ()
    service: tuple[str, ...] = ()
    other: tuple[str, ...] = ()  # Federated and CanonicalUser values, compared literally

    def grant_for(self, caller: Caller) -> Grant | None:
        """The strongest way this element names ``caller``, or None."""
        if self.everyone or "*" in self.aws:
            return Grant.DIRECT
        if caller.kind is CallerKind.SERVICE:
            return Grant.DIRECT if caller.text in self.service else None
        if caller.text in self.other:
            return Grant.DIRECT
        grants = [grant for value in self.aws if (grant := _aws_grant(value, caller))]
        return max(grants, default=None)

    def excludes(self, caller: Caller, has_boundary: bool) -> bool:
        """Whether a NotPrincipal element exempts ``caller``.

        AWS checks the account first, then the role, then the session, so the element must
        name the caller's account as well as the caller (or, for a session, its role). It
        never exempts a user or role that has a permissions boundary.
        """
        if self.everyone or "*" in self.aws:
            return True
        if caller.kind is CallerKind.SERVICE:
            return caller.text in self.service
        if caller.is_iam_entity and has_boundary:
            return False
        if caller.text in self.other:
            return True
        grants = {grant for value in self.aws if (grant := _aws_grant(value, caller))}
        if caller.kind is CallerKind.ROOT:
            return Grant.ACCOUNT in grants or Grant.DIRECT in grants
        return Grant.ACCOUNT in grants and bool(grants & {Grant.ROLE, Grant.DIRECT})

    def describe(self) -> str:
        if self.everyone:
            return '"*"'
        named = [*self.aws, *self.service, *self.other]
        return named[0] if len(named) == 1 else "[" + ", ".join(named) + "]"


def _aws_grant(value: str, caller: Caller) -> Grant | None:
    if caller.account is None:
        return None
    if _ACCOUNT_ID.fullmatch(value):
        return Grant.ACCOUNT if value == caller.account else None
    named = parse_arn(value)
    if named is None or named.account != caller.account:
        return None
    if caller.partition is not None and named.partition != caller.partition:
        return None
    if named.service == "iam" and named.resource == "root":
        return Grant.ACCOUNT
    if value == caller.text:
        return Grant.ROLE if caller.kind is CallerKind.ROLE else Grant.DIRECT
    # A role ARN names the role whatever its path, and every session of it.
    names_role = named.service == "iam" and named.resource.startswith("role/")
    same_role = names_role and named.resource.rsplit("/", 1)[-1] == caller.role_name
    if same_role and caller.kind in (CallerKind.ROLE, CallerKind.SESSION):
        return Grant.ROLE
    return None


def _strings(value: Any, where: str) -> tuple[str, ...]:
    items = value if isinstance(value, list) else [value]
    if not items or not all(isinstance(item, str) and item for item in items):
        raise PolicyError(f"{where}: principal values must be non-empty strings")
    return tuple(items)


def parse_principal(element: Any, where: str) -> PrincipalSpec:
    """Read a Principal/NotPrincipal element: ``"*"`` or ``{"AWS"|"Service"|...: values}``."""
    if element == "*":
        return PrincipalSpec(everyone=True)
    if not isinstance(element, dict) or not element:
        raise PolicyError(f'{where}: must be "*" or an object such as {{"AWS": ...}}')
    unknown = [key for key in element if key not in _PRINCIPAL_TYPES]
    if unknown:
        raise PolicyError(f"{where}: unknown principal type {unknown[0]!r}")
    return PrincipalSpec(
        aws=_strings(element["AWS"], f"{where}.AWS") if "AWS" in element else (),
        service=_strings(element["Service"], f"{where}.Service") if "Service" in element else (),
        other=tuple(
            value
            for key in ("Federated", "CanonicalUser")
            if key in element
            for value in _strings(element[key], f"{where}.{key}")
        ),
    )
