"""Input validation against the service model, worded the way AWS words it (pure Python).

The walk is botocore's `ParamValidator` (the checks boto3 makes client-side, and the base of
LocalStack's `localstack.aws.protocol.validate`): member types as the model declares them,
recursively, and minimum lengths and values. This module adds what it lacks:

- the wire's view of types: the values are JSON as the client sent it, so `true` is not an
  integer (Python's bool is an int), a timestamp is a number of seconds, a blob a base64 string;
- maximum lengths and values, enums and patterns (botocore checks none of them);
- AWS's leniency: a member that is null is absent, unknown members are ignored;
- AWS's wording: "1 validation error detected: Value 'us' at 'isoCountryCode' failed to satisfy
  constraint: Member must satisfy regular expression pattern: [A-Z]{2}", member paths written
  `filters.1.member.name`, one entry per problem in `fields`.
"""

from __future__ import annotations

import base64
import binascii
import datetime
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from botocore.model import ListShape, MapShape, Shape, StructureShape
from botocore.validate import ParamValidator, ValidationErrors, type_check

_MISSING = object()

# What "Member must be ..." says for each type of the model.
_TYPE_WORDS = {
    "string": "a string",
    "boolean": "a boolean (true or false)",
    "integer": "an integer",
    "long": "an integer",
    "float": "a number",
    "double": "a number",
    "timestamp": "a timestamp (a number of seconds since the epoch)",
    "blob": "a blob (a base64-encoded string)",
    "list": "a list (a JSON array)",
    "map": "a map (a JSON object)",
    "structure": "a structure (a JSON object)",
}


@dataclass(frozen=True)
class FieldError:
    path: str
    message: str
    value: Any = _MISSING

    def describe(self) -> str:
        shown = _shown(self.value)
        return f"Value {shown} at '{self.path}' failed to satisfy constraint: {self.message}"


@dataclass(frozen=True)
class ValidationProblem:
    message: str
    fields: list[dict[str, str]]


def _shown(value: Any) -> str:
    if value is _MISSING or value is None:
        return "null"
    if isinstance(value, str):
        return f"'{value}'"
    return f"'{json.dumps(value, default=str)}'"


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


class _Findings(ValidationErrors):  # type: ignore[misc]
    """botocore's error collector, keeping each problem in AWS's words."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[FieldError] = []
        # The shape and value at each path: botocore reports a string's length, not the string.
        self.shapes: dict[str, Shape] = {}
        self.values: dict[str, Any] = {}

    def add(self, path: str, message: str, value: Any) -> None:
        self.found.append(FieldError(path, message, value))

    def report(self, name: str, reason: str, **kwargs: Any) -> None:
        """botocore's own findings (types, minimums, unions), reworded."""
        super().report(name, reason, **kwargs)
        value = self.values.get(name, kwargs.get("param", _MISSING))
        if reason in ("invalid type", "invalid type for document"):
            shape = self.shapes.get(name)
            kind = _TYPE_WORDS.get(shape.type_name, "a JSON value") if shape else "a JSON value"
            self.add(name, f"Member must be {kind}", value)
        elif reason == "invalid length":
            message = f"Member must have length greater than or equal to {kwargs['min_allowed']}"
            self.add(name, message, value)
        elif reason == "invalid range":
            message = f"Member must have value greater than or equal to {kwargs['min_allowed']}"
            self.add(name, message, value)
        elif reason in ("more than one input", "empty input"):
            members = ", ".join(kwargs.get("members") or ())
            self.add(name, f"Member must set exactly one of: {members}", _MISSING)
        else:  # not reached for the walks below; kept so nothing botocore finds is lost
            self.add(name, reason, value)


class _WireValidator(ParamValidator):
    """botocore's walk over JSON wire values, with AWS's member paths and leniency."""

    def _validate(self, params: Any, shape: Shape, errors: _Findings, name: str) -> None:
        errors.shapes[name], errors.values[name] = shape, params
        super()._validate(params, shape, errors, name)

    @type_check(valid_types=ParamValidator.CONTAINER_TYPES["structure"])
    def _validate_structure(
        self, params: Mapping[str, Any], shape: StructureShape, errors: _Findings, name: str
    ) -> None:
        present = {}
        for member, member_shape in shape.members.items():
            wire_name = member_shape.serialization.get("name", member)
            value = params.get(member, params.get(wire_name))
            if value is not None:
                present[member] = value
            elif member in shape.required_members:
                errors.add(_member_path(name, member), "Member must not be null", _MISSING)
        if shape.is_tagged_union and len(present) != 1:
            reason = "empty input" if not present else "more than one input"
            errors.report(name, reason, members=list(shape.members))
        for member, value in present.items():
            self._validate(value, shape.members[member], errors, _member_path(name, member))

    @type_check(valid_types=ParamValidator.CONTAINER_TYPES["list"])
    def _validate_list(
        self, param: list[Any], shape: ListShape, errors: _Findings, name: str
    ) -> None:
        _check_length(param, shape, errors, name)
        for index, item in enumerate(param, start=1):
            self._validate(item, shape.member, errors, f"{name}.{index}.member")

    @type_check(valid_types=ParamValidator.CONTAINER_TYPES["map"])
    def _validate_map(
        self, param: Mapping[str, Any], shape: MapShape, errors: _Findings, name: str
    ) -> None:
        _check_length(param, shape, errors, name)
        for key, value in param.items():
            self._validate(key, shape.key, errors, f"{name}.key")
            self._validate(value, shape.value, errors, f"{name}.{key}.value")

    def _validate_string(self, param: Any, shape: Shape, errors: _Findings, name: str) -> None:
        super()._validate_string(param, shape, errors, name)
        if not isinstance(param, str):
            return
        if getattr(shape, "enum", None) and param not in shape.enum:  # type: ignore[attr-defined]
            enum = ", ".join(shape.enum)  # type: ignore[attr-defined]
            errors.add(name, f"Member must satisfy enum value set: [{enum}]", param)
        _check_maximum(len(param), param, shape, errors, name, "length")
        pattern = shape.metadata.get("pattern")
        compiled = _compiled(pattern) if pattern else None
        if compiled is not None and not compiled.fullmatch(param):
            errors.add(name, f"Member must satisfy regular expression pattern: {pattern}", param)

    def _validate_number(self, param: Any, shape: Shape, errors: _Findings, name: str) -> None:
        if isinstance(param, bool):  # JSON true/false is not a number, whatever Python says
            errors.report(name, "invalid type", param=param, valid_types=[])
            return
        getattr(super(), f"_validate_{shape.type_name}")(param, shape, errors, name)
        if isinstance(param, int | float):
            _check_maximum(param, param, shape, errors, name, "value")

    _validate_integer = _validate_long = _validate_double = _validate_float = _validate_number

    def _validate_timestamp(self, param: Any, shape: Shape, errors: _Findings, name: str) -> None:
        # On the JSON wire a timestamp is seconds since the epoch; LocalStack's parser hands
        # those in URIs and query strings over as datetimes.
        if isinstance(param, bool) or not isinstance(param, int | float | datetime.datetime):
            errors.report(name, "invalid type", param=param, valid_types=[])

    def _validate_blob(self, param: Any, shape: Shape, errors: _Findings, name: str) -> None:
        if not isinstance(param, str):
            errors.report(name, "invalid type", param=param, valid_types=[])
            return
        try:
            base64.b64decode(param, validate=True)
        except (binascii.Error, ValueError):
            errors.add(name, "Member must be base64-encoded", param)


def _check_maximum(
    size: float, value: Any, shape: Shape, errors: _Findings, name: str, what: str
) -> None:
    """The model's max, which botocore does not check."""
    maximum = shape.metadata.get("max")
    if maximum is not None and size > maximum:
        errors.add(name, f"Member must have {what} less than or equal to {maximum}", value)


def _check_length(value: Any, shape: Shape, errors: _Findings, name: str) -> None:
    """A list's or map's min and max (botocore's own list walk, replaced above, did the min)."""
    minimum = shape.metadata.get("min")
    if minimum is not None and len(value) < minimum:
        errors.add(name, f"Member must have length greater than or equal to {minimum}", value)
    _check_maximum(len(value), value, shape, errors, name, "length")


def validate(shape: Shape | None, request: Mapping[str, Any] | None) -> ValidationProblem | None:
    """The AWS-worded problem with a request (JSON values as the client sent them, by member
    name), or None when it satisfies its input shape."""
    if shape is None:
        return None
    findings = _Findings()
    _WireValidator()._validate(dict(request or {}), shape, findings, "")
    if not findings.found:
        return None
    count = len(findings.found)
    noun = "error" if count == 1 else "errors"
    message = f"{count} validation {noun} detected: " + "; ".join(
        error.describe() for error in findings.found
    )
    fields = [{"Name": error.path, "Message": error.message} for error in findings.found]
    return ValidationProblem(message, fields)
