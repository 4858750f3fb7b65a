"""Paging of list operations: NextToken is an opaque base64 JSON offset, as opaque to clients
as AWS's. Shared by every emulated service."""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")


class InvalidNextToken(ValueError):
    pass


def encode_next_token(offset: int) -> str:
    return base64.urlsafe_b64encode(json.dumps({"offset": offset}).encode()).decode()


def decode_next_token(token: str) -> int:
    try:
        data = json.loads(base64.urlsafe_b64decode(token.encode()))
        offset = data["offset"]
    except (binascii.Error, ValueError, TypeError, KeyError, UnicodeDecodeError):
        raise InvalidNextToken(f"invalid NextToken: {token}") from None
    if not isinstance(offset, int) or offset < 0:
        raise InvalidNextToken(f"invalid NextToken: {token}")
    return offset


def paginate(
    items: Sequence[T], next_token: str | None, max_results: int | None, default_page: int = 100
) -> tuple[list[T], str | None]:
    """One page of items and the token for the next one (None on the last page)."""
    start = decode_next_token(next_token) if next_token else 0
    size = max_results or default_page
    page = list(items[start : start + size])
    end = start + len(page)
    return page, (encode_next_token(end) if end < len(items) else None)
