"""The reply rules (responder-*) of the one rule table, judged by the doctor over fake
deployments: each passing and failing, the fix each FAIL prints (and that the evaluator finds it
sufficient), and that the emulator's inbound routing never drops a message on them."""

from __future__ import annotations

import json
from dataclasses import replace

from tests.support.deployments import (
    ACCOUNT,
    FAILED_QUEUE,
    NUMBER_ARN,
    REGION,
    RESPONDER,
    RESPONDER_ROLE,
    TOPIC,
    FakeAws,
    policy,
    responder_mode,
)
from two_way_sms.delivery import (
    NumberSettings,
    RoleData,
    Status,
    first_failure,
    judge_all,
    read_deployment,
)
from two_way_sms.doctor import Check, check_delivery

REPLY_RULES = [
    "responder-subscribed",
    "responder-exists",
    "responder-invoke",
    "responder-send",
    "responder-on-failure",
]


def _checks(settings: NumberSettings, aws: FakeAws, *named: str) -> dict[str, Check]:
    checks = check_delivery(settings, aws, replies=aws, named_responders=named)
    return {check.name: check for check in checks}


def _statuses(checks: dict[str, Check]) -> dict[str, str]:
    return {name: checks[name].status.value for name in REPLY_RULES if name in checks}


def test_a_correct_responder_passes_every_reply_rule() -> None:
    checks = _checks(*responder_mode())
    assert list(checks)[-5:] == REPLY_RULES
    assert all(check.status is Status.PASS for check in checks.values()), [
        (c.name, c.detail) for c in checks.values() if c.status is not Status.PASS
    ]
    assert "allowed by statement 'AllowTwoWaySmsTopic'" in checks["responder-invoke"].detail
    assert f"sms-voice:SendTextMessage from {NUMBER_ARN}" in checks["responder-send"].detail
    assert FAILED_QUEUE in checks["responder-on-failure"].detail


def test_without_the_replies_view_no_reply_rule_applies() -> None:
    settings, aws = responder_mode()
    names = [check.name for check in check_delivery(settings, aws)]
    assert not any(name.startswith("responder-") for name in names)
    assert not any(read.startswith("subscriptions") for read in aws.reads)


def test_a_named_function_that_is_not_subscribed_fails_with_the_subscribe_command() -> None:
    settings, aws = responder_mode()
    other = RESPONDER.replace("sms-responder", "other-responder")
    aws.functions[other] = replace(aws.functions[RESPONDER], arn=other)
    checks = _checks(settings, aws, other)
    subscribed = checks["responder-subscribed"]
    assert subscribed.status is Status.FAIL
    assert (
        subscribed.detail
        == f"Lambda function {other} is not subscribed to {TOPIC}: SNS never invokes it"
    )
    (step,) = subscribed.fix
    assert step.command == (
        f"aws sns subscribe --region {REGION} --topic-arn {TOPIC} --protocol lambda "
        f"--notification-endpoint {other}"
    )


def test_a_subscribed_function_that_does_not_exist_skips_what_needs_it() -> None:
    settings, aws = responder_mode()
    del aws.functions[RESPONDER]
    checks = _checks(settings, aws)
    assert _statuses(checks) == {
        "responder-subscribed": "PASS",
        "responder-exists": "FAIL",
        "responder-invoke": "SKIP",
        "responder-send": "SKIP",
        "responder-on-failure": "SKIP",
    }
    assert checks["responder-exists"].detail == f"Lambda function {RESPONDER} does not exist"


def test_a_missing_execution_role_fails_responder_exists() -> None:
    settings, aws = responder_mode()
    del aws.roles[RESPONDER_ROLE]
    checks = _checks(settings, aws)
    assert checks["responder-exists"].status is Status.FAIL
    assert f"the execution role {RESPONDER_ROLE}" in checks["responder-exists"].detail


def test_sns_not_allowed_to_invoke_fails_with_a_verified_add_permission() -> None:
    settings, aws = responder_mode(resource_policy=None)
    checks = _checks(settings, aws)
    invoke = checks["responder-invoke"]
    assert invoke.status is Status.FAIL
    assert invoke.detail.startswith(
        f"sns.amazonaws.com (delivering {TOPIC}) may not lambda:InvokeFunction {RESPONDER}: "
    )
    (step,) = invoke.fix
    assert step.command == (
        f"aws lambda add-permission --region {REGION} --function-name {RESPONDER} "
        "--statement-id AllowTwoWaySmsTopic --action lambda:InvokeFunction "
        f"--principal sns.amazonaws.com --source-arn {TOPIC} --source-account {ACCOUNT}"
    )
    # Making the fix makes the rule pass.
    fixed = replace(aws.functions[RESPONDER], resource_policy=json.dumps(policy(step.policy)))
    aws.functions[RESPONDER] = fixed
    assert _checks(settings, aws)["responder-invoke"].status is Status.PASS


def test_a_permission_for_another_topic_does_not_count() -> None:
    other_topic = TOPIC + "-other"
    statement = {
        "Effect": "Allow",
        "Principal": {"Service": "sns.amazonaws.com"},
        "Action": "lambda:InvokeFunction",
        "Resource": RESPONDER,
        "Condition": {"ArnLike": {"aws:SourceArn": other_topic}},
    }
    settings, aws = responder_mode(resource_policy=json.dumps(policy(statement)))
    assert _checks(settings, aws)["responder-invoke"].status is Status.FAIL


def test_a_role_that_may_not_reply_from_the_number_fails_with_its_inline_policy() -> None:
    settings, aws = responder_mode()
    aws.roles[RESPONDER_ROLE] = RoleData(RESPONDER_ROLE, policy())
    checks = _checks(settings, aws)
    send = checks["responder-send"]
    assert send.status is Status.FAIL
    assert send.detail.startswith(
        "role/sms-responder (the session of function sms-responder) may not "
        f"sms-voice:SendTextMessage from {NUMBER_ARN}: "
    )
    (step,) = send.fix
    assert step.policy == {
        "Sid": "ReplyFromRoutedNumbers",
        "Effect": "Allow",
        "Action": "sms-voice:SendTextMessage",
        "Resource": [NUMBER_ARN],
    }
    assert (step.command or "").startswith(
        "aws iam put-role-policy --role-name sms-responder --policy-name sms-responder-reply "
    )
    aws.roles[RESPONDER_ROLE] = RoleData(
        RESPONDER_ROLE, policy(), inline_policies=[("sms-responder-reply", policy(step.policy))]
    )
    assert _checks(settings, aws)["responder-send"].status is Status.PASS


def test_no_on_failure_destination_or_a_missing_one_fails() -> None:
    settings, aws = responder_mode(on_failure_destination=None)
    missing = _checks(settings, aws)["responder-on-failure"]
    assert missing.status is Status.FAIL and "no on-failure destination" in missing.detail
    assert [step.command.split(" --")[0] for step in missing.fix if step.command] == [
        "aws sqs create-queue",
        "aws lambda put-function-event-invoke-config",
    ]
    settings, aws = responder_mode()
    aws.destinations.clear()
    gone = _checks(settings, aws)["responder-on-failure"]
    assert gone.detail == (
        f"the on-failure destination {FAILED_QUEUE} of sms-responder does not exist"
    )


def test_the_emulator_never_drops_an_inbound_message_on_a_reply_rule() -> None:
    settings, aws = responder_mode(resource_policy=None, on_failure_destination=None)
    deployment = read_deployment(settings, aws, replies=aws)
    assert any(f.status is Status.FAIL for f in judge_all(deployment))
    assert first_failure(deployment) is None
