"""An applied examples/responder read back from LocalStack, and the emulator's log of the
messages it sent: what the demo's conversation and the benchmark's conversation leg check.

The deployment's facts come from LocalStack itself (the number's keywords through
DescribeKeywords, the function's rules from its RESPONDER_CONFIG), so the checks hold for the
example as it is, not for a copy of its texts.
"""

from __future__ import annotations

import json
import urllib.parse
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from two_way_sms_tools.localstack.clients import client

EXAMPLE = "examples/responder"
OUTBOUND_PATH = "/_aws/sms-voice/outbound-messages"  # the emulator's log of sent messages


class DeploymentError(Exception):
    """The deployment is not what the demo or the benchmark needs (e.g. no JOIN keyword)."""


def outbound_messages(endpoint: str, **filters: str) -> list[dict[str, Any]]:
    """The emulator's sent messages (SendTextMessage records and keyword auto-responses),
    filtered by originationNumber, destinationNumber, accountId or region."""
    url = f"{endpoint}{OUTBOUND_PATH}?{urllib.parse.urlencode(filters)}"
    with urllib.request.urlopen(url, timeout=30) as response:
        return list(json.loads(response.read())["outboundMessages"])


@dataclass(frozen=True)
class Rule:
    reply: str
    keyword: str | None = None
    pattern: str | None = None

    def describe(self) -> str:
        return f"rule {self.keyword}" if self.keyword else f"rule /{self.pattern}/"

    def sample_text(self) -> str:
        """A message that matches this keyword rule, as a customer would write it."""
        return f"{str(self.keyword).capitalize()}?"


@dataclass(frozen=True)
class Responder:
    """An applied examples/responder, as deployed: the number, its keywords, the function and
    the rules it was configured with (its RESPONDER_CONFIG), read back from LocalStack."""

    number: str
    number_id: str
    topic_arn: str
    kms_key_arn: str
    channel_role_arn: str
    function_name: str
    log_group: str
    keywords: dict[str, str]  # keyword (upper case) -> the number's answer
    rules: tuple[Rule, ...]
    default_reply: str | None

    @classmethod
    def read(cls, endpoint: str, outputs: Mapping[str, Any]) -> Responder:
        numbers = list(outputs["phone_numbers"].values())
        if len(numbers) != 1:
            raise DeploymentError(f"{EXAMPLE}: expected one number, got {len(numbers)}")
        number = numbers[0]
        function = client("lambda", endpoint).get_function_configuration(
            FunctionName=outputs["function_arn"]
        )
        config = json.loads(function["Environment"]["Variables"]["RESPONDER_CONFIG"])
        sms = client("pinpoint-sms-voice-v2", endpoint)
        keywords = {
            k["Keyword"].upper(): k["KeywordMessage"]
            for page in sms.get_paginator("describe_keywords").paginate(
                OriginationIdentity=number["id"]
            )
            for k in page["Keywords"]
        }
        return cls(
            number=number["phone_number"],
            number_id=number["id"],
            topic_arn=outputs["topic_arn"],
            kms_key_arn=outputs["kms_key_arn"],
            channel_role_arn=outputs["channel_role_arn"],
            function_name=function["FunctionName"],
            log_group=outputs["log_group_name"],
            keywords=keywords,
            rules=tuple(
                Rule(reply=r["reply"], keyword=r.get("keyword"), pattern=r.get("pattern"))
                for r in config.get("rules") or []
            ),
            default_reply=config.get("default_reply"),
        )

    def keyword_rules(self) -> list[Rule]:
        return [rule for rule in self.rules if rule.keyword]

    def join_answer(self) -> str:
        if "JOIN" not in self.keywords:
            raise DeploymentError(
                f"{EXAMPLE}: the number has no JOIN keyword (it has {sorted(self.keywords)})"
            )
        return self.keywords["JOIN"]
