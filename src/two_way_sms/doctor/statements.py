"""The policy statements of the AWS guide "Two-way SMS messaging", filled in for one deployment.

Sids are those the Terraform modules render (modules/channel-role, modules/sns-destination,
modules/kms-key), so a fix applied by hand and a later `terraform apply` agree.
"""

from __future__ import annotations

from typing import Any

from two_way_sms.identifiers import SMS_VOICE_PRINCIPAL, SNS_PRINCIPAL

INLINE_POLICY_NAME = "two-way-sms-destination"  # the channel-role module's inline policy
VERSION = "2012-10-17"

Statement = dict[str, Any]


def document(*statements: Statement) -> dict[str, Any]:
    return {"Version": VERSION, "Statement": list(statements)}


def trust(account: str) -> Statement:
    """Trust policy: the service may assume the role for this account's numbers."""
    return {
        "Sid": "SMSVoice",
        "Effect": "Allow",
        "Principal": {"Service": SMS_VOICE_PRINCIPAL},
        "Action": "sts:AssumeRole",
        "Condition": {"StringEquals": {"aws:SourceAccount": account}},
    }


def role_publish(topic_arn: str, topic_account: str) -> Statement:
    """Role permission SMSVoiceAllowSNSPublish."""
    return {
        "Sid": "SMSVoiceAllowSNSPublish",
        "Effect": "Allow",
        "Action": "sns:Publish",
        "Resource": topic_arn,
        "Condition": {"StringEquals": {"aws:ResourceAccount": topic_account}},
    }


def role_encrypted_topic(topic_arn: str, key_arn: str) -> Statement:
    """Role permission SMSVoiceAllowEncryptedSNSTopics, narrowed to the topic's key."""
    return {
        "Sid": "SMSVoiceAllowEncryptedSNSTopics",
        "Effect": "Allow",
        "Action": ["kms:Decrypt", "kms:GenerateDataKey*"],
        "Resource": key_arn,
        "Condition": {
            "StringEquals": {
                "kms:EncryptionContext:aws:sns:topicArn": topic_arn,
                "aws:CalledViaLast": SNS_PRINCIPAL,
            }
        },
    }


def role_connect() -> Statement:
    """Role permission for Amazon Connect destinations (the guide's policy, Resource "*")."""
    return {
        "Sid": "SMSVoiceAllowConnectChatIntegrationEvents",
        "Effect": "Allow",
        "Action": "connect:SendChatIntegrationEvent",
        "Resource": "*",
    }


def _source_arns(partition: str, region: str, account: str) -> str:
    return f"arn:{partition}:sms-voice:{region}:{account}:*"


def topic_publish(topic_arn: str, partition: str, region: str, account: str) -> Statement:
    """Topic policy: the service publishes for this account's numbers (no role)."""
    return {
        "Sid": "AllowSmsVoicePublish",
        "Effect": "Allow",
        "Principal": {"Service": SMS_VOICE_PRINCIPAL},
        "Action": "sns:Publish",
        "Resource": topic_arn,
        "Condition": {
            "StringEquals": {"aws:SourceAccount": account},
            "ArnLike": {"aws:SourceArn": _source_arns(partition, region, account)},
        },
    }


def topic_publish_by_role(topic_arn: str, role_arn: str) -> Statement:
    """Topic policy: a channel role of another account may publish."""
    return {
        "Sid": "AllowTwoWaySmsChannelRole",
        "Effect": "Allow",
        "Principal": {"AWS": role_arn},
        "Action": "sns:Publish",
        "Resource": topic_arn,
    }


def key_for_service(partition: str, region: str, account: str) -> Statement:
    """Key policy: the service may use the key (the guide's statement, with its conditions)."""
    return {
        "Sid": "AllowSmsVoiceToUseTheKey",
        "Effect": "Allow",
        "Principal": {"Service": SMS_VOICE_PRINCIPAL},
        "Action": ["kms:GenerateDataKey*", "kms:Decrypt"],
        "Resource": "*",
        "Condition": {
            "StringEquals": {"aws:SourceAccount": account},
            "ArnLike": {"aws:SourceArn": _source_arns(partition, region, account)},
        },
    }


def key_root_delegation(partition: str, account: str) -> Statement:
    """Key policy: IAM policies of the account (the channel role's) decide."""
    return {
        "Sid": "EnableIamPoliciesOfThisAccount",
        "Effect": "Allow",
        "Principal": {"AWS": f"arn:{partition}:iam::{account}:root"},
        "Action": "kms:*",
        "Resource": "*",
    }


def reply_policy_name(function_name: str) -> str:
    """The responder module's inline reply policy on the function's role: `<name>-reply`."""
    return f"{function_name}-reply"


def sns_invokes_function(function_arn: str, topic_arn: str, topic_account: str) -> Statement:
    """Function resource policy: SNS may invoke it for this topic (lambda add-permission)."""
    return {
        "Sid": "AllowTwoWaySmsTopic",
        "Effect": "Allow",
        "Principal": {"Service": SNS_PRINCIPAL},
        "Action": "lambda:InvokeFunction",
        "Resource": function_arn,
        "Condition": {
            "ArnLike": {"aws:SourceArn": topic_arn},
            "StringEquals": {"aws:SourceAccount": topic_account},
        },
    }


def reply_from(number_arns: list[str]) -> Statement:
    """Responder role: send replies from these numbers only."""
    return {
        "Sid": "ReplyFromRoutedNumbers",
        "Effect": "Allow",
        "Action": "sms-voice:SendTextMessage",
        "Resource": number_arns,
    }
