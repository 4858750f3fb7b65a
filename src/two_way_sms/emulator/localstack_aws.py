"""`routing.AwsView` on LocalStack's own IAM, SNS, KMS and STS, through its internal clients,
and `routing.ConnectView` on the emulator's Amazon Connect.

Runs inside the LocalStack process. Reads are made as the account that owns the resource
(`connect_to(aws_access_key_id=<account>)`); the publish is made as the assumed role
(`connect_to.with_assumed_role`) or as the service principal sms-voice with the number's ARN as
source (`request_metadata`). Amazon Connect is the emulator's own (connect_provider.py): its
import lookup and SendChatIntegrationEvent are called directly, the event recorded with the role
session it is sent as and the inbound message's payload.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from botocore.exceptions import ClientError
from localstack.aws.connect import connect_to

from two_way_sms.emulator.models import PhoneNumber
from two_way_sms.emulator.numbers import parse_arn, role_name
from two_way_sms.emulator.routing import ConnectImport, KeyData, PolicyDocument, RoleData
from two_way_sms.emulator.service_requests import session_arn

_IAM_REGION = "us-east-1"
_SERVICE = "sms-voice"  # LocalStack names service principals without ".amazonaws.com"


def _not_found(error: ClientError) -> bool:
    code = error.response.get("Error", {}).get("Code", "")
    return code in ("NoSuchEntity", "NotFound", "NotFoundException", "NoSuchEntityException")


def _pages(method: Any, key: str, **kwargs: Any) -> Iterator[Any]:
    marker: str | None = None
    while True:
        page = method(**kwargs, **({"Marker": marker} if marker else {}))
        yield from page.get(key, [])
        if not page.get("IsTruncated"):
            return
        marker = page.get("Marker")


class LocalStackAws:
    def role(self, role_arn: str) -> RoleData | None:
        arn = parse_arn(role_arn)
        if arn is None:
            return None
        iam = connect_to(aws_access_key_id=arn.account, region_name=_IAM_REGION).iam
        name = role_name(role_arn)
        try:
            role = iam.get_role(RoleName=name)["Role"]
        except ClientError as error:
            if _not_found(error):
                return None
            raise
        if role["Arn"] != role_arn:  # same name, other path: not the role that was named
            return None
        inline = [
            (policy, iam.get_role_policy(RoleName=name, PolicyName=policy)["PolicyDocument"])
            for policy in _pages(iam.list_role_policies, "PolicyNames", RoleName=name)
        ]
        managed = [
            (attached["PolicyArn"], self._managed_document(iam, attached["PolicyArn"]))
            for attached in _pages(
                iam.list_attached_role_policies, "AttachedPolicies", RoleName=name
            )
        ]
        boundary_arn = (role.get("PermissionsBoundary") or {}).get("PermissionsBoundaryArn")
        boundary = (
            (boundary_arn, self._managed_document(iam, boundary_arn)) if boundary_arn else None
        )
        return RoleData(
            arn=role["Arn"],
            trust_policy=role["AssumeRolePolicyDocument"],
            inline_policies=inline,
            managed_policies=managed,
            permissions_boundary=boundary,
        )

    @staticmethod
    def _managed_document(iam: Any, policy_arn: str) -> PolicyDocument:
        version = iam.get_policy(PolicyArn=policy_arn)["Policy"]["DefaultVersionId"]
        document: PolicyDocument = iam.get_policy_version(PolicyArn=policy_arn, VersionId=version)[
            "PolicyVersion"
        ]["Document"]
        return document

    def topic_attributes(self, topic_arn: str) -> Mapping[str, str] | None:
        arn = parse_arn(topic_arn)
        if arn is None:
            return None
        sns = connect_to(aws_access_key_id=arn.account, region_name=arn.region).sns
        try:
            attributes: Mapping[str, str] = sns.get_topic_attributes(TopicArn=topic_arn)[
                "Attributes"
            ]
        except ClientError as error:
            if _not_found(error):
                return None
            raise
        return attributes

    def kms_key(self, key_id: str, account: str, region: str) -> KeyData | None:
        kms = connect_to(aws_access_key_id=account, region_name=region).kms
        try:
            metadata = kms.describe_key(KeyId=key_id)["KeyMetadata"]
        except ClientError as error:
            if _not_found(error):
                return None
            raise
        policy = kms.get_key_policy(KeyId=metadata["KeyId"], PolicyName="default")["Policy"]
        return KeyData(
            arn=metadata["Arn"],
            key_spec=metadata.get("KeySpec") or metadata.get("CustomerMasterKeySpec") or "",
            key_state=metadata.get("KeyState", ""),
            key_usage=metadata.get("KeyUsage", ""),
            policy=policy,
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
            clients = connect_to.with_assumed_role(
                role_arn=role_arn,
                service_principal=_SERVICE,  # type: ignore[arg-type]
                session_name=session_name,
                region_name=region,
            )
            response = clients.sns.publish(TopicArn=topic_arn, Message=message)
        else:
            account = arn.account if arn else source_account
            sns = connect_to(aws_access_key_id=account, region_name=region).sns
            response = sns.request_metadata(
                service_principal=_SERVICE, source_arn=source_arn
            ).publish(TopicArn=topic_arn, Message=message)
        return str(response["MessageId"])

    def connect_phone_number(self, number: PhoneNumber, region: str) -> ConnectImport | None:
        from two_way_sms.emulator.connect_provider import imported_number

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
        from two_way_sms.emulator.connect_provider import send_chat_integration_event

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
