"""A conversation: examples/responder (with two numbers) applied to LocalStack. The emulator
routes a customer's SMS to the encrypted topic, SNS invokes the responder function (run by the
host-python Lambda executor), and the function's reply shows up in the emulator's outbound
messages - from the number that was texted, to the customer, with the rule's text. JOIN gets
its auto-response and nothing twice, HELP the example's help message; an opted-out customer's
reply is refused, logged and not retried; a role without the reply permission is refused
(AccessDeniedException) and the event ends in the failure queue after its retries; the doctor
judges the whole deployment, responder included. A second plan changes nothing, and destroy
leaves nothing behind.

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

from two_way_sms.cli.main import main
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
# Two numbers on one topic: each reply must come from the number that was texted.
NUMBERS = {
    "support": {"iso_country_code": "US", "number_type": "TOLL_FREE"},
    "sales": {"iso_country_code": "US", "number_type": "LONG_CODE"},
}
# The example's keywords (examples/responder/variables.tf).
HELP = (
    "Example Co. support: text us your question or HOURS. Call (206) 555-0100. "
    "Reply STOP to opt out."
)
JOIN = "Welcome to the Example Co. beta! Reply HOURS for our opening hours, STOP to opt out."
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
    variables = {
        "name": f"e2e-resp-{uuid.uuid4().hex[:6]}",
        "phone_numbers": NUMBERS,
    }
    with applied_root(project_root, "examples/responder", localstack_endpoint, variables) as root:
        yield root
    _assert_nothing_left(aws, root.outputs)


@pytest.fixture(scope="module")
def number(responder: AppliedRoot) -> str:
    return str(responder.outputs["phone_numbers"]["support"]["phone_number"])


@pytest.fixture
def doctor_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """The doctor reads LocalStack's default account with its test credentials."""
    for name, value in {
        "AWS_ACCESS_KEY_ID": "test",
        "AWS_SECRET_ACCESS_KEY": "test",
        "AWS_DEFAULT_REGION": "us-east-1",
    }.items():
        monkeypatch.setenv(name, value)
    for name in ("AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_REGION", "AWS_ENDPOINT_URL"):
        monkeypatch.delenv(name, raising=False)


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
    number_arns = sorted(n["arn"] for n in outputs["phone_numbers"].values())
    assert sorted(reply["PolicyDocument"]["Statement"][0]["Resource"]) == number_arns


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
    failure_record = _failure_record(
        sqs, responder.outputs["failure_queue_url"], payload["inboundMessageId"]
    )
    record = wait_for(failure_record, "the failed event in the failure queue")
    assert record["requestContext"]["condition"] == "RetriesExhausted"
    assert record["requestContext"]["approximateInvokeCount"] == 3  # 1 + maximum_retry_attempts
    assert record["responseContext"]["functionError"] == "Unhandled"
    # The function raised the service's error (today ResourceNotFoundException; an emulator
    # that authorizes the reply may refuse first): it did not swallow it.
    assert "when calling the SendTextMessage operation" in record["responsePayload"]["errorMessage"]


def _failure_record(
    sqs: Any, queue_url: str, inbound_message_id: str
) -> Callable[[], dict[str, Any] | None]:
    """A poll for the failure-queue record of the event that carried this inbound message."""

    def read() -> dict[str, Any] | None:
        messages = sqs.receive_message(
            QueueUrl=queue_url, MaxNumberOfMessages=10, WaitTimeSeconds=1
        ).get("Messages", [])
        for message in messages:
            record = json.loads(message["Body"])
            sent = json.loads(record["requestPayload"]["Records"][0]["Sns"]["Message"])
            if sent["inboundMessageId"] == inbound_message_id:
                sqs.delete_message(QueueUrl=queue_url, ReceiptHandle=message["ReceiptHandle"])
                return dict(record)
        return None

    return read


def test_join_gets_its_auto_response_and_nothing_twice_and_help_its_message(
    responder: AppliedRoot,
    number: str,
    aws: Callable[[str], Any],
    send_inbound: Callable[..., dict[str, Any]],
    outbound_log: Callable[..., list[dict[str, Any]]],
) -> None:
    group = responder.outputs["log_group_name"]
    customer = new_customer()
    join = send_inbound(
        originationNumber=customer, destinationNumber=number, messageBody="JOIN the beta, please"
    )
    # JOIN is the number's keyword: answered by the number, and still published with
    # messageKeyword set, so the function sees it and does not answer a second time.
    assert join["delivered"] is True, join
    wait_for(
        lambda: _function_log(
            aws,
            group,
            f"{join['inboundMessageId']} from ***{customer[-4:]}: no reply, keyword JOIN",
        ),
        "the function's log line about the JOIN message",
    )
    help_ = send_inbound(originationNumber=customer, destinationNumber=number, messageBody="help")
    assert help_["delivered"] is False  # HELP is answered by the service and not published
    sent = outbound_log(destinationNumber=customer)
    assert [(m["kind"], m["messageBody"], m["originationNumber"]) for m in sent] == [
        ("AutoResponse", JOIN, number),
        ("AutoResponse", HELP, number),
    ]


def test_two_numbers_on_one_topic_each_reply_comes_from_the_number_texted(
    responder: AppliedRoot,
    send_inbound: Callable[..., dict[str, Any]],
    outbound_log: Callable[..., list[dict[str, Any]]],
) -> None:
    numbers = {key: str(n["phone_number"]) for key, n in responder.outputs["phone_numbers"].items()}
    assert set(numbers) == set(NUMBERS)
    assert len(set(numbers.values())) == 2
    for key, texted in numbers.items():
        customer = new_customer()
        outcome = send_inbound(
            originationNumber=customer, destinationNumber=texted, messageBody="hours"
        )
        assert outcome["delivered"] is True, (key, outcome)
        (reply,) = wait_for(lambda c=customer: _replies_to(outbound_log, c), f"the reply via {key}")
        assert (reply["originationNumber"], reply["messageBody"]) == (texted, HOURS)


def test_an_opted_out_customers_reply_is_refused_logged_and_not_retried(
    responder: AppliedRoot,
    number: str,
    aws: Callable[[str], Any],
    send_inbound: Callable[..., dict[str, Any]],
    outbound_log: Callable[..., list[dict[str, Any]]],
) -> None:
    group = responder.outputs["log_group_name"]
    customer = new_customer()
    send_inbound(originationNumber=customer, destinationNumber=number, messageBody="STOP")
    later = send_inbound(originationNumber=customer, destinationNumber=number, messageBody="hours")
    assert later["delivered"] is True  # an opted-out customer's messages still reach the topic
    refused = wait_for(
        lambda: _function_log(
            aws,
            group,
            f"{later['inboundMessageId']} from ***{customer[-4:]}: "
            "no reply, the customer opted out",
        ),
        "the function's log line about the refused reply",
    )
    # A marker message processed after it: by then a retry (1 s apart here) would have run.
    marker_customer = new_customer()
    send_inbound(originationNumber=marker_customer, destinationNumber=number, messageBody="hours")
    wait_for(lambda: _replies_to(outbound_log, marker_customer), "the marker's reply")
    time.sleep(3)  # LAMBDA_RETRY_BASE_DELAY is 1 s in the project's LocalStack
    attempts = _function_log(aws, group, f"inbound message {later['inboundMessageId']} ")
    assert len(attempts) == 1 and len(refused) == 1, attempts  # handled once: not retried
    assert _replies_to(outbound_log, customer) == []


@pytest.mark.usefixtures("doctor_env")
def test_the_doctor_judges_the_deployment_and_the_responder(
    responder: AppliedRoot, localstack_endpoint: str, capsys: pytest.CaptureFixture[str]
) -> None:
    number_id = str(responder.outputs["phone_numbers"]["support"]["id"])
    code = main(["doctor", "--phone-number-id", number_id, "--endpoint-url", localstack_endpoint])
    out = capsys.readouterr().out
    assert code == 0, out
    for rule in (
        "role-kms",
        "responder-subscribed",
        "responder-invoke",
        "responder-send",
        "responder-on-failure",
    ):
        assert f"PASS  {rule} " in out, out


@pytest.mark.usefixtures("doctor_env")
def test_a_role_without_the_reply_permission_is_refused_and_the_event_is_kept(
    responder: AppliedRoot,
    number: str,
    aws: Callable[[str], Any],
    localstack_endpoint: str,
    send_inbound: Callable[..., dict[str, Any]],
    outbound_log: Callable[..., list[dict[str, Any]]],
    capsys: pytest.CaptureFixture[str],
) -> None:
    iam, sqs = aws("iam"), aws("sqs")
    role_name = responder.outputs["responder_role_arn"].rsplit("/", 1)[1]
    policy_name = f"{role_name}-reply"
    saved = iam.get_role_policy(RoleName=role_name, PolicyName=policy_name)["PolicyDocument"]
    iam.delete_role_policy(RoleName=role_name, PolicyName=policy_name)
    try:
        number_id = str(responder.outputs["phone_numbers"]["support"]["id"])
        code = main(
            ["doctor", "--phone-number-id", number_id, "--endpoint-url", localstack_endpoint]
        )
        out = capsys.readouterr().out
        assert code == 1
        assert f"FAIL  responder-send           role/{role_name} (the session of function" in out
        assert f"aws iam put-role-policy --role-name {role_name} --policy-name {policy_name}" in out

        customer = new_customer()
        outcome = send_inbound(
            originationNumber=customer, destinationNumber=number, messageBody="hours"
        )
        record = wait_for(
            _failure_record(
                sqs, responder.outputs["failure_queue_url"], outcome["inboundMessageId"]
            ),
            "the refused reply's event in the failure queue",
        )
        assert record["requestContext"]["condition"] == "RetriesExhausted"
        assert record["requestContext"]["approximateInvokeCount"] == 3  # 1 + 2 retries
        error = record["responsePayload"]["errorMessage"]
        assert "AccessDeniedException" in error and "sms-voice:SendTextMessage" in error, error
        assert _replies_to(outbound_log, customer) == []
    finally:
        iam.put_role_policy(
            RoleName=role_name, PolicyName=policy_name, PolicyDocument=json.dumps(saved)
        )


def _assert_nothing_left(aws: Callable[[str], Any], outputs: dict[str, Any]) -> None:
    lam, iam, sqs, logs, sms, sns, ssm = (
        aws(s) for s in ("lambda", "iam", "sqs", "logs", "pinpoint-sms-voice-v2", "sns", "ssm")
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
    for key in NUMBERS:
        with pytest.raises(sms.exceptions.ResourceNotFoundException):
            sms.describe_phone_numbers(PhoneNumberIds=[outputs["phone_numbers"][key]["id"]])
        # The keywords' journal (modules/keywords) is gone with them.
        journal = f"/two-way-sms/keywords/{outputs['phone_numbers'][key]['id']}"
        with pytest.raises(ssm.exceptions.ParameterNotFound):
            ssm.get_parameter(Name=journal)
