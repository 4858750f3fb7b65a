"""`two-way-sms enable` and `send-inbound` against LocalStack and the emulator.

enable judges the number as UpdatePhoneNumber would leave it: a broken configuration (or a FIFO
topic, which the API refuses anyway) is refused with the number left as it was; a correct one is
applied, after which the doctor passes and a customer's message is delivered. send-inbound prints
the emulator's outcome. Resources come from test_cli_doctor's Deployment (own account, unique
names, deleted after each test).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.support.inbound import CUSTOMER
from tests.support.live import (
    Deployment,
    Result,
    encrypted_statement,
    publish_statement,
    trust_statement,
)
from tests.support.live import aws_calls as aws_calls  # the fixtures
from tests.support.live import cli as cli
from tests.support.live import client as client
from tests.support.live import credentials as credentials
from tests.support.live import deploy as deploy

pytestmark = pytest.mark.e2e


def _role_and_topic(deploy: Deployment, *, trust: dict[str, Any] | None = None) -> tuple[str, str]:
    key = deploy.key()
    topic = deploy.topic(key=key)
    role = deploy.role(publish_statement(topic), encrypted_statement(topic), trust=trust)
    return topic, role


def test_enable_refuses_a_broken_configuration_and_changes_nothing(
    deploy: Deployment,
    cli: Callable[..., Result],
    aws_calls: list[str],
) -> None:
    topic, role = _role_and_topic(deploy, trust=trust_statement(service="lambda.amazonaws.com"))
    number = deploy.number()
    before = deploy.describe(number)
    result = cli(
        "enable",
        "--phone-number-id",
        number.phone_number_id,
        "--channel-arn",
        topic,
        "--channel-role",
        role,
    )
    assert result.code == 1, result.out
    assert "FAIL  role-trust" in result.out
    assert f"Nothing changed on {number.phone_number_id}" in result.out
    assert deploy.describe(number) == before
    assert before["TwoWayEnabled"] is False
    assert "UpdatePhoneNumber" not in aws_calls


def test_enable_refuses_a_fifo_topic(
    deploy: Deployment,
    cli: Callable[..., Result],
) -> None:
    fifo = deploy.topic(fifo=True)
    number = deploy.number()
    result = cli("enable", "--phone-number-id", number.phone_number_id, "--channel-arn", fifo)
    assert result.code == 1
    assert "FAIL  standard-topic" in result.out
    assert "is an SNS FIFO topic; two-way SMS only publishes to standard topics" in result.out
    assert deploy.describe(number)["TwoWayEnabled"] is False


def test_enable_applies_a_correct_configuration(
    deploy: Deployment,
    cli: Callable[..., Result],
    aws_calls: list[str],
    send_inbound: Callable[..., dict[str, Any]],
) -> None:
    topic, role = _role_and_topic(deploy)
    number = deploy.number()
    result = cli(
        "enable",
        "--phone-number-id",
        number.phone_number_id,
        "--channel-arn",
        topic,
        "--channel-role",
        role,
    )
    assert result.code == 0, result.out
    assert f"Updated {number.phone_number_id} ({number.e164})" in result.out
    described = deploy.describe(number)
    assert (
        described["TwoWayEnabled"],
        described["TwoWayChannelArn"],
        described["TwoWayChannelRole"],
    ) == (True, topic, role)
    writes = [name for name in aws_calls if not name.startswith(("Describe", "Get", "List"))]
    assert writes == ["UpdatePhoneNumber"]
    assert cli("doctor", "--phone-number-id", number.phone_number_id).code == 0
    answer = send_inbound(
        originationNumber=CUSTOMER, destinationNumber=number.e164, messageBody="hi"
    )
    assert answer["delivered"] is True


def test_enable_force_updates_a_broken_configuration(
    deploy: Deployment,
    cli: Callable[..., Result],
) -> None:
    number = deploy.number()
    topic = deploy.topic_arn("never-created")
    result = cli(
        "enable", "--phone-number-id", number.phone_number_id, "--channel-arn", topic, "--force"
    )
    assert result.code == 0
    assert "Forced despite failing checks (topic-exists)" in result.out
    assert deploy.describe(number)["TwoWayChannelArn"] == topic


def test_send_inbound_prints_the_outcome(
    deploy: Deployment,
    cli: Callable[..., Result],
) -> None:
    topic, role = _role_and_topic(deploy)
    enabled = deploy.number(TwoWayEnabled=True, TwoWayChannelArn=topic, TwoWayChannelRole=role)
    disabled = deploy.number()

    result = cli("send-inbound", "--from", CUSTOMER, "--to", enabled.e164, "--body", "JOIN now")
    assert result.code == 0
    assert result.out.splitlines()[0] == f"delivered: published to {topic} as {role}"

    result = cli(
        "send-inbound", "--from", CUSTOMER, "--to", disabled.e164, "--body", "hi", "--json"
    )
    assert result.code == 1
    answer = result.json()
    assert answer["delivered"] is False
    assert "two-way messaging is disabled" in answer["reason"]

    result = cli("send-inbound", "--from", CUSTOMER, "--to", disabled.e164, "--body", "hi")
    assert result.code == 1
    assert result.out.startswith(
        "dropped: not delivered: two-way-enabled: two-way messaging is disabled on "
        f"{disabled.phone_number_id}"
    )

    unknown = "+19995550100"
    result = cli("send-inbound", "--from", CUSTOMER, "--to", unknown, "--body", "hi")
    assert result.code == 2
    assert f"{unknown} is not a number of the emulator" in result.err
