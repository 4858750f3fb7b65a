"""Python Lambda functions on LocalStack without Docker (emulator/lambda_host, executor
`host-python`), driven with boto3 like any Lambda: synchronous and asynchronous invocations,
warm environments, the function's own AWS calls, timeouts, errors, retries to an on-failure
destination, SNS subscriptions, layers, code updates, and a runtime it refuses; and the
benchmark's measurement of cold and warm invocations (two_way_sms_tools.bench_lambda)."""

from __future__ import annotations

import base64
import contextlib
import json
import re
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from botocore.exceptions import ClientError

from two_way_sms_tools.bench_lambda import cold_and_warm_timings, zip_of

pytestmark = pytest.mark.e2e

HANDLER = """
import json, os, time
import boto3

count = 0


def handler(event, context):
    global count
    count += 1
    print(f"event: {json.dumps(event, sort_keys=True)}")
    records = event.get("Records") or [{}]
    if records[0].get("EventSource") == "aws:sns":
        message = records[0]["Sns"]["Message"]
        boto3.client("sqs").send_message(QueueUrl=os.environ["OUT_QUEUE"], MessageBody=message)
        return None
    action = event.get("do")
    if action == "send":
        boto3.client("sqs").send_message(QueueUrl=event["queue"], MessageBody=event["body"])
        return {"arn": boto3.client("sts").get_caller_identity()["Arn"]}
    if action == "sleep":
        time.sleep(event["seconds"])
    if action == "raise":
        if os.environ.get("ATTEMPTS_QUEUE"):
            boto3.client("sqs").send_message(
                QueueUrl=os.environ["ATTEMPTS_QUEUE"], MessageBody=context.aws_request_id
            )
        raise ValueError(event.get("message", "boom"))
    names = (
        "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_REGION",
        "AWS_LAMBDA_FUNCTION_VERSION", "AWS_ENDPOINT_URL", "AWS_SESSION_TOKEN", "_HANDLER",
        "LAMBDA_TASK_ROOT", "MY_VAR", "AWS_EXECUTION_ENV",
    )
    return {
        "count": count,
        "pid": os.getpid(),
        "event": event,
        "env": {name: os.environ.get(name) for name in names},
        "boto3": boto3.__version__,
        "remaining_ms": context.get_remaining_time_in_millis(),
    }
"""

LambdaFactory = Callable[..., str]


def function_state(lambda_client: Any, name: str, within: float = 180) -> dict[str, Any]:
    """The function's configuration once it is no longer Pending."""
    deadline = time.monotonic() + within
    while True:
        configuration: dict[str, Any] = lambda_client.get_function(FunctionName=name)[
            "Configuration"
        ]
        if configuration["State"] != "Pending" or time.monotonic() > deadline:
            return configuration
        time.sleep(0.2)


def create_function(
    lambda_client: Any,
    role_arn: str,
    *,
    name: str | None = None,
    runtime: str = "python3.12",
    files: dict[str, str] | None = None,
    handler: str = "lambda_function.handler",
    timeout: int = 30,
    variables: dict[str, str] | None = None,
) -> str:
    name = name or f"host-{uuid.uuid4().hex[:12]}"
    lambda_client.create_function(
        FunctionName=name,
        Runtime=runtime,
        Role=role_arn,
        Handler=handler,
        Code={"ZipFile": zip_of(files or {"lambda_function.py": HANDLER})},
        Timeout=timeout,
        Environment={"Variables": variables or {}},
    )
    return name


def invoke(lambda_client: Any, name: str, event: dict[str, Any], **extra: Any) -> dict[str, Any]:
    """The invocation's answer, with Payload read and decoded and LogResult decoded."""
    answer: dict[str, Any] = lambda_client.invoke(
        FunctionName=name, Payload=json.dumps(event).encode(), **extra
    )
    raw = answer["Payload"].read()
    answer["Payload"] = json.loads(raw) if raw else None
    if "LogResult" in answer:
        answer["LogResult"] = base64.b64decode(answer["LogResult"]).decode()
    return answer


def receive(sqs: Any, queue_url: str, count: int, within: float = 90) -> list[str]:
    bodies: list[str] = []
    deadline = time.monotonic() + within
    while len(bodies) < count and time.monotonic() < deadline:
        answer = sqs.receive_message(QueueUrl=queue_url, MaxNumberOfMessages=10, WaitTimeSeconds=1)
        for message in answer.get("Messages", []):
            bodies.append(message["Body"])
            sqs.delete_message(QueueUrl=queue_url, ReceiptHandle=message["ReceiptHandle"])
    return bodies


@pytest.fixture(scope="module")
def lambda_client(aws: Callable[[str], Any]) -> Any:
    return aws("lambda")


@pytest.fixture(scope="module")
def role_arn(aws: Callable[[str], Any]) -> Iterator[str]:
    iam = aws("iam")
    name = f"host-lambda-{uuid.uuid4().hex[:8]}"
    trust = {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Principal": {"Service": "lambda.amazonaws.com"},
                "Action": "sts:AssumeRole",
            }
        ],
    }
    arn: str = iam.create_role(RoleName=name, AssumeRolePolicyDocument=json.dumps(trust))["Role"][
        "Arn"
    ]
    yield arn
    iam.delete_role(RoleName=name)


@pytest.fixture
def make_function(lambda_client: Any, role_arn: str) -> Iterator[LambdaFactory]:
    """make_function(**create_function options) -> the name of an Active function."""
    created: list[str] = []

    def make(**options: Any) -> str:
        name = create_function(lambda_client, role_arn, **options)
        created.append(name)
        configuration = function_state(lambda_client, name)
        assert configuration["State"] == "Active", configuration
        return name

    yield make
    for name in created:
        lambda_client.delete_function(FunctionName=name)


@pytest.fixture
def queue(aws: Callable[[str], Any]) -> Iterator[Callable[[], tuple[str, str]]]:
    """queue() -> (url, arn) of a fresh SQS queue, deleted after the test."""
    sqs = aws("sqs")
    urls: list[str] = []

    def make() -> tuple[str, str]:
        url: str = sqs.create_queue(QueueName=f"host-{uuid.uuid4().hex[:12]}")["QueueUrl"]
        urls.append(url)
        arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])
        return url, arn["Attributes"]["QueueArn"]

    yield make
    for url in urls:
        sqs.delete_queue(QueueUrl=url)


def _pinned_boto3(project_root: Path) -> str:
    constraints = project_root / "requirements" / "localstack-4.14.0-constraints.txt"
    match = re.search(r"^boto3==(\S+)$", constraints.read_text(), re.MULTILINE)
    assert match, "boto3 is pinned for LocalStack"
    return match.group(1)


# --------------------------------------------------------------------------------------------


def test_a_synchronous_invocation_returns_the_payload_and_tail_logs(
    lambda_client: Any,
    make_function: LambdaFactory,
    localstack_endpoint: str,
    project_root: Path,
) -> None:
    name = make_function(variables={"MY_VAR": "from the function's configuration"})
    answer = invoke(lambda_client, name, {"greeting": "hello"}, LogType="Tail")
    assert answer["StatusCode"] == 200
    assert "FunctionError" not in answer
    payload = answer["Payload"]
    assert payload["event"] == {"greeting": "hello"}
    assert payload["count"] == 1
    assert 0 < payload["remaining_ms"] <= 30_000
    logs = answer["LogResult"]
    assert re.search(r"^START RequestId: \S+ Version: \$LATEST$", logs, re.MULTILINE)
    assert 'event: {"greeting": "hello"}' in logs
    assert re.search(r"^REPORT RequestId: .*Init Duration: ", logs, re.MULTILINE)

    env = payload["env"]
    assert env["AWS_LAMBDA_FUNCTION_NAME"] == name
    assert env["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] == "128"
    assert env["AWS_LAMBDA_FUNCTION_VERSION"] == "$LATEST"
    assert env["AWS_REGION"] == "us-east-1"
    assert env["AWS_ENDPOINT_URL"] == localstack_endpoint
    assert env["AWS_SESSION_TOKEN"]  # the role's session, from LocalStack's STS
    assert env["_HANDLER"] == "lambda_function.handler"
    assert env["MY_VAR"] == "from the function's configuration"
    assert env["AWS_EXECUTION_ENV"] == "AWS_Lambda_python3.12"
    assert (Path(env["LAMBDA_TASK_ROOT"]) / "lambda_function.py").is_file()
    assert payload["boto3"] == _pinned_boto3(project_root)


def test_a_warm_invocation_reuses_the_process_and_its_module_state(
    lambda_client: Any, make_function: LambdaFactory
) -> None:
    name = make_function()
    first = invoke(lambda_client, name, {}, LogType="Tail")
    second = invoke(lambda_client, name, {}, LogType="Tail")
    assert (first["Payload"]["count"], second["Payload"]["count"]) == (1, 2)
    assert first["Payload"]["pid"] == second["Payload"]["pid"]
    assert "Init Duration" in first["LogResult"]
    assert "Init Duration" not in second["LogResult"]


def test_the_logs_reach_cloudwatch(
    lambda_client: Any, make_function: LambdaFactory, aws: Callable[[str], Any]
) -> None:
    name = make_function()
    marker = uuid.uuid4().hex
    invoke(lambda_client, name, {"marker": marker})
    logs = aws("logs")
    deadline = time.monotonic() + 60
    messages: list[str] = []
    while time.monotonic() < deadline:
        try:
            events = logs.filter_log_events(logGroupName=f"/aws/lambda/{name}")["events"]
        except ClientError:  # the group appears with the first logs
            events = []
        messages = [event["message"] for event in events]
        if any(marker in message for message in messages):
            break
        time.sleep(0.5)
    assert any(f'"marker": "{marker}"' in message for message in messages), messages
    assert any(message.startswith("REPORT RequestId: ") for message in messages)


def test_the_function_calls_aws_with_its_roles_credentials(
    lambda_client: Any,
    make_function: LambdaFactory,
    queue: Callable[[], tuple[str, str]],
    aws: Callable[[str], Any],
    role_arn: str,
) -> None:
    name = make_function()
    url, _ = queue()
    answer = invoke(lambda_client, name, {"do": "send", "queue": url, "body": "from the function"})
    assert "FunctionError" not in answer, answer["Payload"]
    role_name = role_arn.rsplit("/", 1)[1]
    assert answer["Payload"]["arn"] == (
        f"arn:aws:sts::000000000000:assumed-role/{role_name}/{name}"
    )
    assert receive(aws("sqs"), url, 1) == ["from the function"]


def test_an_invocation_past_the_timeout_ends_as_on_aws_and_the_process_is_not_reused(
    lambda_client: Any, make_function: LambdaFactory
) -> None:
    name = make_function(timeout=1)
    before = invoke(lambda_client, name, {})["Payload"]
    answer = invoke(lambda_client, name, {"do": "sleep", "seconds": 10}, LogType="Tail")
    assert answer["FunctionError"] == "Unhandled"
    assert answer["Payload"]["errorType"] == "Sandbox.Timedout"
    assert re.fullmatch(
        r"RequestId: \S+ Error: Task timed out after 1\.00 seconds",
        answer["Payload"]["errorMessage"],
    )
    assert "Status: timeout" in answer["LogResult"]
    after = invoke(lambda_client, name, {})["Payload"]
    assert after["count"] == 1  # a fresh process: the handler was imported again
    assert after["pid"] != before["pid"]


def test_an_exception_is_an_unhandled_function_error(
    lambda_client: Any, make_function: LambdaFactory
) -> None:
    name = make_function()
    answer = invoke(lambda_client, name, {"do": "raise", "message": "bad input"}, LogType="Tail")
    assert answer["StatusCode"] == 200
    assert answer["FunctionError"] == "Unhandled"
    body = answer["Payload"]
    assert (body["errorType"], body["errorMessage"]) == ("ValueError", "bad input")
    assert any("lambda_function.py" in entry for entry in body["stackTrace"])
    assert "[ERROR] ValueError: bad input" in answer["LogResult"]


def test_a_handler_that_cannot_be_imported_is_an_import_error(
    lambda_client: Any, make_function: LambdaFactory
) -> None:
    name = make_function(handler="not_there.handler")
    answer = invoke(lambda_client, name, {})
    assert answer["FunctionError"] == "Unhandled"
    assert answer["Payload"]["errorType"] == "Runtime.ImportModuleError"
    assert answer["Payload"]["errorMessage"].startswith("Unable to import module 'not_there'")


def test_async_invocations_are_retried_then_go_to_the_on_failure_destination(
    lambda_client: Any,
    make_function: LambdaFactory,
    queue: Callable[[], tuple[str, str]],
    aws: Callable[[str], Any],
) -> None:
    attempts_url, _ = queue()
    destination_url, destination_arn = queue()
    name = make_function(variables={"ATTEMPTS_QUEUE": attempts_url})
    lambda_client.put_function_event_invoke_config(
        FunctionName=name,
        MaximumRetryAttempts=1,
        MaximumEventAgeInSeconds=3600,
        DestinationConfig={"OnFailure": {"Destination": destination_arn}},
    )
    event = {"do": "raise", "message": "always fails"}
    answer = lambda_client.invoke(
        FunctionName=name, InvocationType="Event", Payload=json.dumps(event).encode()
    )
    assert answer["StatusCode"] == 202

    sqs = aws("sqs")
    [record_body] = receive(sqs, destination_url, 1)
    record = json.loads(record_body)
    assert record["requestContext"]["condition"] == "RetriesExhausted"
    assert record["requestContext"]["approximateInvokeCount"] == 2
    assert record["requestPayload"] == event
    assert record["responsePayload"]["errorType"] == "ValueError"
    assert record["responsePayload"]["errorMessage"] == "always fails"
    attempts = receive(sqs, attempts_url, 2)
    assert len(attempts) == 2  # the first attempt and one retry
    assert receive(sqs, attempts_url, 1, within=3) == []  # and no more


def test_an_sns_subscription_delivers_published_messages(
    lambda_client: Any,
    make_function: LambdaFactory,
    queue: Callable[[], tuple[str, str]],
    aws: Callable[[str], Any],
) -> None:
    out_url, _ = queue()
    name = make_function(variables={"OUT_QUEUE": out_url})
    function_arn = lambda_client.get_function(FunctionName=name)["Configuration"]["FunctionArn"]
    sns = aws("sns")
    topic_arn = sns.create_topic(Name=f"host-{uuid.uuid4().hex[:12]}")["TopicArn"]
    try:
        lambda_client.add_permission(
            FunctionName=name,
            StatementId="sns",
            Action="lambda:InvokeFunction",
            Principal="sns.amazonaws.com",
            SourceArn=topic_arn,
        )
        sns.subscribe(TopicArn=topic_arn, Protocol="lambda", Endpoint=function_arn)
        sns.publish(TopicArn=topic_arn, Message="hello from SNS")
        assert receive(aws("sqs"), out_url, 1) == ["hello from SNS"]
    finally:
        sns.delete_topic(TopicArn=topic_arn)


def test_layers_are_merged_in_order_and_importable(
    lambda_client: Any, make_function: LambdaFactory
) -> None:
    layers = []
    for name, files in [
        ("host-first", {"python/greeting.py": "WORD = 'hello'\n", "python/shared.py": "X = 1\n"}),
        ("host-second", {"python/shared.py": "X = 2\n"}),
    ]:
        published = lambda_client.publish_layer_version(
            LayerName=f"{name}-{uuid.uuid4().hex[:8]}", Content={"ZipFile": zip_of(files)}
        )
        layers.append(published["LayerVersionArn"])
    source = "import greeting, shared\n\ndef handler(event, context):\n"
    source += "    return [greeting.WORD, shared.X]\n"
    name = make_function(files={"app.py": source}, handler="app.handler")
    lambda_client.update_function_configuration(FunctionName=name, Layers=layers)
    lambda_client.get_waiter("function_updated_v2").wait(FunctionName=name)
    answer = invoke(lambda_client, name, {})
    assert "FunctionError" not in answer, answer["Payload"]
    assert answer["Payload"] == ["hello", 2]  # the later layer's file wins, as in /opt


def test_an_update_runs_the_new_code_and_removes_the_old_copy(
    lambda_client: Any, make_function: LambdaFactory
) -> None:
    name = make_function()
    old_root = Path(invoke(lambda_client, name, {})["Payload"]["env"]["LAMBDA_TASK_ROOT"])
    assert old_root.is_dir()
    new_source = "def handler(event, context):\n    import os\n"
    new_source += "    return {'new': True, 'root': os.environ['LAMBDA_TASK_ROOT']}\n"
    lambda_client.update_function_code(
        FunctionName=name, ZipFile=zip_of({"lambda_function.py": new_source})
    )
    lambda_client.get_waiter("function_updated_v2").wait(FunctionName=name)
    answer = invoke(lambda_client, name, {})["Payload"]
    assert answer["new"] is True
    assert Path(answer["root"]) != old_root
    deadline = time.monotonic() + 30
    while old_root.exists() and time.monotonic() < deadline:  # cleanup_version runs async
        time.sleep(0.2)
    assert not old_root.exists()


def test_a_nodejs_function_fails_with_the_reason(lambda_client: Any, role_arn: str) -> None:
    name = create_function(
        lambda_client,
        role_arn,
        runtime="nodejs20.x",
        handler="index.handler",
        files={"index.js": "exports.handler = async () => 'hi';\n"},
    )
    try:
        configuration = function_state(lambda_client, name)
        assert configuration["State"] == "Failed"
        reason = configuration["StateReason"]
        assert "runtime nodejs20.x is not served by the host executor" in reason
        assert "only Python runtimes are" in reason
        with pytest.raises(ClientError) as refused:
            invoke(lambda_client, name, {})
        assert refused.value.response["Error"]["Code"] == "ResourceConflictException"
        assert "Failed" in refused.value.response["Error"]["Message"]
    finally:
        # LocalStack 4.14 cannot delete a function whose only version failed (InternalError
        # "Unable to find version manager"), whichever executor refused it.
        with contextlib.suppress(ClientError):
            lambda_client.delete_function(FunctionName=name)


def test_cold_and_warm_timings_are_measured(lambda_client: Any, role_arn: str) -> None:
    timings = cold_and_warm_timings(lambda_client, role_arn, warm=10)
    assert len(timings.warm_invoke_s) == 10
    assert len(timings.warm_pids) == 1  # every warm invocation reached the same process
    print(timings.summary())
