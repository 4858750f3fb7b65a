"""Reading condition values as text, numbers, dates, booleans and IP addresses.

Every reader returns None for text that is not of its type; none raises, whatever the text:
a condition value of the wrong type matches nothing (see conditions.py), it does not make the
policy invalid.
"""

from __future__ import annotations

import ipaddress
import re
from datetime import datetime
from decimal import Decimal

# "an integer or decimal value" (AWS's Numeric condition operators): plain notation only, so
# "1e3", ".5", "+1", "1_000", "NaN" and non-ASCII digits are not numbers.
_NUMBER = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")
_UNIX_EPOCH = datetime(1970, 1, 1)
_SECONDS_PER_DAY = 86400

IpNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network


def scalar_text(value: object) -> str | None:
    """A JSON scalar as IAM reads it ("true"/"false", digits without exponent), or None."""
    # bool before int: True is an int, and AWS writes booleans as "true"/"false".
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return value
    if isinstance(value, int):
        try:
            return str(value)
        except ValueError:  # beyond Python's int-to-str digit limit
            return format(Decimal(value), "f")
    if isinstance(value, float):
        return format(Decimal(repr(value)), "f")
    return None


def read_number(text: str) -> Decimal | None:
    return Decimal(text) if _NUMBER.fullmatch(text) else None


def read_date(text: str) -> Decimal | None:
    """Seconds since the Unix epoch, from epoch seconds or an ISO 8601 date (no zone: UTC).

    Kept as a Decimal rather than a datetime, so an epoch beyond year 9999 still compares.
    """
    if _NUMBER.fullmatch(text):
        return Decimal(text)
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    # Naive datetimes subtract without overflow anywhere in years 1-9999; the offset then moves
    # the result to UTC.
    local = moment.replace(tzinfo=None) - _UNIX_EPOCH
    offset = moment.utcoffset()
    if offset is not None:
        local -= offset
    return (
        Decimal(local.days) * _SECONDS_PER_DAY
        + local.seconds
        + Decimal(local.microseconds).scaleb(-6)
    )


def read_bool(text: str) -> str | None:
    lowered = text.lower()
    return lowered if lowered in ("true", "false") else None


def read_network(text: str) -> IpNetwork | None:
    """A CIDR block or a single address (a /32 or /128 network)."""
    try:
        return ipaddress.ip_network(text, strict=False)
    except ValueError:
        return None


def read_address(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        return None
