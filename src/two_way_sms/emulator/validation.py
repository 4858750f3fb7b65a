"""Input validation against the service model's constraints, worded the way AWS words it.

LocalStack parses requests but does not check required members, lengths, patterns, enums or
ranges. AWS does, before anything else, and answers `ValidationException` with a message like
"1 validation error detected: Value 'us' at 'isoCountryCode' failed to satisfy constraint:
Member must satisfy regular expression pattern: [A-Z]{2}". This module reproduces that from the
botocore shapes (pure Python: botocore is not LocalStack).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from botocore.model import ListShape, MapShape, Shape, StructureShape


@dataclass(frozen=True)
class FieldError:
    path: str
    message: str

    def describe(self, value: Any) -> str:
        shown = "null" if value is _MISSING else f"'{value}'"
        return f"Value {shown} at '{self.path}' failed to satisfy constraint: {self.message}"


_MISSING = object()


def _member_path(parent: str, name: str) -> str:
    member = name[:1].lower() + name[1:]
    return f"{parent}.{member}" if parent else member


@lru_cache(maxsize=256)
def _compiled(pattern: str) -> re.Pattern[str] | None:
    """The model's pattern as a Python regex; None when Python can't compile it (e.g. \\p{L}).
    Some models (Amazon Connect's PhoneNumberPrefix, PhoneNumber) escape their backslashes twice
    ("\\\\+?[0-9]{1,11}"); those are read with single backslashes, as the service means them."""
    try:
        return re.compile(pattern.replace("\\\\", "\\"))
    except re.error:
        return None


def _check_scalar(shape: Shape, value: Any, path: str) -> list[tuple[FieldError, Any]]:
    errors: list[tuple[FieldError, Any]] = []
    meta: Mapping[str, Any] = shape.metadata
    if shape.type_name == "string" and isinstance(value, str):
        if shape.enum and value not in shape.enum:
            message = f"Member must satisfy enum value set: [{', '.join(shape.enum)}]"
            errors.append((FieldError(path, message), value))
        if "max" in meta and len(value) > meta["max"]:
            message = f"Member must have length less than or equal to {meta['max']}"
            errors.append((FieldError(path, message), value))
        if "min" in meta and len(value) < meta["min"]:
            message = f"Member must have length greater than or equal to {meta['min']}"
            errors.append((FieldError(path, message), value))
        pattern = meta.get("pattern")
        compiled = _compiled(pattern) if pattern else None
        if compiled is not None and not compiled.fullmatch(value):
            message = f"Member must satisfy regular expression pattern: {pattern}"
            errors.append((FieldError(path, message), value))
    elif shape.type_name in ("integer", "long") and isinstance(value, int):
        if "max" in meta and value > meta["max"]:
            message = f"Member must have value less than or equal to {meta['max']}"
            errors.append((FieldError(path, message), value))
        if "min" in meta and value < meta["min"]:
            message = f"Member must have value greater than or equal to {meta['min']}"
            errors.append((FieldError(path, message), value))
    return errors


def _check(shape: Shape, value: Any, path: str) -> list[tuple[FieldError, Any]]:
    if isinstance(shape, StructureShape):
        if not isinstance(value, Mapping):
            return []
        errors: list[tuple[FieldError, Any]] = []
        for name, member in shape.members.items():
            member_path = _member_path(path, name)
            if name not in value or value[name] is None:
                if name in shape.required_members:
                    errors.append((FieldError(member_path, "Member must not be null"), _MISSING))
                continue
            errors.extend(_check(member, value[name], member_path))
        return errors
    if isinstance(shape, ListShape):
        if not isinstance(value, list):
            return []
        errors = []
        meta = shape.metadata
        if "max" in meta and len(value) > meta["max"]:
            message = f"Member must have length less than or equal to {meta['max']}"
            errors.append((FieldError(path, message), value))
        if "min" in meta and len(value) < meta["min"]:
            message = f"Member must have length greater than or equal to {meta['min']}"
            errors.append((FieldError(path, message), value))
        for index, item in enumerate(value, start=1):
            errors.extend(_check(shape.member, item, f"{path}.{index}.member"))
        return errors
    if isinstance(shape, MapShape):
        if not isinstance(value, Mapping):
            return []
        errors = []
        for key, item in value.items():
            errors.extend(_check(shape.key, key, f"{path}.key"))
            errors.extend(_check(shape.value, item, f"{path}.{key}.value"))
        return errors
    return _check_scalar(shape, value, path)


@dataclass(frozen=True)
class ValidationProblem:
    message: str
    fields: list[dict[str, str]]


def validate(shape: Shape | None, request: Mapping[str, Any] | None) -> ValidationProblem | None:
    """The AWS-worded problem with a request, or None when it satisfies its input shape."""
    if shape is None:
        return None
    found = _check(shape, request or {}, "")
    if not found:
        return None
    described = [error.describe(value) for error, value in found]
    count = len(found)
    noun = "error" if count == 1 else "errors"
    message = f"{count} validation {noun} detected: " + "; ".join(described)
    fields = [{"Name": error.path, "Message": error.message} for error, _ in found]
    return ValidationProblem(message, fields)
