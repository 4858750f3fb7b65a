"""A minimal Amazon Connect (`connect`) for LocalStack 4.14 community: what two-way SMS needs.

Instances (Create/Describe/List/DeleteInstance), numbers imported from End User Messaging SMS
(ImportPhoneNumber, DescribePhoneNumber, ListPhoneNumbersV2, ReleasePhoneNumber) and
SendChatIntegrationEvent, which End User Messaging SMS calls for every inbound message of a number
whose two-way channel is connect.<region>.amazonaws.com (sms_voice/routing.py). Errors are the ones
Connect's model declares, with the status codes it gives them; requests are first checked against
the model (validation.py: types and constraints), failures answered with the operation's own
invalid-input error (InvalidParameterException where the operation declares it, else
InvalidRequestException). Both come from the emulator's shared validating dispatch (dispatch.py,
`CONNECT`), which also answers every other Connect operation with UnknownOperationException
naming the emulated ones.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any

from botocore.model import OperationModel
from localstack.aws.api import RequestContext, ServiceException, handler
from localstack.services.plugins import ServiceLifecycleHook
from localstack.state import StateVisitor

from two_way_sms.emulator.clock import utcnow
from two_way_sms.emulator.connect import api as api
from two_way_sms.emulator.connect.api import (
    IdempotencyException,
    InvalidParameterException,
    InvalidRequestException,
    ResourceConflictException,
    ResourceNotFoundException,
)
from two_way_sms.emulator.connect.models import (
    IDENTITY_TYPES,
    ChatContact,
    ClaimedNumber,
    ConnectInstance,
    chat_key,
    check_chat_event,
    connect_arn,
    connect_phone_number_type,
    destination_matches,
    new_id,
    normalized_subtype,
    own_resource_id,
    service_linked_role,
)
from two_way_sms.emulator.connect.routes import CONNECT_SIGNING_RULES
from two_way_sms.emulator.connect.store import (
    LOCK,
    ConnectStore,
    all_connect_stores,
    connect_store,
    connect_stores,
    emulator_connect_store,
)
from two_way_sms.emulator.dispatch import EmulatedService, guard
from two_way_sms.emulator.paging import InvalidNextToken, paginate
from two_way_sms.emulator.sms_voice.store import sms_voice_stores
from two_way_sms.emulator.validation import ValidationProblem
from two_way_sms.identifiers import parse_arn

LIST_INSTANCES_PAGE = 10  # ListInstances' MaxResults is 1-10
LIST_PHONE_NUMBERS_PAGE = 100


# --------------------------------------------------------------------------------------------
# Invalid input


def _invalid_input(operation: OperationModel | None, message: str) -> ServiceException:
    """The operation's own invalid-input error: InvalidParameterException where the model
    declares it for the operation (the phone number operations), else InvalidRequestException."""
    declared = {shape.name for shape in operation.error_shapes} if operation else set()
    if "InvalidParameterException" in declared:
        return InvalidParameterException(message)
    return InvalidRequestException(message)


# --------------------------------------------------------------------------------------------
# Helpers


def _page(
    context: RequestContext, items: list[Any], request: Mapping[str, Any], default: int
) -> tuple[list[Any], str | None]:
    try:
        return paginate(items, request.get("NextToken"), request.get("MaxResults"), default)
    except InvalidNextToken as error:
        raise _invalid_input(context.operation, str(error)) from None


def _fingerprint(request: Mapping[str, Any]) -> str:
    return json.dumps(
        {k: v for k, v in request.items() if k != "ClientToken"}, sort_keys=True, default=str
    )


def _instance(context: RequestContext, store: ConnectStore, instance_id: str) -> ConnectInstance:
    """The instance named by an InstanceId member, which takes the ID only: AWS answers
    "Invalid input for field InstanceId" for an instance ARN there."""
    arn = parse_arn(instance_id)
    if arn is not None:
        raise _invalid_input(
            context.operation,
            f"Invalid input for field InstanceId: {instance_id} is an ARN; InstanceId takes the "
            f"instance ID (the last part of the instance ARN: {arn.resource_name})",
        )
    return _found_instance(context, store, instance_id, instance_id)


def _instance_by_arn(context: RequestContext, store: ConnectStore, arn: str) -> ConnectInstance:
    """The instance named by an instance ARN of this account and Region (e.g. TargetArn)."""
    instance_id = own_resource_id(arn, "instance", context.account_id, context.region)
    return _found_instance(context, store, instance_id, arn)


def _found_instance(
    context: RequestContext, store: ConnectStore, instance_id: str | None, named: str
) -> ConnectInstance:
    found = store.instances.get(instance_id) if instance_id else None
    if found is None:
        raise ResourceNotFoundException(
            f"Amazon Connect instance {named} does not exist in account "
            f"{context.account_id}, Region {context.region}"
        )
    return found


def _claimed_number(context: RequestContext, store: ConnectStore, identifier: str) -> ClaimedNumber:
    phone_id = own_resource_id(identifier, "phone-number", context.account_id, context.region)
    found = store.phone_numbers.get(phone_id) if phone_id else None
    if found is None:
        raise ResourceNotFoundException(
            f"Phone number {identifier} is not claimed by (or imported into) an Amazon Connect "
            f"instance of account {context.account_id} in {context.region}"
        )
    return found


def _alias_taken(alias: str) -> bool:
    """Aliases name the access URL, so AWS keeps them unique (the emulator: everywhere)."""
    wanted = alias.lower()
    return any(
        (instance.alias or "").lower() == wanted
        for store in all_connect_stores()
        for instance in store.instances.values()
    )


def _drop_chats(store: ConnectStore, keep: Callable[[ChatContact], bool]) -> None:
    for key in [k for k, chat in store.chats.items() if not keep(chat)]:
        del store.chats[key]


def send_chat_integration_event(
    account_id: str,
    region: str,
    request: Mapping[str, Any],
    *,
    caller: str | None = None,
    inbound_message_id: str | None = None,
    payload: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """SendChatIntegrationEvent in one account and region, recorded in the chat-event log.

    Shared by the API handler and by inbound routing (sms_voice/localstack_aws.py), which passes
    the role session it acts as (`caller`) and the inbound message's id and payload.
    """
    try:
        subtype = normalized_subtype(request.get("Subtype"))
    except ValueError as error:
        raise InvalidRequestException(str(error)) from None
    source_id, destination_id = request["SourceId"], request["DestinationId"]
    event = dict(request["Event"])
    problem = check_chat_event(subtype, source_id, event)
    if problem:
        raise InvalidRequestException(problem)
    store = connect_store(account_id, region)
    with LOCK:
        claims = sorted(store.phone_numbers.values(), key=lambda c: c.created)
        claim = next((c for c in claims if destination_matches(c, destination_id)), None)
        if claim is None:
            raise ResourceNotFoundException(
                f"DestinationId {destination_id} is not a phone number imported into an Amazon "
                f"Connect instance of account {account_id} in {region} (ImportPhoneNumber)"
            )
        key = chat_key(source_id, claim.source_phone_number_arn, subtype)
        chat = store.chats.get(key)
        new_chat = chat is None or not chat.active
        if chat is None or not chat.active:
            chat = ChatContact(
                new_id(), source_id, claim.source_phone_number_arn, subtype, claim.instance_arn
            )
            store.chats[key] = chat
        if event.get("Type") == "DISCONNECT":
            chat.active = False
        emulator_connect_store().CHAT_EVENTS.append(
            {
                "accountId": account_id,
                "region": region,
                "instanceId": claim.instance_id,
                "instanceArn": claim.instance_arn,
                "phoneNumberId": claim.phone_number_id,
                "phoneNumberArn": claim.arn,
                "phoneNumber": claim.phone_number,
                "sourcePhoneNumberArn": claim.source_phone_number_arn,
                "sourceId": source_id,
                "destinationId": destination_id,
                "subtype": subtype,
                "event": event,
                "newSessionDetails": request.get("NewSessionDetails"),
                "initialContactId": chat.contact_id,
                "newChatCreated": new_chat,
                "caller": caller,
                "inboundMessageId": inbound_message_id,
                "payload": dict(payload) if payload is not None else None,
                "timestamp": utcnow().isoformat(),
            }
        )
        return {"InitialContactId": chat.contact_id, "NewChatCreated": new_chat}


def imported_number(account_id: str, region: str, number_arn: str) -> ClaimedNumber | None:
    """The claim of an End User Messaging SMS number in this account and region, if imported."""
    store = connect_store(account_id, region)
    with LOCK:
        return next(
            (c for c in store.phone_numbers.values() if c.source_phone_number_arn == number_arn),
            None,
        )


# --------------------------------------------------------------------------------------------
# The provider


class ConnectProvider(ServiceLifecycleHook):
    """Amazon Connect, as far as two-way SMS needs it."""

    service: str = "connect"
    version: str = "2017-08-08"

    def on_after_init(self) -> None:
        from two_way_sms.emulator.connect.routes import register_connect_routes

        register_connect_routes()
        guard(CONNECT)

    def accept_state_visitor(self, visitor: StateVisitor) -> None:
        visitor.visit(connect_stores)

    @staticmethod
    def _store(context: RequestContext) -> ConnectStore:
        return connect_store(context.account_id, context.region)

    # ---- instances -------------------------------------------------------------------------

    @handler("CreateInstance", expand=False)
    def create_instance(
        self, context: RequestContext, request: api.CreateInstanceRequest, **_: Any
    ) -> api.CreateInstanceResponse:
        store = self._store(context)
        with LOCK:
            token = request.get("ClientToken")
            if token and ("CreateInstance", token) in store.client_tokens:
                fingerprint, instance_id = store.client_tokens[("CreateInstance", token)]
                if fingerprint == _fingerprint(request) and instance_id in store.instances:
                    existing = store.instances[instance_id]
                    return {"Id": existing.instance_id, "Arn": existing.arn}
            identity = request["IdentityManagementType"]
            alias = request.get("InstanceAlias")
            if identity == "EXISTING_DIRECTORY":
                raise InvalidRequestException(
                    "IdentityManagementType EXISTING_DIRECTORY needs an AWS Directory Service "
                    "directory; directories are not emulated: use CONNECT_MANAGED or SAML"
                )
            if identity not in IDENTITY_TYPES:  # the model's enum is checked before this
                raise InvalidRequestException(f"Invalid IdentityManagementType {identity}")
            if request.get("DirectoryId"):
                raise InvalidRequestException(
                    f"DirectoryId only applies to EXISTING_DIRECTORY, not {identity}"
                )
            if not alias:
                raise InvalidRequestException(
                    f"InstanceAlias is required when IdentityManagementType is {identity}"
                )
            if _alias_taken(alias):
                raise InvalidRequestException("Invalid Input. Instance alias is already used.")
            instance_id = new_id()
            instance = ConnectInstance(
                instance_id=instance_id,
                arn=connect_arn(
                    context.partition, context.region, context.account_id, "instance", instance_id
                ),
                account_id=context.account_id,
                region=context.region,
                identity_management_type=identity,
                alias=alias,
                inbound_calls_enabled=bool(request["InboundCallsEnabled"]),
                outbound_calls_enabled=bool(request["OutboundCallsEnabled"]),
                service_role=service_linked_role(context.partition, context.account_id),
                tags=dict(request.get("Tags") or {}),
            )
            store.instances[instance_id] = instance
            if token:
                store.client_tokens[("CreateInstance", token)] = (
                    _fingerprint(request),
                    instance_id,
                )
            return {"Id": instance.instance_id, "Arn": instance.arn}

    @handler("DescribeInstance", expand=False)
    def describe_instance(
        self, context: RequestContext, request: api.DescribeInstanceRequest, **_: Any
    ) -> api.DescribeInstanceResponse:
        store = self._store(context)
        with LOCK:
            instance = _instance(context, store, request["InstanceId"])
            return {"Instance": instance.information()}  # type: ignore[typeddict-item]

    @handler("ListInstances", expand=False)
    def list_instances(
        self, context: RequestContext, request: api.ListInstancesRequest, **_: Any
    ) -> api.ListInstancesResponse:
        store = self._store(context)
        with LOCK:
            instances = sorted(store.instances.values(), key=lambda i: i.created)
            page, token = _page(context, instances, request, LIST_INSTANCES_PAGE)
            result: dict[str, Any] = {"InstanceSummaryList": [i.summary() for i in page]}
            if token:
                result["NextToken"] = token
            return result  # type: ignore[return-value]

    @handler("DeleteInstance", expand=False)
    def delete_instance(
        self, context: RequestContext, request: api.DeleteInstanceRequest, **_: Any
    ) -> None:
        store = self._store(context)
        with LOCK:
            instance = _instance(context, store, request["InstanceId"])
            # Deleting an instance releases the numbers claimed by (imported into) it.
            for claim in [
                c for c in store.phone_numbers.values() if c.instance_id == instance.instance_id
            ]:
                del store.phone_numbers[claim.phone_number_id]
            _drop_chats(store, lambda chat: chat.instance_arn != instance.arn)
            del store.instances[instance.instance_id]

    # ---- phone numbers ---------------------------------------------------------------------

    @handler("ImportPhoneNumber", expand=False)
    def import_phone_number(
        self, context: RequestContext, request: api.ImportPhoneNumberRequest, **_: Any
    ) -> api.ImportPhoneNumberResponse:
        store = self._store(context)
        with LOCK:
            token = request.get("ClientToken")
            if token and ("ImportPhoneNumber", token) in store.client_tokens:
                fingerprint, phone_id = store.client_tokens[("ImportPhoneNumber", token)]
                if fingerprint != _fingerprint(request):
                    raise IdempotencyException(
                        f"ClientToken {token} was already used with other parameters"
                    )
                if phone_id in store.phone_numbers:
                    claim = store.phone_numbers[phone_id]
                    return {"PhoneNumberId": claim.phone_number_id, "PhoneNumberArn": claim.arn}
            instance = _instance(context, store, request["InstanceId"])
            source = request["SourcePhoneNumberArn"]
            arn = parse_arn(source)
            if arn is None or arn.service != "sms-voice" or arn.resource_type != "phone-number":
                raise InvalidParameterException(
                    f"SourcePhoneNumberArn {source} must be the ARN of an AWS End User Messaging "
                    "SMS phone number (arn:<partition>:sms-voice:<region>:<account>:phone-number/"
                    "<id>)"
                )
            if arn.account != context.account_id or arn.region != context.region:
                raise InvalidParameterException(
                    f"SourcePhoneNumberArn {source} must be a number of account "
                    f"{context.account_id} in {context.region}: ImportPhoneNumber works only in "
                    "the Region where the Amazon Connect instance was created"
                )
            number = sms_voice_stores[context.account_id][context.region].phone_numbers.get(
                arn.resource_name
            )
            if number is None or number.arn != source:
                raise ResourceNotFoundException(
                    f"The AWS End User Messaging SMS phone number {source} does not exist"
                )
            existing = next(
                (c for c in store.phone_numbers.values() if c.source_phone_number_arn == source),
                None,
            )
            if existing is not None:
                raise ResourceConflictException(
                    f"Phone number {number.phone_number} ({source}) is already imported into "
                    f"Amazon Connect instance {existing.instance_id} as {existing.phone_number_id}"
                )
            phone_id = new_id()
            claim = ClaimedNumber(
                phone_number_id=phone_id,
                arn=connect_arn(
                    context.partition, context.region, context.account_id, "phone-number", phone_id
                ),
                phone_number=number.phone_number,
                country_code=number.iso_country_code,
                phone_number_type=connect_phone_number_type(number.number_type),
                instance_id=instance.instance_id,
                instance_arn=instance.arn,
                source_phone_number_arn=source,
                description=request.get("PhoneNumberDescription"),
                tags=dict(request.get("Tags") or {}),
            )
            store.phone_numbers[phone_id] = claim
            if token:
                store.client_tokens[("ImportPhoneNumber", token)] = (
                    _fingerprint(request),
                    phone_id,
                )
            return {"PhoneNumberId": claim.phone_number_id, "PhoneNumberArn": claim.arn}

    @handler("DescribePhoneNumber", expand=False)
    def describe_phone_number(
        self, context: RequestContext, request: api.DescribePhoneNumberRequest, **_: Any
    ) -> api.DescribePhoneNumberResponse:
        store = self._store(context)
        with LOCK:
            claim = _claimed_number(context, store, request["PhoneNumberId"])
            return {"ClaimedPhoneNumberSummary": claim.information()}  # type: ignore[typeddict-item]

    @handler("ListPhoneNumbersV2", expand=False)
    def list_phone_numbers_v2(
        self, context: RequestContext, request: api.ListPhoneNumbersV2Request, **_: Any
    ) -> api.ListPhoneNumbersV2Response:
        store = self._store(context)
        with LOCK:
            wanted: ConnectInstance | None = None
            target = request.get("TargetArn")
            if target:
                arn = parse_arn(target)
                if arn is None or arn.service != "connect" or not arn.resource_type:
                    raise InvalidParameterException(
                        f"TargetArn {target} must be the ARN of an Amazon Connect instance or "
                        "traffic distribution group"
                    )
                if arn.resource_type == "traffic-distribution-group":
                    raise ResourceNotFoundException(
                        f"Traffic distribution group {target} does not exist (traffic "
                        "distribution groups are not emulated)"
                    )
                wanted = _instance_by_arn(context, store, target)
            instance_id = request.get("InstanceId")
            if instance_id:
                named = _instance(context, store, instance_id)
                if wanted is not None and named is not wanted:
                    raise InvalidParameterException(
                        f"TargetArn {target} and InstanceId {instance_id} name different instances"
                    )
                wanted = named
            claims = [
                c
                for c in sorted(store.phone_numbers.values(), key=lambda c: c.created)
                if (wanted is None or c.instance_id == wanted.instance_id)
                and c.filter_matches(
                    request.get("PhoneNumberCountryCodes"),
                    request.get("PhoneNumberTypes"),
                    request.get("PhoneNumberPrefix"),
                )
            ]
            page, token = _page(context, claims, request, LIST_PHONE_NUMBERS_PAGE)
            result: dict[str, Any] = {"ListPhoneNumbersSummaryList": [c.summary() for c in page]}
            if token:
                result["NextToken"] = token
            return result  # type: ignore[return-value]

    @handler("ReleasePhoneNumber", expand=False)
    def release_phone_number(
        self, context: RequestContext, request: api.ReleasePhoneNumberRequest, **_: Any
    ) -> None:
        store = self._store(context)
        with LOCK:
            claim = _claimed_number(context, store, request["PhoneNumberId"])
            # Only the import goes: the End User Messaging SMS number itself stays.
            del store.phone_numbers[claim.phone_number_id]
            _drop_chats(store, lambda chat: chat.destination_id != claim.source_phone_number_arn)

    # ---- chat integration events -----------------------------------------------------------

    @handler("SendChatIntegrationEvent", expand=False)
    def send_chat_integration_event(
        self, context: RequestContext, request: api.SendChatIntegrationEventRequest, **_: Any
    ) -> api.SendChatIntegrationEventResponse:
        return send_chat_integration_event(  # type: ignore[return-value]
            context.account_id, context.region, request
        )


def _invalid_request(
    operation: OperationModel | None, problem: ValidationProblem
) -> ServiceException:
    return _invalid_input(operation, problem.message)


CONNECT = EmulatedService(
    name="connect",
    provider_class=ConnectProvider,
    invalid_input=_invalid_request,
    # connect-contact-lens signs as `connect` too; routes.py routes these paths to it.
    foreign_paths=tuple(path for path in CONNECT_SIGNING_RULES if path != "*"),
)
