"""The `pinpoint-sms-voice-v2` operations (AWS End User Messaging SMS) for LocalStack 4.14.

Each `@handler` turns one API call into a change of the account's and region's store
(store.py) and answers in the shapes of the service model. Errors are the service's own
modeled exceptions (api.py) with the fields AWS sets (Reason, ResourceType, ResourceId,
Fields), so boto3 and Terraform see what they would see from AWS. Requests reach the handlers
through the emulator's shared validating dispatch (dispatch.py, `SMS_VOICE`): checked against the
model first, types included, and answered `ValidationException` (Reason FIELD_VALIDATION_FAILED,
Fields) when they fail; operations not implemented here answer UnknownOperationException.

Inbound messages (customers texting a number) are not an API operation: see routes.py and
routing.py.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, TypeVar

from botocore.model import OperationModel
from localstack.aws.api import RequestContext, ServiceException, handler
from localstack.services.plugins import ServiceLifecycleHook
from localstack.state import StateVisitor

from two_way_sms.emulator.dispatch import EmulatedService, guard
from two_way_sms.emulator.paging import InvalidNextToken, paginate
from two_way_sms.emulator.sms_voice import api
from two_way_sms.emulator.sms_voice.api import (
    AccessDeniedException,
    ConflictException,
    ResourceNotFoundException,
    ServiceQuotaExceededException,
    ValidationException,
)
from two_way_sms.emulator.sms_voice.callers import caller_session, send_denial
from two_way_sms.emulator.sms_voice.keywords import (
    PROTECTED_KEYWORDS,
    default_keywords,
    keyword_key,
)
from two_way_sms.emulator.sms_voice.models import (
    AUTOMATIC_RESPONSE,
    DEFAULT_OPT_OUT_LIST,
    ConfigurationSet,
    Keyword,
    OptOutList,
    OutboundMessage,
    PhoneNumber,
    sms_voice_arn,
)
from two_way_sms.emulator.sms_voice.numbers import (
    UnsupportedCountry,
    fake_phone_number,
    monthly_leasing_price,
    new_phone_number_id,
    number_plan,
    plan_key,
)
from two_way_sms.emulator.sms_voice.store import (
    LOCK,
    SmsVoiceStore,
    emulator_store,
    sms_voice_stores,
)
from two_way_sms.emulator.validation import ValidationProblem
from two_way_sms.identifiers import E164, check_role_arn, check_two_way_channel_arn, parse_arn

# The emulator's quotas per account and region (AWS's are adjustable; these are fixed here).
PHONE_NUMBERS_PER_ACCOUNT = 100
OPT_OUT_LISTS_PER_ACCOUNT = 25
CONFIGURATION_SETS_PER_ACCOUNT = 25
KEYWORDS_PER_PHONE_NUMBER = 30  # HELP and STOP included
TAGS_PER_RESOURCE = 200

_T = TypeVar("_T")


# --------------------------------------------------------------------------------------------
# Errors


def _validation(message: str, reason: str, field: str | None = None) -> ValidationException:
    fields = [{"Name": field, "Message": message}] if field else None
    return ValidationException(message, Reason=reason, Fields=fields)


def _not_found(resource_type: str, resource_id: str) -> ResourceNotFoundException:
    return ResourceNotFoundException(
        f"The {resource_type} {resource_id} does not exist",
        ResourceType=resource_type,
        ResourceId=resource_id,
    )


def _conflict(message: str, reason: str, resource_type: str, resource_id: str) -> ConflictException:
    return ConflictException(
        message, Reason=reason, ResourceType=resource_type, ResourceId=resource_id
    )


def _quota(message: str, reason: str) -> ServiceQuotaExceededException:
    return ServiceQuotaExceededException(message, Reason=reason)


# --------------------------------------------------------------------------------------------
# Helpers


def _tags_in(tags: Iterable[Mapping[str, str]] | None) -> dict[str, str]:
    result: dict[str, str] = {}
    for tag in tags or ():
        key = tag["Key"]
        if key.lower().startswith("aws:"):
            raise _validation(
                f"Tag keys starting with 'aws:' are reserved: {key}", "INVALID_PARAMETER", "Tags"
            )
        result[key] = tag.get("Value", "")
    return result


def _tags_out(tags: Mapping[str, str]) -> list[dict[str, str]]:
    return [{"Key": key, "Value": value} for key, value in tags.items()]


def _page(items: Sequence[_T], request: Mapping[str, Any]) -> tuple[list[_T], str | None]:
    try:
        return paginate(items, request.get("NextToken"), request.get("MaxResults"))
    except InvalidNextToken as error:
        raise _validation(str(error), "INVALID_NEXT_TOKEN", "NextToken") from None


def _matches_filters(
    values_of: Callable[[str], list[str]], filters: Iterable[Mapping[str, Any]] | None
) -> bool:
    """AWS filter semantics: every filter must match; a filter matches any of its values."""
    for entry in filters or ():
        values = {str(v) for v in entry.get("Values") or ()}
        if not values.intersection(values_of(entry["Name"])):
            return False
    return True


class SmsVoiceProvider(api.PinpointSmsVoiceV2Api, ServiceLifecycleHook):
    """AWS End User Messaging SMS (pinpoint-sms-voice-v2) for LocalStack."""

    # ---- lifecycle -----------------------------------------------------------------------

    def on_after_init(self) -> None:
        # The on_infra_start hook (hooks.py) registers these at start-up; registering again
        # is a no-op, and keeps the routes available where that hook is not installed.
        from two_way_sms.emulator.connect.routes import register_connect_routes
        from two_way_sms.emulator.sms_voice.routes import register_routes

        register_routes()
        register_connect_routes()
        guard(SMS_VOICE)

    def accept_state_visitor(self, visitor: StateVisitor) -> None:
        visitor.visit(sms_voice_stores)

    # ---- lookups ---------------------------------------------------------------------------

    @staticmethod
    def _store(context: RequestContext) -> SmsVoiceStore:
        return sms_voice_stores[context.account_id][context.region]

    @staticmethod
    def _own_arn_name(context: RequestContext, identifier: str, kind: str) -> str | None:
        """The name/id inside an ARN of this service, account and region, else None."""
        arn = parse_arn(identifier)
        if arn is None:
            return identifier
        if (
            arn.service != "sms-voice"
            or arn.account != context.account_id
            or arn.region != context.region
            or arn.resource_type != kind
        ):
            return None
        return arn.resource_name

    def _phone_number(
        self, context: RequestContext, store: SmsVoiceStore, identifier: str
    ) -> PhoneNumber:
        phone_id = self._own_arn_name(context, identifier, "phone-number")
        number = store.phone_numbers.get(phone_id) if phone_id else None
        if number is None:
            raise _not_found("phone-number", identifier)
        return number

    def _origination_number(
        self, context: RequestContext, store: SmsVoiceStore, identity: str
    ) -> PhoneNumber:
        """A phone number given by id, ARN or E.164 number. Pools and sender IDs are not
        emulated, so naming one is a ResourceNotFoundException like naming a missing one."""
        if E164.fullmatch(identity):
            for number in store.phone_numbers.values():
                if number.phone_number == identity:
                    return number
            raise _not_found("phone-number", identity)
        arn = parse_arn(identity)
        kind = arn.resource_type if arn else identity.split("-", 1)[0]
        if kind == "pool":
            raise _not_found("pool", identity)
        if kind in ("sender-id", "senderid"):
            raise _not_found("sender-id", identity)
        return self._phone_number(context, store, identity)

    def _opt_out_list(
        self, context: RequestContext, store: SmsVoiceStore, identifier: str
    ) -> OptOutList:
        self._ensure_default_opt_out_list(context, store)
        name = self._own_arn_name(context, identifier, "opt-out-list")
        found = store.opt_out_lists.get(name) if name else None
        if found is None:
            raise _not_found("opt-out-list", identifier)
        return found

    def _configuration_set(
        self, context: RequestContext, store: SmsVoiceStore, identifier: str
    ) -> ConfigurationSet:
        name = self._own_arn_name(context, identifier, "configuration-set")
        found = store.configuration_sets.get(name) if name else None
        if found is None:
            raise _not_found("configuration-set", identifier)
        return found

    @staticmethod
    def _ensure_default_opt_out_list(context: RequestContext, store: SmsVoiceStore) -> None:
        """Every account and region has the opt-out list "Default" that numbers use."""
        if DEFAULT_OPT_OUT_LIST not in store.opt_out_lists:
            arn = sms_voice_arn(
                context.partition,
                context.region,
                context.account_id,
                "opt-out-list",
                DEFAULT_OPT_OUT_LIST,
            )
            store.opt_out_lists[DEFAULT_OPT_OUT_LIST] = OptOutList(DEFAULT_OPT_OUT_LIST, arn)

    def _tagged_arn(self, context: RequestContext, store: SmsVoiceStore, resource_arn: str) -> str:
        """resource_arn when it names an existing taggable resource here."""
        arn = parse_arn(resource_arn)
        if arn is None:
            raise _validation(f"Invalid ResourceArn {resource_arn}", "INVALID_ARN", "ResourceArn")
        lookups: dict[str, Callable[[RequestContext, SmsVoiceStore, str], object]] = {
            "phone-number": self._phone_number,
            "opt-out-list": self._opt_out_list,
            "configuration-set": self._configuration_set,
        }
        lookup = lookups.get(arn.resource_type)
        if lookup is None:
            raise _not_found(arn.resource_type or "resource", resource_arn)
        lookup(context, store, resource_arn)  # ResourceNotFoundException when it is not here
        return resource_arn

    @staticmethod
    def _remember_token(store: SmsVoiceStore, operation: str, token: str | None, key: str) -> None:
        if token:
            store.client_tokens[(operation, token)] = key

    # ---- phone numbers ---------------------------------------------------------------------

    @handler("RequestPhoneNumber", expand=False)
    def request_phone_number(
        self, context: RequestContext, request: api.RequestPhoneNumberRequest, **_: Any
    ) -> api.RequestPhoneNumberResult:
        store = self._store(context)
        with LOCK:
            token = request.get("ClientToken")
            previous = store.client_tokens.get(("RequestPhoneNumber", token)) if token else None
            if previous and previous in store.phone_numbers:
                number = store.phone_numbers[previous]
                return {
                    **number.information(),
                    "Tags": _tags_out(store.tags.get(number.arn, {})),
                }  # type: ignore[typeddict-item]
            if request.get("PoolId"):
                raise _not_found("pool", request["PoolId"])
            opt_out_list = self._opt_out_list(
                context, store, request.get("OptOutListName") or DEFAULT_OPT_OUT_LIST
            )
            tags = _tags_in(request.get("Tags"))
            if len(store.phone_numbers) >= PHONE_NUMBERS_PER_ACCOUNT:
                raise _quota(
                    f"The emulator allows {PHONE_NUMBERS_PER_ACCOUNT} phone numbers per account "
                    "and region",
                    "PHONE_NUMBERS_PER_ACCOUNT",
                )
            country, number_type = request["IsoCountryCode"], request["NumberType"]
            try:
                plan = number_plan(country, number_type)
            except UnsupportedCountry as error:
                raise _validation(str(error), "INVALID_PARAMETER", "IsoCountryCode") from None
            sequences = emulator_store().NUMBER_SEQUENCES
            sequence = sequences.get(plan_key(plan), 0)
            try:
                e164 = fake_phone_number(plan, sequence)
            except OverflowError as error:
                raise _quota(str(error), "PHONE_NUMBERS_PER_ACCOUNT") from None
            sequences[plan_key(plan)] = sequence + 1
            phone_id = new_phone_number_id()
            number = PhoneNumber(
                phone_number_id=phone_id,
                arn=sms_voice_arn(
                    context.partition, context.region, context.account_id, "phone-number", phone_id
                ),
                phone_number=e164,
                account_id=context.account_id,
                region=context.region,
                iso_country_code=country,
                message_type=request["MessageType"],
                number_capabilities=list(request["NumberCapabilities"]),
                number_type=number_type,
                monthly_leasing_price=monthly_leasing_price(number_type),
                opt_out_list_name=opt_out_list.name,
                international_sending_enabled=bool(request.get("InternationalSendingEnabled")),
                deletion_protection_enabled=bool(request.get("DeletionProtectionEnabled")),
                registration_id=request.get("RegistrationId"),
                keywords=default_keywords(),
            )
            store.phone_numbers[phone_id] = number
            if tags:
                store.tags[number.arn] = tags
            self._remember_token(store, "RequestPhoneNumber", token, phone_id)
            return {**number.information(), "Tags": _tags_out(tags)}  # type: ignore[typeddict-item]

    @handler("DescribePhoneNumbers", expand=False)
    def describe_phone_numbers(
        self, context: RequestContext, request: api.DescribePhoneNumbersRequest, **_: Any
    ) -> api.DescribePhoneNumbersResult:
        store = self._store(context)
        with LOCK:
            if request.get("Owner") == "SHARED":
                return {"PhoneNumbers": []}
            identifiers = request.get("PhoneNumberIds") or []
            if identifiers:
                numbers = [self._phone_number(context, store, i) for i in identifiers]
            else:
                numbers = sorted(store.phone_numbers.values(), key=lambda n: n.created)
            numbers = [
                n for n in numbers if _matches_filters(n.filter_values, request.get("Filters"))
            ]
            page, token = _page(numbers, request)
            result: dict[str, Any] = {"PhoneNumbers": [n.information() for n in page]}
            if token:
                result["NextToken"] = token
            return result  # type: ignore[return-value]

    @handler("UpdatePhoneNumber", expand=False)
    def update_phone_number(
        self, context: RequestContext, request: api.UpdatePhoneNumberRequest, **_: Any
    ) -> api.UpdatePhoneNumberResult:
        store = self._store(context)
        with LOCK:
            number = self._phone_number(context, store, request["PhoneNumberId"])
            channel = request.get("TwoWayChannelArn")
            if channel is not None:
                problem = check_two_way_channel_arn(channel)
                if problem:
                    reason = "INVALID_PARAMETER" if channel.endswith(".fifo") else "INVALID_ARN"
                    raise _validation(problem, reason, "TwoWayChannelArn")
            role = request.get("TwoWayChannelRole")
            if role is not None:
                problem = check_role_arn(role)
                if problem:
                    raise _validation(problem, "INVALID_ARN", "TwoWayChannelRole")
            opt_out_name = request.get("OptOutListName")
            if opt_out_name is not None:
                opt_out_name = self._opt_out_list(context, store, opt_out_name).name
            updates: dict[str, Any] = {
                "two_way_enabled": request.get("TwoWayEnabled"),
                "two_way_channel_arn": channel,
                "two_way_channel_role": role,
                "self_managed_opt_outs_enabled": request.get("SelfManagedOptOutsEnabled"),
                "opt_out_list_name": opt_out_name,
                "international_sending_enabled": request.get("InternationalSendingEnabled"),
                "deletion_protection_enabled": request.get("DeletionProtectionEnabled"),
            }
            for attribute, value in updates.items():
                if value is not None:
                    setattr(number, attribute, value)
            return number.information()  # type: ignore[return-value]

    @handler("ReleasePhoneNumber", expand=False)
    def release_phone_number(
        self, context: RequestContext, request: api.ReleasePhoneNumberRequest, **_: Any
    ) -> api.ReleasePhoneNumberResult:
        store = self._store(context)
        with LOCK:
            number = self._phone_number(context, store, request["PhoneNumberId"])
            if number.deletion_protection_enabled:
                raise _conflict(
                    f"Phone number {number.phone_number_id} has deletion protection enabled; "
                    "disable it with UpdatePhoneNumber first",
                    "DELETION_PROTECTION_ENABLED",
                    "phone-number",
                    number.phone_number_id,
                )
            del store.phone_numbers[number.phone_number_id]
            store.tags.pop(number.arn, None)
            number.status = "DELETED"
            return number.information()  # type: ignore[return-value]

    # ---- tags ------------------------------------------------------------------------------

    @handler("TagResource", expand=False)
    def tag_resource(
        self, context: RequestContext, request: api.TagResourceRequest, **_: Any
    ) -> api.TagResourceResult:
        store = self._store(context)
        with LOCK:
            arn = self._tagged_arn(context, store, request["ResourceArn"])
            merged = {**store.tags.get(arn, {}), **_tags_in(request["Tags"])}
            if len(merged) > TAGS_PER_RESOURCE:
                raise _quota(
                    f"A resource can have at most {TAGS_PER_RESOURCE} tags", "TAGS_PER_RESOURCE"
                )
            store.tags[arn] = merged
            return {}

    @handler("UntagResource", expand=False)
    def untag_resource(
        self, context: RequestContext, request: api.UntagResourceRequest, **_: Any
    ) -> api.UntagResourceResult:
        store = self._store(context)
        with LOCK:
            arn = self._tagged_arn(context, store, request["ResourceArn"])
            tags = store.tags.get(arn, {})
            for key in request["TagKeys"]:
                tags.pop(key, None)
            return {}

    @handler("ListTagsForResource", expand=False)
    def list_tags_for_resource(
        self, context: RequestContext, request: api.ListTagsForResourceRequest, **_: Any
    ) -> api.ListTagsForResourceResult:
        store = self._store(context)
        with LOCK:
            arn = self._tagged_arn(context, store, request["ResourceArn"])
            return {"ResourceArn": arn, "Tags": _tags_out(store.tags.get(arn, {}))}  # type: ignore[typeddict-item]

    # ---- opt-out lists ---------------------------------------------------------------------

    @handler("CreateOptOutList", expand=False)
    def create_opt_out_list(
        self, context: RequestContext, request: api.CreateOptOutListRequest, **_: Any
    ) -> api.CreateOptOutListResult:
        store = self._store(context)
        with LOCK:
            self._ensure_default_opt_out_list(context, store)
            name = request["OptOutListName"]
            token = request.get("ClientToken")
            retried = token and store.client_tokens.get(("CreateOptOutList", token)) == name
            if retried and name in store.opt_out_lists:
                existing = store.opt_out_lists[name]
                tags = _tags_out(store.tags.get(existing.arn, {}))
                return {**existing.information(), "Tags": tags}  # type: ignore[typeddict-item]
            if name in store.opt_out_lists:
                raise _conflict(
                    f"Opt-out list {name} already exists",
                    "RESOURCE_ALREADY_EXISTS",
                    "opt-out-list",
                    name,
                )
            tags = _tags_in(request.get("Tags"))
            if len(store.opt_out_lists) >= OPT_OUT_LISTS_PER_ACCOUNT:
                raise _quota(
                    f"At most {OPT_OUT_LISTS_PER_ACCOUNT} opt-out lists per account and region",
                    "OPT_OUT_LISTS_PER_ACCOUNT",
                )
            arn = sms_voice_arn(
                context.partition, context.region, context.account_id, "opt-out-list", name
            )
            created = OptOutList(name, arn)
            store.opt_out_lists[name] = created
            if tags:
                store.tags[arn] = tags
            self._remember_token(store, "CreateOptOutList", token, name)
            return {**created.information(), "Tags": _tags_out(tags)}  # type: ignore[typeddict-item]

    @handler("DescribeOptOutLists", expand=False)
    def describe_opt_out_lists(
        self, context: RequestContext, request: api.DescribeOptOutListsRequest, **_: Any
    ) -> api.DescribeOptOutListsResult:
        store = self._store(context)
        with LOCK:
            if request.get("Owner") == "SHARED":
                return {"OptOutLists": []}
            self._ensure_default_opt_out_list(context, store)
            names = request.get("OptOutListNames") or []
            if names:
                lists = [self._opt_out_list(context, store, n) for n in names]
            else:
                lists = sorted(store.opt_out_lists.values(), key=lambda item: item.created)
            page, token = _page(lists, request)
            result: dict[str, Any] = {"OptOutLists": [item.information() for item in page]}
            if token:
                result["NextToken"] = token
            return result  # type: ignore[return-value]

    @handler("DeleteOptOutList", expand=False)
    def delete_opt_out_list(
        self, context: RequestContext, request: api.DeleteOptOutListRequest, **_: Any
    ) -> api.DeleteOptOutListResult:
        store = self._store(context)
        with LOCK:
            found = self._opt_out_list(context, store, request["OptOutListName"])
            if found.name == DEFAULT_OPT_OUT_LIST:
                raise _conflict(
                    "The Default opt-out list can't be deleted",
                    "RESOURCE_DELETION_NOT_ALLOWED",
                    "opt-out-list",
                    found.name,
                )
            users = [
                n.phone_number_id
                for n in store.phone_numbers.values()
                if n.opt_out_list_name == found.name
            ]
            if users:
                raise _conflict(
                    f"Opt-out list {found.name} is in use by {', '.join(sorted(users))}",
                    "RESOURCE_DELETION_NOT_ALLOWED",
                    "opt-out-list",
                    found.name,
                )
            del store.opt_out_lists[found.name]
            store.tags.pop(found.arn, None)
            return found.information()  # type: ignore[return-value]

    @handler("PutOptedOutNumber", expand=False)
    def put_opted_out_number(
        self, context: RequestContext, request: api.PutOptedOutNumberRequest, **_: Any
    ) -> api.PutOptedOutNumberResult:
        store = self._store(context)
        with LOCK:
            found = self._opt_out_list(context, store, request["OptOutListName"])
            number = request["OptedOutNumber"]
            found.opt_out(number, end_user=False)
            return {
                "OptOutListArn": found.arn,
                "OptOutListName": found.name,
                **found.numbers[number].information(),
            }  # type: ignore[typeddict-item]

    @handler("DescribeOptedOutNumbers", expand=False)
    def describe_opted_out_numbers(
        self, context: RequestContext, request: api.DescribeOptedOutNumbersRequest, **_: Any
    ) -> api.DescribeOptedOutNumbersResult:
        store = self._store(context)
        with LOCK:
            found = self._opt_out_list(context, store, request["OptOutListName"])
            wanted = request.get("OptedOutNumbers") or []
            missing = [n for n in wanted if n not in found.numbers]
            if missing:
                raise _not_found("opted-out-number", missing[0])
            entries = (
                [found.numbers[n] for n in wanted]
                if wanted
                else sorted(found.numbers.values(), key=lambda e: e.timestamp)
            )
            entries = [
                e for e in entries if _matches_filters(e.filter_values, request.get("Filters"))
            ]
            page, token = _page(entries, request)
            result: dict[str, Any] = {
                "OptOutListArn": found.arn,
                "OptOutListName": found.name,
                "OptedOutNumbers": [e.information() for e in page],
            }
            if token:
                result["NextToken"] = token
            return result  # type: ignore[return-value]

    @handler("DeleteOptedOutNumber", expand=False)
    def delete_opted_out_number(
        self, context: RequestContext, request: api.DeleteOptedOutNumberRequest, **_: Any
    ) -> api.DeleteOptedOutNumberResult:
        store = self._store(context)
        with LOCK:
            found = self._opt_out_list(context, store, request["OptOutListName"])
            number = request["OptedOutNumber"]
            entry = found.numbers.get(number)
            if entry is None:
                raise _not_found("opted-out-number", number)
            found.opt_in(number)
            return {
                "OptOutListArn": found.arn,
                "OptOutListName": found.name,
                **entry.information(),
            }  # type: ignore[typeddict-item]

    # ---- keywords --------------------------------------------------------------------------

    @staticmethod
    def _keyword_result(number: PhoneNumber, keyword: Keyword) -> dict[str, Any]:
        return {
            "OriginationIdentityArn": number.arn,
            "OriginationIdentity": number.phone_number_id,
            **keyword.information(),
        }

    @handler("PutKeyword", expand=False)
    def put_keyword(
        self, context: RequestContext, request: api.PutKeywordRequest, **_: Any
    ) -> api.PutKeywordResult:
        store = self._store(context)
        with LOCK:
            number = self._origination_number(context, store, request["OriginationIdentity"])
            text = request["Keyword"]
            if text != text.strip():
                raise _validation(
                    "A keyword can't start or end with a space", "INVALID_PARAMETER", "Keyword"
                )
            key = keyword_key(text)
            action = request.get("KeywordAction") or AUTOMATIC_RESPONSE
            existing = number.keywords.get(key)
            if key in PROTECTED_KEYWORDS and existing and action != existing.action:
                raise _conflict(
                    f"The action of keyword {key} can't be changed (only its message)",
                    "RESOURCE_MODIFICATION_NOT_ALLOWED",
                    "keyword",
                    key,
                )
            if existing is None and len(number.keywords) >= KEYWORDS_PER_PHONE_NUMBER:
                raise _quota(
                    f"A phone number can have at most {KEYWORDS_PER_PHONE_NUMBER} keywords",
                    "KEYWORDS_PER_PHONE_NUMBER",
                )
            keyword = Keyword(key, request["KeywordMessage"], action)
            number.keywords[key] = keyword
            return self._keyword_result(number, keyword)  # type: ignore[return-value]

    @handler("DescribeKeywords", expand=False)
    def describe_keywords(
        self, context: RequestContext, request: api.DescribeKeywordsRequest, **_: Any
    ) -> api.DescribeKeywordsResult:
        store = self._store(context)
        with LOCK:
            number = self._origination_number(context, store, request["OriginationIdentity"])
            wanted = [keyword_key(k) for k in request.get("Keywords") or []]
            missing = [k for k in wanted if k not in number.keywords]
            if missing:
                raise _not_found("keyword", missing[0])
            keywords = (
                [number.keywords[k] for k in wanted]
                if wanted
                else [number.keywords[k] for k in sorted(number.keywords)]
            )
            keywords = [
                k for k in keywords if _matches_filters(k.filter_values, request.get("Filters"))
            ]
            page, token = _page(keywords, request)
            result: dict[str, Any] = {
                "OriginationIdentityArn": number.arn,
                "OriginationIdentity": number.phone_number_id,
                "Keywords": [k.information() for k in page],
            }
            if token:
                result["NextToken"] = token
            return result  # type: ignore[return-value]

    @handler("DeleteKeyword", expand=False)
    def delete_keyword(
        self, context: RequestContext, request: api.DeleteKeywordRequest, **_: Any
    ) -> api.DeleteKeywordResult:
        store = self._store(context)
        with LOCK:
            number = self._origination_number(context, store, request["OriginationIdentity"])
            key = keyword_key(request["Keyword"])
            if key in PROTECTED_KEYWORDS:
                raise _conflict(
                    f'Keywords "HELP" and "STOP" can\'t be deleted ({key})',
                    "RESOURCE_DELETION_NOT_ALLOWED",
                    "keyword",
                    key,
                )
            keyword = number.keywords.pop(key, None)
            if keyword is None:
                raise _not_found("keyword", request["Keyword"])
            return self._keyword_result(number, keyword)  # type: ignore[return-value]

    # ---- configuration sets ----------------------------------------------------------------

    @handler("CreateConfigurationSet", expand=False)
    def create_configuration_set(
        self, context: RequestContext, request: api.CreateConfigurationSetRequest, **_: Any
    ) -> api.CreateConfigurationSetResult:
        store = self._store(context)
        with LOCK:
            name = request["ConfigurationSetName"]
            token = request.get("ClientToken")
            retried = token and store.client_tokens.get(("CreateConfigurationSet", token)) == name
            if retried and name in store.configuration_sets:
                existing = store.configuration_sets[name]
                return {  # type: ignore[typeddict-item]
                    "ConfigurationSetArn": existing.arn,
                    "ConfigurationSetName": name,
                    "Tags": _tags_out(store.tags.get(existing.arn, {})),
                    "CreatedTimestamp": existing.created,
                }
            if name in store.configuration_sets:
                raise _conflict(
                    f"Configuration set {name} already exists",
                    "RESOURCE_ALREADY_EXISTS",
                    "configuration-set",
                    name,
                )
            tags = _tags_in(request.get("Tags"))
            if len(store.configuration_sets) >= CONFIGURATION_SETS_PER_ACCOUNT:
                raise _quota(
                    f"At most {CONFIGURATION_SETS_PER_ACCOUNT} configuration sets per account "
                    "and region",
                    "CONFIGURATION_SETS_PER_ACCOUNT",
                )
            arn = sms_voice_arn(
                context.partition, context.region, context.account_id, "configuration-set", name
            )
            created = ConfigurationSet(name, arn)
            store.configuration_sets[name] = created
            if tags:
                store.tags[arn] = tags
            self._remember_token(store, "CreateConfigurationSet", token, name)
            return {  # type: ignore[typeddict-item]
                "ConfigurationSetArn": arn,
                "ConfigurationSetName": name,
                "Tags": _tags_out(tags),
                "CreatedTimestamp": created.created,
            }

    @handler("DescribeConfigurationSets", expand=False)
    def describe_configuration_sets(
        self, context: RequestContext, request: api.DescribeConfigurationSetsRequest, **_: Any
    ) -> api.DescribeConfigurationSetsResult:
        store = self._store(context)
        with LOCK:
            names = request.get("ConfigurationSetNames") or []
            if names:
                sets = [self._configuration_set(context, store, n) for n in names]
            else:
                sets = sorted(store.configuration_sets.values(), key=lambda c: c.created)
            sets = [c for c in sets if _matches_filters(c.filter_values, request.get("Filters"))]
            page, token = _page(sets, request)
            result: dict[str, Any] = {"ConfigurationSets": [c.information() for c in page]}
            if token:
                result["NextToken"] = token
            return result  # type: ignore[return-value]

    @handler("DeleteConfigurationSet", expand=False)
    def delete_configuration_set(
        self, context: RequestContext, request: api.DeleteConfigurationSetRequest, **_: Any
    ) -> api.DeleteConfigurationSetResult:
        store = self._store(context)
        with LOCK:
            found = self._configuration_set(context, store, request["ConfigurationSetName"])
            del store.configuration_sets[found.name]
            store.tags.pop(found.arn, None)
            return found.information()  # type: ignore[return-value]

    def _set_default(
        self, context: RequestContext, identifier: str, attribute: str, value: str | None
    ) -> tuple[ConfigurationSet, str | None]:
        """Set (or, with None, clear) a default of a configuration set; returns the set and
        the value it had."""
        store = self._store(context)
        with LOCK:
            found = self._configuration_set(context, store, identifier)
            previous: str | None = getattr(found, attribute)
            setattr(found, attribute, value)
            return found, previous

    @staticmethod
    def _default_result(found: ConfigurationSet, key: str, value: str | None) -> dict[str, Any]:
        result: dict[str, Any] = {
            "ConfigurationSetArn": found.arn,
            "ConfigurationSetName": found.name,
        }
        if value:
            result[key] = value
        return result

    @handler("SetDefaultMessageType", expand=False)
    def set_default_message_type(
        self, context: RequestContext, request: api.SetDefaultMessageTypeRequest, **_: Any
    ) -> api.SetDefaultMessageTypeResult:
        value = request["MessageType"]
        found, _ = self._set_default(
            context, request["ConfigurationSetName"], "default_message_type", value
        )
        return self._default_result(found, "MessageType", value)  # type: ignore[return-value]

    @handler("DeleteDefaultMessageType", expand=False)
    def delete_default_message_type(
        self, context: RequestContext, request: api.DeleteDefaultMessageTypeRequest, **_: Any
    ) -> api.DeleteDefaultMessageTypeResult:
        found, previous = self._set_default(
            context, request["ConfigurationSetName"], "default_message_type", None
        )
        return self._default_result(found, "MessageType", previous)  # type: ignore[return-value]

    @handler("SetDefaultSenderId", expand=False)
    def set_default_sender_id(
        self, context: RequestContext, request: api.SetDefaultSenderIdRequest, **_: Any
    ) -> api.SetDefaultSenderIdResult:
        value = request["SenderId"]
        found, _ = self._set_default(
            context, request["ConfigurationSetName"], "default_sender_id", value
        )
        return self._default_result(found, "SenderId", value)  # type: ignore[return-value]

    @handler("DeleteDefaultSenderId", expand=False)
    def delete_default_sender_id(
        self, context: RequestContext, request: api.DeleteDefaultSenderIdRequest, **_: Any
    ) -> api.DeleteDefaultSenderIdResult:
        found, previous = self._set_default(
            context, request["ConfigurationSetName"], "default_sender_id", None
        )
        return self._default_result(found, "SenderId", previous)  # type: ignore[return-value]

    # ---- sending ---------------------------------------------------------------------------

    @staticmethod
    def _authorize_send(context: RequestContext, resource_arns: list[str]) -> None:
        """A role session must be allowed SendTextMessage on every resource (callers.py)."""
        session = caller_session(context)
        if session is None:
            return
        from two_way_sms.emulator.sms_voice.localstack_aws import LocalStackAws

        denial = send_denial(session, LocalStackAws().role(session.role_arn), resource_arns)
        if denial is not None:
            raise AccessDeniedException(denial)

    @handler("SendTextMessage", expand=False)
    def send_text_message(
        self, context: RequestContext, request: api.SendTextMessageRequest, **_: Any
    ) -> api.SendTextMessageResult:
        store = self._store(context)
        with LOCK:
            destination = request["DestinationPhoneNumber"]
            configuration_set = None
            if request.get("ConfigurationSetName"):
                configuration_set = self._configuration_set(
                    context, store, request["ConfigurationSetName"]
                )
            identity = request.get("OriginationIdentity")
            if identity:
                number = self._origination_number(context, store, identity)
            else:
                active = sorted(
                    (n for n in store.phone_numbers.values() if n.status == "ACTIVE"),
                    key=lambda n: n.created,
                )
                if not active:
                    raise _conflict(
                        "No origination identity was given and the account has no phone number "
                        "in this region",
                        "NO_ORIGINATION_IDENTITIES_FOUND",
                        "phone-number",
                        destination,
                    )
                number = active[0]
            opt_out_list = store.opt_out_lists.get(number.opt_out_list_name)
            self._authorize_send(
                context,
                [
                    number.arn,
                    *([configuration_set.arn] if configuration_set else []),
                ],
            )
            if opt_out_list is not None and destination in opt_out_list.numbers:
                raise _conflict(
                    f"{destination} is on opt-out list {opt_out_list.name} of "
                    f"{number.phone_number_id}",
                    "DESTINATION_PHONE_NUMBER_OPTED_OUT",
                    "opted-out-number",
                    destination,
                )
            message_type = (
                request.get("MessageType")
                or (configuration_set.default_message_type if configuration_set else None)
                or number.message_type
            )
            message_id = str(uuid.uuid4())
            emulator_store().OUTBOUND.append(
                OutboundMessage(
                    message_id=message_id,
                    kind="SendTextMessage",
                    account_id=context.account_id,
                    region=context.region,
                    destination_number=destination,
                    body=request.get("MessageBody") or "",
                    origination_identity=identity or number.phone_number_id,
                    origination_number=number.phone_number,
                    message_type=message_type,
                    configuration_set=configuration_set.name if configuration_set else None,
                    keyword=request.get("Keyword"),
                    context=dict(request.get("Context") or {}),
                    dry_run=bool(request.get("DryRun")),
                )
            )
            return {"MessageId": message_id}


def _invalid_input(
    operation: OperationModel | None, problem: ValidationProblem
) -> ServiceException:
    return ValidationException(
        problem.message, Reason="FIELD_VALIDATION_FAILED", Fields=problem.fields
    )


SMS_VOICE = EmulatedService(
    name="pinpoint-sms-voice-v2",
    provider_class=SmsVoiceProvider,
    invalid_input=_invalid_input,
    stubs=api.PinpointSmsVoiceV2Api,
)
