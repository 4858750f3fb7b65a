"""HTTP endpoints of the emulator, served by LocalStack's gateway next to the AWS APIs.

- `POST /_aws/sms-voice/inbound-messages` with JSON `{"originationNumber", "destinationNumber",
  "messageBody"}` (optional `"previousPublishedMessageId"`, `"accountId"`, `"region"`)
  simulates a customer texting one of the emulator's numbers; the answer is
  `{"inboundMessageId", "delivered", "destination", "reason"}`.
- `GET /_aws/sms-voice/inbound-messages`: every inbound outcome, with its payload.
- `GET /_aws/sms-voice/outbound-messages`: SendTextMessage records and keyword auto-responses.

Both GETs take optional query filters: accountId, region, originationNumber, destinationNumber.
The rules themselves are in routing.py.
"""

from __future__ import annotations

import json
import threading
import uuid
from collections.abc import Iterable, Mapping
from typing import Any

from localstack.http import Request, Response, route
from localstack.services.edge import ROUTER

from two_way_sms.emulator.clock import utcnow
from two_way_sms.emulator.sms_voice.keywords import KeywordEffects, KeywordMatch, answer_to_send
from two_way_sms.emulator.sms_voice.models import OutboundMessage, PhoneNumber
from two_way_sms.emulator.sms_voice.routing import InboundMessage, InboundRequestError
from two_way_sms.emulator.sms_voice.routing import route as route_inbound
from two_way_sms.emulator.sms_voice.store import (
    LOCK,
    emulator_store,
    find_phone_number,
    sms_voice_stores,
)

INBOUND_PATH = "/_aws/sms-voice/inbound-messages"
OUTBOUND_PATH = "/_aws/sms-voice/outbound-messages"
_FILTERS = ("accountId", "region", "originationNumber", "destinationNumber")

_registered = False
_registration_lock = threading.Lock()


def _json(body: Any, status: int = 200) -> Response:
    return Response(json.dumps(body, default=str), status=status, mimetype="application/json")


def _error(status: int, message: str) -> Response:
    return _json({"error": message}, status)


def _filtered(records: Iterable[Mapping[str, Any]], request: Request) -> list[Mapping[str, Any]]:
    wanted = {key: request.args[key] for key in _FILTERS if request.args.get(key)}
    return [r for r in records if all(r.get(k) == v for k, v in wanted.items())]


def _previous_message_id(number: PhoneNumber, customer: str) -> str | None:
    """The last message this number sent to the customer: the one they are replying to."""
    for sent in reversed(emulator_store().OUTBOUND):
        if (
            not sent.dry_run
            and sent.origination_number == number.phone_number
            and sent.destination_number == customer
        ):
            return sent.message_id
    return None


_AWS: Any = None


def _aws() -> Any:
    """The one LocalStackAws of the process (it keeps the channel roles' SNS clients)."""
    global _AWS
    if _AWS is None:
        from two_way_sms.emulator.sms_voice.localstack_aws import LocalStackAws

        _AWS = LocalStackAws()
    return _AWS


class SmsVoiceDeveloperApi:
    @route(INBOUND_PATH, methods=["POST"])
    def post_inbound_message(self, request: Request, **_: Any) -> Response:
        try:
            message = InboundMessage.parse(request.get_json(force=True, silent=True))
        except InboundRequestError as error:
            return _error(400, str(error))
        with LOCK:
            number = find_phone_number(
                message.destination_number, message.account_id, message.region
            )
            if number is None:
                where = (
                    " in the given account/region" if message.account_id or message.region else ""
                )
                return _error(
                    404, f"{message.destination_number} is not a number of the emulator{where}"
                )
            previous = message.previous_published_message_id or _previous_message_id(
                number, message.origination_number
            )
        inbound_id = str(uuid.uuid4())
        applied: dict[str, Any] = {}

        def apply_keyword(match: KeywordMatch, effects: KeywordEffects) -> None:
            applied.update(_apply_keyword(number, message, match, effects))

        result = route_inbound(
            message,
            number,
            _aws(),
            inbound_message_id=inbound_id,
            previous_published_message_id=previous,
            apply_keyword=apply_keyword,
        )
        delivery = result.delivery
        answer = {
            "inboundMessageId": inbound_id,
            "delivered": delivery.delivered,
            "destination": delivery.destination,
            "reason": delivery.reason,
        }
        with LOCK:
            emulator_store().INBOUND.append(
                {
                    **answer,
                    "payload": result.payload,
                    "publishedMessageId": delivery.published_message_id,
                    "initialContactId": delivery.contact_id,
                    "accountId": number.account_id,
                    "region": number.region,
                    "phoneNumberId": number.phone_number_id,
                    "phoneNumberArn": number.arn,
                    "originationNumber": message.origination_number,
                    "destinationNumber": message.destination_number,
                    "keyword": result.match.keyword,
                    "keywordAction": result.match.action,
                    **applied,
                    "notes": result.notes,
                    "timestamp": utcnow().isoformat(),
                }
            )
        return _json(answer)

    @route(INBOUND_PATH, methods=["GET"])
    def list_inbound_messages(self, request: Request, **_: Any) -> Response:
        with LOCK:
            records = list(emulator_store().INBOUND)
        return _json({"inboundMessages": _filtered(records, request)})

    @route(OUTBOUND_PATH, methods=["GET"])
    def list_outbound_messages(self, request: Request, **_: Any) -> Response:
        with LOCK:
            records = [m.as_json() for m in emulator_store().OUTBOUND]
        return _json({"outboundMessages": _filtered(records, request)})


def _apply_keyword(
    number: PhoneNumber, message: InboundMessage, match: KeywordMatch, effects: KeywordEffects
) -> dict[str, Any]:
    """Opt-out list change and auto-response of a keyword; returns what was done."""
    done: dict[str, Any] = {"optedOut": False, "optedIn": False, "autoResponseMessageId": None}
    customer = message.origination_number
    with LOCK:
        store = sms_voice_stores[number.account_id][number.region]
        opt_out_list = store.opt_out_lists.get(number.opt_out_list_name)
        opted_out_before = opt_out_list is not None and customer in opt_out_list.numbers
        if opt_out_list is not None:
            if effects.opt_out:
                opt_out_list.opt_out(customer, end_user=True)
                done["optedOut"] = True
            if effects.opt_in:
                done["optedIn"] = opt_out_list.opt_in(customer)
        answer = answer_to_send(effects, opted_out_before=opted_out_before)
        if answer:
            sent = OutboundMessage(
                message_id=str(uuid.uuid4()),
                kind="AutoResponse",
                account_id=number.account_id,
                region=number.region,
                destination_number=customer,
                body=answer,
                origination_identity=number.phone_number_id,
                origination_number=number.phone_number,
                message_type=number.message_type,
                keyword=match.keyword,
            )
            emulator_store().OUTBOUND.append(sent)
            done["autoResponseMessageId"] = sent.message_id
    return done


def register_routes() -> None:
    """Add the endpoints to LocalStack's gateway router (once per process)."""
    global _registered
    with _registration_lock:
        if not _registered:
            ROUTER.add(SmsVoiceDeveloperApi())
            _registered = True
