"""Condition operators: parsing a Condition block's entries and testing them against a request.

Rules (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
and the pages on multivalued context keys, IfExists and Null; README.md gives the sources of
each decision):

* several values for one key are OR'd; for a negated operator (StringNotEquals, ArnNotLike,
  NumericNotEquals, DateNotEquals, NotIpAddress...) they are NOR'd;
* a key absent from the request makes a plain operator false and a negated one true;
  ``...IfExists`` makes a plain operator true on an absent key;
* ``ForAllValues:`` is true when every request value satisfies the operator, and also when the
  key is absent or its values are empty ("null data set, such as an empty string");
  ``ForAnyValue:`` needs at least one request value that satisfies it, so it is false then,
  with or without ``IfExists``;
* a plain (non-set) operator on a multivalued key (a list in the request context) does not
  hold, negated or not: multivalued keys require a set operator;
* ``Null`` tests presence: "true" holds when the key is absent.

Condition key names are case-insensitive; values are compared case-sensitively unless the
operator says otherwise. A request value that cannot be read as the operator's type (not a
number, date, IP address or ARN) satisfies neither the operator nor its negation. A policy
value that cannot be read as the operator's type, or whose policy variable has no value,
stands for nothing: no request value matches it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from typing import Any

from two_way_sms.policy.context import RequestContext
from two_way_sms.policy.errors import PolicyError
from two_way_sms.policy.matching import arn_matches, escape_pattern, glob_match, parse_arn
from two_way_sms.policy.values import (
    read_address,
    read_bool,
    read_date,
    read_network,
    read_number,
    scalar_text,
)
from two_way_sms.policy.variables import Resolved, Template, condition_value


class SetQualifier(Enum):
    FOR_ANY_VALUE = "ForAnyValue"
    FOR_ALL_VALUES = "ForAllValues"


def _always(_text: str) -> bool:
    return True


@dataclass(frozen=True)
class _Kind:
    """One base operator: how to read a policy value, how to compare, whether it is negated."""

    name: str
    read_policy_value: Callable[[str], Any]  # returns None when the value is of another type
    compare: Callable[[Any, str], bool]  # read policy value vs. one request value
    readable: Callable[[str], bool] = _always  # whether a request value has the operator's type
    negated: bool = False
    expects: str = "a string"
    # Whether policy variables are substituted in its values, and from which form of the
    # substituted value (Resolved.text or the escaped Resolved.pattern) it reads its own.
    variables: bool = False
    reads_pattern: bool = False

    def read_resolved(self, resolved: Resolved) -> Any:
        if self.reads_pattern:
            return resolved.pattern
        return self.read_policy_value(resolved.text)


def _any_text(text: str) -> str:
    return text


def _equal(wanted: Any, actual: str) -> bool:
    return bool(wanted == actual)


def _equal_ignoring_case(wanted: Any, actual: str) -> bool:
    return bool(wanted.lower() == actual.lower())


def _like(wanted: Any, actual: str) -> bool:
    return glob_match(wanted, actual, escaped=True)


def _arn_like(wanted: Any, actual: str) -> bool:
    return arn_matches(wanted, actual, escaped=True)


def _string(name: str, compare: Callable[[Any, str], bool], negated: bool = False) -> _Kind:
    return _Kind(name, _any_text, compare, negated=negated, variables=True)


def _string_like(name: str, negated: bool = False) -> _Kind:
    # Values are kept as escaped patterns, the spelling substituted values come in.
    return _Kind(name, escape_pattern, _like, negated=negated, variables=True, reads_pattern=True)


def _number_is(test: Callable[[Decimal, Decimal], bool]) -> Callable[[Any, str], bool]:
    def compare(wanted: Any, actual: str) -> bool:
        number = read_number(actual)
        return number is not None and test(number, wanted)

    return compare


def _numeric(name: str, test: Callable[[Decimal, Decimal], bool], negated: bool = False) -> _Kind:
    return _Kind(
        name,
        read_number,
        _number_is(test),
        lambda text: read_number(text) is not None,
        negated,
        "a number",
    )


def _date_is(test: Callable[[Decimal, Decimal], bool]) -> Callable[[Any, str], bool]:
    def compare(wanted: Any, actual: str) -> bool:
        moment = read_date(actual)
        return moment is not None and test(moment, wanted)

    return compare


def _date(name: str, test: Callable[[Decimal, Decimal], bool], negated: bool = False) -> _Kind:
    return _Kind(
        name,
        read_date,
        _date_is(test),
        lambda text: read_date(text) is not None,
        negated,
        "an ISO 8601 date or epoch seconds",
    )


def _arn_pattern(text: str) -> str | None:
    # Six parts or "*"; anything else matches no ARN, and the reason says so.
    return escape_pattern(text) if text == "*" or parse_arn(text) is not None else None


def _arn(name: str, negated: bool = False) -> _Kind:
    return _Kind(
        name,
        _arn_pattern,
        _arn_like,
        lambda text: parse_arn(text) is not None,
        negated,
        "an ARN",
        variables=True,
        reads_pattern=True,
    )


def _in_network(network: Any, actual: str) -> bool:
    address = read_address(actual)
    return address is not None and address in network


def _ip(name: str, negated: bool = False) -> _Kind:
    return _Kind(
        name,
        read_network,
        _in_network,
        lambda text: read_address(text) is not None,
        negated,
        "an IP address or CIDR",
    )


def _bool_equal(wanted: Any, actual: str) -> bool:
    return bool(wanted == actual.lower())


_NULL = _Kind("Null", read_bool, _equal, expects="true or false")

_KINDS: dict[str, _Kind] = {
    kind.name.lower(): kind
    for kind in (
        _string("StringEquals", _equal),
        _string("StringNotEquals", _equal, negated=True),
        _string("StringEqualsIgnoreCase", _equal_ignoring_case),
        _string("StringNotEqualsIgnoreCase", _equal_ignoring_case, negated=True),
        _string_like("StringLike"),
        _string_like("StringNotLike", negated=True),
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
        # The Bool section of the condition-operators page says it takes policy variables.
        _Kind("Bool", read_bool, _bool_equal, expects="true or false", variables=True),
        _Kind("BinaryEquals", _any_text, _equal),
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
    text = scalar_text(value)
    if text is None:
        raise PolicyError(f"{where}: condition values must be strings, numbers or booleans")
    return text


def _show(values: tuple[str, ...], as_list: bool = False) -> str:
    shown = [value if value else '""' for value in values]
    return shown[0] if len(shown) == 1 and not as_list else "[" + ", ".join(shown) + "]"


@dataclass(frozen=True)
class ConditionClause:
    """One operator/key pair of a Condition block, with its (OR'd) values.

    ``wanted`` holds the values read as the operator's type, without those that are not of it;
    ``templates`` the values that hold policy variables, read per request.
    """

    operator: ConditionOperator
    key: str
    values: tuple[str, ...]
    wanted: tuple[Any, ...]
    templates: tuple[Template, ...] = ()
    unreadable: tuple[str, ...] = ()  # policy values not of the operator's type

    def describe(self) -> str:
        return f"{self.operator.name} {self.key} = {_show(self.values)}"

    def holds(self, context: RequestContext) -> bool:
        actual = context.get(self.key)
        operator = self.operator
        if operator.kind is _NULL:
            return any((wanted == "true") == (actual is None) for wanted in self.wanted)
        qualifier = operator.qualifier
        if actual is None:
            if qualifier is not None:
                # IfExists does not change a set operator: ForAnyValue is false, ForAllValues
                # true, on an absent key (see README.md for the sources).
                return qualifier is SetQualifier.FOR_ALL_VALUES
            return operator.if_exists or operator.negated
        wanted = self._wanted_for(context)
        if qualifier is not None:
            data_set = [value for value in actual if value != ""]
            if not data_set:
                return qualifier is SetQualifier.FOR_ALL_VALUES
            quantifier = all if qualifier is SetQualifier.FOR_ALL_VALUES else any
            return quantifier(self._satisfied_by(wanted, value) for value in data_set)
        if context.is_multivalued(self.key):
            return False
        return self._satisfied_by(wanted, actual[0])

    def _wanted_for(self, context: RequestContext) -> tuple[Any, ...]:
        if not self.templates:
            return self.wanted
        kind = self.operator.kind
        substituted = []
        for template in self.templates:
            resolved = template.resolve(context)
            value = kind.read_resolved(resolved) if resolved is not None else None
            if value is not None:
                substituted.append(value)
        return (*self.wanted, *substituted)

    def _satisfied_by(self, wanted: tuple[Any, ...], value: str) -> bool:
        kind = self.operator.kind
        matched = any(kind.compare(one, value) for one in wanted)
        if kind.negated:
            return kind.readable(value) and not matched
        return matched

    def explain_failure(self, context: RequestContext) -> str:
        actual = context.get(self.key)
        multivalued = context.is_multivalued(self.key)
        found = (
            f"request has {_show(actual, multivalued)}" if actual else f"request has no {self.key}"
        )
        notes = []
        if actual and self.operator.qualifier is None and multivalued:
            notes.append(f"{self.key} is multivalued: only ForAnyValue: or ForAllValues: test it")
        if self.unreadable:
            notes.append(f"{_show(self.unreadable)} is not {self.operator.kind.expects}")
        unresolved = [t.source for t in self.templates if t.resolve(context) is None]
        if unresolved:
            notes.append(f"{_show(tuple(unresolved))} has no value in this request")
        note = f" ({'; '.join(notes)})" if notes else ""
        return f"its condition {self.describe()} does not hold: {found}{note}"


def parse_condition_block(
    block: Any, where: str, variables: bool = False
) -> tuple[ConditionClause, ...]:
    """Read a statement's Condition element into clauses (all of which must hold).

    ``variables`` says whether the policy's Version has policy variables (2012-10-17).
    """
    if not isinstance(block, Mapping):
        raise PolicyError(f"{where}: Condition must be an object of operator -> {{key: values}}")
    clauses: list[ConditionClause] = []
    for operator_text, entries in block.items():
        operator = parse_operator(str(operator_text), where)
        if not isinstance(entries, Mapping) or not entries:
            raise PolicyError(f"{where}: {operator_text} must map condition keys to values")
        kind = operator.kind
        substitutes = variables and kind.variables
        for key, raw in entries.items():
            place = f"{where}: {operator.name} {key}"
            items = raw if isinstance(raw, list) else [raw]
            if not items:
                raise PolicyError(f"{place}: has no values")
            texts = tuple(_policy_text(item, place) for item in items)
            wanted: list[Any] = []
            templates: list[Template] = []
            unreadable: list[str] = []
            for text in texts:
                value = condition_value(text) if substitutes else text
                if isinstance(value, Template):
                    templates.append(value)
                    continue
                read = kind.read_policy_value(text)
                if read is None:
                    unreadable.append(text)
                else:
                    wanted.append(read)
            clauses.append(
                ConditionClause(
                    operator, str(key), texts, tuple(wanted), tuple(templates), tuple(unreadable)
                )
            )
    return tuple(clauses)
