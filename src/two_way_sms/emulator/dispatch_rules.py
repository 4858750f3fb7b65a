"""What the emulator's shared dispatch decides, in pure Python (botocore models only).

- which operations a provider emulates (its own `@handler` methods, not the generated stubs');
- which emulated service a raw request is addressed to, before LocalStack has parsed it;
- which operation an X-Amz-Target names, and what to answer when it names none;
- the words of the "not emulated" answers: they name the operation and list the emulated ones.

dispatch.py applies these inside LocalStack.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import botocore
from botocore.model import ServiceModel

# The credential scope of a SigV4 Authorization header: <key>/<date>/<region>/<service>/aws4_request
_CREDENTIAL_SCOPE = re.compile(r"Credential=[^/,\s]+/\d{8}/[^/,\s]+/([^/,\s]+)/aws4_request")


def emulated_operations(provider_class: type, stubs: type | None = None) -> list[str]:
    """The operations `provider_class` implements: the methods LocalStack's `@handler` marks
    (it sets `operation` on them), less those inherited unchanged from `stubs`, the generated
    API class whose methods only raise NotImplementedError."""
    found = set()
    for name, function in inspect.getmembers(provider_class, inspect.isfunction):
        operation = getattr(function, "operation", None)
        if not operation:
            continue
        if stubs is not None and getattr(stubs, name, None) is function:
            continue
        found.add(operation)
    return sorted(found)


def signing_name(headers: Mapping[str, str]) -> str | None:
    """The service a request is signed for (SigV4 credential scope), if it is signed."""
    found = _CREDENTIAL_SCOPE.search(headers.get("Authorization") or "")
    return found.group(1) if found else None


@dataclass(frozen=True)
class Addressee:
    """How an emulated service recognises its requests before LocalStack parses them."""

    model: ServiceModel
    foreign_paths: tuple[str, ...] = ()  # paths signed like it that belong to another model

    def claims(self, headers: Mapping[str, str], path: str) -> bool:
        target = headers.get("X-Amz-Target")
        signed_for = signing_name(headers)
        if self.model.protocol == "json":
            # Its target prefix, or any target signed for it (LocalStack would route a garbled
            # one to another model sharing the signing name, and answer 500).
            prefix = self.model.metadata.get("targetPrefix")
            return bool(target) and (
                target.startswith(f"{prefix}.") or signed_for == self.model.signing_name
            )
        return (
            not target
            and signed_for == self.model.signing_name
            and not path.startswith(self.foreign_paths)
        )


def targeted_operation(model: ServiceModel, target: str | None) -> str | None:
    """The operation of the model an X-Amz-Target names (json protocol), or None."""
    prefix, _, name = (target or "").rpartition(".")
    if prefix != model.metadata.get("targetPrefix") or name not in model.operation_names:
        return None
    return name


def _emulated_list(emulated: Iterable[str]) -> str:
    return f"Emulated operations: {', '.join(sorted(emulated))}."


def unknown_target_message(model: ServiceModel, target: str | None, emulated: Iterable[str]) -> str:
    """For an X-Amz-Target that names no operation of the model LocalStack serves."""
    service = model.service_name
    prefix = model.metadata.get("targetPrefix")
    name = (target or "").rpartition(".")[2]
    if not target:
        head = f"The request has no X-Amz-Target header naming a {service} operation"
    elif target.startswith(f"{prefix}.") and name:
        head = (
            f"Operation {name} is not emulated: it is not in the {service} model of this "
            f"LocalStack (botocore {botocore.__version__}), so the emulator cannot read it"
        )
    else:
        head = f"X-Amz-Target {target} names no {service} operation ({prefix}.<Operation>)"
    return f"{head}. {_emulated_list(emulated)}"


def unknown_route_message(
    model: ServiceModel, method: str, path: str, emulated: Iterable[str]
) -> str:
    """For a rest-json request whose method and path match no operation of the model."""
    return (
        f"No {model.service_name} operation is emulated at {method} {path}: it matches no "
        f"operation of this LocalStack's {model.service_name} model (botocore "
        f"{botocore.__version__}). {_emulated_list(emulated)}"
    )


def not_emulated_message(service: str, operation: str, emulated: Iterable[str]) -> str:
    """For an operation of the model that the emulator does not implement."""
    return f"Operation {operation} of {service} is not emulated. {_emulated_list(emulated)}"
