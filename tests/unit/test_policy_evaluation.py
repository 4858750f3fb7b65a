"""The evaluation logic across policy types, after AWS's "Policy evaluation logic" pages."""

from __future__ import annotations

from typing import Any

import pytest

from tests.support.deployments import ACCOUNT
from two_way_sms.policy import Decision, NamedPolicy, Request, evaluate

OTHER = "444455556666"
ROLE = f"arn:aws:iam::{ACCOUNT}:role/service/app"  # a role with a path
SESSION = f"arn:aws:sts::{ACCOUNT}:assumed-role/app/worker-1"
USER = f"arn:aws:iam::{ACCOUNT}:user/alice"
ROOT = f"arn:aws:iam::{ACCOUNT}:root"
OTHER_ROLE = f"arn:aws:iam::{OTHER}:role/partner"
OTHER_SESSION = f"arn:aws:sts::{OTHER}:assumed-role/partner/s"
TOPIC = f"arn:aws:sns:us-east-1:{ACCOUNT}:inbound"
KEY = f"arn:aws:kms:us-east-1:{ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab"


def policy(name: str, *statements: dict[str, Any]) -> NamedPolicy:
    return NamedPolicy(name, {"Version": "2012-10-17", "Statement": list(statements)})


def allow(action: str = "sns:Publish", resource: str = "*", **extra: Any) -> dict[str, Any]:
    return {"Effect": "Allow", "Action": action, "Resource": resource, **extra}


def deny(action: str = "sns:Publish", resource: str = "*", **extra: Any) -> dict[str, Any]:
    return {"Effect": "Deny", "Action": action, "Resource": resource, **extra}


def grant(
    principal: Any, action: str | list[str] = "sns:Publish", effect: str = "Allow", **extra: Any
) -> dict[str, Any]:
    return {"Effect": effect, "Principal": principal, "Action": action, **extra}


IDENTITY_ALLOW = policy("inline policy publish of role/app", allow(Sid="Publish"))


def publish(principal: str = SESSION, resource: str = TOPIC, **kwargs: Any) -> Request:
    return Request(principal, "sns:Publish", resource, **kwargs)


class TestExplicitDeny:
    def test_deny_in_identity_policy_beats_allow(self) -> None:
        denying = policy("managed policy guard", deny(Sid="DenyAll", action="*"))
        decision = evaluate(publish(), identity_policies=[IDENTITY_ALLOW, denying])
        assert decision == Decision(
            False,
            "explicit deny by statement 'DenyAll' of managed policy guard",
            ("statement 'DenyAll' of managed policy guard",),
        )

    def test_deny_in_resource_policy_beats_identity_allow(self) -> None:
        topic = policy("topic policy of inbound", grant("*", effect="Deny", Sid="NoOne"))
        decision = evaluate(publish(), identity_policies=[IDENTITY_ALLOW], resource_policy=topic)
        assert not decision.allowed
        assert decision.reason == "explicit deny by statement 'NoOne' of topic policy of inbound"

    def test_deny_in_boundary(self) -> None:
        boundary = policy("permissions boundary b", allow(action="*"), deny())
        decision = evaluate(
            publish(), identity_policies=[IDENTITY_ALLOW], permissions_boundary=boundary
        )
        assert decision.reason == "explicit deny by statement 2 of permissions boundary b"

    def test_deny_whose_condition_fails_does_not_apply(self) -> None:
        guarded = policy("guard", deny(Condition={"Bool": {"aws:SecureTransport": "false"}}))
        decision = evaluate(
            publish(context={"aws:SecureTransport": True}),
            identity_policies=[IDENTITY_ALLOW, guarded],
        )
        assert decision.allowed


class TestImplicitDeny:
    def test_nothing_given(self) -> None:
        decision = evaluate(publish())
        assert not decision.allowed
        assert decision.reason == (
            f"denied: no identity-based policy of {SESSION} allows sns:Publish (none given)"
        )
        assert decision.deciding == ()

    def test_reason_names_closest_statement(self) -> None:
        policies = [
            policy("p1", allow(action="sqs:SendMessage", Sid="Queue")),
            policy("p2", allow(resource=f"arn:aws:sns:us-east-1:{ACCOUNT}:outbound", Sid="Out")),
        ]
        decision = evaluate(publish(), identity_policies=policies)
        assert decision.reason == (
            f"denied: no statement of p1 or p2 allows sns:Publish on {TOPIC} (closest is "
            f"statement 'Out', but its Resource does not cover {TOPIC})"
        )

    def test_condition_miss_outranks_other_misses(self) -> None:
        statements = [
            allow(action="sns:Subscribe"),
            allow(Sid="Cond", Condition={"StringEquals": {"aws:ResourceAccount": ACCOUNT}}),
        ]
        decision = evaluate(
            publish(context={"aws:ResourceAccount": OTHER}),
            identity_policies=[policy("p", *statements)],
        )
        assert (
            "(statement 'Cond' matches but its condition StringEquals aws:ResourceAccount = "
            f"{ACCOUNT} does not hold: request has {OTHER})" in decision.reason
        )

    def test_statement_index_is_used_without_sid(self) -> None:
        decision = evaluate(publish(), identity_policies=[policy("p", allow(action="sns:Get*"))])
        assert (
            "closest is statement 1, but its Action does not cover sns:Publish" in decision.reason
        )


class TestSameAccount:
    def test_identity_policy_alone_allows(self) -> None:
        decision = evaluate(publish(), identity_policies=[IDENTITY_ALLOW])
        assert decision.allowed
        assert (
            decision.reason == "allowed by statement 'Publish' of inline policy publish of role/app"
        )
        assert decision.deciding == ("statement 'Publish' of inline policy publish of role/app",)

    def test_identity_policy_allows_despite_a_resource_policy_that_does_not_name_the_caller(
        self,
    ) -> None:
        topic = policy("topic policy", grant({"Service": "sms-voice.amazonaws.com"}))
        assert evaluate(
            publish(), identity_policies=[IDENTITY_ALLOW], resource_policy=topic
        ).allowed

    @pytest.mark.parametrize(
        ("caller", "principal"),
        [(SESSION, {"AWS": SESSION}), (USER, {"AWS": USER}), (SESSION, "*"), (USER, {"AWS": "*"})],
    )
    def test_resource_policy_naming_the_caller_allows_alone(
        self, caller: str, principal: Any
    ) -> None:
        topic = policy("topic policy", grant(principal, Sid="Direct"))
        decision = evaluate(publish(caller), resource_policy=topic)
        assert decision.allowed
        assert decision.reason == "allowed by statement 'Direct' of topic policy"

    def test_role_arn_names_its_sessions_whatever_the_path(self) -> None:
        topic = policy("topic policy", grant({"AWS": ROLE}))
        assert evaluate(publish(SESSION), resource_policy=topic).allowed
        assert evaluate(publish(ROLE), resource_policy=topic).allowed
        other_role = f"arn:aws:sts::{ACCOUNT}:assumed-role/other/worker-1"
        assert not evaluate(publish(other_role), resource_policy=topic).allowed

    def test_session_arn_names_only_that_session(self) -> None:
        topic = policy("topic policy", grant({"AWS": SESSION}))
        assert evaluate(publish(SESSION), resource_policy=topic).allowed
        other = f"arn:aws:sts::{ACCOUNT}:assumed-role/app/worker-2"
        assert not evaluate(publish(other), resource_policy=topic).allowed

    @pytest.mark.parametrize("account_principal", [ACCOUNT, ROOT])
    def test_grant_to_the_account_needs_an_identity_allow(self, account_principal: str) -> None:
        topic = policy("topic policy", grant({"AWS": account_principal}, Sid="Account"))
        alone = evaluate(publish(), resource_policy=topic)
        assert not alone.allowed
        assert (
            f"statement 'Account' of topic policy grants sns:Publish to account {ACCOUNT} "
            "only, which leaves it to the identity-based policies"
        ) in alone.reason
        assert evaluate(
            publish(), identity_policies=[IDENTITY_ALLOW], resource_policy=topic
        ).allowed

    def test_root_user_needs_no_identity_policy(self) -> None:
        decision = evaluate(publish(ROOT))
        assert decision.allowed
        assert decision.reason == f"allowed for the root user of account {ACCOUNT}"

    def test_denied_reason_covers_both_sides(self) -> None:
        topic = policy("topic policy of inbound", grant({"Service": "sns.amazonaws.com"}, Sid="S"))
        decision = evaluate(
            publish(), identity_policies=[policy("p", allow("sqs:*"))], resource_policy=topic
        )
        assert decision.reason == (
            f"denied: no statement of p allows sns:Publish on {TOPIC} (closest is statement 1, "
            "but its Action does not cover sns:Publish), and no statement of topic policy of "
            f"inbound allows sns:Publish for {SESSION} (closest is statement 'S', but its "
            f"Principal sns.amazonaws.com does not name {SESSION})"
        )

    def test_account_override(self) -> None:
        # A principal whose ARN carries no account can be given one.
        topic = policy("topic policy", grant({"AWS": OTHER}))
        request = Request("AROAEXAMPLEID", "sns:Publish", TOPIC, principal_account=OTHER)
        assert not evaluate(request, resource_policy=topic).allowed
        assert evaluate(request, identity_policies=[IDENTITY_ALLOW], resource_policy=topic).allowed


class TestCrossAccount:
    TOPIC_POLICY = policy("topic policy of inbound", grant({"AWS": OTHER_ROLE}, Sid="Partner"))
    PARTNER_POLICY = policy("inline policy of role/partner", allow(Sid="Publish"))

    def test_needs_both(self) -> None:
        both = evaluate(
            publish(OTHER_SESSION),
            identity_policies=[self.PARTNER_POLICY],
            resource_policy=self.TOPIC_POLICY,
        )
        assert both.allowed
        assert both.deciding == (
            "statement 'Publish' of inline policy of role/partner",
            "statement 'Partner' of topic policy of inbound",
        )

    def test_identity_alone_is_not_enough(self) -> None:
        decision = evaluate(publish(OTHER_SESSION), identity_policies=[self.PARTNER_POLICY])
        assert not decision.allowed
        assert decision.reason == (
            f"denied: a cross-account request (account {OTHER} to {ACCOUNT}) needs an allow in "
            "both the identity-based policies and the resource policy, but no resource policy "
            "was given"
        )

    def test_resource_alone_is_not_enough(self) -> None:
        decision = evaluate(publish(OTHER_SESSION), resource_policy=self.TOPIC_POLICY)
        assert not decision.allowed
        assert "but no identity-based policy of" in decision.reason

    def test_grant_to_the_callers_account_counts(self) -> None:
        topic = policy("topic policy", grant({"AWS": f"arn:aws:iam::{OTHER}:root"}))
        assert evaluate(
            publish(OTHER_SESSION), identity_policies=[self.PARTNER_POLICY], resource_policy=topic
        ).allowed

    def test_grant_to_another_account_does_not(self) -> None:
        topic = policy("topic policy", grant({"AWS": ACCOUNT}))
        decision = evaluate(
            publish(OTHER_SESSION), identity_policies=[self.PARTNER_POLICY], resource_policy=topic
        )
        assert not decision.allowed
        assert f"its Principal {ACCOUNT} does not name {OTHER_SESSION}" in decision.reason

    def test_explicit_resource_account(self) -> None:
        request = publish(SESSION, resource="arn:aws:s3:::bucket", resource_account=OTHER)
        assert not evaluate(request, identity_policies=[IDENTITY_ALLOW]).allowed


class TestPermissionsBoundary:
    BOUNDARY = policy("permissions boundary sms-only", allow(action="sms-voice:*", Sid="SMS"))

    def test_boundary_limits_identity_policies(self) -> None:
        decision = evaluate(
            publish(), identity_policies=[IDENTITY_ALLOW], permissions_boundary=self.BOUNDARY
        )
        assert not decision.allowed
        assert decision.reason == (
            "denied: statement 'Publish' of inline policy publish of role/app allows sns:Publish "
            "but permissions boundary sms-only does not (closest is statement 'SMS', but its "
            "Action does not cover sns:Publish)"
        )

    def test_allowed_by_both(self) -> None:
        boundary = policy("permissions boundary b", allow(action="sns:*", Sid="SNS"))
        decision = evaluate(
            publish(), identity_policies=[IDENTITY_ALLOW], permissions_boundary=boundary
        )
        assert decision.allowed
        assert decision.deciding == (
            "statement 'Publish' of inline policy publish of role/app",
            "statement 'SNS' of permissions boundary b",
        )

    def test_boundary_grants_nothing_by_itself(self) -> None:
        boundary = policy("permissions boundary b", allow(action="*"))
        assert not evaluate(publish(), permissions_boundary=boundary).allowed

    def test_resource_policy_naming_the_user_or_session_is_not_limited(self) -> None:
        for caller in (USER, SESSION):
            topic = policy("topic policy", grant({"AWS": caller}))
            assert evaluate(
                publish(caller), resource_policy=topic, permissions_boundary=self.BOUNDARY
            ).allowed

    def test_resource_policy_naming_the_role_is_limited(self) -> None:
        topic = policy("topic policy", grant({"AWS": ROLE}, Sid="Role"))
        decision = evaluate(
            publish(SESSION), resource_policy=topic, permissions_boundary=self.BOUNDARY
        )
        assert not decision.allowed
        assert (
            "statement 'Role' of topic policy names role app, but a grant to a role is "
            "limited by permissions boundary sms-only"
        ) in decision.reason
        boundary = policy("permissions boundary b", allow(action="sns:Publish"))
        assert evaluate(
            publish(SESSION), resource_policy=topic, permissions_boundary=boundary
        ).allowed

    def test_boundary_does_not_apply_to_service_principals(self) -> None:
        topic = policy("topic policy", grant({"Service": "sms-voice.amazonaws.com"}))
        request = publish("sms-voice.amazonaws.com")
        assert evaluate(request, resource_policy=topic, permissions_boundary=self.BOUNDARY).allowed


class TestNotPrincipal:
    def _topic(self, *not_principals: str) -> NamedPolicy:
        return policy(
            "topic policy",
            grant("*", Sid="Everyone"),
            {
                "Sid": "OnlyAdmins",
                "Effect": "Deny",
                "NotPrincipal": {"AWS": list(not_principals)},
                "Action": "sns:*",
            },
        )

    def test_exempts_a_session_named_with_its_account(self) -> None:
        assert evaluate(publish(SESSION), resource_policy=self._topic(SESSION, ROOT)).allowed
        assert evaluate(publish(SESSION), resource_policy=self._topic(ROLE, ACCOUNT)).allowed

    def test_without_the_account_the_caller_is_denied(self) -> None:
        # AWS checks the account first, so it must be named too.
        decision = evaluate(publish(SESSION), resource_policy=self._topic(ROLE))
        assert decision.reason == "explicit deny by statement 'OnlyAdmins' of topic policy"

    def test_naming_only_the_session_does_not_exempt_it(self) -> None:
        # "you must also specify the account ARN of the not-denied principal".
        decision = evaluate(publish(SESSION), resource_policy=self._topic(SESSION))
        assert decision.reason == "explicit deny by statement 'OnlyAdmins' of topic policy"
        assert evaluate(publish(SESSION), resource_policy=self._topic(SESSION, ROLE, ROOT)).allowed

    def test_denies_everyone_else(self) -> None:
        assert not evaluate(publish(USER), resource_policy=self._topic(SESSION, ROOT)).allowed
        assert not evaluate(
            publish("sns.amazonaws.com"), resource_policy=self._topic(SESSION, ROOT)
        ).allowed

    def test_always_denies_a_principal_with_a_boundary(self) -> None:
        boundary = policy("permissions boundary b", allow(action="*"))
        decision = evaluate(
            publish(SESSION),
            resource_policy=self._topic(SESSION, ROOT),
            permissions_boundary=boundary,
        )
        assert not decision.allowed

    def test_exempts_a_listed_service(self) -> None:
        topic = policy(
            "topic policy",
            grant({"Service": "sms-voice.amazonaws.com"}),
            {
                "Effect": "Deny",
                "NotPrincipal": {"Service": "sms-voice.amazonaws.com"},
                "Action": "sns:Publish",
            },
        )
        assert evaluate(publish("sms-voice.amazonaws.com"), resource_policy=topic).allowed


class TestServicePrincipals:
    def test_only_a_resource_policy_can_allow(self) -> None:
        decision = evaluate(publish("sms-voice.amazonaws.com"), identity_policies=[IDENTITY_ALLOW])
        assert not decision.allowed
        assert decision.reason == (
            "denied: sms-voice.amazonaws.com has no identity-based policies, so only a resource "
            f"policy can allow sns:Publish on {TOPIC}, and none was given"
        )

    def test_service_list(self) -> None:
        topic = policy(
            "topic policy", grant({"Service": ["events.amazonaws.com", "sms-voice.amazonaws.com"]})
        )
        assert evaluate(publish("sms-voice.amazonaws.com"), resource_policy=topic).allowed
        assert not evaluate(publish("sqs.amazonaws.com"), resource_policy=topic).allowed

    def test_aws_principals_do_not_name_services(self) -> None:
        topic = policy("topic policy", grant({"AWS": ACCOUNT}))
        assert not evaluate(publish("sms-voice.amazonaws.com"), resource_policy=topic).allowed


class TestTrustPolicies:
    def test_cross_account_trust_of_the_account_needs_the_callers_permission(self) -> None:
        trust = policy(
            "trust policy of role/app",
            grant({"AWS": f"arn:aws:iam::{OTHER}:root"}, action="sts:AssumeRole"),
        )
        request = Request(OTHER_SESSION, "sts:AssumeRole", ROLE)
        assert not evaluate(request, resource_policy=trust).allowed
        can_assume = policy(
            "inline policy of role/partner", allow(action="sts:AssumeRole", resource=ROLE)
        )
        assert evaluate(request, identity_policies=[can_assume], resource_policy=trust).allowed

    def test_same_account_trust_naming_the_user_needs_nothing_else(self) -> None:
        trust = policy("trust policy of role/app", grant({"AWS": USER}, action="sts:AssumeRole"))
        assert evaluate(Request(USER, "sts:AssumeRole", ROLE), resource_policy=trust).allowed

    def test_trust_policy_with_action_list_and_external_id(self) -> None:
        trust = policy(
            "trust policy of role/app",
            grant(
                {"AWS": OTHER},
                action=["sts:AssumeRole", "sts:TagSession"],
                Condition={"StringEquals": {"sts:ExternalId": "secret"}},
            ),
        )
        can_assume = policy("p", allow(action="sts:AssumeRole"))
        request = Request(OTHER_ROLE, "STS:assumerole", ROLE, {"sts:ExternalId": "secret"})
        assert evaluate(request, identity_policies=[can_assume], resource_policy=trust).allowed


class TestKmsKeys:
    ROOT_STATEMENT = grant({"AWS": ROOT}, action="kms:*", Sid="EnableIAM", Resource="*")
    DECRYPT = policy("inline policy kms of role/app", allow("kms:Decrypt", Sid="Decrypt"))

    def test_no_key_policy(self) -> None:
        decision = evaluate(
            Request(SESSION, "kms:Decrypt", KEY),
            identity_policies=[self.DECRYPT],
            resource_is_kms_key=True,
        )
        assert decision.reason == (
            f"denied: {KEY} can be used only when its key policy allows it, and no key policy "
            "was given"
        )

    def test_root_user_is_locked_out_without_a_root_statement(self) -> None:
        key = policy("key policy of key/1234", grant({"AWS": USER}, action="kms:*"))
        assert not evaluate(
            Request(ROOT, "kms:Decrypt", KEY), resource_policy=key, resource_is_kms_key=True
        ).allowed
        key = policy("key policy of key/1234", self.ROOT_STATEMENT)
        assert evaluate(
            Request(ROOT, "kms:Decrypt", KEY), resource_policy=key, resource_is_kms_key=True
        ).allowed

    def test_key_policy_naming_the_role_needs_no_identity_policy(self) -> None:
        key = policy("key policy of key/1234", grant({"AWS": ROLE}, action="kms:Decrypt"))
        assert evaluate(
            Request(SESSION, "kms:Decrypt", KEY), resource_policy=key, resource_is_kms_key=True
        ).allowed

    def test_key_policy_naming_the_role_is_limited_by_the_boundary(self) -> None:
        key = policy("key policy of key/1234", grant({"AWS": ROLE}, action="kms:Decrypt", Sid="R"))
        boundary = policy("permissions boundary b", allow(action="sns:*"))
        decision = evaluate(
            Request(SESSION, "kms:Decrypt", KEY),
            resource_policy=key,
            permissions_boundary=boundary,
            resource_is_kms_key=True,
        )
        assert decision.reason == (
            "denied: statement 'R' of key policy of key/1234 names role app, but a grant to a "
            "role is limited by permissions boundary b, which does not allow kms:Decrypt"
        )

    def test_cross_account_key_use(self) -> None:
        key = policy(
            "key policy of key/1234",
            self.ROOT_STATEMENT,
            grant({"AWS": f"arn:aws:iam::{OTHER}:root"}, action="kms:Decrypt"),
        )
        partner = policy("inline policy of role/partner", allow("kms:Decrypt", resource=KEY))
        request = Request(OTHER_SESSION, "kms:Decrypt", KEY)
        assert evaluate(
            request, identity_policies=[partner], resource_policy=key, resource_is_kms_key=True
        ).allowed
        assert not evaluate(request, resource_policy=key, resource_is_kms_key=True).allowed

    def test_delegation_statement_must_cover_the_action(self) -> None:
        key = policy(
            "key policy of key/1234", grant({"AWS": ROOT}, action="kms:Describe*", Sid="EnableIAM")
        )
        decision = evaluate(
            Request(SESSION, "kms:Decrypt", KEY),
            identity_policies=[self.DECRYPT],
            resource_policy=key,
            resource_is_kms_key=True,
        )
        assert not decision.allowed
        assert "neither allows kms:Decrypt for" in decision.reason
        assert f"nor delegates to IAM policies of account {ACCOUNT}" in decision.reason
        assert decision.reason.endswith(
            "statement 'Decrypt' of inline policy kms of role/app does not count without that"
        )
