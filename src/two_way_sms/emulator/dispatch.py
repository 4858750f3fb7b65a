"""The one validating dispatch of the emulator's LocalStack providers (pinpoint-sms-voice-v2 and
connect): bad input gets AWS's 400, never LocalStack's 500.

An `EmulatedService` describes a provider: its LocalStack service name, its class, and how it
answers invalid input (pinpoint-sms-voice-v2: ValidationException with Reason and Fields;
connect: the operation's own invalid-input error). It gives

- `dispatch_table(provider)`, the `dispatch_table_factory` of `Service.for_provider`: every
  operation of the model has an entry. An emulated operation first checks the request as the
  client sent it (wire.py: the JSON body as json.loads reads it, and the URI/query members) against
  the model with validation.py (types, recursively, and constraints), so a mistyped value never
  reaches the provider or its store; a body that is not a JSON object is SerializationException.
  Any other operation answers UnknownOperationException (400) naming it and the emulated ones.
- `guard(...)`: a handler in LocalStack's `preprocess_request` chain for requests LocalStack's
  own parser cannot read (an X-Amz-Target or path naming no operation of its model, a body that
  is not JSON, a value it cannot convert, such as `MaxResults: "abc"`). LocalStack answers those
  500 InternalError, which SDKs retry; the guard answers UnknownOperationException,
  SerializationException or the service's invalid-input error (400) and stops the chain.

LocalStack 4.14 internals relied on:
- `localstack.aws.handlers.preprocess_request`: a `CompositeHandler` the gateway runs for every
  request before the service name parser (LocalStack's S3 CORS handler and the extensions'
  webapp pattern use it too); a handler may set the response and call `chain.stop()`.
- Why not an exception handler: `ServiceRequestParser` raises `RequestParserError` subclasses,
  and `handle_service_exception` (`ServiceExceptionSerializer`), which runs after
  `serve_custom_exception_handlers`, rewrites any non-ServiceException as 500 InternalError.
- `localstack.aws.protocol.parser.create_parser(model).parse(request)` and `RequestParserError`:
  the guard parses once as LocalStack will, and acts only when that fails.
- `localstack.aws.protocol.op_router.RestServiceOperationRouter(model).match(request)` ->
  (operation, URI params), werkzeug `NotFound` when nothing matches (rest-json).
- `localstack.aws.protocol.serializer.create_serializer(model).serialize_error_to_response(error,
  operation, headers, request_id)`; `localstack.aws.spec.load_service(name)`, the model served.
- `localstack.aws.skeleton.create_dispatch_table(provider)`: the `@handler` scan. The Skeleton
  calls a table's entries with (context, request) and serializes a raised ServiceException with
  the operation's error shapes; it answers NotImplementedError (the stubs') with LocalStack's
  licence text, which the table here never lets through.
- `RequestContext`: request, service, protocol, operation, service_exception, request_id.
- Routing: X-Amz-Target `PinpointSMSVoiceV2.*` reaches pinpoint-sms-voice-v2 (LocalStack's
  service router), requests signed `connect` reach connect (connect/routes.py's rule).
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from botocore.model import OperationModel, ServiceModel
from localstack.aws import handlers
from localstack.aws.api import (
    CommonServiceException,
    RequestContext,
    ServiceException,
    ServiceRequest,
)
from localstack.aws.chain import HandlerChain
from localstack.aws.protocol.op_router import RestServiceOperationRouter
from localstack.aws.protocol.parser import RequestParserError, create_parser
from localstack.aws.protocol.serializer import create_serializer
from localstack.aws.skeleton import DispatchTable, create_dispatch_table
from localstack.aws.spec import load_service
from localstack.http import Request, Response
from werkzeug.exceptions import NotFound

from two_way_sms.emulator.dispatch_rules import (
    Addressee,
    emulated_operations,
    not_emulated_message,
    targeted_operation,
    unknown_route_message,
    unknown_target_message,
)
from two_way_sms.emulator.validation import ValidationProblem, validate
from two_way_sms.emulator.wire import UndecodableBody, body_members, located_members, text_members

InvalidInput = Callable[[OperationModel | None, ValidationProblem], ServiceException]

# The emulator's own HTTP endpoints and LocalStack's: never AWS API calls.
_DEVELOPER_PATHS = ("/_aws/", "/_localstack/")


def unknown_operation(message: str) -> ServiceException:
    return CommonServiceException("UnknownOperationException", message, sender_fault=True)


def serialization_error(message: str) -> ServiceException:
    return CommonServiceException("SerializationException", message, sender_fault=True)


@functools.cache
def _model(service: str) -> ServiceModel:
    return load_service(service)


@functools.cache
def _router(service: str) -> RestServiceOperationRouter:
    return RestServiceOperationRouter(_model(service))


@dataclass(frozen=True)
class EmulatedService:
    name: str  # LocalStack's service name
    provider_class: type
    invalid_input: InvalidInput
    stubs: type | None = None  # the generated API class the provider extends, if any
    foreign_paths: tuple[str, ...] = ()  # paths signed like this service, of another model

    @property
    def model(self) -> ServiceModel:
        return _model(self.name)

    @functools.cached_property
    def addressee(self) -> Addressee:
        return Addressee(self.model, self.foreign_paths)

    @functools.cached_property
    def emulated(self) -> list[str]:
        return emulated_operations(self.provider_class, self.stubs)

    def dispatch_table(self, provider: object) -> DispatchTable:
        handlers_by_operation = create_dispatch_table(provider)
        emulated = set(self.emulated)
        return {
            operation: (
                _Validating(self, handlers_by_operation[operation])
                if operation in emulated
                else _NotEmulated(self, operation)
            )
            for operation in self.model.operation_names
        }

    def wire_request(self, context: RequestContext, request: ServiceRequest) -> dict[str, Any]:
        """The request as the client sent it: the JSON body, plus the URI/query members as
        LocalStack converted them (it refuses values it cannot convert: see guard)."""
        operation = context.operation
        located = {
            name: request[name]  # type: ignore[literal-required]
            for name in located_members(operation)
            if request and request.get(name) is not None
        }
        return {**body_members(operation, context.request.get_data()), **located}


class _Validating:
    def __init__(
        self, service: EmulatedService, delegate: Callable[[RequestContext, ServiceRequest], Any]
    ) -> None:
        self.service = service
        self.delegate = delegate

    def __call__(self, context: RequestContext, request: ServiceRequest) -> Any:
        try:
            wire = self.service.wire_request(context, request)
        except UndecodableBody as error:
            raise serialization_error(str(error)) from None
        operation = context.operation
        problem = validate(operation.input_shape if operation else None, wire)
        if problem is not None:
            raise self.service.invalid_input(operation, problem)
        return self.delegate(context, request)


class _NotEmulated:
    def __init__(self, service: EmulatedService, operation: str) -> None:
        self.service = service
        self.operation = operation

    def __call__(self, context: RequestContext, request: ServiceRequest) -> Any:
        message = not_emulated_message(self.service.name, self.operation, self.service.emulated)
        raise unknown_operation(message)


# --------------------------------------------------------------------------------------------
# The guard: requests LocalStack's parser cannot read


def _unreadable(
    service: EmulatedService, request: Request
) -> tuple[ServiceException | None, OperationModel | None]:
    """The error to answer for a request LocalStack cannot parse (and its operation), or None."""
    model = service.model
    uri_params: Mapping[str, str] = {}
    if model.protocol == "json":
        target = request.headers.get("X-Amz-Target")
        name = targeted_operation(model, target)
        if name is None:
            return unknown_operation(unknown_target_message(model, target, service.emulated)), None
        operation = model.operation_model(name)
    else:
        try:
            operation, uri_params = _router(service.name).match(request)
        except NotFound:
            message = unknown_route_message(model, request.method, request.path, service.emulated)
            return unknown_operation(message), None
    if request.headers.get("Content-Encoding", "identity") != "identity":
        return None, operation  # LocalStack decodes the body after this guard: let it parse
    body = request.get_data()  # read (and cached) before the parser streams anything
    try:
        create_parser(model).parse(request)
        return None, operation
    except RequestParserError as failure:
        reason = str(failure)
    try:
        wire = {
            **body_members(operation, body),
            **text_members(operation, uri_params, request.args.getlist, request.headers),
        }
    except UndecodableBody as error:
        return serialization_error(str(error)), operation
    problem = validate(operation.input_shape, wire)
    if problem is not None:
        return service.invalid_input(operation, problem), operation
    return serialization_error(f"The request could not be read: {reason}"), operation


class RequestGuard:
    def __init__(self) -> None:
        self.services: dict[str, EmulatedService] = {}

    def __call__(self, chain: HandlerChain, context: RequestContext, response: Response) -> None:
        request = context.request
        if not self.services or request.path.startswith(_DEVELOPER_PATHS):
            return
        headers, path = request.headers, request.path
        claimants = (s for s in self.services.values() if s.addressee.claims(headers, path))
        service = next(claimants, None)
        if service is None:
            return
        error, operation = _unreadable(service, request)
        if error is None:
            return
        model = service.model
        context.service, context.protocol = model, model.protocol
        context.operation, context.service_exception = operation, error
        any_operation = operation or model.operation_model(model.operation_names[0])
        serializer = create_serializer(model)
        response.update_from(
            serializer.serialize_error_to_response(
                error, any_operation, request.headers, context.request_id
            )
        )
        chain.stop()


_GUARD = RequestGuard()
_guard_lock = threading.Lock()


def guard(*services: EmulatedService) -> None:
    """Answer the unreadable requests of these services (idempotent; from the on_infra_start
    hooks, and again from the providers' on_after_init)."""
    with _guard_lock:
        for service in services:
            _GUARD.services[service.name] = service
        if _GUARD not in handlers.preprocess_request.handlers:
            handlers.preprocess_request.append(_GUARD)
