"""examples/responder applied to LocalStack: the emulator routes a customer's SMS to the
encrypted topic, SNS invokes the responder function (run by the host-python Lambda executor),
and the function's reply shows up in the emulator's outbound messages - from the number, to
the customer, with the rule's text. Keywords the number answers itself get no second answer,
an opted-out customer gets nothing, an event that keeps failing ends in the failure queue
after its retries; a second plan changes nothing, and destroy leaves nothing behind.

Every wait polls for the thing it waits for, with a limit only to give up."""

from __future__ import annotations

import base64
import hashlib
import json
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest
from botocore.exceptions import ClientError

from two_way_sms_tools.terraform.localstack_apply import AppliedRoot, applied_root

pytestmark = pytest.mark.e2e

T = TypeVar("T")
# The example's rules (examples/responder/main.tf).
HOURS = "We are open Monday to Friday, 9am to 5pm Eastern."
RETURNS = "To return an item, reply with your order number and we will text you a prepaid label."
DEFAULT = (
    "Thanks for your message. An agent will text you back within one business day. "
    "Reply HOURS for our opening hours."
)
GIVE_UP_AFTER = 120.0  # seconds; the first invocation of a fresh LocalStack starts Python


def wait_for(read: Callable[[], T | None], what: str, limit: float = GIVE_UP_AFTER) -> T:
    """Poll `read` until it returns something; fail (naming `what`) once the limit passes."""
    deadline = time.monotonic() + limit
    while True:
        value = read()
        if value:
            return value
        if time.monotonic() > deadline:
            pytest.fail(f"gave up waiting for {what}")
        time.sleep(0.5)


def new_customer() -> str:
    """A customer number of this test run alone, so reruns on one LocalStack never mix."""
    return f"+1425{uuid.uuid4().int % 10**7:07d}"


@pytest.fixture(scope="module")
def responder(
    project_root: Path, localstack_endpoint: str, aws: Callable[[str], Any]
) -> Iterator[AppliedRoot]:
    variables = {"name": f"e2e-resp-{uuid.uuid4().hex[:6]}"}
    with applied_root(project_root, "examples/responder", localstack_endpoint, variables) as root:
        yield root
    _assert_nothing_left(aws, root.outputs)


@pytest.fixture(scope="module")
def number(responder: AppliedRoot) -> str:
    return str(responder.outputs["phone_numbers"]["support"]["phone_number"])


def _replies_to(outbound_log: Callable[..., list[dict[str, Any]]], customer: str) -> list[Any]:
    return [m for m in outbound_log(destinationNumber=customer) if m["kind"] == "SendTextMessage"]


def _function_log(aws: Callable[[str], Any], group: str, needle: str) -> list[str]:
    """The function's log lines (CloudWatch Logs) that contain `needle`."""
    try:
        events = aws("logs").filter_log_events(logGroupName=group)["events"]
    except ClientError:
        return []
    return [e["message"] for e in events if needle in e["message"]]


def test_the_example_is_what_terraform_declared(
    responder: AppliedRoot, aws: Callable[[str], Any], project_root: Path
) -> None:
    assert responder.replan_changes() == []
    outputs = responder.outputs
    lam, iam, sns = aws("lambda"), aws("iam"), aws("sns")
    function = lam.get_function(FunctionName=outputs["function_arn"])["Configuration"]
    assert (function["Runtime"], function["Handler"]) == ("python3.12", "responder.handler")
    # The deployed code is the committed zip.
    archive = (project_root / "modules" / "responder" / "responder.zip").read_bytes()
    assert function["CodeSha256"] == base64.b64encode(hashlib.sha256(archive).digest()).decode()
    config = json.loads(function["Environment"]["Variables"]["RESPONDER_CONFIG"])
    assert [r["keyword"] or r["pattern"] for r in config["rules"]] == [
        "HOURS",
        "ADDRESS",
        r"(?i)\b(refund|return)s?\b",
    ]

    invoke_config = lam.get_function_event_invoke_config(FunctionName=function["FunctionName"])
    assert invoke_config["MaximumRetryAttempts"] == 2
    assert invoke_config["MaximumEventAgeInSeconds"] == 21600
    queue_arn = invoke_config["DestinationConfig"]["OnFailure"]["Destination"]
    assert queue_arn.endswith(f":{function['FunctionName']}-failures")

    subscriptions = sns.list_subscriptions_by_topic(TopicArn=outputs["topic_arn"])
    assert [(s["Protocol"], s["Endpoint"]) for s in subscriptions["Subscriptions"]] == [
        ("lambda", outputs["function_arn"])
    ]
    role_name = outputs["responder_role_arn"].rsplit("/", 1)[1]
    trust = iam.get_role(RoleName=role_name)["Role"]["AssumeRolePolicyDocument"]
    assert trust["Statement"][0]["Principal"] == {"Service": "lambda.amazonaws.com"}
    reply = iam.get_role_policy(RoleName=role_name, PolicyName=f"{role_name}-reply")
    number_arn = outputs["phone_numbers"]["support"]["arn"]
    assert reply["PolicyDocument"]["Statement"][0]["Resource"] in (number_arn, [number_arn])


def test_a_message_gets_the_reply_of_its_rule_or_the_default_reply(
    responder: AppliedRoot,
    number: str,
    send_inbound: Callable[..., dict[str, Any]],
    outbound_log: Callable[..., list[dict[str, Any]]],
) -> None:
    customer = new_customer()
    for body, expected in [
        ("hours?", HOURS),  # keyword rule: the first word, any case, punctuation dropped
        ("Is anyone there?", DEFAULT),  # no rule matches
        ("I would like a REFUND please", RETURNS),  # pattern rule, anywhere in the message
    ]:
        before = len(_replies_to(outbound_log, customer))
        outcome = send_inbound(
            originationNumber=customer, destinationNumber=number, messageBody=body
        )
        assert outcome["delivered"] is True, outcome
        replies = wait_for(
            lambda b=before: _replies_to(outbound_log, customer)[b:] or None,
            f"the function's reply to {body!r}",
        )
        assert len(replies) == 1, replies
        # From the number that received the message, to the customer, with the rule's text.
        assert replies[0]["originationNumber"] == number
        assert replies[0]["originationIdentity"] == number
        assert replies[0]["destinationNumber"] == customer
        assert replies[0]["messageBody"] == expected


def test_keywords_are_answered_once_and_opted_out_customers_not_at_all(
    responder: AppliedRoot,
    number: str,
    aws: Callable[[str], Any],
    send_inbound: Callable[..., dict[str, Any]],
    outbound_log: Callable[..., list[dict[str, Any]]],
) -> None:
    group = responder.outputs["log_group_name"]
    customer = new_customer()

    # HELP: the number's own auto-response; the function sees messageKeyword and stays quiet.
    help_id = send_inbound(
        originationNumber=customer, destinationNumber=number, messageBody="HELP"
    )["inboundMessageId"]
    wait_for(
        lambda: _function_log(aws, group, f"inbound message {help_id} "),
        "the function's log line about the HELP message",
    )
    assert _function_log(aws, group, f"{help_id} from ***{customer[-4:]}: no reply, keyword HELP")
    sent = outbound_log(destinationNumber=customer)
    assert [m["kind"] for m in sent] == ["AutoResponse"]

    # STOP opts the customer out (the number answers it); a later message gets no reply.
    send_inbound(originationNumber=customer, destinationNumber=number, messageBody="STOP")
    hours_id = send_inbound(
        originationNumber=customer, destinationNumber=number, messageBody="hours"
    )["inboundMessageId"]
    lines = wait_for(
        lambda: _function_log(aws, group, f"inbound message {hours_id} "),
        "the function's log line about the opted-out customer",
    )
    assert any("no reply, the customer opted out" in line for line in lines), lines
    assert _replies_to(outbound_log, customer) == []
    assert [m["kind"] for m in outbound_log(destinationNumber=customer)] == [
        "AutoResponse",
        "AutoResponse",
    ]


def test_an_event_that_keeps_failing_lands_in_the_failure_queue_after_two_retries(
    responder: AppliedRoot, aws: Callable[[str], Any]
) -> None:
    sns, sqs = aws("sns"), aws("sqs")
    # A payload naming a number the account does not have: SendTextMessage fails, the
    # function raises the error, so Lambda retries it twice, then gives up.
    payload = {
        "originationNumber": new_customer(),
        "destinationNumber": "+18005550000",
        "messageKeyword": "",
        "messageBody": "hours",
        "inboundMessageId": str(uuid.uuid4()),
        "previousPublishedMessageId": "",
    }
    sns.publish(TopicArn=responder.outputs["topic_arn"], Message=json.dumps(payload))
    queue_url = responder.outputs["failure_queue_url"]

    def failure_record() -> dict[str, Any] | None:
        messages = sqs.receive_message(
            QueueUrl=queue_url, MaxNumberOfMessages=10, WaitTimeSeconds=1
        ).get("Messages", [])
        for message in messages:
            sqs.delete_message(QueueUrl=queue_url, ReceiptHandle=message["ReceiptHandle"])
            record = json.loads(message["Body"])
            sent = json.loads(record["requestPayload"]["Records"][0]["Sns"]["Message"])
            if sent["inboundMessageId"] == payload["inboundMessageId"]:
                return dict(record)
        return None

    record = wait_for(failure_record, "the failed event in the failure queue")
    assert record["requestContext"]["condition"] == "RetriesExhausted"
    assert record["requestContext"]["approximateInvokeCount"] == 3  # 1 + maximum_retry_attempts
    assert record["responseContext"]["functionError"] == "Unhandled"
    # The function raised the service's error (today ResourceNotFoundException; an emulator
    # that authorizes the reply may refuse first): it did not swallow it.
    assert "when calling the SendTextMessage operation" in record["responsePayload"]["errorMessage"]


def _assert_nothing_left(aws: Callable[[str], Any], outputs: dict[str, Any]) -> None:
    lam, iam, sqs, logs, sms, sns = (
        aws(s) for s in ("lambda", "iam", "sqs", "logs", "pinpoint-sms-voice-v2", "sns")
    )
    with pytest.raises(lam.exceptions.ResourceNotFoundException):
        lam.get_function(FunctionName=outputs["function_arn"])
    with pytest.raises(iam.exceptions.NoSuchEntityException):
        iam.get_role(RoleName=outputs["responder_role_arn"].rsplit("/", 1)[1])
    with pytest.raises(ClientError) as gone:
        sqs.get_queue_attributes(QueueUrl=outputs["failure_queue_url"])
    assert "NonExistentQueue" in gone.value.response["Error"]["Code"]
    groups = logs.describe_log_groups(logGroupNamePrefix=outputs["log_group_name"])
    assert groups["logGroups"] == []
    with pytest.raises(sns.exceptions.NotFoundException):
        sns.get_topic_attributes(TopicArn=outputs["topic_arn"])
    with pytest.raises(sms.exceptions.ResourceNotFoundException):
        sms.describe_phone_numbers(PhoneNumberIds=[outputs["phone_numbers"]["support"]["id"]])
