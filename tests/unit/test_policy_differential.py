"""Differential test: our evaluator against principalmapper 1.1.5's local policy simulation.

principalmapper is AGPL-licensed: it is imported here, by a test, and never by code under
src/. Where it departs from AWS's documentation, the case is excluded from the comparison by
one of the named predicates in the *_DIFFERENCES tuples; each is written down, with the AWS rule, in
src/two_way_sms/policy/README.md ("Where principalmapper differs"), and each has a concrete
example in the "every listed difference is real" tests at the end. Any other disagreement
fails the test.
"""

from __future__ import annotations

import collections
import collections.abc
import functools
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from types import ModuleType
from typing import Any

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

from tests.support.deployments import ACCOUNT
from two_way_sms.policy import NamedPolicy, Request, evaluate
from two_way_sms.policy.matching import arn_matches, parse_arn, resource_matches

ROLE = f"arn:aws:iam::{ACCOUNT}:role/app"
TOPIC = f"arn:aws:sns:us-east-1:{ACCOUNT}:inbound"
SMS_VOICE = "sms-voice.amazonaws.com"

# Modest, so the whole unit tier stays a few seconds.
DIFFERENTIAL = settings(max_examples=300, deadline=None)


# -- principalmapper -------------------------------------------------------------------------


@dataclass(frozen=True)
class Principalmapper:
    simulation: ModuleType
    case_insensitive_dict: type


def _import_principalmapper() -> Principalmapper | str:
    # principalmapper 1.1.5 imports collections.Mapping & co., removed in Python 3.10.
    for name in ("Mapping", "MutableMapping", "Sequence", "Iterable", "Callable"):
        if not hasattr(collections, name):
            setattr(collections, name, getattr(collections.abc, name))
    try:
        from principalmapper.querying import local_policy_simulation  # type: ignore[import-untyped]
        from principalmapper.util.case_insensitive_dict import (  # type: ignore[import-untyped]
            CaseInsensitiveDict,
        )
    except ImportError as error:
        return (
            f"principalmapper 1.1.5 is needed for the differential test ({error}); install the "
            "dev dependencies: pip install -e '.[dev]'"
        )
    return Principalmapper(local_policy_simulation, CaseInsensitiveDict)


_PRINCIPALMAPPER = _import_principalmapper()


def principalmapper() -> Principalmapper:
    """principalmapper; when it is missing, the calling test fails (it never skips)."""
    if isinstance(_PRINCIPALMAPPER, str):
        pytest.fail(_PRINCIPALMAPPER, pytrace=False)
    return _PRINCIPALMAPPER


def pm_context(pm: Principalmapper, context: Mapping[str, Any]) -> Any:
    """The request context as principalmapper wants it: strings, lists of strings."""

    def text(value: Any) -> Any:
        if isinstance(value, bool):
            return "true" if value else "false"
        return value

    return pm.case_insensitive_dict({key: text(value) for key, value in context.items()})


# -- generated inputs ------------------------------------------------------------------------

KEYS = ("aws:SourceAccount", "aws:SourceArn", "aws:CalledVia", "k")
STRINGS = ("a", "A", "ab", "a*", "*", "?b", "x.y", "x+y", "xxy", ACCOUNT, "sns.amazonaws.com")
ARNS = (
    TOPIC,
    f"arn:aws:sns:us-east-1:{ACCOUNT}:In:bound",
    f"arn:aws:SNS:us-east-1:{ACCOUNT}:inbound",
    f"arn:aws:sms-voice:us-east-1:{ACCOUNT}:phone-number/p1",
    "arn:aws:sns:eu-west-1:444455556666:inbound",
    "not-an-arn",
)
ARN_PATTERNS = (
    TOPIC,
    f"arn:aws:sns:*:{ACCOUNT}:*",
    f"arn:aws:sns:us-*:{ACCOUNT}:in*d",
    f"arn:aws:sms-voice:us-east-1:{ACCOUNT}:*",
    "arn:aws:sns:*:*:In*",
    "arn:aws:*:*:*:*",
    "arn:aws:sns:us-east-?:*:*",
    "*",
)
NUMBERS = ("0", "1", "2", "10", "2.5", "-1")
DATES = ("2020-01-01T00:00:00Z", "2021-06-30T12:00:00+00:00", "1577836800", "1600000000")
BOOLS = ("true", "false")

STRING_OPERATORS = (
    "StringEquals",
    "StringNotEquals",
    "StringEqualsIgnoreCase",
    "StringNotEqualsIgnoreCase",
    "StringLike",
    "StringNotLike",
)
ARN_OPERATORS = ("ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike")
NUMERIC_OPERATORS = (
    "NumericEquals",
    "NumericNotEquals",
    "NumericLessThan",
    "NumericLessThanEquals",
    "NumericGreaterThan",
    "NumericGreaterThanEquals",
)
DATE_OPERATORS = (
    "DateEquals",
    "DateNotEquals",
    "DateLessThan",
    "DateLessThanEquals",
    "DateGreaterThan",
    "DateGreaterThanEquals",
)
NEGATED = {"StringNotEquals", "StringNotEqualsIgnoreCase", "StringNotLike", "ArnNotEquals",
           "ArnNotLike", "NumericNotEquals", "DateNotEquals"}  # fmt: skip
POLICY_VALUES: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(STRING_OPERATORS, STRINGS),
    **dict.fromkeys(ARN_OPERATORS, ARN_PATTERNS),
    **dict.fromkeys(NUMERIC_OPERATORS, NUMBERS),
    **dict.fromkeys(DATE_OPERATORS, DATES),
    "Bool": BOOLS,
    "Null": BOOLS,
}


# Strategies are built once: building them inside a draw costs more than the draw itself.


@functools.cache
def pick(values: tuple[Any, ...]) -> st.SearchStrategy[Any]:
    return st.sampled_from(values)


@functools.cache
def some_of(values: tuple[str, ...], size: int) -> st.SearchStrategy[list[str]]:
    return st.lists(pick(values), min_size=size, max_size=size, unique=True)


def base_of(operator: str) -> str:
    base = operator.split(":", 1)[-1]
    return base.removesuffix("IfExists") if base != "IfExists" else base


@st.composite
def operators(draw: st.DrawFn) -> str:
    base: str = draw(pick(tuple(sorted(POLICY_VALUES))))
    if base == "Null":
        return base
    qualifier = draw(pick(("", "", "", "", "ForAnyValue:", "ForAllValues:")))
    suffix = draw(pick(("", "", "IfExists")))
    return f"{qualifier}{base}{suffix}"


OPERATORS = operators()


@st.composite
def conditions(draw: st.DrawFn) -> dict[str, dict[str, Any]]:
    block: dict[str, dict[str, Any]] = {}
    for _ in range(draw(pick((1, 1, 2, 3)))):
        operator = draw(OPERATORS)
        key = draw(pick(KEYS))
        pool = POLICY_VALUES[base_of(operator)]
        values = draw(some_of(pool, min(draw(pick((1, 1, 2, 3))), len(pool))))
        block.setdefault(operator, {})[key] = values[0] if len(values) == 1 else values
    return block


CONDITIONS = conditions()
SCALARS = pick(STRINGS + ARNS + NUMBERS + DATES + BOOLS + ("", "yes"))
CONTEXT_VALUES = st.one_of(
    SCALARS,
    st.booleans(),
    st.lists(pick(STRINGS + ARNS + NUMBERS + BOOLS), min_size=2, max_size=3),
)
CONTEXT_KEYS = st.lists(pick(KEYS), unique=True, max_size=len(KEYS))


@st.composite
def contexts(draw: st.DrawFn) -> dict[str, Any]:
    context: dict[str, Any] = {}
    for key in draw(CONTEXT_KEYS):
        # Keys are case-insensitive: send some in another case than the policy.
        spelled = draw(pick((key, key.lower(), key.upper())))
        context[spelled] = draw(CONTEXT_VALUES)
    return context


CONTEXTS = contexts()


@functools.cache
def typed_values(base: str, set_operator: bool) -> st.SearchStrategy[Any]:
    """Request values of the operator's own type, so typed operators get compared too. Lists
    (multivalued keys) are rarer for plain operators, which never hold on them (see
    plain_operator_on_multivalued_key), to compare more cases."""
    pool: tuple[Any, ...] = (*STRINGS, "")
    if base in ARN_OPERATORS:
        pool = ARNS
    elif base in NUMERIC_OPERATORS:
        pool = NUMBERS
    elif base in DATE_OPERATORS:
        pool = DATES
    elif base == "Bool":
        pool = (*BOOLS, True, False)
    scalars = pick(pool)
    lists = st.lists(pick(pool).map(str), min_size=2, max_size=3)
    return st.one_of(scalars, lists) if set_operator else st.one_of(scalars, scalars, lists)


def fit_context(
    draw: st.DrawFn, conditions: list[dict[str, Any]], context: dict[str, Any]
) -> dict[str, Any]:
    """Give, withhold or keep (often mistyped) the request values of the conditions' keys."""
    for clause in (clause for condition in conditions for clause in clauses_of(condition)):
        choice = draw(pick(("typed", "typed", "typed", "keep", "absent")))
        if choice == "keep":
            continue
        for name in [name for name in context if name.lower() == clause.key.lower()]:
            del context[name]
        if choice == "typed":
            context[clause.key] = draw(typed_values(clause.base, clause.qualifier is not None))
    return context


@st.composite
def condition_cases(draw: st.DrawFn) -> tuple[dict[str, Any], dict[str, Any]]:
    condition = draw(CONDITIONS)
    return condition, fit_context(draw, [condition], draw(CONTEXTS))


ACTION_PATTERNS = ("sns:Publish", "sns:*", "SNS:publish", "sns:Pub*", "sns:Publis?", "*",
                   "kms:GenerateDataKey*", "kms:Decrypt", "sts:AssumeRole", "sns:Get*")  # fmt: skip
ACTIONS = ("sns:Publish", "SNS:Publish", "kms:GenerateDataKey", "kms:Decrypt", "sts:AssumeRole",
           "sns:GetTopicAttributes")  # fmt: skip
# principalmapper mishandles upper-case SNS/SQS actions in resource policies (see
# uppercase_sns_or_sqs_action_in_resource_policy): rarer there, to compare more cases.
RESOURCE_POLICY_ACTION_PATTERNS = tuple(p for p in ACTION_PATTERNS if not p.startswith("SNS"))
RESOURCE_POLICY_ACTIONS = (*(a for a in ACTIONS if not a.startswith("SNS")), "SNS:Publish")
RESOURCE_PATTERNS = (
    "*",
    TOPIC,
    f"arn:aws:sns:us-east-1:{ACCOUNT}:*",
    "arn:aws:sns:*:*:in*d",
    f"arn:aws:sns:us-east-1:{ACCOUNT}:Inbound",
    "arn:aws:sns:*",
    f"arn:aws:kms:us-east-1:{ACCOUNT}:key/*",
    f"arn:aws:sns:us-east-1:{ACCOUNT}:in?ound",
)
RESOURCES = (
    TOPIC,
    TOPIC,
    f"arn:aws:kms:us-east-1:{ACCOUNT}:key/1234",
    f"arn:aws:sns:us-east-1:{ACCOUNT}:INBOUND",
    f"arn:aws:sns:us-east-1:{ACCOUNT}:in:x:d",
    f"arn:aws:sns:us-east-1:{ACCOUNT}:xxy",
    f"arn:aws:kms:us-east-1:{ACCOUNT}:key/1234",
)
SERVICE_PRINCIPALS = (
    "*",
    {"Service": SMS_VOICE},
    {"Service": ["events.amazonaws.com", SMS_VOICE]},
    {"Service": "sns.amazonaws.com"},
    {"AWS": ACCOUNT},
    # Not {"AWS": "*"}: see aws_wildcard_principal_with_a_service.
)


@functools.cache
def one_or_more(values: tuple[str, ...]) -> st.SearchStrategy[Any]:
    return st.lists(pick(values), min_size=1, max_size=3, unique=True).map(
        lambda items: items[0] if len(items) == 1 else items
    )


@st.composite
def statements(draw: st.DrawFn, for_resource_policy: bool) -> dict[str, Any]:
    statement: dict[str, Any] = {"Effect": draw(pick(("Allow", "Deny")))}
    actions: tuple[str, ...] = ACTION_PATTERNS
    if for_resource_policy:
        actions = RESOURCE_POLICY_ACTION_PATTERNS
        element = draw(pick(("Principal", "Principal", "NotPrincipal")))
        # NotPrincipal is only supported with Deny; NotPrincipal "*" would be for no one.
        index = draw(pick(tuple(range(len(SERVICE_PRINCIPALS)))))
        if element == "NotPrincipal":
            statement["Effect"] = "Deny"
            index = index or 1
        statement[element] = SERVICE_PRINCIPALS[index]
    statement[draw(pick(("Action", "Action", "NotAction")))] = draw(one_or_more(actions))
    if not for_resource_policy or draw(st.booleans()):
        element = draw(pick(("Resource", "Resource", "NotResource")))
        statement[element] = draw(one_or_more(RESOURCE_PATTERNS))
    if draw(st.booleans()):
        statement["Condition"] = draw(CONDITIONS)
    return statement


IDENTITY_STATEMENTS = st.lists(statements(for_resource_policy=False), min_size=1, max_size=3)
RESOURCE_STATEMENTS = st.lists(statements(for_resource_policy=True), min_size=1, max_size=3)


@st.composite
def policy_cases(
    draw: st.DrawFn, for_resource_policy: bool = False
) -> tuple[dict[str, Any], str, str, dict[str, Any]]:
    """A policy document, and the action, resource and context of a request."""
    items = draw(RESOURCE_STATEMENTS if for_resource_policy else IDENTITY_STATEMENTS)
    conditions = [item["Condition"] for item in items if "Condition" in item]
    context = fit_context(draw, conditions, draw(CONTEXTS))
    action = draw(pick(RESOURCE_POLICY_ACTIONS if for_resource_policy else ACTIONS))
    document = {"Version": "2012-10-17", "Statement": items}
    return document, action, draw(pick(RESOURCES)), context


# -- where principalmapper differs from AWS ----------------------------------------------------


@dataclass(frozen=True)
class Clause:
    operator: str
    key: str
    values: tuple[str, ...]

    @property
    def base(self) -> str:
        return base_of(self.operator)

    @property
    def qualifier(self) -> str | None:
        return self.operator.split(":", 1)[0] if ":" in self.operator else None

    @property
    def if_exists(self) -> bool:
        return self.operator.endswith("IfExists")


def clauses_of(condition: Mapping[str, Mapping[str, Any]]) -> Iterator[Clause]:
    for operator, entries in condition.items():
        for key, values in entries.items():
            yield Clause(operator, key, tuple(values) if isinstance(values, list) else (values,))


def lookup(context: Mapping[str, Any], key: str) -> list[str] | None:
    """The request's values for ``key`` as strings, or None when absent."""
    for name, value in context.items():
        if name.lower() == key.lower():
            if isinstance(value, bool):
                return ["true" if value else "false"]
            return list(value) if isinstance(value, list) else [value]
    return None


def data_set(context: Mapping[str, Any], key: str) -> list[str]:
    return [value for value in lookup(context, key) or [] if value != ""]


def loose_match(pattern: str, value: str) -> bool:
    """principalmapper's matching model: one case-insensitive string, where * and ? may also
    match colons."""
    translated = "".join(
        ".*" if c == "*" else "." if c == "?" else re.escape(c) for c in pattern.lower()
    )
    return re.fullmatch(translated, value.lower(), re.DOTALL) is not None


def _is_number(text: str) -> bool:
    try:
        return Decimal(text).is_finite()
    except InvalidOperation:
        return False


def _is_date(text: str) -> bool:
    if re.fullmatch(r"\d+", text):
        return True
    try:
        datetime.fromisoformat(text).astimezone(UTC)
    except ValueError:
        return False
    return True


ClausePredicate = Callable[[Clause, Mapping[str, Any]], bool]


def string_not_like_on_absent_key(clause: Clause, context: Mapping[str, Any]) -> bool:
    """AWS: a negated operator is true when the key is absent. principalmapper returns false
    for a plain StringNotLike on an absent key."""
    plain = clause.qualifier is None and not clause.if_exists
    return plain and clause.base == "StringNotLike" and lookup(context, clause.key) is None


def numeric_or_date_if_exists_on_present_key(clause: Clause, context: Mapping[str, Any]) -> bool:
    """AWS: ...IfExists evaluates the operator normally when the key is present.
    principalmapper compares Numeric*/Date* operator names exactly, so with the suffix no
    comparison matches and the condition is always false."""
    typed = clause.base in NUMERIC_OPERATORS or clause.base in DATE_OPERATORS
    present = lookup(context, clause.key) is not None
    return typed and clause.if_exists and clause.qualifier is None and present


def set_operator_on_numbers_or_dates(clause: Clause, context: Mapping[str, Any]) -> bool:
    """AWS: ForAnyValue/ForAllValues apply any operator to each request value.
    principalmapper compares Numeric*/Date* operator names exactly, so a qualified one never
    matches a value."""
    typed = clause.base in NUMERIC_OPERATORS or clause.base in DATE_OPERATORS
    return typed and clause.qualifier is not None and bool(data_set(context, clause.key))


def set_operator_on_all_values_at_once(clause: Clause, context: Mapping[str, Any]) -> bool:
    """AWS: ForAllValues needs every request value to satisfy the operator, ForAnyValue at
    least one. principalmapper tests all values at once for ForAllValues with Bool/ArnEquals/
    ArnLike (so one matching value suffices) and for ForAnyValue with a negated String/Arn
    operator (so one matching value fails it)."""
    if len(data_set(context, clause.key)) < 2:
        return False
    negated = clause.base in NEGATED
    if clause.qualifier == "ForAllValues":
        return clause.base in ("Bool", "ArnEquals", "ArnLike")
    if clause.qualifier == "ForAnyValue":
        return negated and (clause.base in STRING_OPERATORS or clause.base in ARN_OPERATORS)
    return False


def plain_operator_on_multivalued_key(clause: Clause, context: Mapping[str, Any]) -> bool:
    """AWS: "Multivalued context keys require a condition set operator" (and IAM Access
    Analyzer reports a missing ForAnyValue/ForAllValues as an error that keeps the policy from
    working), so a plain operator on a multivalued key does not hold. principalmapper matches
    any of the key's values."""
    plain = clause.qualifier is None and clause.base != "Null"
    return plain and any(
        name.lower() == clause.key.lower() and isinstance(value, list) and value
        for name, value in context.items()
    )


def null_on_empty_string(clause: Clause, context: Mapping[str, Any]) -> bool:
    """AWS: Null "true" means "the key doesn't exist", "false" that "the key exists"; a key
    whose value is "" exists. principalmapper takes "" for an absent key."""
    return clause.base == "Null" and lookup(context, clause.key) == [""]


def arn_compared_as_one_case_insensitive_string(clause: Clause, context: Mapping[str, Any]) -> bool:
    """AWS: Arn* operators compare the six ARN parts one by one, case-sensitively, wildcards
    within a part. principalmapper matches the whole ARN case-insensitively, and its * and ?
    cross colons."""
    if clause.base not in ARN_OPERATORS:
        return False
    values = [v for v in lookup(context, clause.key) or [] if parse_arn(v) is not None]
    return any(loose_match(p, v) != arn_matches(p, v) for p in clause.values for v in values)


REGEX_CHARACTERS = re.compile(r"[+()\[\]{}|\\]")


def like_pattern_with_regex_characters(clause: Clause, context: Mapping[str, Any]) -> bool:
    """AWS: only * and ? are wildcards. principalmapper turns StringLike patterns into regular
    expressions escaping only . $ ^, so + ( ) [ ] { } | \\ act as regex syntax."""
    like = clause.base in ("StringLike", "StringNotLike")
    return like and any(REGEX_CHARACTERS.search(value) for value in clause.values)


def bool_false_on_non_boolean_value(clause: Clause, context: Mapping[str, Any]) -> bool:
    """AWS: Bool compares with true or false. principalmapper's "false" matches every request
    value other than "true" (such as "yes" or ""), which is neither."""
    values = lookup(context, clause.key) or []
    odd = any(value.lower() not in ("true", "false") for value in values)
    return clause.base == "Bool" and "false" in clause.values and odd


def typed_operator_on_unreadable_value(clause: Clause, context: Mapping[str, Any]) -> bool:
    """AWS: a numeric or date operator compares numbers or dates; a request value that is
    neither matches nothing. principalmapper raises an exception (ast.literal_eval, dateutil)."""
    values = lookup(context, clause.key) or []
    if clause.base in NUMERIC_OPERATORS:
        return any(not _is_number(value) for value in values)
    if clause.base in DATE_OPERATORS:
        return any(not _is_date(value) for value in values)
    return False


def date_comparison_with_several_values(clause: Clause, context: Mapping[str, Any]) -> bool:
    """AWS: several values for one key are OR'd. principalmapper's DateLessThan(Equals)/
    DateGreaterThan(Equals) return after comparing the first policy value."""
    ordered = clause.base in DATE_OPERATORS and clause.base not in ("DateEquals", "DateNotEquals")
    present = lookup(context, clause.key) is not None
    return ordered and len(clause.values) > 1 and present


BlockPredicate = Callable[[Mapping[str, Mapping[str, Any]], Mapping[str, Any]], bool]


def for_any_value_with_several_keys(
    condition: Mapping[str, Mapping[str, Any]], context: Mapping[str, Any]
) -> bool:
    """AWS: several keys under one operator are AND'd. principalmapper ORs the keys of a
    ForAnyValue operator."""
    return any(
        operator.startswith("ForAnyValue:") and len(entries) > 1
        for operator, entries in condition.items()
    )


BLOCK_DIFFERENCES: tuple[BlockPredicate, ...] = (for_any_value_with_several_keys,)

CONDITION_DIFFERENCES: tuple[ClausePredicate, ...] = (
    string_not_like_on_absent_key,
    numeric_or_date_if_exists_on_present_key,
    set_operator_on_numbers_or_dates,
    set_operator_on_all_values_at_once,
    plain_operator_on_multivalued_key,
    null_on_empty_string,
    arn_compared_as_one_case_insensitive_string,
    like_pattern_with_regex_characters,
    bool_false_on_non_boolean_value,
    typed_operator_on_unreadable_value,
    date_comparison_with_several_values,
)


def condition_differences(
    condition: Mapping[str, Mapping[str, Any]], context: Mapping[str, Any]
) -> list[str]:
    found = [p.__name__ for p in BLOCK_DIFFERENCES if p(condition, context)]
    return found + [
        predicate.__name__
        for clause in clauses_of(condition)
        for predicate in CONDITION_DIFFERENCES
        if predicate(clause, context)
    ]


def _listed(mapping: Mapping[str, Any], *elements: str) -> list[str]:
    items: list[str] = []
    for element in elements:
        value = mapping.get(element, [])
        items += value if isinstance(value, list) else [value]
    return items


def resource_wildcards_and_case(statement: Mapping[str, Any], request: Request) -> bool:
    """AWS: Resource ARNs are case-sensitive and wildcards stay within an ARN segment, except
    a * that ends a segment. principalmapper matches resources case-insensitively as one
    string, its * and ? crossing colons."""
    return any(
        loose_match(pattern, request.resource) != resource_matches(pattern, request.resource)
        for pattern in _listed(statement, "Resource", "NotResource")
    )


def pattern_with_regex_characters(statement: Mapping[str, Any], request: Request) -> bool:
    """AWS: only * and ? are wildcards in Action and Resource. principalmapper turns patterns
    into regular expressions escaping only . $ ^, so + ( ) [ ] { } | \\ act as regex syntax."""
    patterns = _listed(statement, "Action", "NotAction", "Resource", "NotResource")
    return any(REGEX_CHARACTERS.search(pattern) for pattern in patterns)


def uppercase_sns_or_sqs_action_in_resource_policy(
    statement: Mapping[str, Any], request: Request
) -> bool:
    """AWS: action names are case-insensitive, whatever the service. In resource policies,
    principalmapper rewrites actions starting with "SNS"/"SQS" and then compares the requested
    action with itself, so such an Action always matches and such a NotAction never does."""
    actions = [request.action, *_listed(statement, "Action", "NotAction")]
    return any(action.startswith(("SNS", "SQS")) for action in actions)


def aws_wildcard_principal_with_a_service(statement: Mapping[str, Any], request: Request) -> bool:
    """AWS: {"AWS": "*"} means every principal, like "*". principalmapper only looks at the
    "Service" entry when the caller is a service principal."""
    caller_is_service = parse_arn(request.principal) is None
    elements = [statement.get("Principal"), statement.get("NotPrincipal")]
    wildcards = [
        element
        for element in elements
        if isinstance(element, dict) and "*" in _listed(element, "AWS")
    ]
    return caller_is_service and bool(wildcards)


StatementPredicate = Callable[[Mapping[str, Any], Request], bool]
STATEMENT_DIFFERENCES: tuple[StatementPredicate, ...] = (
    resource_wildcards_and_case,
    pattern_with_regex_characters,
)
RESOURCE_POLICY_DIFFERENCES: tuple[StatementPredicate, ...] = (
    *STATEMENT_DIFFERENCES,
    uppercase_sns_or_sqs_action_in_resource_policy,
    aws_wildcard_principal_with_a_service,
)


def statement_differences(
    document: Mapping[str, Any], request: Request, predicates: tuple[StatementPredicate, ...]
) -> list[str]:
    found: list[str] = []
    for statement in document["Statement"]:
        found += [p.__name__ for p in predicates if p(statement, request)]
        found += condition_differences(statement.get("Condition", {}), request.context)
    return found


def excluded(reasons: list[str]) -> bool:
    for reason in sorted(set(reasons)):
        event(f"excluded: {reason}")
    if not reasons:
        event("compared")
    return bool(reasons)


# -- the comparisons -------------------------------------------------------------------------


def ours_holds(condition: Mapping[str, Any], context: Mapping[str, Any]) -> bool:
    statement = {"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": condition}
    policy = NamedPolicy("generated policy", {"Version": "2012-10-17", "Statement": [statement]})
    request = Request(ROLE, "sns:Publish", TOPIC, context)
    return evaluate(request, identity_policies=[policy]).allowed


def pm_holds(pm: Principalmapper, condition: Mapping[str, Any], context: Mapping[str, Any]) -> bool:
    return bool(pm.simulation._get_condition_match(condition, pm_context(pm, context)))


@DIFFERENTIAL
@given(case=condition_cases())
def test_conditions_agree(case: tuple[dict[str, Any], dict[str, Any]]) -> None:
    pmapper = principalmapper()
    condition, context = case
    if excluded(condition_differences(condition, context)):
        return
    assert ours_holds(condition, context) == pm_holds(pmapper, condition, context)


@DIFFERENTIAL
@given(case=policy_cases())
def test_identity_policies_agree(case: tuple[dict[str, Any], str, str, dict[str, Any]]) -> None:
    pmapper = principalmapper()
    document, action, resource, context = case
    request = Request(ROLE, action, resource, context)
    if excluded(statement_differences(document, request, STATEMENT_DIFFERENCES)):
        return
    ours = evaluate(request, identity_policies=[NamedPolicy("generated policy", document)])
    keys = pm_context(pmapper, context)
    simulation = pmapper.simulation
    allowed = simulation.policy_has_matching_statement(document, "Allow", action, resource, keys)
    denied = simulation.policy_has_matching_statement(document, "Deny", action, resource, keys)
    assert ours.allowed == (allowed and not denied), ours.reason


@DIFFERENTIAL
@given(
    case=policy_cases(for_resource_policy=True),
    caller=st.sampled_from((SMS_VOICE, "sns.amazonaws.com")),
)
def test_resource_policies_for_service_principals_agree(
    case: tuple[dict[str, Any], str, str, dict[str, Any]], caller: str
) -> None:
    pmapper = principalmapper()
    document, action, resource, context = case
    request = Request(caller, action, resource, context)
    if excluded(statement_differences(document, request, RESOURCE_POLICY_DIFFERENCES)):
        return
    ours = evaluate(request, resource_policy=NamedPolicy("generated resource policy", document))
    simulation = pmapper.simulation
    result = simulation.resource_policy_authorization(
        caller, ACCOUNT, document, action, resource, pm_context(pmapper, context)
    )
    assert ours.allowed == (result == simulation.ResourcePolicyEvalResult.SERVICE_MATCH), (
        ours.reason
    )


# -- every listed difference is real ---------------------------------------------------------

CONDITION_EXAMPLES: list[tuple[ClausePredicate, dict[str, Any], dict[str, Any]]] = [
    (string_not_like_on_absent_key, {"StringNotLike": {"k": "a*"}}, {}),
    (numeric_or_date_if_exists_on_present_key, {"NumericLessThanIfExists": {"k": "10"}},
     {"k": "1"}),
    (numeric_or_date_if_exists_on_present_key,
     {"DateGreaterThanIfExists": {"k": "2020-01-01T00:00:00Z"}}, {"k": "1600000000"}),
    (set_operator_on_numbers_or_dates, {"ForAnyValue:NumericEquals": {"k": "1"}},
     {"k": ["1", "2"]}),
    (set_operator_on_all_values_at_once, {"ForAllValues:ArnLike": {"k": TOPIC}},
     {"k": [TOPIC, "arn:aws:sns:eu-west-1:444455556666:inbound"]}),
    (set_operator_on_all_values_at_once, {"ForAnyValue:StringNotEquals": {"k": "a"}},
     {"k": ["a", "b"]}),
    (plain_operator_on_multivalued_key, {"StringEquals": {"aws:CalledVia": "a"}},
     {"aws:CalledVia": ["a", "b"]}),
    (plain_operator_on_multivalued_key, {"StringNotEquals": {"aws:CalledVia": "a"}},
     {"aws:CalledVia": ["b", "c"]}),
    (null_on_empty_string, {"Null": {"k": "true"}}, {"k": ""}),
    (null_on_empty_string, {"Null": {"k": "false"}}, {"k": ""}),
    (arn_compared_as_one_case_insensitive_string, {"ArnEquals": {"k": TOPIC}},
     {"k": TOPIC.replace("inbound", "INBOUND")}),
    (arn_compared_as_one_case_insensitive_string,
     {"ArnLike": {"k": "arn:aws:sns:*:inbound"}}, {"k": TOPIC}),
    (like_pattern_with_regex_characters, {"StringLike": {"k": "x+y"}}, {"k": "xxy"}),
    (bool_false_on_non_boolean_value, {"Bool": {"k": "false"}}, {"k": "yes"}),
    (date_comparison_with_several_values,
     {"DateLessThan": {"k": ["2020-01-01T00:00:00Z", "2021-06-30T12:00:00+00:00"]}},
     {"k": "2020-06-01T00:00:00Z"}),
]  # fmt: skip


@pytest.mark.parametrize(
    ("predicate", "condition", "context"),
    CONDITION_EXAMPLES,
    ids=[f"{example[0].__name__}-{index}" for index, example in enumerate(CONDITION_EXAMPLES)],
)
def test_each_known_difference_is_real(
    predicate: ClausePredicate,
    condition: dict[str, Any],
    context: dict[str, Any],
) -> None:
    pmapper = principalmapper()
    assert any(predicate(clause, context) for clause in clauses_of(condition))
    assert ours_holds(condition, context) != pm_holds(pmapper, condition, context)


def test_for_any_value_keys_are_ored_by_principalmapper() -> None:
    pmapper = principalmapper()
    condition = {"ForAnyValue:StringEquals": {"k": "a", "aws:SourceAccount": ACCOUNT}}
    context = {"k": ["a"], "aws:SourceAccount": ["444455556666"]}
    assert for_any_value_with_several_keys(condition, context)
    assert not ours_holds(condition, context)
    assert pm_holds(pmapper, condition, context)


def test_unreadable_numbers_make_principalmapper_raise() -> None:
    pmapper = principalmapper()
    condition, context = {"NumericLessThan": {"k": "10"}}, {"k": "abc"}
    assert any(typed_operator_on_unreadable_value(c, context) for c in clauses_of(condition))
    assert not ours_holds(condition, context)
    with pytest.raises((ValueError, SyntaxError)):
        pm_holds(pmapper, condition, context)


def test_resource_differences_are_real() -> None:
    pmapper = principalmapper()
    simulation = pmapper.simulation
    keys = pm_context(pmapper, {})
    for pattern, resource in [
        (TOPIC, TOPIC.upper().replace("ARN:AWS:SNS", "arn:aws:sns")),
        ("arn:aws:sns:*:*:in*d", f"arn:aws:sns:us-east-1:{ACCOUNT}:in:x:d"),
        (f"arn:aws:sns:us-east-1:{ACCOUNT}:x+y", f"arn:aws:sns:us-east-1:{ACCOUNT}:xxy"),
    ]:
        statement = {"Effect": "Allow", "Action": "sns:Publish", "Resource": pattern}
        document = {"Version": "2012-10-17", "Statement": [statement]}
        request = Request(ROLE, "sns:Publish", resource)
        assert any(predicate(statement, request) for predicate in STATEMENT_DIFFERENCES)
        ours = evaluate(request, identity_policies=[NamedPolicy("p", document)]).allowed
        theirs = simulation.policy_has_matching_statement(
            document, "Allow", "sns:Publish", resource, keys
        )
        assert ours != theirs


@pytest.mark.parametrize(
    ("statement", "caller", "action"),
    [
        ({"Effect": "Allow", "Principal": {"Service": SMS_VOICE}, "Action": "SNS:DeleteTopic"},
         SMS_VOICE, "sns:Publish"),
        ({"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sns:Publish"},
         SMS_VOICE, "sns:Publish"),
    ],
)  # fmt: skip
def test_resource_policy_differences_are_real(
    statement: dict[str, Any], caller: str, action: str
) -> None:
    pmapper = principalmapper()
    document = {"Version": "2012-10-17", "Statement": [statement]}
    request = Request(caller, action, TOPIC)
    assert any(p(statement, request) for p in RESOURCE_POLICY_DIFFERENCES)
    ours = evaluate(request, resource_policy=NamedPolicy("p", document)).allowed
    simulation = pmapper.simulation
    result = simulation.resource_policy_authorization(
        caller, ACCOUNT, document, action, TOPIC, pm_context(pmapper, {})
    )
    assert ours != (result == simulation.ResourcePolicyEvalResult.SERVICE_MATCH)
