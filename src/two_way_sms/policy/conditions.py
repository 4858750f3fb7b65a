"""Condition operators: parsing a Condition block's entries and testing them against a request.

Rules (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html):

* several values for one key are OR'd; for a negated operator (StringNotEquals, ArnNotLike,
  NumericNotEquals, DateNotEquals, NotIpAddress...) they are NOR'd;
* a key absent from the request makes a plain operator false and a negated one true;
  ``...IfExists`` makes any operator true on an absent key;
* ``ForAllValues:`` is true when every request value satisfies the operator, and also when the
  key is absent or its values are empty ("null data set, such as an empty string");
  ``ForAnyValue:`` needs at least one request value that satisfies it, so it is false then;
* ``Null`` tests presence: "true" holds when the key is absent (or an empty string).

Condition key names are case-insensitive; values are compared case-sensitively unless the
operator says otherwise. A request value that cannot be read as the operator's type (not a
number, date, IP address or ARN) satisfies neither the operator nor its negation, as IAM's
policy simulator does for ARNs. Policy variables (``${aws:SourceAccount}``) are not
substituted: a value containing one is compared literally.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from enum import Enum
from typing import Any

from two_way_sms.policy.context import RequestContext
from two_way_sms.policy.errors import PolicyError
from two_way_sms.policy.matching import arn_matches, glob_match, parse_arn

_EPOCH = re.compile(r"-?\d+(\.\d+)?")


class SetQualifier(Enum):
    FOR_ANY_VALUE = "ForAnyValue"
    FOR_ALL_VALUES = "ForAllValues"


def _parse_number(text: str) -> Decimal | None:
    try:
        number = Decimal(text)
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def _parse_date(text: str) -> datetime | None:
    if _EPOCH.fullmatch(text):
        return datetime.fromtimestamp(float(text), UTC)
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    # IAM reads a date without a zone as UTC.
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _parse_network(text: str) -> ipaddress.IPv4Network | ipaddress.IPv6Network | None:
    try:
        return ipaddress.ip_network(text, strict=False)
    except ValueError:
        return None


def _parse_bool(text: str) -> str | None:
    lowered = text.lower()
    return lowered if lowered in ("true", "false") else None


def _in_network(network: Any, text: str) -> bool:
    try:
        return ipaddress.ip_address(text) in network
    except ValueError:
        return False


def _compare_numbers(test: Callable[[Decimal, Decimal], bool]) -> Callable[[Any, str], bool]:
    def compare(wanted: Any, actual: str) -> bool:
        number = _parse_number(actual)
        return number is not None and test(number, wanted)

    return compare


def _compare_dates(test: Callable[[datetime, datetime], bool]) -> Callable[[Any, str], bool]:
    def compare(wanted: Any, actual: str) -> bool:
        moment = _parse_date(actual)
        return moment is not None and test(moment, wanted)

    return compare


@dataclass(frozen=True)
class _Kind:
    """One base operator: how to read a policy value, how to compare, whether it is negated."""

    name: str
    read_policy_value: Callable[[str], Any]  # returns None when the value is malformed
    compare: Callable[[Any, str], bool]  # parsed policy value vs. one request value
    readable: Callable[[str], bool]  # whether a request value has the operator's type
    negated: bool = False
    expects: str = "a string"


def _any_text(text: str) -> str:
    return text


def _always(_text: str) -> bool:
    return True


def _string(name: str, compare: Callable[[Any, str], bool], negated: bool = False) -> _Kind:
    return _Kind(name, _any_text, compare, _always, negated)


def _numeric(name: str, test: Callable[[Decimal, Decimal], bool], negated: bool = False) -> _Kind:
    return _Kind(
        name,
        _parse_number,
        _compare_numbers(test),
        lambda text: _parse_number(text) is not None,
        negated,
        "a number",
    )


def _date(name: str, test: Callable[[datetime, datetime], bool], negated: bool = False) -> _Kind:
    return _Kind(
        name,
        _parse_date,
        _compare_dates(test),
        lambda text: _parse_date(text) is not None,
        negated,
        "an ISO 8601 date or epoch seconds",
    )


def _arn(name: str, negated: bool = False) -> _Kind:
    return _Kind(name, _any_text, arn_matches, lambda text: parse_arn(text) is not None, negated)


def _ip(name: str, negated: bool = False) -> _Kind:
    def readable(text: str) -> bool:
        try:
            ipaddress.ip_address(text)
        except ValueError:
            return False
        return True

    return _Kind(name, _parse_network, _in_network, readable, negated, "an IP address or CIDR")


def _equal(wanted: Any, actual: str) -> bool:
    return bool(wanted == actual)


def _equal_ignoring_case(wanted: Any, actual: str) -> bool:
    return bool(wanted.lower() == actual.lower())


def _like(wanted: Any, actual: str) -> bool:
    return glob_match(wanted, actual)


def _bool_equal(wanted: Any, actual: str) -> bool:
    return bool(wanted == actual.lower())


_NULL = _Kind("Null", _parse_bool, _equal, _always, expects="true or false")

_KINDS: dict[str, _Kind] = {
    kind.name.lower(): kind
    for kind in (
        _string("StringEquals", _equal),
        _string("StringNotEquals", _equal, negated=True),
        _string("StringEqualsIgnoreCase", _equal_ignoring_case),
        _string("StringNotEqualsIgnoreCase", _equal_ignoring_case, negated=True),
        _string("StringLike", _like),
        _string("StringNotLike", _like, negated=True),
        _numeric("NumericEquals", lambda actual, wanted: actual == wanted),
        _numeric("NumericNotEquals", lambda actual, wanted: actual == wanted, negated=True),
        _numeric("NumericLessThan", lambda actual, wanted: actual < wanted),
        _numeric("NumericLessThanEquals", lambda actual, wanted: actual <= wanted),
        _numeric("NumericGreaterThan", lambda actual, wanted: actual > wanted),
        _numeric("NumericGreaterThanEquals", lambda actual, wanted: actual >= wanted),
        _date("DateEquals", lambda actual, wanted: actual == wanted),
        _date("DateNotEquals", lambda actual, wanted: actual == wanted, negated=True),
        _date("DateLessThan", lambda actual, wanted: actual < wanted),
        _date("DateLessThanEquals", lambda actual, wanted: actual <= wanted),
        _date("DateGreaterThan", lambda actual, wanted: actual > wanted),
        _date("DateGreaterThanEquals", lambda actual, wanted: actual >= wanted),
        _Kind("Bool", _parse_bool, _bool_equal, _always, expects="true or false"),
        _string("BinaryEquals", _equal),
        _ip("IpAddress"),
        _ip("NotIpAddress", negated=True),
        _arn("ArnEquals"),
        _arn("ArnLike"),
        _arn("ArnNotEquals", negated=True),
        _arn("ArnNotLike", negated=True),
        _NULL,
    )
}


@dataclass(frozen=True)
class ConditionOperator:
    """A parsed operator name such as ``ForAnyValue:StringLikeIfExists``."""

    kind: _Kind
    qualifier: SetQualifier | None = None
    if_exists: bool = False

    @property
    def name(self) -> str:
        prefix = f"{self.qualifier.value}:" if self.qualifier else ""
        return f"{prefix}{self.kind.name}{'IfExists' if self.if_exists else ''}"

    @property
    def negated(self) -> bool:
        return self.kind.negated


def parse_operator(text: str, where: str) -> ConditionOperator:
    """Read an operator name; names are matched without regard to case."""
    qualifier: SetQualifier | None = None
    base = text
    if ":" in text:
        prefix, base = text.split(":", 1)
        qualifier = next((q for q in SetQualifier if q.value.lower() == prefix.lower()), None)
        if qualifier is None:
            raise PolicyError(f"{where}: unknown set operator {prefix!r} in {text!r}")
    if_exists = base.lower().endswith("ifexists") and base.lower() != "ifexists"
    if if_exists:
        base = base[: -len("IfExists")]
    kind = _KINDS.get(base.lower())
    if kind is None:
        raise PolicyError(f"{where}: unknown condition operator {text!r}")
    if kind is _NULL and (if_exists or qualifier):
        raise PolicyError(f"{where}: {text!r}: Null takes neither IfExists nor a set operator")
    return ConditionOperator(kind, qualifier, if_exists)


def _policy_text(value: Any, where: str) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return value
    if isinstance(value, int | float):
        return str(value)
    raise PolicyError(f"{where}: condition values must be strings, numbers or booleans")


def _show(values: tuple[str, ...]) -> str:
    shown = [value if value else '""' for value in values]
    return shown[0] if len(shown) == 1 else "[" + ", ".join(shown) + "]"


@dataclass(frozen=True)
class ConditionClause:
    """One operator/key pair of a Condition block, with its (OR'd) values."""

    operator: ConditionOperator
    key: str
    values: tuple[str, ...]
    parsed: tuple[Any, ...]

    def describe(self) -> str:
        return f"{self.operator.name} {self.key} = {_show(self.values)}"

    def holds(self, context: RequestContext) -> bool:
        actual = context.get(self.key)
        kind = self.operator.kind
        if kind is _NULL:
            is_null = actual is None or actual == ("",)
            return any((wanted == "true") == is_null for wanted in self.parsed)
        if actual is None and self.operator.if_exists:
            return True
        qualifier = self.operator.qualifier
        if qualifier is not None:
            data_set = [value for value in actual or () if value != ""]
            if not data_set:
                return qualifier is SetQualifier.FOR_ALL_VALUES
            quantifier = all if qualifier is SetQualifier.FOR_ALL_VALUES else any
            return quantifier(self._satisfied_by(value) for value in data_set)
        if actual is None:
            return self.operator.negated
        if self.operator.negated:
            return all(self._satisfied_by(value) for value in actual)
        return any(self._satisfied_by(value) for value in actual)

    def _satisfied_by(self, value: str) -> bool:
        kind = self.operator.kind
        matched = any(kind.compare(wanted, value) for wanted in self.parsed)
        if kind.negated:
            return kind.readable(value) and not matched
        return matched

    def explain_failure(self, context: RequestContext) -> str:
        actual = context.get(self.key)
        found = f"request has {_show(actual)}" if actual else f"request has no {self.key}"
        return f"its condition {self.describe()} does not hold: {found}"


def parse_condition_block(block: Any, where: str) -> tuple[ConditionClause, ...]:
    """Read a statement's Condition element into clauses (all of which must hold)."""
    if not isinstance(block, Mapping):
        raise PolicyError(f"{where}: Condition must be an object of operator -> {{key: values}}")
    clauses: list[ConditionClause] = []
    for operator_text, entries in block.items():
        operator = parse_operator(str(operator_text), where)
        if not isinstance(entries, Mapping) or not entries:
            raise PolicyError(f"{where}: {operator_text} must map condition keys to values")
        for key, raw in entries.items():
            place = f"{where}: {operator.name} {key}"
            items = raw if isinstance(raw, list) else [raw]
            if not items:
                raise PolicyError(f"{place}: has no values")
            texts = tuple(_policy_text(item, place) for item in items)
            parsed = tuple(operator.kind.read_policy_value(text) for text in texts)
            for text, value in zip(texts, parsed, strict=True):
                if value is None:
                    raise PolicyError(f"{place}: {text!r} is not {operator.kind.expects}")
            clauses.append(ConditionClause(operator, str(key), texts, parsed))
    return tuple(clauses)
