"""`DeploymentView` over boto3, with read-only calls only (Describe*, Get*, List*)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from two_way_sms.cli.aws_errors import call
from two_way_sms.cli.aws_session import Clients
from two_way_sms.delivery import ConnectImport, KeyData, NumberSettings, PolicyDocument, RoleData
from two_way_sms.identifiers import role_name

SMS_VOICE = "pinpoint-sms-voice-v2"


def _marker_pages(client: Any, operation: str, key: str, **params: Any) -> Iterator[Any]:
    """Items of an IAM list call, following Marker/IsTruncated."""
    marker: str | None = None
    while True:
        page = call(client, operation, **params, **({"Marker": marker} if marker else {}))
        yield from page.get(key, [])
        if not page.get("IsTruncated"):
            return
        marker = page.get("Marker")


class AwsReader:
    """Reads the live configuration of a number and what it names. Not-found is None."""

    def __init__(self, clients: Clients) -> None:
        self.clients = clients

    def phone_number(self, phone_number_id: str) -> NumberSettings:
        """DescribePhoneNumbers of one number (id or ARN); an unknown one is an AwsCallError."""
        answer = call(
            self.clients(SMS_VOICE), "DescribePhoneNumbers", PhoneNumberIds=[phone_number_id]
        )
        return NumberSettings.from_api(answer["PhoneNumbers"][0])

    def role(self, role_arn: str) -> RoleData | None:
        iam = self.clients("iam")
        name = role_name(role_arn)
        answer = call(iam, "GetRole", missing_ok=True, RoleName=name)
        if answer is None:
            return None
        role = answer["Role"]
        names = list(_marker_pages(iam, "ListRolePolicies", "PolicyNames", RoleName=name))
        attached = list(
            _marker_pages(iam, "ListAttachedRolePolicies", "AttachedPolicies", RoleName=name)
        )
        inline = [
            (policy, call(iam, "GetRolePolicy", RoleName=name, PolicyName=policy)["PolicyDocument"])
            for policy in names
        ]
        managed = [(a["PolicyArn"], self._managed_document(a["PolicyArn"])) for a in attached]
        boundary_arn = (role.get("PermissionsBoundary") or {}).get("PermissionsBoundaryArn")
        return RoleData(
            arn=role["Arn"],
            trust_policy=role["AssumeRolePolicyDocument"],
            inline_policies=inline,
            managed_policies=managed,
            permissions_boundary=(
                (boundary_arn, self._managed_document(boundary_arn)) if boundary_arn else None
            ),
        )

    def _managed_document(self, policy_arn: str) -> PolicyDocument:
        iam = self.clients("iam")
        version = call(iam, "GetPolicy", PolicyArn=policy_arn)["Policy"]["DefaultVersionId"]
        answer = call(iam, "GetPolicyVersion", PolicyArn=policy_arn, VersionId=version)
        document: PolicyDocument = answer["PolicyVersion"]["Document"]
        return document

    def topic_attributes(self, topic_arn: str) -> Mapping[str, str] | None:
        region = topic_arn.split(":")[3] or None
        answer = call(
            self.clients("sns", region), "GetTopicAttributes", missing_ok=True, TopicArn=topic_arn
        )
        return None if answer is None else dict(answer["Attributes"])

    def kms_key(self, key_id: str, account: str, region: str) -> KeyData | None:
        kms = self.clients("kms", region or None)
        answer = call(kms, "DescribeKey", missing_ok=True, KeyId=key_id)
        if answer is None:
            return None
        metadata = answer["KeyMetadata"]
        policy = call(kms, "GetKeyPolicy", KeyId=metadata["KeyId"], PolicyName="default")
        return KeyData(
            arn=metadata["Arn"],
            key_spec=metadata.get("KeySpec") or metadata.get("CustomerMasterKeySpec") or "",
            key_state=metadata.get("KeyState", ""),
            key_usage=metadata.get("KeyUsage", ""),
            policy=policy["Policy"],
        )

    def connect_phone_number(self, number: NumberSettings, region: str) -> ConnectImport | None:
        """ListPhoneNumbersV2 without TargetArn lists the numbers claimed by every Connect
        instance of the account in `region`; an imported number names its source ARN."""
        connect = self.clients("connect", region)
        token: str | None = None
        while True:
            params: dict[str, Any] = {"MaxResults": 100, **({"NextToken": token} if token else {})}
            page = call(connect, "ListPhoneNumbersV2", **params)
            for item in page.get("ListPhoneNumbersSummaryList", []):
                if item.get("SourcePhoneNumberArn") == number.arn or (
                    number.phone_number and item.get("PhoneNumber") == number.phone_number
                ):
                    return ConnectImport(
                        phone_number_id=str(item.get("PhoneNumberId", "")),
                        phone_number=str(item.get("PhoneNumber", "")),
                        target_arn=str(item.get("TargetArn") or item.get("InstanceId") or ""),
                    )
            token = page.get("NextToken")
            if not token:
                return None
