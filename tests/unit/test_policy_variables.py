"""Policy variables, after AWS's "IAM policy elements: Variables and tags"
(https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.support.deployments import ACCOUNT
from two_way_sms.policy import NamedPolicy, Request, evaluate

OTHER = "444455556666"
SMS_VOICE = "sms-voice.amazonaws.com"
ROLE = f"arn:aws:iam::{ACCOUNT}:role/sms-in"
TOPIC = f"arn:aws:sns:us-east-1:{ACCOUNT}:inbound"
KEY = f"arn:aws:kms:us-east-1:{ACCOUNT}:key/1234"
NUMBER = f"arn:aws:sms-voice:us-east-1:{ACCOUNT}:phone-number/phone-1234"
USER = f"arn:aws:iam::{ACCOUNT}:user/alice"


def document(*statements: dict[str, Any], version: str | None = "2012-10-17") -> dict[str, Any]:
    doc: dict[str, Any] = {"Statement": list(statements)}
    if version is not None:
        doc["Version"] = version
    return doc


def holds(condition: dict[str, Any], context: dict[str, Any], version: str | None = "2012-10-17"):
    """Whether an identity-policy Allow with ``condition`` applies to a request with ``context``."""
    statement = {
        "Effect": "Allow",
        "Action": "sns:Publish",
        "Resource": "*",
        "Condition": condition,
    }
    policy = NamedPolicy("policy p", document(statement, version=version))
    return evaluate(
        Request(USER, "sns:Publish", TOPIC, context), identity_policies=[policy]
    ).allowed


def covers(resource_entry: str, resource: str, context: dict[str, Any], element: str = "Resource"):
    """Whether an identity-policy Allow with this Resource (or NotResource) entry allows the
    request on ``resource``."""
    statement = {"Effect": "Allow", "Action": "s3:GetObject", element: resource_entry}
    policy = NamedPolicy("policy p", document(statement))
    request = Request(USER, "s3:GetObject", resource, context)
    return evaluate(request, identity_policies=[policy]).allowed


class TestTrustPolicy:
    """sms-voice.amazonaws.com assuming the channel role, with variables in the conditions."""

    @staticmethod
    def trust(condition: dict[str, Any]) -> NamedPolicy:
        return NamedPolicy(
            "trust policy of role/sms-in",
            document(
                {
                    "Sid": "SMSVoice",
                    "Effect": "Allow",
                    "Principal": {"Service": SMS_VOICE},
                    "Action": "sts:AssumeRole",
                    "Condition": condition,
                }
            ),
        )

    @staticmethod
    def assume(**context: str) -> Request:
        return Request(SMS_VOICE, "sts:AssumeRole", ROLE, context, resource_account=ACCOUNT)

    def test_source_account_equal_to_a_variable(self) -> None:
        trust = self.trust({"StringEquals": {"aws:SourceAccount": "${aws:PrincipalAccount}"}})
        same = self.assume(**{"aws:SourceAccount": ACCOUNT, "aws:PrincipalAccount": ACCOUNT})
        other = self.assume(**{"aws:SourceAccount": OTHER, "aws:PrincipalAccount": ACCOUNT})
        assert evaluate(same, resource_policy=trust).allowed
        assert not evaluate(other, resource_policy=trust).allowed

    def test_a_variable_whose_key_is_absent_matches_nothing(self) -> None:
        # A service principal has no aws:PrincipalAccount: the value is "effectively null".
        trust = self.trust({"StringEquals": {"aws:SourceAccount": "${aws:PrincipalAccount}"}})
        decision = evaluate(self.assume(**{"aws:SourceAccount": ACCOUNT}), resource_policy=trust)
        assert not decision.allowed
        assert (
            "statement 'SMSVoice' matches but its condition StringEquals aws:SourceAccount = "
            "${aws:PrincipalAccount} does not hold: request has 123456789012 "
            "(${aws:PrincipalAccount} has no value in this request)"
        ) in decision.reason

    def test_a_default_stands_in_for_an_absent_key(self) -> None:
        trust = self.trust(
            {"StringEquals": {"aws:SourceAccount": f"${{aws:PrincipalAccount, '{ACCOUNT}'}}"}}
        )
        assert evaluate(
            self.assume(**{"aws:SourceAccount": ACCOUNT}), resource_policy=trust
        ).allowed
        assert not evaluate(
            self.assume(**{"aws:SourceAccount": OTHER}), resource_policy=trust
        ).allowed
        present = self.assume(**{"aws:SourceAccount": OTHER, "aws:PrincipalAccount": OTHER})
        assert evaluate(present, resource_policy=trust).allowed  # the key's value wins

    def test_source_arn_in_the_resource_account(self) -> None:
        # Variables may sit anywhere in a condition value, the account part of an ARN included.
        trust = self.trust(
            {"ArnLike": {"aws:SourceArn": "arn:aws:sms-voice:*:${aws:ResourceAccount}:*"}}
        )
        mine = self.assume(**{"aws:SourceArn": NUMBER, "aws:ResourceAccount": ACCOUNT})
        theirs = self.assume(**{"aws:SourceArn": NUMBER, "aws:ResourceAccount": OTHER})
        assert evaluate(mine, resource_policy=trust).allowed
        assert not evaluate(theirs, resource_policy=trust).allowed


class TestTopicPolicy:
    @staticmethod
    def topic(**statement: Any) -> NamedPolicy:
        base = {
            "Sid": "SMSVoice",
            "Effect": "Allow",
            "Principal": {"Service": SMS_VOICE},
            "Action": "sns:Publish",
        }
        return NamedPolicy(f"topic policy of {TOPIC}", document({**base, **statement}))

    @staticmethod
    def publish(topic: str = TOPIC, **context: str) -> Request:
        return Request(SMS_VOICE, "sns:Publish", topic, context, resource_account=ACCOUNT)

    def test_no_variable_before_the_fifth_colon_of_a_resource(self) -> None:
        # "You can't use a variable to replace parts of the ARN before the fifth colon, such as
        # the service or account": arn:aws:sns:*:${aws:SourceAccount}:* is taken as written.
        topic = self.topic(Resource="arn:aws:sns:*:${aws:SourceAccount}:*")
        decision = evaluate(self.publish(**{"aws:SourceAccount": ACCOUNT}), resource_policy=topic)
        assert not decision.allowed
        assert "its Resource does not cover" in decision.reason
        literal = "arn:aws:sns:us-east-1:${aws:SourceAccount}:inbound"
        assert evaluate(self.publish(literal), resource_policy=topic).allowed

    def test_a_variable_in_the_resource_part(self) -> None:
        topic = self.topic(Resource="arn:aws:sns:*:*:inbound-${aws:SourceAccount}")
        mine = f"arn:aws:sns:us-east-1:{ACCOUNT}:inbound-{ACCOUNT}"
        assert evaluate(
            self.publish(mine, **{"aws:SourceAccount": ACCOUNT}), resource_policy=topic
        ).allowed
        assert not evaluate(
            self.publish(mine, **{"aws:SourceAccount": OTHER}), resource_policy=topic
        ).allowed
        # No value: "the resource that includes a policy variable with no value will not match
        # any resource".
        assert not evaluate(self.publish(mine), resource_policy=topic).allowed

    def test_the_same_pattern_in_a_condition(self) -> None:
        topic = self.topic(
            Resource=TOPIC,
            Condition={"ArnLike": {"aws:SourceArn": "arn:aws:sms-voice:*:${aws:SourceAccount}:*"}},
        )
        mine = {"aws:SourceAccount": ACCOUNT, "aws:SourceArn": NUMBER}
        assert evaluate(self.publish(**mine), resource_policy=topic).allowed
        theirs = {**mine, "aws:SourceAccount": OTHER}
        assert not evaluate(self.publish(**theirs), resource_policy=topic).allowed

    def test_source_account_of_the_topic_owner(self) -> None:
        topic = self.topic(
            Resource=TOPIC,
            Condition={"StringEquals": {"aws:SourceAccount": "${aws:ResourceAccount}"}},
        )
        mine = {"aws:SourceAccount": ACCOUNT, "aws:ResourceAccount": ACCOUNT}
        assert evaluate(self.publish(**mine), resource_policy=topic).allowed
        theirs = {"aws:SourceAccount": OTHER, "aws:ResourceAccount": ACCOUNT}
        assert not evaluate(self.publish(**theirs), resource_policy=topic).allowed


class TestKeyPolicy:
    """SNS using the topic's key on behalf of sms-voice.amazonaws.com: the key policy limits
    it to topics of the account the message comes from."""

    POLICY = NamedPolicy(
        f"key policy of {KEY}",
        document(
            {
                "Sid": "Root",
                "Effect": "Allow",
                "Principal": {"AWS": f"arn:aws:iam::{ACCOUNT}:root"},
                "Action": "kms:*",
                "Resource": "*",
            },
            {
                "Sid": "SmsVoiceThroughSns",
                "Effect": "Allow",
                "Principal": {"Service": SMS_VOICE},
                "Action": ["kms:GenerateDataKey*", "kms:Decrypt"],
                "Resource": "*",
                "Condition": {
                    "ArnLike": {
                        "kms:EncryptionContext:aws:sns:topicArn": (
                            "arn:aws:sns:*:${aws:SourceAccount}:*"
                        )
                    },
                    "StringEquals": {"aws:CalledViaLast": "sns.amazonaws.com"},
                },
            },
        ),
    )

    @staticmethod
    def use_key(topic: str, source_account: str | None) -> Request:
        context: dict[str, Any] = {
            "kms:EncryptionContext:aws:sns:topicArn": topic,
            "aws:CalledVia": ["sns.amazonaws.com"],
            "aws:CalledViaLast": "sns.amazonaws.com",
        }
        if source_account is not None:
            context["aws:SourceAccount"] = source_account
        return Request(SMS_VOICE, "kms:GenerateDataKey", KEY, context, resource_account=ACCOUNT)

    def test_topics_of_the_source_account(self) -> None:
        def allowed(topic: str, source_account: str | None) -> bool:
            request = self.use_key(topic, source_account)
            return evaluate(request, resource_policy=self.POLICY, resource_is_kms_key=True).allowed

        assert allowed(TOPIC, ACCOUNT)
        assert not allowed(TOPIC.replace(ACCOUNT, OTHER), ACCOUNT)
        assert not allowed(TOPIC, OTHER)
        assert not allowed(TOPIC, None)

    def test_an_explicit_deny_with_an_absent_variable(self) -> None:
        # AWS's example: "Access is explicitly denied when aws:principaltag/Team is not set",
        # because StringNotEquals matches against the "effectively null" value.
        deny = {
            "Effect": "Deny",
            "Action": "s3:GetObject",
            "Resource": "*",
            "Condition": {
                "StringNotEquals": {"s3:ExistingObjectTag/Team": "${aws:PrincipalTag/Team}"}
            },
        }
        allow = {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}
        policy = NamedPolicy("policy p", document(allow, deny))

        def allowed(**context: str) -> bool:
            request = Request(USER, "s3:GetObject", "arn:aws:s3:::bucket/o", context)
            return evaluate(request, identity_policies=[policy]).allowed

        assert allowed(**{"s3:ExistingObjectTag/Team": "red", "aws:PrincipalTag/Team": "red"})
        assert not allowed(**{"s3:ExistingObjectTag/Team": "red", "aws:PrincipalTag/Team": "blue"})
        assert not allowed(**{"s3:ExistingObjectTag/Team": "red"})


class TestSubstitution:
    def test_documented_s3_home_directory(self) -> None:
        context = {"aws:username": "alice"}
        assert covers(
            "arn:aws:s3:::mybucket/${aws:username}/*", "arn:aws:s3:::mybucket/alice/a", context
        )
        assert not covers(
            "arn:aws:s3:::mybucket/${aws:username}/*", "arn:aws:s3:::mybucket/bob/a", context
        )
        assert holds(
            {"StringLike": {"s3:prefix": ["${aws:username}/*"]}},
            {"s3:prefix": "alice/notes", **context},
        )

    def test_key_names_are_case_insensitive(self) -> None:
        assert holds(
            {"StringEquals": {"k": "${AWS:UserName}"}}, {"k": "alice", "aws:username": "alice"}
        )

    def test_default_values(self) -> None:
        condition = {"StringEquals": {"k": "team-${aws:PrincipalTag/team, 'company-wide'}"}}
        assert holds(condition, {"k": "team-company-wide"})
        assert holds(condition, {"k": "team-red", "aws:PrincipalTag/team": "red"})
        assert not holds(condition, {"k": "team-company-wide", "aws:PrincipalTag/team": "red"})
        assert holds({"StringEquals": {"k": "${aws:username, ''}x"}}, {"k": "x"})

    def test_escapes_stand_for_literal_characters(self) -> None:
        assert holds({"StringLike": {"k": "a${*}b${?}c${$}"}}, {"k": "a*b?c$"})
        assert not holds({"StringLike": {"k": "a${*}b"}}, {"k": "axxb"})
        assert holds({"StringLike": {"k": "a${*}*"}}, {"k": "a*anything"})
        assert covers("arn:aws:s3:::bucket/${*}", "arn:aws:s3:::bucket/*", {})
        assert not covers("arn:aws:s3:::bucket/${*}", "arn:aws:s3:::bucket/x", {})
        assert holds({"StringEquals": {"k": "${$}{aws:username}"}}, {"k": "${aws:username}"})

    def test_substituted_values_are_matched_literally(self) -> None:
        context = {"aws:username": "a*"}
        assert holds({"StringLike": {"k": "${aws:username}/*"}}, {"k": "a*/x", **context})
        assert not holds({"StringLike": {"k": "${aws:username}/*"}}, {"k": "ab/x", **context})
        assert not covers("arn:aws:s3:::b/${aws:username}", "arn:aws:s3:::b/abc", context)
        assert holds({"StringLike": {"k": "${aws:username, '?'}"}}, {"k": "?"})
        assert not holds({"StringLike": {"k": "${aws:username, '?'}"}}, {"k": "x"})

    def test_a_multivalued_key_is_no_variable(self) -> None:
        # "You can't use a multivalued condition key as a variable."
        context = {"aws:CalledVia": ["sns.amazonaws.com"], "k": "sns.amazonaws.com"}
        assert not holds({"StringEquals": {"k": "${aws:CalledVia}"}}, context)
        assert holds({"StringEquals": {"k": "${aws:CalledVia, 'sns.amazonaws.com'}"}}, context)

    def test_several_values_one_without_a_value(self) -> None:
        condition = {"StringEquals": {"k": ["${aws:username}", "fixed"]}}
        assert holds(condition, {"k": "fixed"})
        assert not holds(condition, {"k": "${aws:username}"})

    @pytest.mark.parametrize(
        "value",
        [
            "${aws:username",
            "${}",
            "${ aws:username }",
            "${aws:username,'x'}",
            "${aws:username, x}",
            "${aws:username, 'x', 'y'}",
            "${${aws:username}}",
        ],
    )
    def test_malformed_variables_match_nothing(self, value: str) -> None:
        context = {"aws:username": "alice", "k": value}
        assert not holds({"StringEquals": {"k": value}}, context)
        assert holds({"StringNotEquals": {"k": value}}, context)

    def test_unclosed_brace_in_a_resource_matches_nothing(self) -> None:
        assert not covers("arn:aws:s3:::b/${aws:username", "arn:aws:s3:::b/${aws:username", {})


class TestWhereVariablesCount:
    @pytest.mark.parametrize("version", ["2008-10-17", None])
    def test_older_or_no_version_reads_them_as_text(self, version: str | None) -> None:
        condition = {"StringEquals": {"k": "${aws:username}"}}
        assert not holds(condition, {"k": "alice", "aws:username": "alice"}, version=version)
        assert holds(condition, {"k": "${aws:username}", "aws:username": "alice"}, version=version)
        statement = {
            "Effect": "Allow",
            "Action": "s3:GetObject",
            "Resource": "arn:aws:s3:::b/${aws:username}",
        }
        policy = NamedPolicy("p", document(statement, version=version))

        def on(resource: str) -> bool:
            request = Request(USER, "s3:GetObject", resource, {"aws:username": "alice"})
            return evaluate(request, identity_policies=[policy]).allowed

        assert not on("arn:aws:s3:::b/alice")
        assert on("arn:aws:s3:::b/${aws:username}")

    @pytest.mark.parametrize(
        ("operator", "policy_value", "request_value"),
        [
            ("NumericEquals", "${aws:n}", "5"),
            ("DateEquals", "${aws:n}", "5"),
            ("IpAddress", "${aws:n}", "5"),
            ("BinaryEquals", "${aws:n}", "5"),
        ],
    )
    def test_not_in_numeric_date_ip_or_binary_values(
        self, operator: str, policy_value: str, request_value: str
    ) -> None:
        # "You can't use a policy variable with ... Numeric, Date, Binary, IP Address".
        assert not holds({operator: {"k": policy_value}}, {"k": request_value, "aws:n": "5"})
        if operator == "BinaryEquals":
            assert holds({operator: {"k": policy_value}}, {"k": policy_value, "aws:n": "5"})

    def test_bool_takes_them(self) -> None:
        # The Bool section of the condition-operators page: "You can use a policy variable with
        # the Boolean condition operator."
        condition = {"Bool": {"aws:SecureTransport": "${aws:x}"}}
        assert holds(condition, {"aws:SecureTransport": "true", "aws:x": "true"})
        assert not holds(condition, {"aws:SecureTransport": "true", "aws:x": "false"})
        assert not holds(condition, {"aws:SecureTransport": "true"})

    def test_not_in_null(self) -> None:
        assert not holds({"Null": {"k": "${aws:x}"}}, {"aws:x": "true"})

    def test_not_in_action_or_principal(self) -> None:
        statement = {"Effect": "Allow", "Action": "sns:${aws:action}", "Resource": "*"}
        policy = NamedPolicy("p", document(statement))
        request = Request(USER, "sns:Publish", TOPIC, {"aws:action": "Publish"})
        assert not evaluate(request, identity_policies=[policy]).allowed
        topic = NamedPolicy(
            "topic policy",
            document(
                {
                    "Effect": "Allow",
                    "Principal": {"AWS": "${aws:PrincipalArn}"},
                    "Action": "sns:Publish",
                    "Resource": TOPIC,
                }
            ),
        )
        request = Request(USER, "sns:Publish", TOPIC, {"aws:PrincipalArn": USER})
        assert not evaluate(request, resource_policy=topic).allowed

    def test_not_resource_with_no_value(self) -> None:
        # The NotResource entry matches nothing, so it excludes nothing.
        entry = "arn:aws:s3:::b/${aws:username}/*"
        assert covers(entry, "arn:aws:s3:::b/alice/x", {}, element="NotResource")
        assert not covers(
            entry, "arn:aws:s3:::b/alice/x", {"aws:username": "alice"}, element="NotResource"
        )
