"""The request context: condition keys and their values, normalised for comparison."""

from __future__ import annotations

from collections.abc import Mapping

from two_way_sms.policy.model import ContextValue


def _as_text(value: object, key: str) -> str:
    # bool before int: True is an int, and AWS writes booleans as "true"/"false".
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return value
    if isinstance(value, int | float):
        return str(value)
    raise TypeError(f"request context key {key!r}: unsupported value {value!r}")


class RequestContext:
    """Condition keys of a request, looked up case-insensitively as AWS does.

    Every value is kept as a tuple of strings. A key with no values (None or an empty list)
    counts as absent: it gives a condition nothing to compare.
    """

    def __init__(self, raw: Mapping[str, ContextValue]) -> None:
        self._values: dict[str, tuple[str, ...]] = {}
        for key, value in raw.items():
            if value is None:
                continue
            if isinstance(value, str | bool | int | float):
                values: tuple[str, ...] = (_as_text(value, key),)
            else:
                values = tuple(_as_text(item, key) for item in value)
            if values:
                self._values[key.lower()] = values

    def get(self, key: str) -> tuple[str, ...] | None:
        """The values of ``key``, or None when the request does not carry it."""
        return self._values.get(key.lower())
