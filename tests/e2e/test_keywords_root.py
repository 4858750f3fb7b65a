"""The root module's `keywords` input, applied to LocalStack with the emulator.

One root, two numbers: one requested by Terraform, one requested out of band with boto3 (and
given custom HELP and STOP answers and a keyword of its own, as a number registered long ago
would have) and adopted. Apply; DescribeKeywords shows JOIN and the configured HELP and STOP
answers on both; the journal holds the adopted number's originals; a second plan changes
nothing; a customer's "JOIN the beta, please" gets the JOIN answer and is published with
messageKeyword "JOIN"; HELP is answered and not published. Destroy: the adopted number's HELP
and STOP are the custom originals again, JOIN is gone, its own keyword is untouched, both
journals are deleted and the number is kept.
"""

from __future__ import annotations

import json
import sys
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.support.inbound import CUSTOMER, PAYLOAD_FIELDS, drain_payloads
from two_way_sms_tools.terraform.localstack_apply import applied_root

pytestmark = pytest.mark.e2e

HELP_ANSWER = "Acme support: call 206-555-0199. Msg&data rates may apply."
STOP_ANSWER = "Acme: you're opted out; no more messages. Text START to opt back in."
JOIN_ANSWER = 'Welcome to the Acme "beta"! Reply STOP to opt out.'
ORIGINAL_HELP = "Legacy Co. help desk: 206-555-0100"
ORIGINAL_STOP = "Legacy Co.: unsubscribed."
KEYWORDS = {
    "help_message": HELP_ANSWER,
    "stop_message": STOP_ANSWER,
    "keywords": {"JOIN": {"message": JOIN_ANSWER}},
}


def _keywords(sms: Any, phone_number_id: str) -> dict[str, tuple[str, str]]:
    found = sms.describe_keywords(OriginationIdentity=phone_number_id)["Keywords"]
    return {k["Keyword"]: (k["KeywordMessage"], k["KeywordAction"]) for k in found}


def _journal(ssm: Any, phone_number_id: str) -> dict[str, Any] | None:
    try:
        value = ssm.get_parameter(Name=f"/two-way-sms/keywords/{phone_number_id}")
    except ssm.exceptions.ParameterNotFound:
        return None
    journal: dict[str, Any] = json.loads(value["Parameter"]["Value"])
    return journal


def test_root_keywords_for_requested_and_adopted_numbers(
    project_root: Path,
    localstack_endpoint: str,
    aws: Callable[[str], Any],
    send_inbound: Callable[..., dict[str, Any]],
    outbound_log: Callable[..., list[dict[str, Any]]],
    subscribed_queue: Callable[[str], str],
) -> None:
    sms, ssm, sqs = aws("pinpoint-sms-voice-v2"), aws("ssm"), aws("sqs")
    adopted = sms.request_phone_number(
        IsoCountryCode="US",
        MessageType="TRANSACTIONAL",
        NumberCapabilities=["SMS"],
        NumberType="LONG_CODE",
    )
    adopted_id = adopted["PhoneNumberId"]
    sms.put_keyword(OriginationIdentity=adopted_id, Keyword="HELP", KeywordMessage=ORIGINAL_HELP)
    sms.put_keyword(
        OriginationIdentity=adopted_id,
        Keyword="STOP",
        KeywordMessage=ORIGINAL_STOP,
        KeywordAction="OPT_OUT",
    )
    sms.put_keyword(OriginationIdentity=adopted_id, Keyword="PROMO", KeywordMessage="20% off")
    before = _keywords(sms, adopted_id)
    name = f"e2e-keywords-{uuid.uuid4().hex[:6]}"
    variables = {
        "name": name,
        "access": json.dumps({"mode": "topic-policy"}),
        "encryption": json.dumps({"create_key": False}),
        "phone_numbers": json.dumps(
            {"main": {"iso_country_code": "US", "number_type": "LONG_CODE"}}
        ),
        "adopted_phone_number_ids": json.dumps([adopted_id]),
        "keywords": json.dumps(KEYWORDS),
        "tags": json.dumps({"team": "support"}),
        "python": sys.executable,
    }
    try:
        with applied_root(project_root, ".", localstack_endpoint, variables) as root:
            requested = root.outputs["phone_numbers"]["main"]
            for number_id in (requested["id"], adopted_id):
                keywords = _keywords(sms, number_id)
                assert keywords["JOIN"] == (JOIN_ANSWER, "AUTOMATIC_RESPONSE")
                assert keywords["HELP"] == (HELP_ANSWER, "AUTOMATIC_RESPONSE")
                assert keywords["STOP"] == (STOP_ANSWER, "OPT_OUT")
            assert _keywords(sms, adopted_id)["PROMO"] == ("20% off", "AUTOMATIC_RESPONSE")

            journal = _journal(ssm, adopted_id)
            assert journal is not None
            assert journal["added"] == ["JOIN"]
            assert {k: v["message"] for k, v in journal["originals"].items()} == {
                "HELP": ORIGINAL_HELP,
                "STOP": ORIGINAL_STOP,
            }
            name_of = f"/two-way-sms/keywords/{adopted_id}"
            tags = ssm.list_tags_for_resource(ResourceType="Parameter", ResourceId=name_of)
            assert {"Key": "team", "Value": "support"} in tags["TagList"]
            assert _journal(ssm, requested["id"]) is not None

            # Nothing drifted: a second apply would change nothing.
            assert root.replan_changes() == []

            # JOIN: answered, and still published with its keyword.
            queue = subscribed_queue(root.outputs["topic_arn"])
            outcome = send_inbound(
                originationNumber=CUSTOMER,
                destinationNumber=requested["phone_number"],
                messageBody="JOIN the beta, please",
            )
            assert outcome["delivered"] is True, outcome
            (payload,) = drain_payloads(sqs, queue, raw=False)
            assert list(payload) == PAYLOAD_FIELDS
            assert payload["messageKeyword"] == "JOIN"
            assert payload["messageBody"] == "JOIN the beta, please"
            answers = [
                (m["keyword"], m["messageBody"])
                for m in outbound_log(
                    originationNumber=requested["phone_number"], destinationNumber=CUSTOMER
                )
                if m["kind"] == "AutoResponse"
            ]
            assert answers == [("JOIN", JOIN_ANSWER)]

            # HELP: answered with the configured message, not published.
            helped = send_inbound(
                originationNumber=CUSTOMER,
                destinationNumber=adopted["PhoneNumber"],
                messageBody="help",
            )
            assert helped["delivered"] is False, helped
            assert "HELP is answered by AWS End User Messaging SMS" in helped["reason"]
            assert [
                m["messageBody"]
                for m in outbound_log(originationNumber=adopted["PhoneNumber"])
                if m["kind"] == "AutoResponse"
            ] == [HELP_ANSWER]
            assert drain_payloads(sqs, queue, raw=False, wait=1) == []

        # Destroyed: the adopted number is as it was before apply, and kept; no journal left.
        assert _keywords(sms, adopted_id) == before
        assert _journal(ssm, adopted_id) is None
        assert _journal(ssm, requested["id"]) is None
        kept = sms.describe_phone_numbers(PhoneNumberIds=[adopted_id])["PhoneNumbers"][0]
        assert (kept["Status"], kept["TwoWayEnabled"]) == ("ACTIVE", False)
        with pytest.raises(sms.exceptions.ResourceNotFoundException):
            sms.describe_phone_numbers(PhoneNumberIds=[requested["id"]])
    finally:
        sms.release_phone_number(PhoneNumberId=adopted_id)
