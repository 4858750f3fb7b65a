"""`DeploymentView` over boto3, with read-only calls only (Describe*, Get*, List*)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from two_way_sms.cli.aws_errors import call
from two_way_sms.cli.aws_session import Clients
from two_way_sms.delivery import (
    ConnectImport,
    FunctionData,
    KeyData,
    NumberSettings,
    PolicyDocument,
    RoleData,
)
from two_way_sms.identifiers import parse_arn, region_of, role_name

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


def _token_pages(
    client: Any, operation: str, key: str, *, missing_ok: bool = False, **params: Any
) -> Iterator[Any]:
    """Items of a list call, following NextToken; nothing when `missing_ok` and not found."""
    token: str | None = None
    while True:
        page = call(
            client,
            operation,
            missing_ok=missing_ok,
            **params,
            **({"NextToken": token} if token else {}),
        )
        yield from (page or {}).get(key, [])
        token = (page or {}).get("NextToken")
        if not token:
            return


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
        answer = call(
            self.clients("sns", region_of(topic_arn) or None),
            "GetTopicAttributes",
            missing_ok=True,
            TopicArn=topic_arn,
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
        for item in _token_pages(
            connect, "ListPhoneNumbersV2", "ListPhoneNumbersSummaryList", MaxResults=100
        ):
            if item.get("SourcePhoneNumberArn") == number.arn or (
                number.phone_number and item.get("PhoneNumber") == number.phone_number
            ):
                return ConnectImport(
                    phone_number_id=str(item.get("PhoneNumberId", "")),
                    phone_number=str(item.get("PhoneNumber", "")),
                    target_arn=str(item.get("TargetArn") or item.get("InstanceId") or ""),
                )
        return None

    # ------------------------------------------------------------------------------------------
    # The reply side (ResponderView): the functions that answer the topic

    def lambda_subscriptions(self, topic_arn: str) -> list[str]:
        sns = self.clients("sns", region_of(topic_arn) or None)
        subscriptions = _token_pages(
            sns, "ListSubscriptionsByTopic", "Subscriptions", missing_ok=True, TopicArn=topic_arn
        )
        return [
            str(item["Endpoint"])
            for item in subscriptions
            # a pending subscription's ARN is "PendingConfirmation"
            if item.get("Protocol") == "lambda"
            and item.get("SubscriptionArn", "").startswith("arn:")
        ]

    def function(self, function_arn: str) -> FunctionData | None:
        """GetFunction, GetPolicy and GetFunctionEventInvokeConfig of one function."""
        client = self.clients("lambda", region_of(function_arn) or None)
        answer = call(client, "GetFunction", missing_ok=True, FunctionName=function_arn)
        if answer is None:
            return None
        configuration = answer["Configuration"]
        policy = call(client, "GetPolicy", missing_ok=True, FunctionName=function_arn)
        invoke = call(
            client, "GetFunctionEventInvokeConfig", missing_ok=True, FunctionName=function_arn
        )
        destination = ((invoke or {}).get("DestinationConfig") or {}).get("OnFailure") or {}
        return FunctionData(
            arn=str(configuration["FunctionArn"]),
            role_arn=str(configuration.get("Role", "")),
            state=str(configuration.get("State") or "Active"),
            resource_policy=policy["Policy"] if policy else None,
            on_failure_destination=destination.get("Destination") or None,
        )

    def function_arn(self, name_or_arn: str, region: str) -> str | None:
        """The ARN of a function given by name or ARN (what --responder takes)."""
        client = self.clients("lambda", region or None)
        answer = call(client, "GetFunction", missing_ok=True, FunctionName=name_or_arn)
        return None if answer is None else str(answer["Configuration"]["FunctionArn"])

    def destination_exists(self, arn: str) -> bool:
        """An on-failure destination: an SQS queue, SNS topic, Lambda function or event bus."""
        parsed = parse_arn(arn)
        if parsed is None:
            return False
        client = self.clients(parsed.service, parsed.region or None)
        if parsed.service == "sqs":
            found = call(
                client,
                "GetQueueUrl",
                missing_ok=True,
                QueueName=parsed.resource,
                QueueOwnerAWSAccountId=parsed.account,
            )
        elif parsed.service == "sns":
            found = call(client, "GetTopicAttributes", missing_ok=True, TopicArn=arn)
        elif parsed.service == "lambda":
            found = call(client, "GetFunction", missing_ok=True, FunctionName=arn)
        elif parsed.service == "events":
            found = call(client, "DescribeEventBus", missing_ok=True, Name=arn)
        else:
            return False
        return found is not None
