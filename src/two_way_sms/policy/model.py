"""The public data types of the policy evaluator: policies and a request in, a decision out."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

ContextValue = str | bool | int | Sequence[str]
"""A request-context value: a single value, or a list for multivalued keys such as aws:CalledVia."""


@dataclass(frozen=True)
class NamedPolicy:
    """A policy document with the name used for it in decisions and errors.

    ``name`` reads as a noun phrase, e.g. ``"trust policy of role/sms-in"`` or
    ``"inline policy sns-publish of role/x"``; ``document`` is a dict or its JSON text.
    """

    name: str
    document: Mapping[str, Any] | str


@dataclass(frozen=True)
class Request:
    """One API call to authorize.

    ``principal`` is an ARN (user, role, assumed-role session, account root) or a service
    principal such as ``"sms-voice.amazonaws.com"``. The accounts are derived from the ARNs
    when left as None; a service principal has no account.
    """

    principal: str
    action: str
    resource: str
    context: Mapping[str, ContextValue] = field(default_factory=dict)
    principal_account: str | None = None
    resource_account: str | None = None


@dataclass(frozen=True)
class Decision:
    """The outcome of :func:`evaluate`.

    ``reason`` is one sentence naming the policy, the statement and, when denied, what is
    missing. ``deciding`` lists the statements that decided, each as
    ``"statement '<Sid>' of <policy name>"`` (or ``"statement <n> of ..."`` without a Sid);
    it is empty for an implicit deny, where no statement decided.
    """

    allowed: bool
    reason: str
    deciding: tuple[str, ...] = ()
