"""Parsing and validating policy documents into statements the evaluator can test."""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any

from two_way_sms.policy.conditions import ConditionClause, parse_condition_block
from two_way_sms.policy.errors import PolicyError
from two_way_sms.policy.model import NamedPolicy
from two_way_sms.policy.principals import PrincipalSpec, parse_principal
from two_way_sms.policy.variables import Template, resource_value

_VERSIONS = ("2012-10-17", "2008-10-17")
# "Variables were introduced in version 2012-10-17": in older (or Version-less) policies
# ${...} is literal text.
_VERSION_WITH_VARIABLES = "2012-10-17"
_POLICY_KEYS = frozenset({"Version", "Id", "Statement"})
_STATEMENT_KEYS = frozenset(
    {
        "Sid",
        "Effect",
        "Principal",
        "NotPrincipal",
        "Action",
        "NotAction",
        "Resource",
        "NotResource",
        "Condition",
    }
)


class PolicyKind(Enum):
    """Where a policy is attached, which decides the elements it must and must not have."""

    IDENTITY = "an identity-based policy"
    BOUNDARY = "a permissions boundary"
    RESOURCE = "a resource-based policy"


@dataclass(frozen=True)
class Statement:
    """One statement, normalised: single strings became tuples, the Condition became clauses."""

    policy_name: str
    index: int  # 1-based position in the policy, used when there is no Sid
    sid: str | None
    effect: str  # "Allow" or "Deny"
    actions: tuple[str, ...]
    not_action: bool
    resources: tuple[str, ...] | None  # None: no Resource element (trust policies)
    not_resource: bool
    # The same entries as matched: a Template where one holds policy variables.
    resource_patterns: tuple[str | Template, ...] | None
    principal: PrincipalSpec | None
    not_principal: PrincipalSpec | None
    conditions: tuple[ConditionClause, ...]

    @property
    def label(self) -> str:
        return f"statement {self.sid!r}" if self.sid else f"statement {self.index}"

    @property
    def where(self) -> str:
        return f"{self.label} of {self.policy_name}"


@dataclass(frozen=True)
class Policy:
    name: str
    kind: PolicyKind
    statements: tuple[Statement, ...]


def _load(named: NamedPolicy) -> Mapping[str, Any]:
    document: Any = named.document
    if isinstance(document, str):
        try:
            document = json.loads(document)
        except (ValueError, RecursionError) as error:
            # JSONDecodeError is a ValueError; so is a number beyond Python's digit limit.
            raise PolicyError(f"{named.name}: not valid JSON ({error})") from error
    if not isinstance(document, Mapping):
        raise PolicyError(f"{named.name}: a policy document must be a JSON object")
    return document


def _strings(value: Any, where: str, element: str) -> tuple[str, ...]:
    items = value if isinstance(value, list) else [value]
    if not items or not all(isinstance(item, str) and item for item in items):
        raise PolicyError(f"{where}: {element} must be a non-empty string or list of strings")
    return tuple(items)


def _one_of(raw: Mapping[str, Any], positive: str, where: str, required: bool) -> str | None:
    negative = f"Not{positive}"
    if positive in raw and negative in raw:
        raise PolicyError(f"{where}: has both {positive} and {negative}")
    if positive in raw:
        return positive
    if negative in raw:
        return negative
    if required:
        raise PolicyError(f"{where}: needs {positive} or {negative}")
    return None


def _parse_statement(
    raw: Any, index: int, policy: str, kind: PolicyKind, variables: bool
) -> Statement:
    where = f"statement {index} of {policy}"
    if not isinstance(raw, Mapping):
        raise PolicyError(f"{where}: a statement must be a JSON object")
    unknown = sorted((key for key in raw if key not in _STATEMENT_KEYS), key=str)
    if unknown:
        raise PolicyError(f"{where}: unknown element {unknown[0]!r}")
    sid = raw.get("Sid")
    if sid is not None and not isinstance(sid, str):
        raise PolicyError(f"{where}: Sid must be a string")
    effect = raw.get("Effect")
    if effect not in ("Allow", "Deny"):
        raise PolicyError(f"{where}: Effect must be Allow or Deny")

    action_element = _one_of(raw, "Action", where, required=True)
    assert action_element is not None  # required=True raised otherwise
    actions = _strings(raw[action_element], where, action_element)
    for action in actions:
        if action != "*" and ":" not in action:
            raise PolicyError(f"{where}: {action_element} {action!r} is not service:action")

    resource_element = _one_of(raw, "Resource", where, required=kind is not PolicyKind.RESOURCE)
    resources = (
        _strings(raw[resource_element], where, resource_element) if resource_element else None
    )
    resource_patterns = (
        tuple(resource_value(entry) for entry in resources)
        if resources is not None and variables
        else resources
    )

    principal_element = _one_of(raw, "Principal", where, required=False)
    if kind is PolicyKind.RESOURCE and principal_element is None:
        raise PolicyError(f"{where}: a resource-based policy statement needs Principal")
    if kind is not PolicyKind.RESOURCE and principal_element is not None:
        raise PolicyError(f"{where}: {principal_element} is not allowed in {kind.value}")
    if principal_element == "NotPrincipal" and effect != "Deny":
        raise PolicyError(f"{where}: NotPrincipal can only be used with Effect Deny")
    spec = (
        parse_principal(raw[principal_element], f"{where}: {principal_element}")
        if principal_element
        else None
    )

    condition = raw.get("Condition")
    conditions = parse_condition_block(condition, where, variables) if condition is not None else ()
    return Statement(
        policy_name=policy,
        index=index,
        sid=sid or None,
        effect=effect,
        actions=actions,
        not_action=action_element == "NotAction",
        resources=resources,
        not_resource=resource_element == "NotResource",
        resource_patterns=resource_patterns,
        principal=spec if principal_element == "Principal" else None,
        not_principal=spec if principal_element == "NotPrincipal" else None,
        conditions=conditions,
    )


def parse_policy(named: NamedPolicy, kind: PolicyKind) -> Policy:
    """Validate ``named`` as a policy of ``kind``; raises PolicyError naming what is wrong."""
    if isinstance(named.document, str):
        # The emulator evaluates the same few policy texts for every message: parse each once.
        # (A Policy is immutable; errors are not cached, so they are raised every time.)
        return _parse_policy_text(named.name, named.document, kind)
    return _parse_document(named, kind)


@functools.lru_cache(maxsize=256)
def _parse_policy_text(name: str, text: str, kind: PolicyKind) -> Policy:
    return _parse_document(NamedPolicy(name, text), kind)


def _parse_document(named: NamedPolicy, kind: PolicyKind) -> Policy:
    document = _load(named)
    unknown = sorted((key for key in document if key not in _POLICY_KEYS), key=str)
    if unknown:
        raise PolicyError(f"{named.name}: unknown top-level element {unknown[0]!r}")
    version = document.get("Version")
    if version is not None and version not in _VERSIONS:
        raise PolicyError(f"{named.name}: Version must be one of {', '.join(_VERSIONS)}")
    if "Statement" not in document:
        raise PolicyError(f"{named.name}: has no Statement")
    raw_statements = document["Statement"]
    if isinstance(raw_statements, Mapping):
        raw_statements = [raw_statements]
    if not isinstance(raw_statements, list):
        raise PolicyError(f"{named.name}: Statement must be an object or a list of objects")
    variables = version == _VERSION_WITH_VARIABLES
    statements = tuple(
        _parse_statement(raw, index, named.name, kind, variables)
        for index, raw in enumerate(raw_statements, start=1)
    )
    return Policy(named.name, kind, statements)
