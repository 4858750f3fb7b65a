"""Policy variables: ``${aws:username}``, ``${aws:PrincipalTag/team, 'none'}``, ``${*}``...

After AWS's "IAM policy elements: Variables and tags"
(https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html):

* variables exist only in policies whose Version is 2012-10-17; elsewhere ``${...}`` is text;
* they are substituted in Resource/NotResource, after the ARN's fifth colon, and in the values
  of condition operators that take them (documents.py and conditions.py decide where);
* ``${key}`` stands for the value of a single-valued request-context key (names are
  case-insensitive). A key that is absent, has no value or is multivalued gives no value: the
  policy value holding it matches nothing, unless it names a default, ``${key, 'default'}``;
* ``${*}``, ``${?}`` and ``${$}`` stand for a literal ``*``, ``?`` and ``$``;
* the substituted text is matched literally: its ``*`` and ``?`` are not wildcards.

Any other ``${`` (no closing brace, an empty name, spaces, a default without its quotes) is
what IAM Access Analyzer reports as an error that keeps the policy from working: the value
holding it matches nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from two_way_sms.policy.context import RequestContext
from two_way_sms.policy.matching import escape_literal, escape_pattern

_NAME = r"[^\s{}$,']+"
_VARIABLE = re.compile(_NAME)
_VARIABLE_WITH_DEFAULT = re.compile(rf"({_NAME}), '([^']*)'")
_ESCAPES = ("*", "?", "$")


@dataclass(frozen=True)
class Resolved:
    """A policy value with its variables substituted: as text, and as an escaped pattern."""

    text: str
    pattern: str


@dataclass(frozen=True)
class _Literal:
    text: str  # policy text: its * and ? are wildcards where the operator has them


@dataclass(frozen=True)
class _Escape:
    char: str


@dataclass(frozen=True)
class _Variable:
    key: str
    default: str | None


_Part = _Literal | _Escape | _Variable


@dataclass(frozen=True)
class Template:
    """A policy value that holds ``${``: substituted per request by :meth:`resolve`."""

    source: str
    parts: tuple[_Part, ...]
    malformed: bool = False

    def resolve(self, context: RequestContext) -> Resolved | None:
        """The value for this request, or None when it can't have one (it then matches
        nothing)."""
        if self.malformed:
            return None
        texts: list[str] = []
        patterns: list[str] = []
        for part in self.parts:
            if isinstance(part, _Literal):
                texts.append(part.text)
                patterns.append(escape_pattern(part.text))
                continue
            if isinstance(part, _Escape):
                value: str | None = part.char
            else:
                value = context.single_value(part.key)
                if value is None:
                    value = part.default
                if value is None:
                    return None
            texts.append(value)
            patterns.append(escape_literal(value))
        return Resolved("".join(texts), "".join(patterns))


def _parse(text: str) -> tuple[tuple[_Part, ...], bool]:
    parts: list[_Part] = []
    position = 0
    while (start := text.find("${", position)) >= 0:
        if start > position:
            parts.append(_Literal(text[position:start]))
        end = text.find("}", start + 2)
        if end < 0:
            return (), True
        inner = text[start + 2 : end]
        if inner in _ESCAPES:
            parts.append(_Escape(inner))
        elif _VARIABLE.fullmatch(inner):
            parts.append(_Variable(inner, None))
        elif with_default := _VARIABLE_WITH_DEFAULT.fullmatch(inner):
            parts.append(_Variable(with_default.group(1), with_default.group(2)))
        else:
            return (), True
        position = end + 1
    if position < len(text):
        parts.append(_Literal(text[position:]))
    return tuple(parts), False


def condition_value(text: str) -> str | Template:
    """A condition value as a Template when it holds ``${``, else unchanged."""
    if "${" not in text:
        return text
    parts, malformed = _parse(text)
    return Template(text, parts, malformed)


def resource_value(text: str) -> str | Template:
    """A Resource/NotResource entry: variables count only in the resource part of the ARN,
    after the fifth colon ("You can't use a variable to replace parts of the ARN before the
    fifth colon, such as the service or account"); anything before it is taken as written."""
    if "${" not in text:
        return text
    segments = text.split(":", 5)
    if len(segments) < 6 or "${" not in segments[5]:
        return text
    parts, malformed = _parse(segments[5])
    prefix = _Literal(":".join(segments[:5]) + ":")
    return Template(text, (prefix, *parts), malformed)
