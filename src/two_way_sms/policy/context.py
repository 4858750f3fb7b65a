"""The request context: condition keys and their values, normalised for comparison."""

from __future__ import annotations

from collections.abc import Mapping

from two_way_sms.policy.model import ContextValue
from two_way_sms.policy.values import scalar_text


def _as_text(value: object, key: str) -> str:
    text = scalar_text(value)
    if text is None:
        raise TypeError(f"request context key {key!r}: unsupported value {value!r}")
    return text


class RequestContext:
    """Condition keys of a request, looked up case-insensitively as AWS does.

    Every value is kept as a tuple of strings. A key given as a list is a multivalued key (such
    as aws:CalledVia), whatever its length; a key with no values (None or an empty list) counts
    as absent: it gives a condition nothing to compare.
    """

    def __init__(self, raw: Mapping[str, ContextValue]) -> None:
        self._values: dict[str, tuple[str, ...]] = {}
        self._multivalued: set[str] = set()
        for key, value in raw.items():
            if value is None:
                continue
            name = key.lower()
            if type(value) is str:  # the usual case, first
                self._values[name] = (value,)
                continue
            if isinstance(value, str | bool | int | float):
                self._values[name] = (_as_text(value, key),)
                continue
            values = tuple(_as_text(item, key) for item in value)
            if values:
                self._values[name] = values
                self._multivalued.add(name)

    def get(self, key: str) -> tuple[str, ...] | None:
        """The values of ``key``, or None when the request does not carry it."""
        return self._values.get(key.lower())

    def is_multivalued(self, key: str) -> bool:
        return key.lower() in self._multivalued

    def single_value(self, key: str) -> str | None:
        """The value of a single-valued key; None when it is absent or multivalued."""
        name = key.lower()
        if name in self._multivalued:
            return None
        values = self._values.get(name)
        return values[0] if values else None
