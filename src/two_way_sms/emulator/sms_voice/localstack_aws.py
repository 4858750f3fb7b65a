"""`routing.InboundAws` on LocalStack's own IAM, SNS, KMS and STS, and on the emulator's Amazon
Connect: the delivery rules' reads (`two_way_sms.delivery.DeploymentView`) and the deliveries.

Runs inside the LocalStack process, once per inbound message, so it is on the routed path's
critical section. Reads go straight to the state LocalStack's providers keep (no internal API
call, no botocore serialization, no client construction), and are made afresh for every message:
a policy changed by one request is seen by the next message.

Coupling to LocalStack 4.14.0 internals (pinned by
requirements/localstack-4.14.0-constraints.txt; re-check these on an upgrade, the unit tests in
tests/unit/test_emulator_localstack_aws.py fake exactly these names):

- IAM is moto's: `moto.iam.models.iam_backends[account][partition]`, `IAMBackend.get_role(name)`
  (raises `moto.iam.exceptions.NotFoundException`) and `.get_policy(arn)`; a `Role` has `arn`,
  `assume_role_policy_document`, `policies` (inline, name -> JSON text), `managed_policies`
  (ARN -> `ManagedPolicy`, in ListAttachedRolePolicies order), `permissions_boundary_arn`; a
  `ManagedPolicy` has `default_version_id` and `versions` (`PolicyVersion.version_id`,
  `.document`). These are what GetRole, ListRolePolicies, GetRolePolicy,
  ListAttachedRolePolicies, GetPolicy and GetPolicyVersion answer from.
- SNS is LocalStack's: `localstack.services.sns.models.sns_stores[account][region].topics`
  (ARN -> topic dict whose "attributes" GetTopicAttributes returns as is).
- KMS is LocalStack's: `localstack.services.kms.utils.is_valid_key_arn`/`parse_key_arn` and
  `KmsProvider._get_kms_key(account, region, id, any_key_state_allowed=True)` (id, ARN, alias
  name or alias ARN; raises `localstack.aws.api.kms.NotFoundException`), then `KmsKey.metadata`
  and `KmsKey.policy`, as DescribeKey and GetKeyPolicy do.

Policy documents are parsed from JSON here, once per message (a document that is not JSON is
passed on as text, so the evaluator reports it as a malformed policy).

The publish goes through LocalStack's SNS (an internal client), so subscribers receive it as
from any other publisher: as the channel role, with credentials from STS AssumeRole by the
service principal sms-voice (`request_metadata(service_principal=...)`), or as the service
principal with the number's ARN as source. The role's credentials (and the client built on them)
are kept per (role ARN, region) until five minutes before they expire: they decide nothing (every
allow/deny is `two_way_sms.policy`'s, per message), and assuming the role for every message cost
an STS call and a new botocore client each time. The session behind them is named after the
message that assumed the role (sms-voice-<message id>); the decisions and the Amazon Connect
records use each message's own session.

Amazon Connect is the emulator's own (connect/provider.py): its import lookup and
SendChatIntegrationEvent are called directly, the event recorded with the role session it is
sent as and the inbound message's payload.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

from localstack.aws.connect import connect_to

from two_way_sms.delivery import ConnectImport, KeyData, NumberSettings, PolicyDocument, RoleData
from two_way_sms.identifiers import parse_arn, role_name, session_arn

_SERVICE = "sms-voice"  # LocalStack names service principals without ".amazonaws.com"
_REFRESH_BEFORE = timedelta(minutes=5)  # assume the role again this long before expiry


def _document(text: Any) -> PolicyDocument:
    """A policy document as the evaluator takes it: parsed JSON, or the text if it is not."""
    if isinstance(text, str):
        try:
            parsed = json.loads(text)
        except ValueError:
            return text
        if isinstance(parsed, Mapping):
            return parsed
    return text


def _managed_document(iam: Any, policy_arn: str) -> PolicyDocument:
    """The default version's document of a managed policy (GetPolicy + GetPolicyVersion)."""
    policy = iam.get_policy(policy_arn)
    for version in list(policy.versions):
        if version.version_id == policy.default_version_id:
            return _document(version.document)
    from moto.iam.exceptions import NotFoundException

    raise NotFoundException("Policy version not found")


class _RoleClients:
    """SNS clients with the channel role's credentials, per (role ARN, region)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._clients: dict[tuple[str, str | None], tuple[Any, datetime | None]] = {}

    def sns(self, role_arn: str, region: str | None, session_name: str) -> Any:
        key = (role_arn, region)
        now = datetime.now(UTC)
        with self._lock:
            cached = self._clients.get(key)
        if cached is not None:
            client, expires = cached
            if expires is None or now < expires - _REFRESH_BEFORE:
                return client
        sts = connect_to(region_name=region).sts.request_metadata(service_principal=_SERVICE)
        credentials = sts.assume_role(RoleArn=role_arn, RoleSessionName=session_name)["Credentials"]
        client = connect_to(
            region_name=region,
            aws_access_key_id=credentials["AccessKeyId"],
            aws_secret_access_key=credentials["SecretAccessKey"],
            aws_session_token=credentials["SessionToken"],
        ).sns
        expires = credentials.get("Expiration")
        if isinstance(expires, datetime) and expires.tzinfo is None:
            expires = expires.replace(tzinfo=UTC)
        with self._lock:
            self._clients[key] = (client, expires if isinstance(expires, datetime) else None)
        return client

    def clear(self) -> None:
        with self._lock:
            self._clients.clear()


_ROLE_CLIENTS = _RoleClients()


class LocalStackAws:
    def role(self, role_arn: str) -> RoleData | None:
        from moto.iam.exceptions import NotFoundException
        from moto.iam.models import iam_backends

        arn = parse_arn(role_arn)
        if arn is None:
            return None
        iam = iam_backends[arn.account][arn.partition]
        try:
            role = iam.get_role(role_name(role_arn))
        except NotFoundException:
            return None
        inline = [(name, _document(text)) for name, text in list(role.policies.items())]
        managed = [
            (policy_arn, _managed_document(iam, policy_arn))
            for policy_arn in list(role.managed_policies)
        ]
        boundary_arn = role.permissions_boundary_arn
        boundary = (boundary_arn, _managed_document(iam, boundary_arn)) if boundary_arn else None
        return RoleData(
            arn=role.arn,
            trust_policy=_document(role.assume_role_policy_document),
            inline_policies=inline,
            managed_policies=managed,
            permissions_boundary=boundary,
        )

    def topic_attributes(self, topic_arn: str) -> Mapping[str, str] | None:
        from localstack.services.sns.models import sns_stores

        arn = parse_arn(topic_arn)
        if arn is None:
            return None
        try:
            topic = sns_stores[arn.account][arn.region].topics.get(topic_arn)
        except ValueError:  # not a valid account id or Region: no such topic
            return None
        if topic is None:
            return None
        return dict(topic["attributes"])

    def kms_key(self, key_id: str, account: str, region: str) -> KeyData | None:
        from localstack.aws.api.kms import NotFoundException
        from localstack.services.kms.provider import KmsProvider
        from localstack.services.kms.utils import is_valid_key_arn, parse_key_arn

        if is_valid_key_arn(key_id):  # DescribeKey: an ARN names its own account
            account, key_region, key_id = parse_key_arn(key_id)
            if key_region != region:
                return None
        try:
            key = KmsProvider._get_kms_key(account, region, key_id, any_key_state_allowed=True)
        except (NotFoundException, ValueError):  # ValueError: not a key id, ARN or alias
            return None
        metadata = key.metadata
        return KeyData(
            arn=metadata["Arn"],
            key_spec=metadata.get("KeySpec") or metadata.get("CustomerMasterKeySpec") or "",
            key_state=metadata.get("KeyState", ""),
            key_usage=metadata.get("KeyUsage", ""),
            policy=_document(key.policy),
        )

    def publish(
        self,
        topic_arn: str,
        message: str,
        *,
        role_arn: str | None,
        session_name: str,
        source_arn: str,
        source_account: str,
    ) -> str:
        arn = parse_arn(topic_arn)
        region = arn.region if arn else None
        if role_arn:
            sns = _ROLE_CLIENTS.sns(role_arn, region, session_name)
            response = sns.publish(TopicArn=topic_arn, Message=message)
        else:
            account = arn.account if arn else source_account
            sns = connect_to(aws_access_key_id=account, region_name=region).sns
            response = sns.request_metadata(
                service_principal=_SERVICE, source_arn=source_arn
            ).publish(TopicArn=topic_arn, Message=message)
        return str(response["MessageId"])

    def connect_phone_number(self, number: NumberSettings, region: str) -> ConnectImport | None:
        from two_way_sms.emulator.connect.provider import imported_number

        arn = parse_arn(number.arn)
        if arn is None:
            return None
        claim = imported_number(arn.account, region, number.arn)
        if claim is None:
            return None
        return ConnectImport(claim.phone_number_id, claim.phone_number, claim.target_arn)

    def send_chat_integration_event(
        self,
        *,
        role_arn: str,
        session_name: str,
        account: str,
        region: str,
        source_id: str,
        destination_id: str,
        subtype: str,
        event: Mapping[str, str],
        payload: Mapping[str, str],
        inbound_message_id: str | None,
    ) -> str:
        from two_way_sms.emulator.connect.provider import send_chat_integration_event

        answer = send_chat_integration_event(
            account,
            region,
            {
                "SourceId": source_id,
                "DestinationId": destination_id,
                "Subtype": subtype,
                "Event": dict(event),
            },
            caller=session_arn(role_arn, session_name),
            inbound_message_id=inbound_message_id,
            payload=payload,
        )
        return str(answer["InitialContactId"])
