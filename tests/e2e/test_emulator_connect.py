"""The emulator's Amazon Connect through boto3: every operation and its errors, and inbound
routing of an End User Messaging SMS number to a Connect instance (delivered, and each way it is
dropped), read back from GET /_aws/connect/chat-integration-events.

Everything runs in an account of its own (a random 12-digit access key), so other modules and
workers sharing the LocalStack cannot disturb lists, aliases or logs.
"""

from __future__ import annotations

import contextlib
import json
import random
import re
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import boto3
import pytest
from botocore.config import Config
from botocore.exceptions import ClientError

from tests.support.inbound import CUSTOMER, PAYLOAD_FIELDS

pytestmark = pytest.mark.e2e

ACCOUNT = str(random.randint(10**11, 10**12 - 1))
OTHER_ACCOUNT = str(random.randint(10**11, 10**12 - 1))
REGION = "us-east-1"
SMS = "sms-voice.amazonaws.com"
SEND = "connect:SendChatIntegrationEvent"
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")

Client = Callable[..., Any]


def _alias() -> str:
    return f"e2e-{uuid.uuid4().hex[:12]}"


def _error(excinfo: pytest.ExceptionInfo[ClientError]) -> dict[str, Any]:
    response: dict[str, Any] = excinfo.value.response
    return response


def _code_and_status(excinfo: pytest.ExceptionInfo[ClientError]) -> tuple[str, int]:
    error = _error(excinfo)
    return error["Error"]["Code"], error["ResponseMetadata"]["HTTPStatusCode"]


@pytest.fixture(scope="module")
def client(client_factory: Callable[..., Any], localstack: Any) -> Client:
    """client(service, region=REGION, account=ACCOUNT) in this module's own account."""

    def make(service: str, region: str = REGION, account: str = ACCOUNT) -> Any:
        return client_factory(service, account, region)

    return make


@pytest.fixture(scope="module")
def connect(client: Client) -> Any:
    return client("connect")


@pytest.fixture(scope="module")
def sms(client: Client) -> Any:
    return client("pinpoint-sms-voice-v2")


@pytest.fixture(scope="module")
def unvalidated_connect(localstack_endpoint: str) -> Any:
    """A Connect client that skips botocore's own parameter checks, to reach the server's."""
    return boto3.client(
        "connect",
        endpoint_url=localstack_endpoint,
        region_name=REGION,
        aws_access_key_id=ACCOUNT,
        aws_secret_access_key="test",
        config=Config(parameter_validation=False, retries={"max_attempts": 1}),
    )


@pytest.fixture
def instances(connect: Any) -> Iterator[Callable[..., dict[str, Any]]]:
    """instances(**overrides) -> CreateInstance's answer; every instance is deleted after."""
    made: list[str] = []

    def make(**overrides: Any) -> dict[str, Any]:
        arguments: dict[str, Any] = {
            "IdentityManagementType": "CONNECT_MANAGED",
            "InstanceAlias": _alias(),
            "InboundCallsEnabled": True,
            "OutboundCallsEnabled": True,
            **overrides,
        }
        created: dict[str, Any] = connect.create_instance(**arguments)
        made.append(created["Id"])
        return created

    yield make
    for instance_id in made:
        with contextlib.suppress(connect.exceptions.ResourceNotFoundException):
            connect.delete_instance(InstanceId=instance_id)


@pytest.fixture
def numbers(sms: Any) -> Iterator[Callable[..., dict[str, Any]]]:
    """numbers(**overrides) -> an End User Messaging SMS number; released after."""
    made: list[str] = []

    def make(**overrides: Any) -> dict[str, Any]:
        arguments: dict[str, Any] = {
            "IsoCountryCode": "US",
            "MessageType": "TRANSACTIONAL",
            "NumberCapabilities": ["SMS"],
            "NumberType": "TOLL_FREE",
            **overrides,
        }
        created: dict[str, Any] = sms.request_phone_number(**arguments)
        made.append(created["PhoneNumberId"])
        return created

    yield make
    for phone_number_id in made:
        with contextlib.suppress(sms.exceptions.ResourceNotFoundException):
            sms.release_phone_number(PhoneNumberId=phone_number_id)


# =============================================================================================
# Instances


def test_instance_lifecycle(connect: Any, instances: Callable[..., dict[str, Any]]) -> None:
    alias = _alias()
    created = instances(
        InstanceAlias=alias, OutboundCallsEnabled=False, Tags={"team": "contact-center"}
    )
    assert UUID.fullmatch(created["Id"])
    assert created["Arn"] == f"arn:aws:connect:{REGION}:{ACCOUNT}:instance/{created['Id']}"

    described = connect.describe_instance(InstanceId=created["Id"])["Instance"]
    assert described["Id"] == created["Id"] and described["Arn"] == created["Arn"]
    assert described["IdentityManagementType"] == "CONNECT_MANAGED"
    assert described["InstanceAlias"] == alias
    assert described["InstanceStatus"] == "ACTIVE"
    assert (described["InboundCallsEnabled"], described["OutboundCallsEnabled"]) == (True, False)
    assert described["InstanceAccessUrl"] == f"https://{alias}.my.connect.aws"
    assert described["ServiceRole"].startswith(
        f"arn:aws:iam::{ACCOUNT}:role/aws-service-role/connect.amazonaws.com/"
    )
    assert described["Tags"] == {"team": "contact-center"}

    summaries = connect.list_instances()["InstanceSummaryList"]
    assert [s["Id"] for s in summaries] == [created["Id"]]
    assert "Tags" not in summaries[0]

    connect.delete_instance(InstanceId=created["Id"])
    with pytest.raises(connect.exceptions.ResourceNotFoundException) as excinfo:
        connect.describe_instance(InstanceId=created["Id"])
    assert _code_and_status(excinfo) == ("ResourceNotFoundException", 404)
    with pytest.raises(connect.exceptions.ResourceNotFoundException):
        connect.delete_instance(InstanceId=created["Id"])
    assert connect.list_instances()["InstanceSummaryList"] == []


def test_list_instances_pages_and_stays_in_its_account_and_region(
    connect: Any, client: Client, instances: Callable[..., dict[str, Any]]
) -> None:
    ids = [instances()["Id"] for _ in range(3)]
    seen: list[str] = []
    token: str | None = None
    while True:
        page = connect.list_instances(MaxResults=2, **({"NextToken": token} if token else {}))
        assert len(page["InstanceSummaryList"]) <= 2
        seen += [s["Id"] for s in page["InstanceSummaryList"]]
        token = page.get("NextToken")
        if not token:
            break
    assert seen == ids
    assert client("connect", region="us-west-2").list_instances()["InstanceSummaryList"] == []
    other = client("connect", account=OTHER_ACCOUNT)
    assert other.list_instances()["InstanceSummaryList"] == []
    with pytest.raises(other.exceptions.ResourceNotFoundException):
        other.describe_instance(InstanceId=ids[0])
    # InstanceId takes the ID; an instance ARN is invalid input, as AWS answers.
    with pytest.raises(connect.exceptions.InvalidRequestException) as excinfo:
        connect.describe_instance(
            InstanceId=f"arn:aws:connect:{REGION}:{ACCOUNT}:instance/{ids[0]}"
        )
    assert _code_and_status(excinfo) == ("InvalidRequestException", 400)
    assert "Invalid input for field InstanceId" in _error(excinfo)["Error"]["Message"]
    with pytest.raises(connect.exceptions.InvalidRequestException):
        connect.list_instances(NextToken="not-a-token")
    with pytest.raises(connect.exceptions.InvalidParameterException):
        connect.list_phone_numbers_v2(NextToken="not-a-token")


def test_create_instance_errors(
    connect: Any, unvalidated_connect: Any, instances: Callable[..., dict[str, Any]]
) -> None:
    taken = _alias()
    instances(InstanceAlias=taken)
    cases: list[tuple[dict[str, Any], str]] = [
        ({"InstanceAlias": taken}, "Instance alias is already used"),
        ({"InstanceAlias": taken.upper()}, "Instance alias is already used"),
        ({"IdentityManagementType": "EXISTING_DIRECTORY", "DirectoryId": "d-0123456789"}, "Dir"),
        ({"DirectoryId": "d-0123456789"}, "DirectoryId"),
        ({"InstanceAlias": None}, "InstanceAlias is required"),
    ]
    for overrides, words in cases:
        arguments: dict[str, Any] = {
            "IdentityManagementType": "CONNECT_MANAGED",
            "InstanceAlias": _alias(),
            "InboundCallsEnabled": True,
            "OutboundCallsEnabled": True,
            **overrides,
        }
        arguments = {k: v for k, v in arguments.items() if v is not None}
        with pytest.raises(connect.exceptions.InvalidRequestException) as excinfo:
            connect.create_instance(**arguments)
        assert _code_and_status(excinfo) == ("InvalidRequestException", 400)
        assert words in _error(excinfo)["Error"]["Message"], (overrides, _error(excinfo))

    # The server checks the model's constraints too (botocore's own checks are off here).
    with pytest.raises(ClientError) as excinfo:
        unvalidated_connect.create_instance(
            IdentityManagementType="CONNECT_MANAGED",
            InstanceAlias="d-starts-like-a-directory",
            InboundCallsEnabled=True,
            OutboundCallsEnabled=True,
        )
    error = _error(excinfo)["Error"]
    assert error["Code"] == "InvalidRequestException"
    assert error["Message"].startswith("1 validation error detected: Value 'd-starts")
    assert "'instanceAlias'" in error["Message"]
    with pytest.raises(ClientError) as excinfo:
        unvalidated_connect.create_instance(IdentityManagementType="CONNECT_MANAGED")
    assert "Member must not be null" in _error(excinfo)["Error"]["Message"]


def test_create_instance_with_a_client_token_is_idempotent(
    connect: Any, instances: Callable[..., dict[str, Any]]
) -> None:
    alias, token = _alias(), uuid.uuid4().hex
    first = instances(InstanceAlias=alias, ClientToken=token)
    again = instances(InstanceAlias=alias, ClientToken=token)
    assert (again["Id"], again["Arn"]) == (first["Id"], first["Arn"])
    assert len(connect.list_instances()["InstanceSummaryList"]) == 1


def test_operations_not_emulated_say_which_are(
    connect: Any, instances: Callable[..., dict[str, Any]]
) -> None:
    instance = instances()
    with pytest.raises(ClientError) as excinfo:
        connect.list_queues(InstanceId=instance["Id"])
    assert _code_and_status(excinfo) == ("UnknownOperationException", 400)
    assert _error(excinfo)["ResponseMetadata"]["RetryAttempts"] == 0  # a 4xx is not retried
    assert _error(excinfo)["Error"]["Message"] == (
        "Operation ListQueues of connect is not emulated. Emulated operations: CreateInstance, "
        "DeleteInstance, DescribeInstance, DescribePhoneNumber, ImportPhoneNumber, "
        "ListInstances, ListPhoneNumbersV2, ReleasePhoneNumber, SendChatIntegrationEvent."
    )


# =============================================================================================
# Phone numbers


def test_import_describe_list_release(
    connect: Any,
    sms: Any,
    instances: Callable[..., dict[str, Any]],
    numbers: Callable[..., dict[str, Any]],
) -> None:
    instance = instances()
    number = numbers()
    imported = connect.import_phone_number(
        InstanceId=instance["Id"],
        SourcePhoneNumberArn=number["PhoneNumberArn"],
        PhoneNumberDescription="support line",
        Tags={"team": "support"},
    )
    assert UUID.fullmatch(imported["PhoneNumberId"])
    assert imported["PhoneNumberArn"] == (
        f"arn:aws:connect:{REGION}:{ACCOUNT}:phone-number/{imported['PhoneNumberId']}"
    )

    summary = connect.describe_phone_number(PhoneNumberId=imported["PhoneNumberId"])[
        "ClaimedPhoneNumberSummary"
    ]
    by_arn = connect.describe_phone_number(PhoneNumberId=imported["PhoneNumberArn"])
    assert by_arn["ClaimedPhoneNumberSummary"] == summary
    assert summary == {
        "PhoneNumberId": imported["PhoneNumberId"],
        "PhoneNumberArn": imported["PhoneNumberArn"],
        "PhoneNumber": number["PhoneNumber"],
        "PhoneNumberCountryCode": "US",
        "PhoneNumberType": "TOLL_FREE",
        "PhoneNumberDescription": "support line",
        "TargetArn": instance["Arn"],
        "InstanceId": instance["Id"],
        "Tags": {"team": "support"},
        "PhoneNumberStatus": {"Status": "CLAIMED"},
        "SourcePhoneNumberArn": number["PhoneNumberArn"],
    }

    listed = connect.list_phone_numbers_v2(TargetArn=instance["Arn"])
    assert "NextToken" not in listed
    (entry,) = listed["ListPhoneNumbersSummaryList"]
    assert {k: entry[k] for k in ("PhoneNumberId", "PhoneNumberArn", "PhoneNumber")} == {
        "PhoneNumberId": imported["PhoneNumberId"],
        "PhoneNumberArn": imported["PhoneNumberArn"],
        "PhoneNumber": number["PhoneNumber"],
    }
    assert (entry["TargetArn"], entry["PhoneNumberType"]) == (instance["Arn"], "TOLL_FREE")
    assert connect.list_phone_numbers_v2(InstanceId=instance["Id"])[
        "ListPhoneNumbersSummaryList"
    ] == [entry]
    assert connect.list_phone_numbers_v2()["ListPhoneNumbersSummaryList"] == [entry]

    connect.release_phone_number(PhoneNumberId=imported["PhoneNumberId"])
    with pytest.raises(connect.exceptions.ResourceNotFoundException) as excinfo:
        connect.describe_phone_number(PhoneNumberId=imported["PhoneNumberId"])
    assert _code_and_status(excinfo) == ("ResourceNotFoundException", 404)
    assert (
        connect.list_phone_numbers_v2(TargetArn=instance["Arn"])["ListPhoneNumbersSummaryList"]
        == []
    )
    # Only the import is gone: the End User Messaging SMS number stays, and can come back.
    still = sms.describe_phone_numbers(PhoneNumberIds=[number["PhoneNumberId"]])["PhoneNumbers"]
    assert still[0]["Status"] == "ACTIVE"
    again = connect.import_phone_number(
        InstanceId=instance["Id"], SourcePhoneNumberArn=number["PhoneNumberArn"]
    )
    assert again["PhoneNumberId"] != imported["PhoneNumberId"]


def test_list_phone_numbers_v2_filters_and_pages(
    connect: Any,
    instances: Callable[..., dict[str, Any]],
    numbers: Callable[..., dict[str, Any]],
) -> None:
    first, second = instances(), instances()
    toll_free = [numbers() for _ in range(3)]
    long_code = numbers(NumberType="LONG_CODE")
    british = numbers(IsoCountryCode="GB", NumberType="LONG_CODE")
    for number in [*toll_free, long_code]:
        connect.import_phone_number(
            InstanceId=first["Id"], SourcePhoneNumberArn=number["PhoneNumberArn"]
        )
    connect.import_phone_number(
        InstanceId=second["Id"], SourcePhoneNumberArn=british["PhoneNumberArn"]
    )

    def listed(**filters: Any) -> list[str]:
        found: list[str] = []
        token: str | None = None
        while True:
            page = connect.list_phone_numbers_v2(
                MaxResults=2, **filters, **({"NextToken": token} if token else {})
            )
            assert len(page["ListPhoneNumbersSummaryList"]) <= 2
            found += [e["PhoneNumber"] for e in page["ListPhoneNumbersSummaryList"]]
            token = page.get("NextToken")
            if not token:
                return found

    first_numbers = [n["PhoneNumber"] for n in [*toll_free, long_code]]
    assert listed(TargetArn=first["Arn"]) == first_numbers
    assert listed(TargetArn=second["Arn"]) == [british["PhoneNumber"]]
    assert listed() == [*first_numbers, british["PhoneNumber"]]
    assert listed(PhoneNumberTypes=["DID"]) == [long_code["PhoneNumber"], british["PhoneNumber"]]
    assert listed(PhoneNumberCountryCodes=["GB"]) == [british["PhoneNumber"]]
    assert listed(PhoneNumberPrefix="+44") == [british["PhoneNumber"]]
    assert listed(TargetArn=first["Arn"], PhoneNumberTypes=["TOLL_FREE"]) == [
        n["PhoneNumber"] for n in toll_free
    ]
    assert listed(TargetArn=first["Arn"], InstanceId=first["Id"]) == first_numbers
    with pytest.raises(connect.exceptions.InvalidParameterException):
        connect.list_phone_numbers_v2(TargetArn=first["Arn"], InstanceId=second["Id"])

    # Deleting an instance releases what was imported into it.
    connect.delete_instance(InstanceId=first["Id"])
    assert listed() == [british["PhoneNumber"]]


def test_import_and_phone_number_errors(
    connect: Any,
    client: Client,
    unvalidated_connect: Any,
    instances: Callable[..., dict[str, Any]],
    numbers: Callable[..., dict[str, Any]],
) -> None:
    instance, other_instance = instances(), instances()
    number = numbers()
    arn = number["PhoneNumberArn"]

    def import_error(instance_id: str, source: str) -> tuple[str, int, str]:
        with pytest.raises(ClientError) as excinfo:
            connect.import_phone_number(InstanceId=instance_id, SourcePhoneNumberArn=source)
        code, status = _code_and_status(excinfo)
        return code, status, _error(excinfo)["Error"]["Message"]

    missing_instance = str(uuid.uuid4())
    assert import_error(missing_instance, arn)[:2] == ("ResourceNotFoundException", 404)
    # InstanceId takes the instance ID, not its ARN (ImportPhoneNumber's invalid-input error).
    code, status, message = import_error(instance["Arn"], arn)
    assert (code, status) == ("InvalidParameterException", 400)
    assert "Invalid input for field InstanceId" in message and instance["Id"] in message
    topic = f"arn:aws:sns:{REGION}:{ACCOUNT}:inbound"
    code, status, message = import_error(instance["Id"], topic)
    assert (code, status) == ("InvalidParameterException", 400) and "sms-voice" in message
    other_account = arn.replace(f":{ACCOUNT}:", f":{OTHER_ACCOUNT}:")
    code, _, message = import_error(instance["Id"], other_account)
    assert code == "InvalidParameterException" and ACCOUNT in message
    other_region = arn.replace(f":{REGION}:", ":us-west-2:")
    code, _, message = import_error(instance["Id"], other_region)
    assert code == "InvalidParameterException" and "Region" in message
    unknown = arn.rsplit("/", 1)[0] + "/phone-" + "0" * 32
    assert import_error(instance["Id"], unknown)[:2] == ("ResourceNotFoundException", 404)

    imported = connect.import_phone_number(InstanceId=instance["Id"], SourcePhoneNumberArn=arn)
    for target in (instance["Id"], other_instance["Id"]):
        code, status, message = import_error(target, arn)
        assert (code, status) == ("ResourceConflictException", 409)
        assert imported["PhoneNumberId"] in message and number["PhoneNumber"] in message

    for call in (connect.describe_phone_number, connect.release_phone_number):
        with pytest.raises(connect.exceptions.ResourceNotFoundException):
            call(PhoneNumberId=str(uuid.uuid4()))
    with pytest.raises(connect.exceptions.ResourceNotFoundException):
        client("connect", account=OTHER_ACCOUNT).describe_phone_number(
            PhoneNumberId=imported["PhoneNumberId"]
        )
    with pytest.raises(connect.exceptions.ResourceNotFoundException):
        connect.list_phone_numbers_v2(
            TargetArn=f"arn:aws:connect:{REGION}:{ACCOUNT}:instance/{missing_instance}"
        )
    with pytest.raises(connect.exceptions.InvalidParameterException):
        connect.list_phone_numbers_v2(TargetArn=topic)
    with pytest.raises(ClientError) as excinfo:
        unvalidated_connect.list_phone_numbers_v2(PhoneNumberPrefix="1-800")
    assert _code_and_status(excinfo) == ("InvalidParameterException", 400)
    assert "'phoneNumberPrefix'" in _error(excinfo)["Error"]["Message"]


def test_import_with_a_client_token_is_idempotent(
    connect: Any,
    instances: Callable[..., dict[str, Any]],
    numbers: Callable[..., dict[str, Any]],
) -> None:
    instance, number, token = instances(), numbers(), uuid.uuid4().hex
    first = connect.import_phone_number(
        InstanceId=instance["Id"], SourcePhoneNumberArn=number["PhoneNumberArn"], ClientToken=token
    )
    again = connect.import_phone_number(
        InstanceId=instance["Id"], SourcePhoneNumberArn=number["PhoneNumberArn"], ClientToken=token
    )
    assert again["PhoneNumberId"] == first["PhoneNumberId"]
    with pytest.raises(connect.exceptions.IdempotencyException):
        connect.import_phone_number(
            InstanceId=instance["Id"],
            SourcePhoneNumberArn=number["PhoneNumberArn"],
            PhoneNumberDescription="changed",
            ClientToken=token,
        )


# =============================================================================================
# SendChatIntegrationEvent and the GET listing


def _message(content: str) -> dict[str, str]:
    return {"Type": "MESSAGE", "ContentType": "text/plain", "Content": content}


def test_send_chat_integration_event_opens_and_closes_chats(
    connect: Any,
    instances: Callable[..., dict[str, Any]],
    numbers: Callable[..., dict[str, Any]],
    chat_events: Callable[..., list[dict[str, Any]]],
) -> None:
    instance, number = instances(), numbers()
    imported = connect.import_phone_number(
        InstanceId=instance["Id"], SourcePhoneNumberArn=number["PhoneNumberArn"]
    )
    customer = f"+1425555{random.randint(1000, 9999)}"
    send: dict[str, Any] = {
        "SourceId": customer,
        "DestinationId": number["PhoneNumberArn"],
        "Subtype": "connect:SMS",
    }
    first = connect.send_chat_integration_event(**send, Event=_message("hello"))
    assert UUID.fullmatch(first["InitialContactId"]) and first["NewChatCreated"] is True
    second = connect.send_chat_integration_event(**send, Event=_message("still me"))
    assert (second["InitialContactId"], second["NewChatCreated"]) == (
        first["InitialContactId"],
        False,
    )
    # The number in E.164 form names the same chat; DISCONNECT ends it.
    by_e164 = {**send, "DestinationId": number["PhoneNumber"], "Subtype": "connect:sms"}
    ended = connect.send_chat_integration_event(**by_e164, Event={"Type": "DISCONNECT"})
    assert ended["InitialContactId"] == first["InitialContactId"]
    later = connect.send_chat_integration_event(**send, Event=_message("new chat"))
    assert later["NewChatCreated"] is True
    assert later["InitialContactId"] != first["InitialContactId"]

    events = chat_events(accountId=ACCOUNT, sourceId=customer)
    assert [e["event"].get("Content") for e in events] == ["hello", "still me", None, "new chat"]
    record = events[0]
    assert record["accountId"] == ACCOUNT and record["region"] == REGION
    assert (record["instanceId"], record["instanceArn"]) == (instance["Id"], instance["Arn"])
    assert record["phoneNumberId"] == imported["PhoneNumberId"]
    assert record["phoneNumberArn"] == imported["PhoneNumberArn"]
    assert record["phoneNumber"] == number["PhoneNumber"]
    assert record["sourcePhoneNumberArn"] == number["PhoneNumberArn"]
    assert (record["sourceId"], record["destinationId"]) == (customer, number["PhoneNumberArn"])
    assert record["subtype"] == "connect:SMS"
    assert record["event"] == _message("hello")
    assert (record["initialContactId"], record["newChatCreated"]) == (
        first["InitialContactId"],
        True,
    )
    # Sent through the API, not by inbound routing: no role session, no inbound payload.
    assert (record["caller"], record["inboundMessageId"], record["payload"]) == (None, None, None)
    assert chat_events(
        accountId=ACCOUNT, sourceId=customer, initialContactId=later["InitialContactId"]
    ) == [events[3]]
    assert len(chat_events(accountId=ACCOUNT, instanceId=instance["Id"], sourceId=customer)) == 4
    assert chat_events(accountId=ACCOUNT, sourceId=customer, region="us-west-2") == []


def test_send_chat_integration_event_errors(
    connect: Any,
    unvalidated_connect: Any,
    instances: Callable[..., dict[str, Any]],
    numbers: Callable[..., dict[str, Any]],
) -> None:
    instance, number, not_imported = instances(), numbers(), numbers()
    connect.import_phone_number(
        InstanceId=instance["Id"], SourcePhoneNumberArn=number["PhoneNumberArn"]
    )
    good: dict[str, Any] = {
        "SourceId": CUSTOMER,
        "DestinationId": number["PhoneNumberArn"],
        "Subtype": "connect:SMS",
        "Event": _message("hi"),
    }
    with pytest.raises(connect.exceptions.ResourceNotFoundException) as excinfo:
        connect.send_chat_integration_event(
            **{**good, "DestinationId": not_imported["PhoneNumberArn"]}
        )
    assert _code_and_status(excinfo) == ("ResourceNotFoundException", 404)
    assert "ImportPhoneNumber" in _error(excinfo)["Error"]["Message"]
    for changes, words in [
        ({"Subtype": "connect:Email"}, "Subtype"),
        ({"SourceId": "customer-7"}, "E.164"),
        ({"Event": {"Type": "MESSAGE", "ContentType": "text/plain"}}, "Content"),
    ]:
        with pytest.raises(connect.exceptions.InvalidRequestException) as excinfo:
            connect.send_chat_integration_event(**{**good, **changes})
        assert _code_and_status(excinfo) == ("InvalidRequestException", 400)
        assert words in _error(excinfo)["Error"]["Message"]
    with pytest.raises(ClientError) as excinfo:
        unvalidated_connect.send_chat_integration_event(**{**good, "Event": {"Type": "TYPING"}})
    assert _code_and_status(excinfo) == ("InvalidRequestException", 400)
    assert "Member must satisfy enum value set" in _error(excinfo)["Error"]["Message"]


# =============================================================================================
# Inbound routing to Amazon Connect


def _trust(account: str) -> str:
    """The guide's trust policy for Amazon Connect, with accountId filled in."""
    return json.dumps(
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Sid": "SMSVoice",
                    "Effect": "Allow",
                    "Principal": {"Service": SMS},
                    "Action": "sts:AssumeRole",
                    "Condition": {"StringEquals": {"aws:SourceAccount": account}},
                }
            ],
        }
    )


GUIDE_PERMISSIONS = json.dumps(
    {
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Action": [SEND], "Resource": ["*"]}],
    }
)


@dataclass
class ConnectSetup:
    instance: dict[str, Any]
    number: dict[str, Any]
    role_arn: str
    role_name: str
    imported_id: str


@pytest.fixture
def connect_setup(
    connect: Any,
    sms: Any,
    client: Client,
    instances: Callable[..., dict[str, Any]],
    numbers: Callable[..., dict[str, Any]],
) -> Iterator[ConnectSetup]:
    """A number routed to a Connect instance as the guide and console say: role with the guide's
    trust and permission policies, channel connect.<region>.amazonaws.com, number imported."""
    iam = client("iam")
    instance, number = instances(), numbers()
    name = f"sms-connect-{uuid.uuid4().hex[:8]}"
    role_arn = iam.create_role(RoleName=name, AssumeRolePolicyDocument=_trust(ACCOUNT))["Role"][
        "Arn"
    ]
    iam.put_role_policy(RoleName=name, PolicyName="connect", PolicyDocument=GUIDE_PERMISSIONS)
    sms.update_phone_number(
        PhoneNumberId=number["PhoneNumberId"],
        TwoWayEnabled=True,
        TwoWayChannelArn=f"connect.{REGION}.amazonaws.com",
        TwoWayChannelRole=role_arn,
    )
    imported = connect.import_phone_number(
        InstanceId=instance["Id"], SourcePhoneNumberArn=number["PhoneNumberArn"]
    )
    yield ConnectSetup(instance, number, role_arn, name, imported["PhoneNumberId"])
    for policy in iam.list_role_policies(RoleName=name)["PolicyNames"]:
        iam.delete_role_policy(RoleName=name, PolicyName=policy)
    iam.delete_role(RoleName=name)


def _text(
    send_inbound: Callable[..., dict[str, Any]], number: dict[str, Any], body: str
) -> dict[str, Any]:
    return send_inbound(
        originationNumber=CUSTOMER, destinationNumber=number["PhoneNumber"], messageBody=body
    )


def _assert_dropped(
    outcome: dict[str, Any], chat_events: Callable[..., list[dict[str, Any]]], *words: str
) -> None:
    assert outcome["delivered"] is False, outcome
    for word in words:
        assert word in outcome["reason"], f"{word!r} not in {outcome['reason']!r}"
    assert chat_events(accountId=ACCOUNT, inboundMessageId=outcome["inboundMessageId"]) == []


def test_inbound_sms_reaches_connect_once_as_a_chat_integration_event(
    connect_setup: ConnectSetup,
    send_inbound: Callable[..., dict[str, Any]],
    chat_events: Callable[..., list[dict[str, Any]]],
    inbound_log: Callable[..., list[dict[str, Any]]],
) -> None:
    setup = connect_setup
    outcome = _text(send_inbound, setup.number, "JOIN the queue")
    assert outcome["delivered"] is True, outcome
    assert outcome["destination"] == setup.instance["Arn"]
    assert setup.role_arn in outcome["reason"]

    (event,) = chat_events(accountId=ACCOUNT, inboundMessageId=outcome["inboundMessageId"])
    assert (event["instanceId"], event["instanceArn"]) == (
        setup.instance["Id"],
        setup.instance["Arn"],
    )
    assert event["phoneNumberId"] == setup.imported_id
    assert event["phoneNumber"] == setup.number["PhoneNumber"]
    assert event["sourceId"] == CUSTOMER
    assert event["destinationId"] == setup.number["PhoneNumberArn"]
    assert event["subtype"] == "connect:SMS"
    assert event["event"] == _message("JOIN the queue")
    assert event["caller"].startswith(
        f"arn:aws:sts::{ACCOUNT}:assumed-role/{setup.role_name}/sms-voice-"
    )
    payload = event["payload"]
    assert list(payload) == PAYLOAD_FIELDS
    assert payload["originationNumber"] == CUSTOMER
    assert payload["destinationNumber"] == setup.number["PhoneNumber"]
    assert payload["messageBody"] == "JOIN the queue"
    assert payload["inboundMessageId"] == outcome["inboundMessageId"]

    (logged,) = [
        m
        for m in inbound_log(destinationNumber=setup.number["PhoneNumber"])
        if m["inboundMessageId"] == outcome["inboundMessageId"]
    ]
    assert logged["initialContactId"] == event["initialContactId"]
    assert logged["payload"] == payload

    # The same customer again: the same chat.
    again = _text(send_inbound, setup.number, "hello?")
    (second,) = chat_events(accountId=ACCOUNT, inboundMessageId=again["inboundMessageId"])
    assert second["initialContactId"] == event["initialContactId"]
    assert second["newChatCreated"] is False


def test_inbound_sms_to_connect_is_dropped_for_each_missing_piece(
    connect: Any,
    sms: Any,
    client: Client,
    connect_setup: ConnectSetup,
    numbers: Callable[..., dict[str, Any]],
    send_inbound: Callable[..., dict[str, Any]],
    chat_events: Callable[..., list[dict[str, Any]]],
) -> None:
    setup, iam = connect_setup, client("iam")

    # Trust naming another account: the service cannot assume the role.
    iam.update_assume_role_policy(RoleName=setup.role_name, PolicyDocument=_trust(OTHER_ACCOUNT))
    _assert_dropped(
        _text(send_inbound, setup.number, "hi"),
        chat_events,
        "trust policy of role/" + setup.role_name,
        "sts:AssumeRole",
    )
    iam.update_assume_role_policy(RoleName=setup.role_name, PolicyDocument=_trust(ACCOUNT))

    # The role's policy without connect:SendChatIntegrationEvent.
    iam.put_role_policy(
        RoleName=setup.role_name,
        PolicyName="connect",
        PolicyDocument=json.dumps(
            {
                "Version": "2012-10-17",
                "Statement": [{"Effect": "Allow", "Action": "sns:Publish", "Resource": "*"}],
            }
        ),
    )
    _assert_dropped(
        _text(send_inbound, setup.number, "hi"),
        chat_events,
        SEND,
        f"inline policy connect of role/{setup.role_name}",
    )
    iam.delete_role_policy(RoleName=setup.role_name, PolicyName="connect")
    _assert_dropped(_text(send_inbound, setup.number, "hi"), chat_events, SEND)
    iam.put_role_policy(
        RoleName=setup.role_name, PolicyName="connect", PolicyDocument=GUIDE_PERMISSIONS
    )

    # Not imported into any instance: the reason says to import it.
    connect.release_phone_number(PhoneNumberId=setup.imported_id)
    _assert_dropped(
        _text(send_inbound, setup.number, "hi"),
        chat_events,
        "not imported",
        "ImportPhoneNumber",
        setup.number["PhoneNumberArn"],
    )
    connect.import_phone_number(
        InstanceId=setup.instance["Id"], SourcePhoneNumberArn=setup.number["PhoneNumberArn"]
    )

    # A channel naming another Region than the number's.
    sms.update_phone_number(
        PhoneNumberId=setup.number["PhoneNumberId"],
        TwoWayChannelArn="connect.eu-west-2.amazonaws.com",
    )
    _assert_dropped(
        _text(send_inbound, setup.number, "hi"), chat_events, f"connect.{REGION}.amazonaws.com"
    )
    sms.update_phone_number(
        PhoneNumberId=setup.number["PhoneNumberId"],
        TwoWayChannelArn=f"connect.{REGION}.amazonaws.com",
    )

    # Everything restored: delivered again.
    assert _text(send_inbound, setup.number, "back")["delivered"] is True

    # A number with the Connect channel but no role.
    bare = numbers()
    sms.update_phone_number(
        PhoneNumberId=bare["PhoneNumberId"],
        TwoWayEnabled=True,
        TwoWayChannelArn=f"connect.{REGION}.amazonaws.com",
    )
    connect.import_phone_number(
        InstanceId=setup.instance["Id"], SourcePhoneNumberArn=bare["PhoneNumberArn"]
    )
    _assert_dropped(
        _text(send_inbound, bare, "hi"),
        chat_events,
        "TwoWayChannelRole",
        "IAM policies for Amazon Connect",
    )

    # Two-way messaging off: dropped before any of the above.
    sms.update_phone_number(PhoneNumberId=setup.number["PhoneNumberId"], TwoWayEnabled=False)
    _assert_dropped(_text(send_inbound, setup.number, "hi"), chat_events, "TwoWayEnabled")
