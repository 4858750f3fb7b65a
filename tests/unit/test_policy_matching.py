"""Wildcards in Action/Resource, and ARN parsing and matching."""

from __future__ import annotations

from collections.abc import Mapping

import pytest

from two_way_sms.policy import NamedPolicy, Request, evaluate
from two_way_sms.policy.matching import (
    account_of,
    action_matches,
    arn_matches,
    glob_match,
    parse_arn,
    resource_matches,
)

TOPIC = "arn:aws:sns:us-east-1:111122223333:inbound"


@pytest.mark.parametrize(
    ("pattern", "action", "expected"),
    [
        ("sns:Publish", "sns:Publish", True),
        ("SNS:publish", "sns:Publish", True),  # action names are case-insensitive
        ("sns:*", "sns:Publish", True),
        ("*", "kms:Decrypt", True),
        ("sns:Pub*", "sns:Publish", True),
        ("sns:Publis?", "sns:Publish", True),
        ("sns:Publis?", "sns:Publis", False),  # ? is exactly one character
        ("kms:GenerateDataKey*", "kms:GenerateDataKey", True),
        ("kms:GenerateDataKey*", "kms:GenerateDataKeyWithoutPlaintext", True),
        ("kms:GenerateDataKey*", "kms:Decrypt", False),
        ("s3:Get*", "s3:PutObject", False),
        ("sns:Publish", "sqs:Publish", False),
        ("sns:*Topic", "sns:CreateTopic", True),
    ],
)
def test_action_matching(pattern: str, action: str, expected: bool) -> None:
    assert action_matches(pattern, action) is expected


@pytest.mark.parametrize(
    ("pattern", "resource", "expected"),
    [
        (TOPIC, TOPIC, True),
        ("*", TOPIC, True),
        ("arn:aws:sns:us-east-1:111122223333:*", TOPIC, True),
        ("arn:aws:sns:*:111122223333:inbound", TOPIC, True),
        ("arn:aws:sns:us-east-1:111122223333:Inbound", TOPIC, False),  # case-sensitive
        ("arn:aws:sns:us-east-1:111122223333:in????d", TOPIC, True),
        ("arn:aws:s3:::amzn-s3-demo-bucket/*", "arn:aws:s3:::amzn-s3-demo-bucket/a/b.txt", True),
        (
            "arn:aws:iam::111122223333:user/accounting/*",
            "arn:aws:iam::111122223333:user/accounting/alice",
            True,
        ),
        # A * that ends a segment may run across colons (AWS: Resource element page) ...
        ("arn:aws:sns:*", TOPIC, True),
        (
            "arn:aws:logs:us-east-1:111122223333:log-group:*",
            "arn:aws:logs:us-east-1:111122223333:log-group:g:log-stream:s",
            True,
        ),
        # ... one inside a segment, or a ?, stays within it.
        (
            "arn:aws:sns:us-east-1:111122223333:in*d",
            "arn:aws:sns:us-east-1:111122223333:in:x:d",
            False,
        ),
        (
            "arn:aws:sns:us-east-1:111122223333:in*d",
            "arn:aws:sns:us-east-1:111122223333:in-x-d",
            True,
        ),
        ("arn:aws:sns:us-east-1:111122223333:a?b", "arn:aws:sns:us-east-1:111122223333:a:b", False),
        ("arn:aws:sns:us-*-1:111122223333:inbound", TOPIC, True),
        ("arn:aws:sns:us-east-1:111122223333:in.ound", TOPIC, False),  # "." is literal
    ],
)
def test_resource_matching(pattern: str, resource: str, expected: bool) -> None:
    assert resource_matches(pattern, resource) is expected


def test_glob_has_no_regex_semantics() -> None:
    assert glob_match("a+b[c]", "a+b[c]")
    assert not glob_match("a+b", "aab")
    assert glob_match("a*", "a\nb")
    assert glob_match("", "") and not glob_match("", "x")


def test_parse_arn_keeps_colons_in_the_resource() -> None:
    arn = parse_arn("arn:aws:logs:us-east-1:111122223333:log-group:g:log-stream:s")
    assert arn is not None
    assert (arn.partition, arn.service, arn.region, arn.account) == (
        "aws",
        "logs",
        "us-east-1",
        "111122223333",
    )
    assert arn.resource == "log-group:g:log-stream:s"
    assert parse_arn("sms-voice.amazonaws.com") is None
    assert parse_arn("arn:aws:sns") is None


def test_account_of() -> None:
    assert account_of(TOPIC) == "111122223333"
    assert account_of("arn:aws:s3:::bucket") is None
    assert account_of("*") is None


@pytest.mark.parametrize(
    ("pattern", "value", "expected"),
    [
        (
            "arn:aws:sms-voice:us-east-1:111122223333:*",
            "arn:aws:sms-voice:us-east-1:111122223333:phone-number/p",
            True,
        ),
        (
            "arn:aws:sms-voice:*:111122223333:*",
            "arn:aws:sms-voice:us-east-1:444455556666:phone-number/p",
            False,
        ),
        ("arn:*:*:*:*:*", "arn:aws:sns:us-east-1:111122223333:t", True),
        ("*", "arn:aws:sns:us-east-1:111122223333:t", True),
        ("*", "not-an-arn", False),
        ("arn:aws:sns:*", "arn:aws:sns:us-east-1:111122223333:t", False),  # six parts needed
        (
            "arn:aws:sns:us-east-1:111122223333:t:*",
            "arn:aws:sns:us-east-1:111122223333:t:sub",
            True,
        ),
        ("arn:aws:SNS:us-east-1:111122223333:t", "arn:aws:sns:us-east-1:111122223333:t", False),
        # Every part is case-sensitive, the partition too.
        ("arn:AWS:sns:us-east-1:111122223333:t", "arn:aws:sns:us-east-1:111122223333:t", False),
        # Five parts are no ARN, as a pattern or as a value.
        ("arn:aws:sns:us-east-1:111122223333", "arn:aws:sns:us-east-1:111122223333:t", False),
        ("arn:aws:sns:*:*:*", "arn:aws:sns:us-east-1:111122223333", False),
        ("*", "arn:aws:sns:us-east-1:111122223333", False),
    ],
)
def test_arn_matching(pattern: str, value: str, expected: bool) -> None:
    assert arn_matches(pattern, value) is expected


def test_escaped_patterns() -> None:
    # The spelling of substituted policy values: a backslash makes the next character literal.
    assert glob_match("a\\*b*", "a*bc", escaped=True)
    assert not glob_match("a\\*b", "axb", escaped=True)
    assert glob_match("a\\\\b", "a\\b", escaped=True)
    assert glob_match("a\\?", "a?", escaped=True) and not glob_match("a\\?", "ab", escaped=True)
    # In the plain spelling the backslash is a character like any other.
    assert not glob_match("a\\*b", "a*b")
    assert glob_match("a\\*b", "a\\xb")
    # A literal * never runs across colons, nor counts as the whole-value wildcard.
    assert resource_matches("arn:aws:s3:::b/\\*", "arn:aws:s3:::b/*", escaped=True)
    assert not resource_matches("arn:aws:s3:::b/\\*", "arn:aws:s3:::b/x", escaped=True)
    assert not resource_matches("\\*", "anything", escaped=True)
    assert resource_matches("arn:aws:sns:*:\\?:*", "arn:aws:sns:r:?:t", escaped=True)
    assert arn_matches("arn:aws:sns:\\*:*:t", "arn:aws:sns:*:1:t", escaped=True)
    assert not arn_matches("arn:aws:sns:\\*:*:t", "arn:aws:sns:us-east-1:1:t", escaped=True)


def _decide(
    statement: Mapping[str, object], action: str = "sns:Publish", resource: str = TOPIC
) -> bool:
    policy = NamedPolicy("policy p", {"Version": "2012-10-17", "Statement": statement})
    request = Request("arn:aws:iam::111122223333:role/app", action, resource)
    return evaluate(request, identity_policies=[policy]).allowed


def test_not_action_matches_every_other_action() -> None:
    statement = {"Effect": "Allow", "NotAction": ["iam:*", "kms:*"], "Resource": "*"}
    assert _decide(statement, "sns:Publish")
    assert not _decide(statement, "kms:Decrypt")
    assert not _decide(statement, "IAM:CreateUser")


def test_not_resource_matches_every_other_resource() -> None:
    statement = {
        "Effect": "Allow",
        "Action": "sns:*",
        "NotResource": "arn:aws:sns:*:111122223333:admin-*",
    }
    assert _decide(statement)
    assert not _decide(statement, resource="arn:aws:sns:us-east-1:111122223333:admin-alerts")


def test_deny_with_not_action_leaves_listed_actions_alone() -> None:
    # The AWS example "deny everything except ..." combined with an allow.
    document = {
        "Statement": [
            {"Effect": "Allow", "Action": "*", "Resource": "*"},
            {"Effect": "Deny", "NotAction": "sns:Publish", "Resource": "*"},
        ]
    }
    policy = NamedPolicy("policy p", document)
    role = "arn:aws:iam::111122223333:role/app"
    assert evaluate(Request(role, "sns:Publish", TOPIC), identity_policies=[policy]).allowed
    denied = evaluate(Request(role, "sns:DeleteTopic", TOPIC), identity_policies=[policy])
    assert not denied.allowed
    assert denied.reason == "explicit deny by statement 2 of policy p"
