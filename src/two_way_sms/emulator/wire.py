"""A request's members as the client sent them, before LocalStack's parser converts them (pure).

LocalStack's JSON parser trusts the model: it stores `"TwoWayEnabled": "yes"` as it is, splits a
string given for a list into characters and turns an object given for a list into its keys. So
the emulator validates what came over the wire instead: the JSON body as `json.loads` reads it,
by member name, plus, for rest-json operations, the members bound to the URI, query string or
headers. validation.py checks those values against the model.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from typing import Any

from botocore.model import ListShape, OperationModel, Shape
from botocore.utils import parse_timestamp

_LOCATIONS = ("uri", "querystring", "header", "headers")
_INTEGER = re.compile(r"[+-]?\d+")


class UndecodableBody(ValueError):
    """The body is not a JSON object: AWS's SerializationException."""


def _json_kind(value: Any) -> str:
    kinds = {list: "a JSON array", str: "a JSON string", bool: "a JSON boolean"}
    if value is None:
        return "JSON null"
    return kinds.get(type(value), "a JSON number")


def located_members(operation: OperationModel) -> dict[str, Shape]:
    """The input members bound to the URI, query string or headers (rest-json), by name."""
    shape = operation.input_shape
    if shape is None:
        return {}
    return {
        name: member
        for name, member in shape.members.items()
        if member.serialization.get("location") in _LOCATIONS
    }


def body_members(operation: OperationModel, body: bytes) -> dict[str, Any]:
    """The members in the JSON body, by member name, exactly as json.loads reads them."""
    shape = operation.input_shape
    if shape is None or not body.strip():
        return {}
    try:
        document = json.loads(body)
    except ValueError as error:  # UnicodeDecodeError and JSONDecodeError are ValueErrors
        raise UndecodableBody(
            f"The request body is not JSON ({error}): send the input members as a JSON object"
        ) from None
    payload = shape.serialization.get("payload")
    if payload:  # the body is that one member (rest-json `payload` trait)
        return {payload: document} if document is not None else {}
    if not isinstance(document, dict):
        raise UndecodableBody(
            f"The request body is {_json_kind(document)}: send the input members of "
            f"{operation.name} as a JSON object"
        )
    located = located_members(operation)
    members: dict[str, Any] = {}
    for name, member in shape.members.items():
        wire_name = member.serialization.get("name", name)
        if name not in located and wire_name in document:
            members[name] = document[wire_name]
    return members


def _from_text(shape: Shape, text: str) -> Any:
    """A URI, query-string or header value as the type the model declares; text that does not
    read as that type is left as it is, for validation.py to report."""
    kind = shape.type_name
    if kind in ("integer", "long") and _INTEGER.fullmatch(text):
        return int(text)
    if kind == "boolean" and text in ("true", "false"):
        return text == "true"
    if kind in ("float", "double"):
        try:
            return float(text)
        except ValueError:
            return text
    if kind == "timestamp":
        try:
            return parse_timestamp(text)
        except (ValueError, TypeError):
            return text
    return text


def text_members(
    operation: OperationModel,
    uri_params: Mapping[str, str],
    query: Callable[[str], list[str]],
    headers: Mapping[str, str],
) -> dict[str, Any]:
    """The members bound to the URI, query string or headers, read from their text.

    `query(name)` gives every value of a query-string parameter.
    """
    members: dict[str, Any] = {}
    for name, member in located_members(operation).items():
        wire_name = member.serialization.get("name", name)
        location = member.serialization["location"]
        if location == "querystring":
            texts = query(wire_name)
            if isinstance(member, ListShape):
                value: Any = [_from_text(member.member, t) for t in texts] if texts else None
            else:
                value = _from_text(member, texts[0]) if texts else None
        elif location == "uri":
            text = uri_params.get(wire_name)
            value = _from_text(member, text) if text is not None else None
        elif location == "header":
            text = headers.get(wire_name)
            value = _from_text(member, text) if text is not None else None
        else:  # "headers": a map of prefixed headers; botocore models keep these as strings
            prefix = wire_name.lower()
            found = {
                k[len(prefix) :]: v for k, v in headers.items() if k.lower().startswith(prefix)
            }
            value = found or None
        if value is not None:
            members[name] = value
    return members
