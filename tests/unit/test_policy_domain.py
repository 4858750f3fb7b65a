"""This project's policies (the AWS two-way SMS guide, as our modules render them): each must
allow the intended request and deny the others with a reason naming what is missing."""

from __future__ import annotations

from typing import Any

from tests.support.deployments import (
    ACCOUNT,
    ENCRYPTED_STATEMENT,
    KEY,
    PUBLISH_STATEMENT,
    REGION,
    ROLE,
    ROOT_STATEMENT,
    TOPIC,
    policy,
)
from two_way_sms.policy import NamedPolicy, Request, evaluate

OTHER = "444455556666"
SESSION = f"arn:aws:sts::{ACCOUNT}:assumed-role/sms-in/SMSVoice"
PHONE = f"arn:aws:sms-voice:{REGION}:{ACCOUNT}:phone-number/phone-0123456789abcdef"
SMS_VOICE = "sms-voice.amazonaws.com"

TRUST = NamedPolicy(
    "trust policy of role/sms-in",
    '{"Version":"2012-10-17","Statement":[{"Sid":"SMSVoice","Effect":"Allow","Principal":'
    '{"Service":"sms-voice.amazonaws.com"},"Action":"sts:AssumeRole","Condition":'
    '{"StringEquals":{"aws:SourceAccount":"123456789012"}}}]}',
)

PERMISSIONS = NamedPolicy(
    "inline policy sms-in of role/sms-in", policy(PUBLISH_STATEMENT, ENCRYPTED_STATEMENT)
)

SOURCE_CONDITION = {
    "StringEquals": {"aws:SourceAccount": ACCOUNT},
    "ArnLike": {"aws:SourceArn": f"arn:aws:sms-voice:{REGION}:{ACCOUNT}:*"},
}


SMS_VOICE_KEY_STATEMENT = {
    "Sid": "AllowSmsVoiceToUseTheKey",
    "Effect": "Allow",
    "Principal": {"Service": SMS_VOICE},
    "Action": ["kms:GenerateDataKey*", "kms:Decrypt"],
    "Resource": "*",
    "Condition": SOURCE_CONDITION,
}


def key_policy(*statements: dict[str, Any]) -> NamedPolicy:
    return NamedPolicy(
        "key policy of key/1234", {"Version": "2012-10-17", "Statement": list(statements)}
    )


KEY_POLICY = key_policy(ROOT_STATEMENT, SMS_VOICE_KEY_STATEMENT)

TOPIC_POLICY = NamedPolicy(
    "topic policy of inbound",
    {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "AllowSmsVoicePublish",
                "Effect": "Allow",
                "Principal": {"Service": SMS_VOICE},
                "Action": "sns:Publish",
                "Resource": TOPIC,
                "Condition": SOURCE_CONDITION,
            }
        ],
    },
)

FROM_SMS_VOICE = {"aws:SourceAccount": ACCOUNT, "aws:SourceArn": PHONE}
VIA_SNS = {
    "kms:EncryptionContext:aws:sns:topicArn": TOPIC,
    "aws:CalledViaLast": "sns.amazonaws.com",
}


class TestTrustPolicy:
    def assume(self, principal: str, context: dict[str, Any]) -> Any:
        return evaluate(Request(principal, "sts:AssumeRole", ROLE, context), resource_policy=TRUST)

    def test_sms_voice_of_this_account_may_assume_the_role(self) -> None:
        decision = self.assume(SMS_VOICE, {"aws:SourceAccount": ACCOUNT})
        assert decision.allowed
        assert decision.reason == "allowed by statement 'SMSVoice' of trust policy of role/sms-in"
        assert decision.deciding == ("statement 'SMSVoice' of trust policy of role/sms-in",)

    def test_another_account_is_denied(self) -> None:
        decision = self.assume(SMS_VOICE, {"aws:SourceAccount": OTHER})
        assert not decision.allowed
        assert decision.reason == (
            "denied: no statement of trust policy of role/sms-in allows sts:AssumeRole for "
            "sms-voice.amazonaws.com (statement 'SMSVoice' matches but its condition "
            "StringEquals aws:SourceAccount = 123456789012 does not hold: request has "
            "444455556666)"
        )

    def test_a_missing_source_account_is_denied(self) -> None:
        decision = self.assume(SMS_VOICE, {})
        assert "request has no aws:SourceAccount" in decision.reason

    def test_another_service_is_denied(self) -> None:
        decision = self.assume("sns.amazonaws.com", {"aws:SourceAccount": ACCOUNT})
        assert not decision.allowed
        assert (
            "its Principal sms-voice.amazonaws.com does not name sns.amazonaws.com"
            in decision.reason
        )

    def test_a_role_of_the_account_is_not_trusted_even_with_permission(self) -> None:
        admin = f"arn:aws:sts::{ACCOUNT}:assumed-role/admin/alice"
        can_assume = NamedPolicy(
            "admin policy", {"Statement": {"Effect": "Allow", "Action": "sts:*", "Resource": "*"}}
        )
        decision = evaluate(
            Request(admin, "sts:AssumeRole", ROLE),
            identity_policies=[can_assume],
            resource_policy=TRUST,
        )
        assert not decision.allowed
        assert "trust policy of role/sms-in neither allows sts:AssumeRole" in decision.reason
        assert "statement 1 of admin policy does not count without that" in decision.reason


class TestPermissionPolicy:
    def test_the_role_may_publish_to_the_topic(self) -> None:
        request = Request(SESSION, "sns:Publish", TOPIC, {"aws:ResourceAccount": ACCOUNT})
        decision = evaluate(request, identity_policies=[PERMISSIONS])
        assert decision.allowed
        assert decision.reason == (
            "allowed by statement 'SMSVoiceAllowSNSPublish' of inline policy sms-in of role/sms-in"
        )

    def test_another_topic_is_denied(self) -> None:
        other = f"arn:aws:sns:{REGION}:{ACCOUNT}:outbound"
        decision = evaluate(
            Request(SESSION, "sns:Publish", other, {"aws:ResourceAccount": ACCOUNT}),
            identity_policies=[PERMISSIONS],
        )
        assert not decision.allowed
        assert (
            "closest is statement 'SMSVoiceAllowSNSPublish', but its Resource does not cover "
            f"{other}" in decision.reason
        )

    def test_a_topic_of_another_account_is_denied(self) -> None:
        decision = evaluate(
            Request(SESSION, "sns:Publish", TOPIC, {"aws:ResourceAccount": OTHER}),
            identity_policies=[PERMISSIONS],
        )
        assert (
            "its condition StringEquals aws:ResourceAccount = 123456789012 does not hold: "
            "request has 444455556666" in decision.reason
        )

    def test_the_role_may_use_the_key_through_sns(self) -> None:
        for action in ("kms:Decrypt", "kms:GenerateDataKey"):
            decision = evaluate(
                Request(SESSION, action, KEY, VIA_SNS),
                identity_policies=[PERMISSIONS],
                resource_policy=KEY_POLICY,
                resource_is_kms_key=True,
            )
            assert decision.allowed, decision.reason
            assert decision.deciding == (
                "statement 'SMSVoiceAllowEncryptedSNSTopics' of inline policy sms-in of "
                "role/sms-in",
                "statement 'Enable IAM User Permissions' of key policy of key/1234",
            )
            assert decision.reason == (
                "allowed by statement 'SMSVoiceAllowEncryptedSNSTopics' of inline policy sms-in "
                "of role/sms-in, to which statement 'Enable IAM User Permissions' of key policy of "
                "key/1234 delegates"
            )

    def test_the_key_is_not_usable_outside_sns(self) -> None:
        context = {"kms:EncryptionContext:aws:sns:topicArn": TOPIC}
        decision = evaluate(
            Request(SESSION, "kms:Decrypt", KEY, context),
            identity_policies=[PERMISSIONS],
            resource_policy=KEY_POLICY,
            resource_is_kms_key=True,
        )
        assert not decision.allowed
        assert decision.reason == (
            "denied: statement 'Enable IAM User Permissions' of key policy of key/1234 delegates "
            "to IAM policies of account 123456789012, but no statement of inline policy sms-in of "
            f"role/sms-in allows kms:Decrypt on {KEY} (statement "
            "'SMSVoiceAllowEncryptedSNSTopics' matches but its condition StringEquals "
            "aws:CalledViaLast = sns.amazonaws.com does not hold: request has no "
            "aws:CalledViaLast)"
        )

    def test_other_kms_actions_are_denied(self) -> None:
        decision = evaluate(
            Request(SESSION, "kms:Encrypt", KEY, VIA_SNS),
            identity_policies=[PERMISSIONS],
            resource_policy=KEY_POLICY,
            resource_is_kms_key=True,
        )
        assert "its Action does not cover kms:Encrypt" in decision.reason


class TestKmsKeyPolicy:
    def test_sms_voice_may_use_the_key(self) -> None:
        for action in ("kms:GenerateDataKey", "kms:Decrypt"):
            decision = evaluate(
                Request(SMS_VOICE, action, KEY, FROM_SMS_VOICE),
                resource_policy=KEY_POLICY,
                resource_is_kms_key=True,
            )
            assert decision.allowed
            assert decision.deciding == (
                "statement 'AllowSmsVoiceToUseTheKey' of key policy of key/1234",
            )

    def test_sms_voice_of_another_region_is_denied(self) -> None:
        source = PHONE.replace(REGION, "eu-west-1")
        decision = evaluate(
            Request(SMS_VOICE, "kms:Decrypt", KEY, {**FROM_SMS_VOICE, "aws:SourceArn": source}),
            resource_policy=KEY_POLICY,
            resource_is_kms_key=True,
        )
        assert not decision.allowed
        assert (
            "statement 'AllowSmsVoiceToUseTheKey' matches but its condition ArnLike "
            f"aws:SourceArn = arn:aws:sms-voice:{REGION}:{ACCOUNT}:* does not hold: request has "
            f"{source}" in decision.reason
        )

    def test_sms_voice_on_behalf_of_another_account_is_denied(self) -> None:
        decision = evaluate(
            Request(SMS_VOICE, "kms:Decrypt", KEY, {**FROM_SMS_VOICE, "aws:SourceAccount": OTHER}),
            resource_policy=KEY_POLICY,
            resource_is_kms_key=True,
        )
        assert "StringEquals aws:SourceAccount = 123456789012 does not hold" in decision.reason

    def test_a_role_is_allowed_through_the_root_statement_and_its_policy(self) -> None:
        decision = evaluate(
            Request(SESSION, "kms:GenerateDataKey", KEY, VIA_SNS),
            identity_policies=[PERMISSIONS],
            resource_policy=KEY_POLICY,
            resource_is_kms_key=True,
        )
        assert decision.allowed

    def test_a_role_is_denied_when_the_key_policy_has_no_root_statement(self) -> None:
        decision = evaluate(
            Request(SESSION, "kms:GenerateDataKey", KEY, VIA_SNS),
            identity_policies=[PERMISSIONS],
            resource_policy=key_policy(SMS_VOICE_KEY_STATEMENT),
            resource_is_kms_key=True,
        )
        assert not decision.allowed
        assert decision.reason == (
            f"denied: key policy of key/1234 neither allows kms:GenerateDataKey for {SESSION} nor "
            "delegates to IAM policies of account 123456789012 (with a statement whose principal "
            "is arn:aws:iam::123456789012:root) (closest is statement 'AllowSmsVoiceToUseTheKey', "
            f"but its Principal sms-voice.amazonaws.com does not name {SESSION} and its condition "
            "StringEquals aws:SourceAccount = 123456789012 does not hold: request has no "
            "aws:SourceAccount); statement 'SMSVoiceAllowEncryptedSNSTopics' of inline policy "
            "sms-in of role/sms-in does not count without that"
        )


class TestTopicPolicy:
    def publish(self, principal: str, context: dict[str, Any], **kwargs: Any) -> Any:
        return evaluate(
            Request(principal, "sns:Publish", TOPIC, context),
            resource_policy=TOPIC_POLICY,
            **kwargs,
        )

    def test_sms_voice_may_publish(self) -> None:
        decision = self.publish(SMS_VOICE, FROM_SMS_VOICE)
        assert decision.allowed
        assert (
            decision.reason
            == "allowed by statement 'AllowSmsVoicePublish' of topic policy of inbound"
        )

    def test_sms_voice_for_another_account_is_denied(self) -> None:
        other_phone = PHONE.replace(ACCOUNT, OTHER)
        decision = self.publish(
            SMS_VOICE, {"aws:SourceAccount": OTHER, "aws:SourceArn": other_phone}
        )
        assert not decision.allowed
        assert "StringEquals aws:SourceAccount = 123456789012 does not hold" in decision.reason

    def test_a_source_arn_of_another_service_is_denied(self) -> None:
        source = f"arn:aws:events:{REGION}:{ACCOUNT}:rule/x"
        decision = self.publish(SMS_VOICE, {**FROM_SMS_VOICE, "aws:SourceArn": source})
        assert f"ArnLike aws:SourceArn = arn:aws:sms-voice:{REGION}:{ACCOUNT}:*" in decision.reason

    def test_another_service_is_denied(self) -> None:
        decision = self.publish("events.amazonaws.com", FROM_SMS_VOICE)
        assert not decision.allowed
        assert "does not name events.amazonaws.com" in decision.reason

    def test_a_role_of_the_account_still_publishes_with_its_own_policy(self) -> None:
        context = {"aws:ResourceAccount": ACCOUNT}
        assert not self.publish(SESSION, context).allowed
        assert self.publish(SESSION, context, identity_policies=[PERMISSIONS]).allowed


def test_the_whole_inbound_path() -> None:
    """sms-voice assumes the role, the role publishes to the encrypted topic, and SNS uses the
    key on the role's behalf."""
    assume = Request(SMS_VOICE, "sts:AssumeRole", ROLE, {"aws:SourceAccount": ACCOUNT})
    publish = Request(SESSION, "sns:Publish", TOPIC, {"aws:ResourceAccount": ACCOUNT})
    use_key = Request(SESSION, "kms:GenerateDataKey", KEY, VIA_SNS)
    assert evaluate(assume, resource_policy=TRUST).allowed
    assert evaluate(publish, identity_policies=[PERMISSIONS]).allowed
    assert evaluate(
        use_key,
        identity_policies=[PERMISSIONS],
        resource_policy=KEY_POLICY,
        resource_is_kms_key=True,
    ).allowed
