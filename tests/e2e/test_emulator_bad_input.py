"""Bad input never crashes the emulator: every malformed request gets AWS's 4xx, never a 500
(which SDKs retry), and nothing mistyped is stored.

Requests are sent raw: with urllib (bodies that are not JSON, unknown targets and paths, a
string or an object where a list belongs: botocore would reshape those before sending) and with
boto3/botocore with client-side validation off. The generated sweep sends, for every operation
the emulator implements and every top-level member, a value of each wrong JSON type, and checks
the answer and that the account's state did not change.

The members swept are those of the model LocalStack serves (its botocore, read in the
LocalStack venv), not the newer model of this venv's botocore.
"""

from __future__ import annotations

import json
import random
import subprocess
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import boto3
import botocore.serialize
import botocore.session
import pytest
from botocore.config import Config
from botocore.exceptions import ClientError

from two_way_sms_tools.localstack.settings import Settings

pytestmark = pytest.mark.e2e

ACCOUNT = str(random.randint(10**11, 10**12 - 1))
REGION = "us-east-1"
SMS_SERVICE = "pinpoint-sms-voice-v2"
CONNECT_SERVICE = "connect"
SMS_TARGET_PREFIX = "PinpointSMSVoiceV2"
SIGNING_NAMES = {SMS_SERVICE: "sms-voice", CONNECT_SERVICE: "connect"}
SMS_INVALID_INPUT = {"ValidationException"}
CONNECT_INVALID_INPUT = {"InvalidParameterException", "InvalidRequestException"}

# One value of each JSON type, and which of them each model type accepts on the wire.
JSON_VALUES: dict[str, Any] = {
    "string": "text",
    "integer": 7,
    "float": 1.5,
    "boolean": True,
    "array": ["x"],
    "object": {"x": "y"},
}
ACCEPTED = {
    "string": {"string"},
    "blob": {"string"},
    "boolean": {"boolean"},
    "integer": {"integer"},
    "long": {"integer"},
    "float": {"integer", "float"},
    "double": {"integer", "float"},
    "timestamp": {"integer", "float"},
    "list": {"array"},
    "map": {"object"},
    "structure": {"object"},
}
# Text that no URI/query-string member of that type reads (strings read any text).
UNREADABLE_TEXT = {"integer": ["abc", "1.5", "true"], "long": ["abc"], "boolean": ["yes", "1"]}

# Reads, in the LocalStack venv, the models LocalStack serves: every operation's input members.
_SERVER_MODEL_SCRIPT = """
import json, sys
from localstack.aws.spec import load_service
out = {}
for name in sys.argv[1:]:
    model = load_service(name)
    operations = {}
    for operation in model.operation_names:
        shape = model.operation_model(operation).input_shape
        members = shape.members.items() if shape is not None else ()
        operations[operation] = {
            member: {
                "type": m.type_name,
                "location": m.serialization.get("location"),
                "wire": m.serialization.get("name", member),
                "required": member in shape.required_members,
            }
            for member, m in members
        }
    out[name] = {"targetPrefix": model.metadata.get("targetPrefix"), "operations": operations}
print(json.dumps(out))
"""


def _member_path(name: str) -> str:
    return name[:1].lower() + name[1:]


# =============================================================================================
# Raw requests


@dataclass(frozen=True)
class Answer:
    status: int
    code: str
    message: str
    body: dict[str, Any]


def _authorization(service: str, account: str = ACCOUNT) -> str:
    # LocalStack reads the account from the access key and routes by the signing name; it does
    # not check signatures.
    scope = f"{account}/20260101/{REGION}/{SIGNING_NAMES.get(service, service)}/aws4_request"
    return f"AWS4-HMAC-SHA256 Credential={scope}, SignedHeaders=host, Signature=00"


def _answer(status: int, headers: Any, raw: bytes) -> Answer:
    try:
        body = json.loads(raw) if raw else {}
    except ValueError:
        body = {"raw": raw.decode(errors="replace")}
    code = headers.get("x-amzn-ErrorType") or body.get("__type") or body.get("code") or ""
    code = code.split(":")[0].rpartition("#")[2]
    return Answer(status, code, str(body.get("message") or body.get("Message") or ""), body)


@pytest.fixture(scope="module")
def send(localstack_endpoint: str) -> Callable[..., Answer]:
    """send(method, path, body, headers=..., query=...) -> the emulator's answer, raw."""

    def request(
        method: str,
        path: str,
        body: bytes,
        headers: dict[str, str],
        query: dict[str, str] | None = None,
    ) -> Answer:
        url = f"{localstack_endpoint}{path}"
        if query:
            url += "?" + urllib.parse.urlencode(query)
        outgoing = urllib.request.Request(
            url, data=body if method not in ("GET", "DELETE") else None, method=method
        )
        for name, value in headers.items():
            outgoing.add_header(name, value)
        try:
            with urllib.request.urlopen(outgoing, timeout=30) as response:
                return _answer(response.status, response.headers, response.read())
        except urllib.error.HTTPError as error:
            return _answer(error.code, error.headers, error.read())

    return request


@pytest.fixture(scope="module")
def sms_raw(send: Callable[..., Answer]) -> Callable[..., Answer]:
    """sms_raw(target_or_operation, body) -> answer; body is JSON-encoded unless bytes."""

    def call(target: str, body: Any = None, *, signed: bool = True) -> Answer:
        if "." not in target:
            target = f"{SMS_TARGET_PREFIX}.{target}"
        data = body if isinstance(body, bytes) else json.dumps(body or {}).encode()
        headers = {"Content-Type": "application/x-amz-json-1.0", "X-Amz-Target": target}
        if signed:
            headers["Authorization"] = _authorization(SMS_SERVICE)
        return send("POST", "/", data, headers)

    return call


_CONNECT_MODEL = botocore.session.get_session().get_service_model(CONNECT_SERVICE)


@pytest.fixture(scope="module")
def connect_raw(send: Callable[..., Answer]) -> Callable[..., Answer]:
    """connect_raw(operation, params, body_overrides=..., query_overrides=..., body=...): the
    request botocore would send for `params`, with body members or query-string parameters
    replaced, or the whole body replaced."""

    def call(
        operation: str,
        params: dict[str, Any],
        *,
        body_overrides: dict[str, Any] | None = None,
        query_overrides: dict[str, str] | None = None,
        body: bytes | None = None,
    ) -> Answer:
        serializer = botocore.serialize.create_serializer("rest-json", include_validation=False)
        request = serializer.serialize_to_request(params, _CONNECT_MODEL.operation_model(operation))
        data = request["body"] if isinstance(request["body"], bytes) else request["body"].encode()
        if body_overrides:
            document = json.loads(data or b"{}")
            document.update(body_overrides)
            data = json.dumps(document).encode()
        if body is not None:
            data = body
        query = {**request["query_string"], **(query_overrides or {})}
        headers = {
            "Content-Type": "application/json",
            "Authorization": _authorization(CONNECT_SERVICE),
        }
        return send(request["method"], request["url_path"], data, headers, query)

    return call


# =============================================================================================
# Clients and the model LocalStack serves


@pytest.fixture(scope="module")
def server_models(project_root: Path, localstack: Any) -> dict[str, Any]:
    settings = Settings.from_env(root=project_root)
    done = subprocess.run(
        [str(settings.venv_python), "-c", _SERVER_MODEL_SCRIPT, SMS_SERVICE, CONNECT_SERVICE],
        capture_output=True,
        text=True,
        check=True,
        env=settings.localstack_env(),
        timeout=300,
    )
    models: dict[str, Any] = json.loads(done.stdout)
    return models


def _unvalidated(localstack_endpoint: str, service: str, **config: Any) -> Any:
    return boto3.client(
        service,  # type: ignore[call-overload]
        endpoint_url=localstack_endpoint,
        region_name=REGION,
        aws_access_key_id=ACCOUNT,
        aws_secret_access_key="test",
        config=Config(parameter_validation=False, **config),
    )


@pytest.fixture(scope="module")
def sms(localstack_endpoint: str) -> Any:
    """boto3 without client-side validation, retrying as SDKs do (so a 5xx would show)."""
    return _unvalidated(
        localstack_endpoint, SMS_SERVICE, retries={"max_attempts": 3, "mode": "standard"}
    )


@pytest.fixture(scope="module")
def connect(localstack_endpoint: str) -> Any:
    return _unvalidated(
        localstack_endpoint, CONNECT_SERVICE, retries={"max_attempts": 3, "mode": "standard"}
    )


def _emulated(answer: Answer) -> list[str]:
    """The operations a not-emulated answer lists."""
    listed = answer.message.rpartition("Emulated operations: ")[2].rstrip(".")
    return [name.strip() for name in listed.split(",")]


@pytest.fixture(scope="module")
def sms_emulated(sms_raw: Callable[..., Answer]) -> list[str]:
    return _emulated(sms_raw("DescribePools", {}))


@pytest.fixture(scope="module")
def connect_emulated(connect: Any) -> list[str]:
    with pytest.raises(ClientError) as excinfo:
        connect.list_queues(InstanceId=str(uuid.uuid4()))
    message: str = excinfo.value.response["Error"]["Message"]
    return _emulated(Answer(400, "", message, {}))


# =============================================================================================
# State, to prove nothing changed


def _sms_state(sms: Any, outbound: Callable[[], list[Any]]) -> dict[str, Any]:
    numbers = sms.describe_phone_numbers()["PhoneNumbers"]
    lists = sms.describe_opt_out_lists()["OptOutLists"]
    sets = sms.describe_configuration_sets()["ConfigurationSets"]
    arns = [n["PhoneNumberArn"] for n in numbers] + [x["OptOutListArn"] for x in lists]
    arns += [s["ConfigurationSetArn"] for s in sets]
    return {
        "numbers": numbers,
        "keywords": {
            n["PhoneNumberId"]: sms.describe_keywords(OriginationIdentity=n["PhoneNumberId"])[
                "Keywords"
            ]
            for n in numbers
        },
        "lists": lists,
        "opted_out": {
            x["OptOutListName"]: sms.describe_opted_out_numbers(OptOutListName=x["OptOutListName"])[
                "OptedOutNumbers"
            ]
            for x in lists
        },
        "sets": sets,
        "tags": {arn: sms.list_tags_for_resource(ResourceArn=arn)["Tags"] for arn in arns},
        "outbound": outbound(),
    }


def _connect_state(connect: Any, chat_events: Callable[[], list[Any]]) -> dict[str, Any]:
    instances = connect.list_instances()["InstanceSummaryList"]
    return {
        "instances": [connect.describe_instance(InstanceId=i["Id"])["Instance"] for i in instances],
        "numbers": connect.list_phone_numbers_v2()["ListPhoneNumbersSummaryList"],
        "chat_events": chat_events(accountId=ACCOUNT),
    }


@pytest.fixture(scope="module")
def outbound(outbound_log: Callable[..., list[Any]]) -> Callable[[], list[Any]]:
    return lambda: outbound_log(accountId=ACCOUNT)


# =============================================================================================
# Resources the requests name


@dataclass(frozen=True)
class SmsWorld:
    number_id: str
    number_arn: str
    opt_out_list: str  # used by no number, so it could be deleted
    opted_out: str
    configuration_set: str


@pytest.fixture(scope="module")
def sms_world(sms: Any) -> Iterator[SmsWorld]:
    opt_out_list, configuration_set = f"bad-{uuid.uuid4().hex[:8]}", f"bad-{uuid.uuid4().hex[:8]}"
    number = sms.request_phone_number(
        IsoCountryCode="US",
        MessageType="TRANSACTIONAL",
        NumberCapabilities=["SMS"],
        NumberType="LONG_CODE",
        Tags=[{"Key": "team", "Value": "care"}],
    )
    sms.put_keyword(
        OriginationIdentity=number["PhoneNumberId"], Keyword="JOIN", KeywordMessage="Welcome"
    )
    sms.create_opt_out_list(OptOutListName=opt_out_list)
    sms.put_opted_out_number(OptOutListName=opt_out_list, OptedOutNumber="+14255550111")
    sms.create_configuration_set(ConfigurationSetName=configuration_set)
    sms.set_default_message_type(
        ConfigurationSetName=configuration_set, MessageType="TRANSACTIONAL"
    )
    sms.set_default_sender_id(ConfigurationSetName=configuration_set, SenderId="CARE")
    yield SmsWorld(
        number["PhoneNumberId"],
        number["PhoneNumberArn"],
        opt_out_list,
        "+14255550111",
        configuration_set,
    )
    sms.update_phone_number(PhoneNumberId=number["PhoneNumberId"], DeletionProtectionEnabled=False)
    sms.release_phone_number(PhoneNumberId=number["PhoneNumberId"])
    sms.delete_opt_out_list(OptOutListName=opt_out_list)
    sms.delete_configuration_set(ConfigurationSetName=configuration_set)


def _sms_bases(world: SmsWorld) -> dict[str, dict[str, Any]]:
    """A valid request for every operation the emulator implements; each would change the
    account's state (or answer) if a mistyped member slipped through."""
    fresh = f"bad-{uuid.uuid4().hex[:8]}"
    number, arn = world.number_id, world.number_arn
    config_set = {"ConfigurationSetName": world.configuration_set}
    return {
        "RequestPhoneNumber": {
            "IsoCountryCode": "US",
            "MessageType": "TRANSACTIONAL",
            "NumberCapabilities": ["SMS"],
            "NumberType": "LONG_CODE",
        },
        "DescribePhoneNumbers": {"PhoneNumberIds": [number]},
        "UpdatePhoneNumber": {"PhoneNumberId": number, "DeletionProtectionEnabled": True},
        "ReleasePhoneNumber": {"PhoneNumberId": number},
        "TagResource": {"ResourceArn": arn, "Tags": [{"Key": "k", "Value": "v"}]},
        "UntagResource": {"ResourceArn": arn, "TagKeys": ["team"]},
        "ListTagsForResource": {"ResourceArn": arn},
        "CreateOptOutList": {"OptOutListName": fresh},
        "DescribeOptOutLists": {},
        "DeleteOptOutList": {"OptOutListName": world.opt_out_list},
        "PutOptedOutNumber": {
            "OptOutListName": world.opt_out_list,
            "OptedOutNumber": "+14255550122",
        },
        "DescribeOptedOutNumbers": {"OptOutListName": world.opt_out_list},
        "DeleteOptedOutNumber": {
            "OptOutListName": world.opt_out_list,
            "OptedOutNumber": world.opted_out,
        },
        "PutKeyword": {
            "OriginationIdentity": number,
            "Keyword": "NEWS",
            "KeywordMessage": "News",
        },
        "DescribeKeywords": {"OriginationIdentity": number},
        "DeleteKeyword": {"OriginationIdentity": number, "Keyword": "JOIN"},
        "CreateConfigurationSet": {"ConfigurationSetName": fresh},
        "DescribeConfigurationSets": {},
        "DeleteConfigurationSet": config_set,
        "SetDefaultMessageType": {**config_set, "MessageType": "PROMOTIONAL"},
        "DeleteDefaultMessageType": config_set,
        "SetDefaultSenderId": {**config_set, "SenderId": "OTHER"},
        "DeleteDefaultSenderId": config_set,
        "SendTextMessage": {
            "DestinationPhoneNumber": "+14255550133",
            "OriginationIdentity": number,
            "MessageBody": "hello",
        },
    }


@dataclass(frozen=True)
class ConnectWorld:
    instance_id: str
    spare_number_arn: str  # an End User Messaging SMS number not imported yet
    imported_number_arn: str
    claim_id: str


@pytest.fixture(scope="module")
def connect_world(connect: Any, sms: Any) -> Iterator[ConnectWorld]:
    instance = connect.create_instance(
        IdentityManagementType="CONNECT_MANAGED",
        InstanceAlias=f"bad-{uuid.uuid4().hex[:12]}",
        InboundCallsEnabled=True,
        OutboundCallsEnabled=True,
    )
    numbers = [
        sms.request_phone_number(
            IsoCountryCode="US",
            MessageType="TRANSACTIONAL",
            NumberCapabilities=["SMS"],
            NumberType="TOLL_FREE",
        )
        for _ in range(2)
    ]
    claim = connect.import_phone_number(
        InstanceId=instance["Id"], SourcePhoneNumberArn=numbers[0]["PhoneNumberArn"]
    )
    yield ConnectWorld(
        instance["Id"],
        numbers[1]["PhoneNumberArn"],
        numbers[0]["PhoneNumberArn"],
        claim["PhoneNumberId"],
    )
    connect.delete_instance(InstanceId=instance["Id"])
    for number in numbers:
        sms.release_phone_number(PhoneNumberId=number["PhoneNumberId"])


def _connect_bases(world: ConnectWorld) -> dict[str, dict[str, Any]]:
    return {
        "CreateInstance": {
            "IdentityManagementType": "CONNECT_MANAGED",
            "InstanceAlias": f"bad-{uuid.uuid4().hex[:12]}",
            "InboundCallsEnabled": True,
            "OutboundCallsEnabled": True,
        },
        "DescribeInstance": {"InstanceId": world.instance_id},
        "ListInstances": {"MaxResults": 5},
        "DeleteInstance": {"InstanceId": world.instance_id},
        "ImportPhoneNumber": {
            "InstanceId": world.instance_id,
            "SourcePhoneNumberArn": world.spare_number_arn,
        },
        "DescribePhoneNumber": {"PhoneNumberId": world.claim_id},
        "ListPhoneNumbersV2": {"InstanceId": world.instance_id},
        "ReleasePhoneNumber": {"PhoneNumberId": world.claim_id},
        "SendChatIntegrationEvent": {
            "SourceId": "+14255550144",
            "DestinationId": world.imported_number_arn,
            "Subtype": "connect:SMS",
            "Event": {"Type": "MESSAGE", "ContentType": "text/plain", "Content": "hi"},
        },
    }


def _assert_invalid_member(answer: Answer, codes: set[str], member: str, case: str) -> None:
    assert answer.status == 400, (case, answer)
    assert answer.code in codes, (case, answer)
    # Exactly the one mistyped member is reported: the rest of the request is valid.
    assert answer.message.startswith("1 validation error detected: Value "), (case, answer)
    assert f"at '{_member_path(member)}' failed to satisfy constraint: Member must " in (
        answer.message
    ), (case, answer)


# =============================================================================================
# The generated sweep


def test_sweep_covers_every_emulated_operation(
    sms_emulated: list[str], connect_emulated: list[str]
) -> None:
    """The sweeps below have a valid request for exactly the operations the emulator says it
    implements, so a new operation cannot escape them."""
    world_sms = SmsWorld("phone-" + "0" * 32, "arn", "list", "+1", "set")
    world_connect = ConnectWorld("id", "arn", "arn", "claim")
    assert sorted(_sms_bases(world_sms)) == sms_emulated
    assert sorted(_connect_bases(world_connect)) == connect_emulated


def test_sms_sweep_every_member_every_wrong_json_type(
    sms_raw: Callable[..., Answer],
    sms: Any,
    sms_world: SmsWorld,
    sms_emulated: list[str],
    server_models: dict[str, Any],
    outbound: Callable[[], list[Any]],
) -> None:
    operations = server_models[SMS_SERVICE]["operations"]
    bases = _sms_bases(sms_world)
    sent = 0
    for operation in sms_emulated:
        before = _sms_state(sms, outbound)
        for member, spec in operations[operation].items():
            for kind, value in JSON_VALUES.items():
                if kind in ACCEPTED[spec["type"]]:
                    continue
                answer = sms_raw(operation, {**bases[operation], spec["wire"]: value})
                case = f"{operation}.{member} = {kind} {value!r}"
                _assert_invalid_member(answer, SMS_INVALID_INPUT, member, case)
                assert answer.body["Reason"] == "FIELD_VALIDATION_FAILED", case
                assert [f["Name"] for f in answer.body["Fields"]] == [_member_path(member)]
                sent += 1
        assert _sms_state(sms, outbound) == before, operation
    assert sent > 200  # every emulated operation's members, each with 4-5 wrong types


def test_connect_sweep_every_member_every_wrong_json_type(
    connect_raw: Callable[..., Answer],
    connect: Any,
    connect_world: ConnectWorld,
    connect_emulated: list[str],
    server_models: dict[str, Any],
    chat_events: Callable[[], list[Any]],
) -> None:
    operations = server_models[CONNECT_SERVICE]["operations"]
    bases = _connect_bases(connect_world)
    sent = 0
    for operation in connect_emulated:
        before = _connect_state(connect, chat_events)
        base = bases[operation]
        for member, spec in operations[operation].items():
            if spec["location"] is None:  # a JSON body member: each wrong JSON type
                cases = [
                    ({"body_overrides": {spec["wire"]: value}}, f"{kind} {value!r}")
                    for kind, value in JSON_VALUES.items()
                    if kind not in ACCEPTED[spec["type"]]
                ]
            elif spec["location"] == "querystring":  # text: what its type cannot read
                cases = [
                    ({"query_overrides": {spec["wire"]: text}}, f"text {text!r}")
                    for text in UNREADABLE_TEXT.get(spec["type"], [])
                ]
            else:  # a URI label is text, and these are strings: any text is well typed
                assert spec["type"] == "string", (operation, member, spec)
                continue
            for overrides, shown in cases:
                answer = connect_raw(operation, base, **overrides)
                _assert_invalid_member(
                    answer, CONNECT_INVALID_INPUT, member, f"{operation}.{member} = {shown}"
                )
                sent += 1
        assert _connect_state(connect, chat_events) == before, operation
    assert sent > 60


def test_every_unclaimed_operation_names_itself_and_the_emulated_ones(
    sms_raw: Callable[..., Answer], server_models: dict[str, Any], sms_emulated: list[str]
) -> None:
    listed = ", ".join(sms_emulated)
    unclaimed = sorted(set(server_models[SMS_SERVICE]["operations"]) - set(sms_emulated))
    assert len(unclaimed) > 50
    for operation in unclaimed:
        answer = sms_raw(operation, {})
        assert (answer.status, answer.code) == (400, "UnknownOperationException"), operation
        assert answer.message == (
            f"Operation {operation} of {SMS_SERVICE} is not emulated. "
            f"Emulated operations: {listed}."
        )
        assert "license" not in answer.message


def test_operations_newer_than_localstacks_model_are_not_emulated(
    sms_raw: Callable[..., Answer],
    sms: Any,
    server_models: dict[str, Any],
    sms_emulated: list[str],
) -> None:
    """The notify and RCS operations of newer pinpoint-sms-voice-v2 models (this venv's
    botocore has them; LocalStack 4.14's does not)."""
    client_model = botocore.session.get_session().get_service_model(SMS_SERVICE)
    newer = sorted(
        set(client_model.operation_names) - set(server_models[SMS_SERVICE]["operations"])
    )
    if not newer:
        pytest.fail("this venv's botocore knows no operation LocalStack's model lacks")
    for operation in newer:
        answer = sms_raw(operation, {})
        assert (answer.status, answer.code) == (400, "UnknownOperationException"), operation
        assert answer.message.startswith(
            f"Operation {operation} is not emulated: it is not in the {SMS_SERVICE} model of "
            "this LocalStack (botocore "
        )
        assert answer.message.endswith(f"Emulated operations: {', '.join(sms_emulated)}.")
    # Through boto3, which retries 5xx answers: one attempt, a 400.
    method = getattr(sms, botocore.xform_name(newer[0]))
    with pytest.raises(ClientError) as excinfo:
        method()
    response = excinfo.value.response
    assert response["Error"]["Code"] == "UnknownOperationException"
    assert response["ResponseMetadata"]["HTTPStatusCode"] == 400
    assert response["ResponseMetadata"]["RetryAttempts"] == 0


# =============================================================================================
# Each kind of bad input, pinpoint-sms-voice-v2


def _describe(sms: Any, number_id: str) -> dict[str, Any]:
    found: dict[str, Any] = sms.describe_phone_numbers(PhoneNumberIds=[number_id])["PhoneNumbers"][
        0
    ]
    return found


def test_mistyped_two_way_enabled_is_refused_and_not_stored(
    sms: Any, sms_raw: Callable[..., Answer], sms_world: SmsWorld
) -> None:
    number = sms_world.number_id
    with pytest.raises(ClientError) as excinfo:
        sms.update_phone_number(PhoneNumberId=number, TwoWayEnabled="yes")
    response = excinfo.value.response
    assert response["ResponseMetadata"]["HTTPStatusCode"] == 400
    assert response["ResponseMetadata"]["RetryAttempts"] == 0
    assert response["Error"] == {
        "Code": "ValidationException",
        "Message": "1 validation error detected: Value 'yes' at 'twoWayEnabled' failed to "
        "satisfy constraint: Member must be a boolean (true or false)",
    }
    assert response["Reason"] == "FIELD_VALIDATION_FAILED"
    assert response["Fields"] == [
        {"Name": "twoWayEnabled", "Message": "Member must be a boolean (true or false)"}
    ]
    answer = sms_raw("UpdatePhoneNumber", {"PhoneNumberId": number, "TwoWayEnabled": 1})
    assert (answer.status, answer.code) == (400, "ValidationException")
    assert _describe(sms, number)["TwoWayEnabled"] is False


def test_a_string_where_a_list_belongs_is_not_split_into_characters(
    sms: Any, sms_raw: Callable[..., Answer], sms_world: SmsWorld
) -> None:
    answer = sms_raw("DescribePhoneNumbers", {"PhoneNumberIds": sms_world.number_id})
    assert (answer.status, answer.code) == (400, "ValidationException")
    assert answer.message == (
        f"1 validation error detected: Value '{sms_world.number_id}' at 'phoneNumberIds' "
        "failed to satisfy constraint: Member must be a list (a JSON array)"
    )
    count = len(sms.describe_phone_numbers()["PhoneNumbers"])
    answer = sms_raw(
        "RequestPhoneNumber",
        {
            "IsoCountryCode": "US",
            "MessageType": "TRANSACTIONAL",
            "NumberCapabilities": "SMS",
            "NumberType": "LONG_CODE",
        },
    )
    assert (answer.status, answer.code) == (400, "ValidationException")
    assert "at 'numberCapabilities' failed to satisfy constraint" in answer.message
    assert len(sms.describe_phone_numbers()["PhoneNumbers"]) == count


def test_an_object_where_a_list_belongs_is_refused(
    sms_raw: Callable[..., Answer], sms_world: SmsWorld
) -> None:
    answer = sms_raw("DescribePhoneNumbers", {"PhoneNumberIds": {sms_world.number_id: 1}})
    assert (answer.status, answer.code) == (400, "ValidationException")
    assert answer.message == (
        f"1 validation error detected: Value '{{\"{sms_world.number_id}\": 1}}' at "
        "'phoneNumberIds' failed to satisfy constraint: Member must be a list (a JSON array)"
    )


def test_max_results_that_is_no_integer(sms: Any, sms_raw: Callable[..., Answer]) -> None:
    expected = (
        "1 validation error detected: Value 'abc' at 'maxResults' failed to satisfy "
        "constraint: Member must be an integer"
    )
    with pytest.raises(ClientError) as excinfo:
        sms.describe_phone_numbers(MaxResults="abc")
    response = excinfo.value.response
    assert response["Error"] == {"Code": "ValidationException", "Message": expected}
    assert response["ResponseMetadata"]["HTTPStatusCode"] == 400
    assert response["ResponseMetadata"]["RetryAttempts"] == 0
    answer = sms_raw("DescribeOptOutLists", {"MaxResults": True})
    assert (answer.status, answer.code) == (400, "ValidationException")
    assert "Value 'true' at 'maxResults'" in answer.message


def test_nested_members_are_checked_too(
    sms: Any, sms_raw: Callable[..., Answer], sms_world: SmsWorld
) -> None:
    answer = sms_raw("DescribePhoneNumbers", {"Filters": [{"Name": "status", "Values": "ACTIVE"}]})
    assert (answer.status, answer.code) == (400, "ValidationException")
    assert answer.body["Fields"] == [
        {"Name": "filters.1.member.values", "Message": "Member must be a list (a JSON array)"}
    ]
    arn = sms_world.number_arn
    tags = sms.list_tags_for_resource(ResourceArn=arn)["Tags"]
    answer = sms_raw("TagResource", {"ResourceArn": arn, "Tags": [{"Key": 5, "Value": True}]})
    assert (answer.status, answer.code) == (400, "ValidationException")
    assert [f["Name"] for f in answer.body["Fields"]] == [
        "tags.1.member.key",
        "tags.1.member.value",
    ]
    assert sms.list_tags_for_resource(ResourceArn=arn)["Tags"] == tags


@pytest.mark.parametrize(
    ("body", "words"),
    [
        (b"not json", "The request body is not JSON (Expecting value: line 1 column 1"),
        (b'{"PhoneNumberIds": [', "The request body is not JSON ("),
        (b"\xff\xfe", "The request body is not JSON ("),
        (b"[]", "The request body is a JSON array: send the input members of"),
        (b"null", "The request body is JSON null: send the input members of"),
        (b'"text"', "The request body is a JSON string: send the input members of"),
    ],
)
def test_a_body_that_is_not_a_json_object_is_a_serialization_exception(
    sms_raw: Callable[..., Answer], body: bytes, words: str
) -> None:
    answer = sms_raw("DescribePhoneNumbers", body)
    assert (answer.status, answer.code) == (400, "SerializationException"), answer
    assert answer.message.startswith(words), answer


@pytest.mark.parametrize(
    ("target", "words"),
    [
        (
            "PinpointSMSVoiceV2.NoSuchOperation",
            "Operation NoSuchOperation is not emulated: it is not in the "
            "pinpoint-sms-voice-v2 model of this LocalStack (botocore ",
        ),
        (
            "Garbage.Operation",
            "X-Amz-Target Garbage.Operation names no pinpoint-sms-voice-v2 operation "
            "(PinpointSMSVoiceV2.<Operation>).",
        ),
        (
            "PinpointSMSVoiceV2.",
            "X-Amz-Target PinpointSMSVoiceV2. names no pinpoint-sms-voice-v2 operation",
        ),
    ],
)
def test_an_unknown_target_is_an_unknown_operation(
    sms_raw: Callable[..., Answer], sms_emulated: list[str], target: str, words: str
) -> None:
    answer = sms_raw(target, {})
    assert (answer.status, answer.code) == (400, "UnknownOperationException"), answer
    assert answer.message.startswith(words), answer
    assert answer.message.endswith(f"Emulated operations: {', '.join(sms_emulated)}.")


def test_an_unsigned_unknown_target_is_answered_too(sms_raw: Callable[..., Answer]) -> None:
    answer = sms_raw("NoSuchOperation", {}, signed=False)
    assert (answer.status, answer.code) == (400, "UnknownOperationException"), answer


def test_the_emulator_still_works_after_bad_input(
    sms: Any, sms_raw: Callable[..., Answer], sms_world: SmsWorld
) -> None:
    sms_raw("UpdatePhoneNumber", b"{{{")
    sms_raw("UpdatePhoneNumber", {"PhoneNumberId": sms_world.number_id, "TwoWayEnabled": "no"})
    updated = sms.update_phone_number(PhoneNumberId=sms_world.number_id, TwoWayEnabled=True)
    assert updated["TwoWayEnabled"] is True
    sms.update_phone_number(PhoneNumberId=sms_world.number_id, TwoWayEnabled=False)


# =============================================================================================
# Each kind of bad input, connect (rest-json)


def test_connect_mistyped_member_is_refused_and_not_stored(
    connect: Any, chat_events: Callable[[], list[Any]]
) -> None:
    before = _connect_state(connect, chat_events)
    with pytest.raises(ClientError) as excinfo:
        connect.create_instance(
            IdentityManagementType="CONNECT_MANAGED",
            InstanceAlias=f"bad-{uuid.uuid4().hex[:12]}",
            InboundCallsEnabled="yes",
            OutboundCallsEnabled=True,
        )
    response = excinfo.value.response
    assert response["ResponseMetadata"]["HTTPStatusCode"] == 400
    assert response["Error"]["Code"] == "InvalidRequestException"
    assert response["Error"]["Message"] == (
        "1 validation error detected: Value 'yes' at 'inboundCallsEnabled' failed to satisfy "
        "constraint: Member must be a boolean (true or false)"
    )
    assert _connect_state(connect, chat_events) == before


def test_connect_max_results_that_is_no_integer(connect: Any) -> None:
    with pytest.raises(ClientError) as excinfo:
        connect.list_instances(MaxResults="abc")
    response = excinfo.value.response
    assert response["ResponseMetadata"]["HTTPStatusCode"] == 400
    assert response["ResponseMetadata"]["RetryAttempts"] == 0
    assert response["Error"] == {
        "Code": "InvalidRequestException",
        "Message": "1 validation error detected: Value 'abc' at 'maxResults' failed to "
        "satisfy constraint: Member must be an integer",
    }
    with pytest.raises(ClientError) as excinfo:
        connect.list_phone_numbers_v2(MaxResults="abc")
    assert excinfo.value.response["Error"]["Code"] == "InvalidParameterException"


def test_connect_string_where_a_list_belongs(connect_raw: Callable[..., Answer]) -> None:
    answer = connect_raw("ListPhoneNumbersV2", {}, body_overrides={"PhoneNumberTypes": "TOLL_FREE"})
    assert (answer.status, answer.code) == (400, "InvalidParameterException"), answer
    assert answer.message == (
        "1 validation error detected: Value 'TOLL_FREE' at 'phoneNumberTypes' failed to "
        "satisfy constraint: Member must be a list (a JSON array)"
    )


def test_connect_event_that_is_no_structure_records_nothing(
    connect_raw: Callable[..., Answer],
    connect_world: ConnectWorld,
    chat_events: Callable[[], list[Any]],
) -> None:
    before = chat_events(accountId=ACCOUNT)
    base = _connect_bases(connect_world)["SendChatIntegrationEvent"]
    answer = connect_raw("SendChatIntegrationEvent", base, body_overrides={"Event": "MESSAGE"})
    assert (answer.status, answer.code) == (400, "InvalidRequestException"), answer
    assert "at 'event' failed to satisfy constraint: Member must be a structure" in answer.message
    assert chat_events(accountId=ACCOUNT) == before


@pytest.mark.parametrize(
    ("body", "words"),
    [
        (b"not json", "The request body is not JSON ("),
        (b"[1]", "The request body is a JSON array: send the input members of ListPhoneNumbersV2"),
    ],
)
def test_connect_body_that_is_not_a_json_object(
    connect_raw: Callable[..., Answer], body: bytes, words: str
) -> None:
    answer = connect_raw("ListPhoneNumbersV2", {}, body=body)
    assert (answer.status, answer.code) == (400, "SerializationException"), answer
    assert answer.message.startswith(words), answer


def test_connect_unknown_path_is_an_unknown_operation(
    send: Callable[..., Answer], connect_emulated: list[str]
) -> None:
    headers = {"Content-Type": "application/json", "Authorization": _authorization("connect")}
    answer = send("POST", "/no-such/operation", b"{}", headers)
    assert (answer.status, answer.code) == (400, "UnknownOperationException"), answer
    assert answer.message.startswith(
        "No connect operation is emulated at POST /no-such/operation: it matches no operation "
        "of this LocalStack's connect model (botocore "
    )
    assert answer.message.endswith(f"Emulated operations: {', '.join(connect_emulated)}.")


def test_contact_lens_paths_are_left_to_localstack(send: Callable[..., Answer]) -> None:
    """connect-contact-lens signs as `connect` too; its paths are not the Connect emulator's."""
    headers = {"Content-Type": "application/json", "Authorization": _authorization("connect")}
    answer = send("POST", "/realtime-contact-analysis/analysis-segments", b"not json", headers)
    assert "Emulated operations" not in answer.message, answer
    assert answer.code not in ("UnknownOperationException", "SerializationException"), answer
