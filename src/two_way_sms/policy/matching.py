"""Wildcard matching of actions, resources and ARNs, and ARN parsing.

Patterns use IAM's two wildcards: ``*`` (any run of characters) and ``?`` (one character).
Every other character is literal; patterns are never handed to ``re`` unescaped.
"""

from __future__ import annotations

import functools
import re

from two_way_sms.identifiers import parse_arn


def account_of(arn: str) -> str | None:
    """The account ID in an ARN, or None (not an ARN, or an account-less one such as S3's)."""
    parsed = parse_arn(arn)
    return parsed.account if parsed and parsed.account else None


@functools.lru_cache(maxsize=4096)
def _glob_regex(pattern: str) -> re.Pattern[str]:
    translated = "".join(
        ".*" if char == "*" else "." if char == "?" else re.escape(char) for char in pattern
    )
    return re.compile(translated, re.DOTALL)


def glob_match(pattern: str, value: str) -> bool:
    """Case-sensitive match of ``value`` against ``pattern`` with ``*`` and ``?`` wildcards."""
    if pattern == "*":
        return True
    return _glob_regex(pattern).fullmatch(value) is not None


def action_matches(pattern: str, action: str) -> bool:
    """Action names are case-insensitive ("SNS:publish" is sns:Publish); wildcards anywhere."""
    return glob_match(pattern.lower(), action.lower())


@functools.lru_cache(maxsize=4096)
def _resource_regex(pattern: str) -> re.Pattern[str]:
    # AWS: wildcards work within an ARN segment; a "*" that ends a segment may also run on
    # across colons, so "arn:aws:sns:*" covers every SNS ARN but "us-*-1" stays in the region.
    pieces: list[str] = []
    for position, char in enumerate(pattern):
        if char == "*":
            ends_segment = position + 1 == len(pattern) or pattern[position + 1] == ":"
            pieces.append(".*" if ends_segment else "[^:]*")
        elif char == "?":
            pieces.append("[^:]")
        else:
            pieces.append(re.escape(char))
    return re.compile("".join(pieces), re.DOTALL)


def resource_matches(pattern: str, resource: str) -> bool:
    """Match a Resource/NotResource entry against the requested resource (case-sensitive)."""
    if pattern == "*":
        return True
    return _resource_regex(pattern).fullmatch(resource) is not None


def arn_matches(pattern: str, value: str) -> bool:
    """The ArnEquals/ArnLike comparison: the six ARN parts are compared one by one,
    case-sensitively, each with its own wildcards. A value that is not an ARN never matches."""
    value_arn = parse_arn(value)
    if value_arn is None:
        return False
    if pattern == "*":
        return True
    pattern_arn = parse_arn(pattern)
    if pattern_arn is None:
        return False
    return all(
        glob_match(wanted, actual)
        for wanted, actual in zip(pattern_arn.parts, value_arn.parts, strict=True)
    )
