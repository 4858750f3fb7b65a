"""The CLI's boto3 side with botocore's Stubber: what AwsReader reads (and that it only reads),
and how aws_errors.call words each kind of failure."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import boto3
import pytest
from botocore.exceptions import NoCredentialsError
from botocore.stub import Stubber

from tests.support.deployments import ACCOUNT
from two_way_sms.cli import aws_session
from two_way_sms.cli.aws_errors import AwsCallError, call
from two_way_sms.cli.aws_reader import AwsReader
from two_way_sms.cli.aws_session import Clients, resolve_region
from two_way_sms.cli.errors import CliError
from two_way_sms.delivery import NumberSettings

REGION = "eu-west-1"
ROLE = f"arn:aws:iam::{ACCOUNT}:role/sms-in"
TOPIC = f"arn:aws:sns:{REGION}:{ACCOUNT}:inbound"
KEY = f"arn:aws:kms:{REGION}:{ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab"
PHONE_ID = "phone-" + "b" * 32
NUMBER_ARN = f"arn:aws:sms-voice:{REGION}:{ACCOUNT}:phone-number/{PHONE_ID}"
BOUNDARY = f"arn:aws:iam::{ACCOUNT}:policy/Boundary"
MANAGED = f"arn:aws:iam::{ACCOUNT}:policy/Publish"


def _doc(sid: str) -> dict[str, Any]:
    return {
        "Version": "2012-10-17",
        "Statement": [{"Sid": sid, "Effect": "Allow", "Action": "*", "Resource": "*"}],
    }


@pytest.fixture
def clients() -> Clients:
    session = boto3.Session(
        aws_access_key_id="test", aws_secret_access_key="test", region_name=REGION
    )
    return Clients(session, REGION, "http://127.0.0.1:9")  # never reached: every call is stubbed


@pytest.fixture
def stub(clients: Clients) -> Iterator[Any]:
    stubbers: list[Stubber] = []

    def make(service: str, region: str | None = None) -> Stubber:
        stubber = Stubber(clients(service, region))
        stubber.activate()
        stubbers.append(stubber)
        return stubber

    yield make
    for stubber in stubbers:
        stubber.assert_no_pending_responses()
        stubber.deactivate()


def test_phone_number(clients: Clients, stub: Any) -> None:
    sms = stub("pinpoint-sms-voice-v2")
    sms.add_response(
        "describe_phone_numbers",
        {
            "PhoneNumbers": [
                {
                    "PhoneNumberArn": NUMBER_ARN,
                    "PhoneNumberId": PHONE_ID,
                    "PhoneNumber": "+12065550100",
                    "Status": "ACTIVE",
                    "IsoCountryCode": "US",
                    "MessageType": "TRANSACTIONAL",
                    "NumberCapabilities": ["SMS"],
                    "NumberType": "LONG_CODE",
                    "MonthlyLeasingPrice": "1.00",
                    "TwoWayEnabled": True,
                    "TwoWayChannelArn": TOPIC,
                    "SelfManagedOptOutsEnabled": False,
                    "OptOutListName": "Default",
                    "DeletionProtectionEnabled": False,
                    "CreatedTimestamp": "2024-01-01T00:00:00Z",
                }
            ]
        },
        {"PhoneNumberIds": [PHONE_ID]},
    )
    assert AwsReader(clients).phone_number(PHONE_ID) == NumberSettings(
        PHONE_ID,
        NUMBER_ARN,
        "+12065550100",
        status="ACTIVE",
        two_way_enabled=True,
        two_way_channel_arn=TOPIC,
    )


def test_unknown_phone_number_is_an_error_naming_the_call(clients: Clients, stub: Any) -> None:
    sms = stub("pinpoint-sms-voice-v2")
    sms.add_client_error(
        "describe_phone_numbers",
        "ResourceNotFoundException",
        "not found",
        404,
        response_meta={},
        modeled_fields={"ResourceType": "phone-number", "ResourceId": PHONE_ID},
    )
    with pytest.raises(AwsCallError) as excinfo:
        AwsReader(clients).phone_number(PHONE_ID)
    assert str(excinfo.value) == (
        f"pinpoint-sms-voice-v2 DescribePhoneNumbers failed: phone-number {PHONE_ID} does not "
        f"exist in {REGION} for these credentials: check --phone-number-id, --region and the "
        "account of your credentials"
    )


def test_role_with_inline_managed_and_boundary_policies(clients: Clients, stub: Any) -> None:
    iam = stub("iam")
    role = {
        "Path": "/",
        "RoleName": "sms-in",
        "RoleId": "AROAEXAMPLEEXAMPLE01",
        "Arn": ROLE,
        "CreateDate": "2024-01-01T00:00:00Z",
        "AssumeRolePolicyDocument": json.dumps(_doc("SMSVoice")),
        "PermissionsBoundary": {
            "PermissionsBoundaryType": "Policy",
            "PermissionsBoundaryArn": BOUNDARY,
        },
    }
    iam.add_response("get_role", {"Role": role}, {"RoleName": "sms-in"})
    iam.add_response(
        "list_role_policies",
        {"PolicyNames": ["a"], "IsTruncated": True, "Marker": "m1"},
        {"RoleName": "sms-in"},
    )
    iam.add_response(
        "list_role_policies",
        {"PolicyNames": ["b"], "IsTruncated": False},
        {"RoleName": "sms-in", "Marker": "m1"},
    )
    iam.add_response(
        "list_attached_role_policies",
        {
            "AttachedPolicies": [{"PolicyName": "Publish", "PolicyArn": MANAGED}],
            "IsTruncated": False,
        },
        {"RoleName": "sms-in"},
    )
    for name in ("a", "b"):
        iam.add_response(
            "get_role_policy",
            {"RoleName": "sms-in", "PolicyName": name, "PolicyDocument": json.dumps(_doc(name))},
            {"RoleName": "sms-in", "PolicyName": name},
        )
    for arn, sid in ((MANAGED, "managed"), (BOUNDARY, "boundary")):
        iam.add_response("get_policy", {"Policy": {"DefaultVersionId": "v3"}}, {"PolicyArn": arn})
        iam.add_response(
            "get_policy_version",
            {"PolicyVersion": {"Document": json.dumps(_doc(sid)), "VersionId": "v3"}},
            {"PolicyArn": arn, "VersionId": "v3"},
        )
    data = AwsReader(clients).role(ROLE)
    assert data is not None
    assert data.arn == ROLE
    assert data.trust_policy == _doc("SMSVoice")  # botocore decodes IAM's policy documents
    assert [name for name, _ in data.inline_policies] == ["a", "b"]
    assert data.inline_policies[1][1] == _doc("b")
    assert data.managed_policies == [(MANAGED, _doc("managed"))]
    assert data.permissions_boundary == (BOUNDARY, _doc("boundary"))


def test_missing_role_topic_and_key_are_none(clients: Clients, stub: Any) -> None:
    stub("iam").add_client_error("get_role", "NoSuchEntity", "no role", 404)
    stub("sns").add_client_error("get_topic_attributes", "NotFound", "no topic", 404)
    stub("kms").add_client_error("describe_key", "NotFoundException", "no key", 400)
    reader = AwsReader(clients)
    assert reader.role(ROLE) is None
    assert reader.topic_attributes(TOPIC) is None
    assert reader.kms_key("alias/x", ACCOUNT, REGION) is None


def test_topic_and_key(clients: Clients, stub: Any) -> None:
    stub("sns").add_response(
        "get_topic_attributes",
        {"Attributes": {"TopicArn": TOPIC, "KmsMasterKeyId": "alias/inbound"}},
        {"TopicArn": TOPIC},
    )
    kms = stub("kms")
    kms.add_response(
        "describe_key",
        {
            "KeyMetadata": {
                "KeyId": "1234abcd-12ab-34cd-56ef-1234567890ab",
                "Arn": KEY,
                "KeySpec": "SYMMETRIC_DEFAULT",
                "KeyUsage": "ENCRYPT_DECRYPT",
                "KeyState": "Disabled",
            }
        },
        {"KeyId": "alias/inbound"},
    )
    kms.add_response(
        "get_key_policy",
        {"Policy": json.dumps(_doc("key"))},
        {"KeyId": "1234abcd-12ab-34cd-56ef-1234567890ab", "PolicyName": "default"},
    )
    reader = AwsReader(clients)
    assert reader.topic_attributes(TOPIC) == {"TopicArn": TOPIC, "KmsMasterKeyId": "alias/inbound"}
    key = reader.kms_key("alias/inbound", ACCOUNT, REGION)
    assert key is not None
    assert (key.arn, key.key_spec, key.key_usage, key.key_state) == (
        KEY,
        "SYMMETRIC_DEFAULT",
        "ENCRYPT_DECRYPT",
        "Disabled",
    )
    assert json.loads(str(key.policy)) == _doc("key")


def test_connect_phone_number_pages_and_matches_the_source_arn(clients: Clients, stub: Any) -> None:
    number = NumberSettings(PHONE_ID, NUMBER_ARN, "+12065550100")
    instance = f"arn:aws:connect:{REGION}:{ACCOUNT}:instance/11111111-2222-3333-4444-555555555555"
    connect = stub("connect", REGION)
    connect.add_response(
        "list_phone_numbers_v2",
        {"ListPhoneNumbersSummaryList": [{"PhoneNumber": "+15550000000"}], "NextToken": "t"},
        {"MaxResults": 100},
    )
    connect.add_response(
        "list_phone_numbers_v2",
        {
            "ListPhoneNumbersSummaryList": [
                {
                    "PhoneNumberId": "c-1",
                    "PhoneNumber": "+12065550100",
                    "TargetArn": instance,
                    "SourcePhoneNumberArn": NUMBER_ARN,
                }
            ]
        },
        {"MaxResults": 100, "NextToken": "t"},
    )
    connect.add_response(
        "list_phone_numbers_v2", {"ListPhoneNumbersSummaryList": []}, {"MaxResults": 100}
    )
    reader = AwsReader(clients)
    found = reader.connect_phone_number(number, REGION)
    assert found is not None and (found.phone_number_id, found.target_arn) == ("c-1", instance)
    assert reader.connect_phone_number(number, REGION) is None


# =============================================================================================
# Error lines


def _error_for(clients: Clients, stub: Any, code: str, status: int) -> str:
    stub("iam").add_client_error("get_role", code, "the message", status)
    with pytest.raises(AwsCallError) as excinfo:
        call(clients("iam"), "GetRole", RoleName="x")
    return str(excinfo.value)


def test_access_denied_names_the_permission(clients: Clients, stub: Any) -> None:
    assert _error_for(clients, stub, "AccessDenied", 403) == (
        "iam GetRole failed: access denied: the caller needs iam:GetRole (the message)"
    )


def test_bad_credentials(clients: Clients, stub: Any) -> None:
    assert "the credentials were refused (InvalidClientTokenId)" in _error_for(
        clients, stub, "InvalidClientTokenId", 403
    )


def test_not_implemented_names_the_endpoint(clients: Clients, stub: Any) -> None:
    message = _error_for(clients, stub, "InternalFailure", 501)
    assert message.startswith(
        "iam GetRole failed: http://127.0.0.1:9 (eu-west-1) does not implement"
    )


def test_other_client_errors_keep_code_and_message(clients: Clients, stub: Any) -> None:
    assert _error_for(clients, stub, "Throttling", 400) == (
        "iam GetRole failed: Throttling: the message"
    )


def test_not_found_without_missing_ok_is_an_error(clients: Clients, stub: Any) -> None:
    assert "NoSuchEntity: the message: check the identifier and --region" in _error_for(
        clients, stub, "NoSuchEntity", 404
    )


def test_unreachable_endpoint(clients: Clients) -> None:
    with pytest.raises(AwsCallError) as excinfo:
        call(clients("sns"), "GetTopicAttributes", TopicArn=TOPIC)
    assert str(excinfo.value) == (
        "sns GetTopicAttributes: cannot connect to http://127.0.0.1:9: check --endpoint-url "
        "(for LocalStack: scripts/localstack.sh up, then --endpoint-url http://localhost:4566) or "
        "your network"
    )


def test_missing_credentials(clients: Clients, monkeypatch: pytest.MonkeyPatch) -> None:
    client = clients("sns")

    def no_credentials(**_: Any) -> Any:
        raise NoCredentialsError()

    monkeypatch.setattr(client, "get_topic_attributes", no_credentials)
    with pytest.raises(AwsCallError, match="no AWS credentials found: set AWS_PROFILE"):
        call(client, "GetTopicAttributes", TopicArn=TOPIC)


def test_region_comes_from_the_option_the_arn_or_the_session(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name in ("AWS_REGION", "AWS_DEFAULT_REGION", "AWS_PROFILE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_CONFIG_FILE", "/nonexistent")
    with_region = boto3.Session(region_name="ap-south-1")
    assert resolve_region("us-west-2", NUMBER_ARN, with_region) == "us-west-2"
    assert resolve_region(None, NUMBER_ARN, with_region) == REGION
    assert resolve_region(None, PHONE_ID, with_region) == "ap-south-1"
    with pytest.raises(CliError, match="no AWS region: pass --region"):
        resolve_region(None, PHONE_ID, boto3.Session())


def test_open_clients_uses_open_session(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[str | None] = []

    def session(region: str | None) -> boto3.Session:
        seen.append(region)
        return boto3.Session(region_name="us-east-2")

    monkeypatch.setattr(aws_session, "open_session", session)
    clients = aws_session.open_clients(None, None, "http://localhost:4566")
    assert (seen, clients.region, clients.endpoint_url) == (
        [None],
        "us-east-2",
        "http://localhost:4566",
    )
    assert clients("sns").meta.endpoint_url == "http://localhost:4566"
    assert clients("sns") is clients("sns")


# =============================================================================================
# The reply side: the functions that answer the topic

FUNCTION = f"arn:aws:lambda:{REGION}:{ACCOUNT}:function:responder"
QUEUE = f"arn:aws:sqs:{REGION}:{ACCOUNT}:responder-failed"


def test_lambda_subscriptions_page_and_keep_confirmed_lambda_endpoints(
    clients: Clients, stub: Any
) -> None:
    sns = stub("sns")
    sns.add_response(
        "list_subscriptions_by_topic",
        {
            "Subscriptions": [
                {"SubscriptionArn": f"{TOPIC}:1", "Protocol": "lambda", "Endpoint": FUNCTION},
                {"SubscriptionArn": f"{TOPIC}:2", "Protocol": "sqs", "Endpoint": QUEUE},
            ],
            "NextToken": "t",
        },
        {"TopicArn": TOPIC},
    )
    sns.add_response(
        "list_subscriptions_by_topic",
        {
            "Subscriptions": [
                {"SubscriptionArn": "PendingConfirmation", "Protocol": "lambda", "Endpoint": "x"}
            ]
        },
        {"TopicArn": TOPIC, "NextToken": "t"},
    )
    assert AwsReader(clients).lambda_subscriptions(TOPIC) == [FUNCTION]


def test_function_reads_its_role_policy_and_on_failure_destination(
    clients: Clients, stub: Any
) -> None:
    aws_lambda = stub("lambda")
    aws_lambda.add_response(
        "get_function",
        {"Configuration": {"FunctionArn": FUNCTION, "Role": ROLE, "State": "Active"}},
        {"FunctionName": FUNCTION},
    )
    aws_lambda.add_response(
        "get_policy", {"Policy": json.dumps(_doc("invoke"))}, {"FunctionName": FUNCTION}
    )
    aws_lambda.add_response(
        "get_function_event_invoke_config",
        {"DestinationConfig": {"OnFailure": {"Destination": QUEUE}}},
        {"FunctionName": FUNCTION},
    )
    function = AwsReader(clients).function(FUNCTION)
    assert function is not None
    assert (function.arn, function.role_arn, function.state) == (FUNCTION, ROLE, "Active")
    assert json.loads(str(function.resource_policy)) == _doc("invoke")
    assert function.on_failure_destination == QUEUE


def test_a_function_without_policy_or_invoke_config_and_a_missing_one(
    clients: Clients, stub: Any
) -> None:
    aws_lambda = stub("lambda")
    aws_lambda.add_response(
        "get_function",
        {"Configuration": {"FunctionArn": FUNCTION, "Role": ROLE}},
        {"FunctionName": FUNCTION},
    )
    aws_lambda.add_client_error("get_policy", "ResourceNotFoundException", "no policy", 404)
    aws_lambda.add_client_error(
        "get_function_event_invoke_config", "ResourceNotFoundException", "none", 404
    )
    aws_lambda.add_client_error("get_function", "ResourceNotFoundException", "no function", 404)
    reader = AwsReader(clients)
    function = reader.function(FUNCTION)
    assert function is not None
    assert (function.resource_policy, function.on_failure_destination) == (None, None)
    assert reader.function(FUNCTION) is None


def test_destination_exists_asks_the_destinations_service(clients: Clients, stub: Any) -> None:
    sqs = stub("sqs")
    sqs.add_response(
        "get_queue_url",
        {"QueueUrl": "https://sqs/responder-failed"},
        {"QueueName": "responder-failed", "QueueOwnerAWSAccountId": ACCOUNT},
    )
    sqs.add_client_error("get_queue_url", "AWS.SimpleQueueService.NonExistentQueue", "gone", 400)
    reader = AwsReader(clients)
    assert reader.destination_exists(QUEUE) is True
    assert reader.destination_exists(QUEUE) is False
    assert reader.destination_exists("not-an-arn") is False
