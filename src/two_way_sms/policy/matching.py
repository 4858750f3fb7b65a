"""Wildcard matching of actions, resources and ARNs.

Patterns use IAM's two wildcards: ``*`` (any run of characters) and ``?`` (one character).
Every other character is literal; patterns are never handed to ``re`` unescaped.

A pattern comes in one of two spellings. A *plain* pattern is policy text as written: every
``*`` and ``?`` is a wildcard. An *escaped* pattern is what a policy value becomes once its
policy variables are substituted (variables.py): there a backslash makes the next character
literal, so ``${*}`` (``\\*``) and substituted request values never act as wildcards.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from two_way_sms.identifiers import parse_arn


def account_of(arn: str) -> str | None:
    """The account ID in an ARN, or None (not an ARN, or an account-less one such as S3's)."""
    parsed = parse_arn(arn)
    return parsed.account if parsed and parsed.account else None


def escape_pattern(text: str) -> str:
    """Plain pattern text in the escaped spelling (its wildcards stay wildcards)."""
    return text.replace("\\", "\\\\") if "\\" in text else text


def escape_literal(text: str) -> str:
    """Text that must match itself, in the escaped spelling (no character is a wildcard)."""
    if "\\" not in text and "*" not in text and "?" not in text:
        return text
    return "".join("\\" + char if char in "\\*?" else char for char in text)


def _tokens(pattern: str, escaped: bool) -> Iterator[tuple[str, bool]]:
    """(character, is a wildcard) for each character the pattern stands for."""
    position = 0
    while position < len(pattern):
        char = pattern[position]
        if escaped and char == "\\" and position + 1 < len(pattern):
            yield pattern[position + 1], False
            position += 2
            continue
        yield char, char in "*?"
        position += 1


@functools.lru_cache(maxsize=4096)
def _glob_regex(pattern: str, escaped: bool) -> re.Pattern[str]:
    translated = "".join(
        (".*" if char == "*" else ".") if wildcard else re.escape(char)
        for char, wildcard in _tokens(pattern, escaped)
    )
    return re.compile(translated, re.DOTALL)


def glob_match(pattern: str, value: str, *, escaped: bool = False) -> bool:
    """Case-sensitive match of ``value`` against ``pattern`` with ``*`` and ``?`` wildcards."""
    if pattern == "*":
        return True
    return _glob_regex(pattern, escaped).fullmatch(value) is not None


def action_matches(pattern: str, action: str) -> bool:
    """Action names are case-insensitive ("SNS:publish" is sns:Publish); wildcards anywhere."""
    return glob_match(pattern.lower(), action.lower())


@functools.lru_cache(maxsize=4096)
def _resource_regex(pattern: str, escaped: bool) -> re.Pattern[str]:
    # AWS: wildcards work within an ARN segment; a "*" that ends a segment may also run on
    # across colons, so "arn:aws:sns:*" covers every SNS ARN but "us-*-1" stays in the region.
    tokens = list(_tokens(pattern, escaped))
    pieces: list[str] = []
    for position, (char, wildcard) in enumerate(tokens):
        if not wildcard:
            pieces.append(re.escape(char))
        elif char == "?":
            pieces.append("[^:]")
        else:
            following = tokens[position + 1][0] if position + 1 < len(tokens) else None
            pieces.append(".*" if following in (None, ":") else "[^:]*")
    return re.compile("".join(pieces), re.DOTALL)


def resource_matches(pattern: str, resource: str, *, escaped: bool = False) -> bool:
    """Match a Resource/NotResource entry against the requested resource (case-sensitive)."""
    if pattern == "*":
        return True
    return _resource_regex(pattern, escaped).fullmatch(resource) is not None


def arn_matches(pattern: str, value: str, *, escaped: bool = False) -> bool:
    """The ArnEquals/ArnLike comparison: the six ARN parts are compared one by one,
    case-sensitively, each with its own wildcards. A value that is not an ARN never matches,
    nor does a pattern of fewer than six parts (other than ``*``)."""
    value_arn = parse_arn(value)
    if value_arn is None:
        return False
    if pattern == "*":
        return True
    # Splitting the escaped spelling at colons is safe: a backslash never escapes a colon.
    pattern_arn = parse_arn(pattern)
    if pattern_arn is None:
        return False
    return all(
        glob_match(wanted, actual, escaped=escaped)
        for wanted, actual in zip(pattern_arn.parts, value_arn.parts, strict=True)
    )
