"""The evaluator never raises on what a policy or a request holds, only PolicyError for policies
AWS itself rejects: every condition operator, with IfExists, set operators and negations,
against values of the wrong type, out of range, or arbitrary text."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

from two_way_sms.policy import Decision, NamedPolicy, PolicyError, Request, evaluate

USER = "arn:aws:iam::111122223333:user/alice"
TOPIC = "arn:aws:sns:us-east-1:111122223333:inbound"

# Each operator family: a policy value that is not of its type (for strings, whose every value
# is of their type, a policy variable with no value), a request value of its type, and one
# that is not (None where every text is of the type).
FAMILIES: dict[str, tuple[tuple[str, ...], str, str, str | None]] = {
    "String": (
        ("StringEquals", "StringNotEquals", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase",
         "StringLike", "StringNotLike"),
        "${aws:absent}", "x", None,
    ),
    "Numeric": (
        ("NumericEquals", "NumericNotEquals", "NumericLessThan", "NumericLessThanEquals",
         "NumericGreaterThan", "NumericGreaterThanEquals"),
        "1e3", "5", "five",
    ),
    "Date": (
        ("DateEquals", "DateNotEquals", "DateLessThan", "DateLessThanEquals", "DateGreaterThan",
         "DateGreaterThanEquals"),
        "10000-01-01T00:00:00Z", "444455556666", "yesterday",
    ),
    "Bool": (("Bool",), "yes", "true", None),
    "Binary": (("BinaryEquals",), "${aws:absent}", "QmluYXJ5", None),
    "IpAddress": (("IpAddress", "NotIpAddress"), "203.0.113.0/33", "203.0.113.9", "not-an-ip"),
    "Arn": (
        ("ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike"),
        "arn:aws:sns:us-east-1:111122223333", TOPIC, "arn:aws:sns",
    ),
}  # fmt: skip
NEGATED = {"StringNotEquals", "StringNotEqualsIgnoreCase", "StringNotLike", "NumericNotEquals",
           "DateNotEquals", "NotIpAddress", "ArnNotEquals", "ArnNotLike"}  # fmt: skip
FORMS = [(qualifier, suffix) for qualifier in ("", "ForAnyValue:", "ForAllValues:")
         for suffix in ("", "IfExists")]  # fmt: skip


def holds(condition: dict[str, Any], context: dict[str, Any]) -> bool:
    statement = {
        "Effect": "Allow",
        "Action": "sns:Publish",
        "Resource": "*",
        "Condition": condition,
    }
    policy = NamedPolicy("policy p", {"Version": "2012-10-17", "Statement": [statement]})
    request = Request(USER, "sns:Publish", TOPIC, context)
    return evaluate(request, identity_policies=[policy]).allowed


def _cases() -> list[Any]:
    cases = []
    for family, (bases, bad_policy_value, good, bad_request) in FAMILIES.items():
        for base in bases:
            for qualifier, suffix in FORMS:
                operator = f"{qualifier}{base}{suffix}"
                cases.append(pytest.param(operator, base, bad_policy_value, good, bad_request,
                                          id=f"{family}-{operator}"))  # fmt: skip
    return cases


@pytest.mark.parametrize(("operator", "base", "bad_policy_value", "good", "bad_request"), _cases())
def test_values_of_the_wrong_type_never_raise(
    operator: str, base: str, bad_policy_value: str, good: str, bad_request: str | None
) -> None:
    negated = base in NEGATED
    # The request value is of the operator's type; the policy value stands for nothing, so the
    # operator finds no match: a plain operator fails, a negated one holds.
    request_value: Any = [good] if ":" in operator else good
    assert holds({operator: {"k": bad_policy_value}}, {"k": request_value}) is negated
    if bad_request is not None:
        # A request value not of the operator's type satisfies neither it nor its negation.
        request_value = [bad_request] if ":" in operator else bad_request
        assert not holds({operator: {"k": good}}, {"k": request_value})


@pytest.mark.parametrize("value", ["maybe", "", "1"])
def test_null_with_a_value_that_is_not_a_boolean(value: str) -> None:
    assert not holds({"Null": {"k": value}}, {})
    assert not holds({"Null": {"k": value}}, {"k": "x"})


# -- arbitrary policies and requests ----------------------------------------------------------

BASES = ("StringEquals", "StringNotEquals", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase",
         "StringLike", "StringNotLike", "NumericEquals", "NumericNotEquals", "NumericLessThan",
         "NumericLessThanEquals", "NumericGreaterThan", "NumericGreaterThanEquals", "DateEquals",
         "DateNotEquals", "DateLessThan", "DateLessThanEquals", "DateGreaterThan",
         "DateGreaterThanEquals", "Bool", "BinaryEquals", "IpAddress", "NotIpAddress", "ArnEquals",
         "ArnLike", "ArnNotEquals", "ArnNotLike", "Null")  # fmt: skip
KEYS = ("k", "K", "aws:SourceAccount", "aws:username", "aws:CalledVia")
SAMPLES = ("", "*", "?", "${", "}", "${aws:username}", "${aws:username, 'd'}", "${*}", "${?}",
           "${$}", "${}", "${k", "$", "{", "'", ", ", ":", "arn:aws:sns:us-east-1:111122223333:t",
           "arn:aws:sns:*:${aws:SourceAccount}:*", "arn:aws:s3:::b/${aws:username}/*", "arn",
           "arn:::::", "99999999999999", "444455556666", "-1", "1e3", "1E400", "2.5", "NaN",
           "Infinity", "0x10", "1_000", "٣", "2020-01-01", "2020-01-01T00:00:00+14:00",
           "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00", "10000-01-01", "true",
           "FALSE", "yes", "203.0.113.0/24", "203.0.113.0/33", "2001:db8::/32", "fe80::1%eth0",
           "::ffff:1.2.3.4", "QmluYXJ5", "\x00", "a\\b", "\\", "[a-z]+", "(.*)")  # fmt: skip
# Built once, from a small alphabet: drawing full Unicode text costs more than evaluating it.
TEXT = st.one_of(
    st.sampled_from(SAMPLES),
    st.text(alphabet="${}*?:,' \\aA1.-/é\u0663\U0001f600", max_size=12),
    st.lists(st.sampled_from(SAMPLES), min_size=2, max_size=3).map("".join),
)
POLICY_VALUE = st.one_of(
    TEXT,
    TEXT,
    TEXT,
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(),
    st.booleans(),
)
# No value, or one that is no JSON scalar: AWS rejects the policy. Rarer, to evaluate more.
NOT_A_VALUE = st.sampled_from(([], None, {"a": "b"}, [None], ["a", ["b"]]))
POLICY_VALUES = st.one_of(
    *[POLICY_VALUE] * 4, *[st.lists(POLICY_VALUE, min_size=1, max_size=3)] * 4, NOT_A_VALUE
)
CONTEXT_VALUE = st.one_of(TEXT, st.lists(TEXT, max_size=3), st.booleans(), st.integers())


@st.composite
def operators(draw: st.DrawFn) -> str:
    if draw(st.integers(0, 19)) == 0:
        return draw(st.text(max_size=20))  # usually no operator at all
    base = draw(st.sampled_from(BASES))
    qualifier = draw(st.sampled_from(("", "", "ForAnyValue:", "ForAllValues:", "forallvalues:")))
    suffix = draw(st.sampled_from(("", "", "IfExists", "ifexists")))
    name = f"{qualifier}{base}{suffix}"
    return name.lower() if draw(st.integers(0, 4)) == 0 else name


_OPERATOR_NAME = re.compile(
    r"(?:(foranyvalue|forallvalues):)?(" + "|".join(b.lower() for b in BASES) + r")(ifexists)?"
)


def aws_rejects(condition: dict[str, dict[str, Any]]) -> bool:
    """What makes AWS reject the policy, worked out apart from the evaluator: an unknown
    operator, Null with IfExists or a set operator, no value, or a value that is no JSON
    scalar."""
    for operator, entries in condition.items():
        name = _OPERATOR_NAME.fullmatch(operator.lower())
        if name is None:
            return True
        if name.group(2) == "null" and (name.group(1) or name.group(3)):
            return True
        for values in entries.values():
            items = values if isinstance(values, list) else [values]
            if not items or not all(isinstance(v, str | int | float) for v in items):
                return True
    return False


@st.composite
def cases(draw: st.DrawFn) -> tuple[dict[str, Any], Request, bool]:
    condition: dict[str, dict[str, Any]] = {}
    for _ in range(draw(st.sampled_from((1, 1, 2, 3)))):
        entries = condition.setdefault(draw(operators()), {})
        entries[draw(st.sampled_from(KEYS))] = draw(POLICY_VALUES)
    statement: dict[str, Any] = {
        "Effect": draw(st.sampled_from(("Allow", "Deny"))),
        "Action": "sns:Publish",
        draw(st.sampled_from(("Resource", "NotResource"))): draw(
            st.one_of(st.just("*"), TEXT.filter(bool))
        ),
        "Condition": condition,
    }
    document: dict[str, Any] = {"Statement": [statement]}
    version = draw(st.sampled_from(("2012-10-17", "2012-10-17", "2008-10-17", None)))
    if version:
        document["Version"] = version
    context = draw(st.dictionaries(st.sampled_from(KEYS), CONTEXT_VALUE, max_size=4))
    resource = draw(st.one_of(st.just(TOPIC), TEXT))
    request = Request(USER, "sns:Publish", resource, context)
    return document, request, aws_rejects(condition)


@settings(max_examples=250, deadline=None)
@given(case=cases(), as_json=st.booleans())
def test_arbitrary_policies_and_requests(case: tuple[dict[str, Any], Request, bool], as_json: bool):
    document, request, rejected = case
    policy = NamedPolicy("policy p", json.dumps(document) if as_json else document)
    event("rejected by AWS" if rejected else "evaluated")
    if rejected:
        with pytest.raises(PolicyError):
            evaluate(request, identity_policies=[policy])
        return
    decision = evaluate(request, identity_policies=[policy])
    assert isinstance(decision, Decision) and decision.reason
