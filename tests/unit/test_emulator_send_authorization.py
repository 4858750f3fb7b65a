"""The reply leg's authorization (emulator/sms_voice/callers.py): a role session may send only
where its role's policies allow sms-voice:SendTextMessage, judged by two_way_sms.policy."""

from __future__ import annotations

from typing import Any

from tests.support.deployments import ACCOUNT, NUMBER_ARN, REGION, policy
from two_way_sms.delivery import RoleData
from two_way_sms.delivery.requests import send_text_message
from two_way_sms.emulator.sms_voice.callers import Session, send_denial

RESPONDER_ROLE = f"arn:aws:iam::{ACCOUNT}:role/responder"
SESSION = Session(
    f"arn:aws:sts::{ACCOUNT}:assumed-role/responder/replies", RESPONDER_ROLE, "replies"
)
CONFIGURATION_SET = f"arn:aws:sms-voice:{REGION}:{ACCOUNT}:configuration-set/replies"
SEND = "sms-voice:SendTextMessage"


def _role(*statements: dict[str, Any], **changes: Any) -> RoleData:
    return RoleData(
        arn=RESPONDER_ROLE,
        trust_policy=policy(),
        inline_policies=[("reply", policy(*statements))] if statements else [],
        **changes,
    )


def _allow(*resources: str) -> dict[str, Any]:
    return {"Effect": "Allow", "Action": SEND, "Resource": list(resources)}


def test_the_request_is_the_sessions_on_the_resource() -> None:
    request = send_text_message(RESPONDER_ROLE, "replies", NUMBER_ARN)
    assert (request.principal, request.action, request.resource) == (SESSION.arn, SEND, NUMBER_ARN)
    assert request.context["aws:PrincipalArn"] == RESPONDER_ROLE
    assert request.context["aws:ResourceAccount"] == ACCOUNT


def test_a_role_allowed_on_the_number_may_send() -> None:
    assert send_denial(SESSION, _role(_allow(NUMBER_ARN)), [NUMBER_ARN]) is None


def test_no_statement_is_access_denied_naming_action_resource_and_policy() -> None:
    denial = send_denial(SESSION, _role(), [NUMBER_ARN])
    assert denial is not None
    assert denial.startswith(
        f"User: {SESSION.arn} is not authorized to perform: {SEND} on resource: {NUMBER_ARN} "
        "because "
    )
    assert "no identity-based policy" in denial


def test_every_named_resource_must_be_allowed() -> None:
    role = _role(_allow(NUMBER_ARN))
    denial = send_denial(SESSION, role, [NUMBER_ARN, CONFIGURATION_SET])
    assert denial is not None and f"on resource: {CONFIGURATION_SET} because" in denial
    assert (
        send_denial(
            SESSION, _role(_allow(NUMBER_ARN, CONFIGURATION_SET)), [NUMBER_ARN, CONFIGURATION_SET]
        )
        is None
    )


def test_another_number_and_an_explicit_deny_are_refused() -> None:
    other = NUMBER_ARN.replace("phone-a", "phone-b")
    assert send_denial(SESSION, _role(_allow(other)), [NUMBER_ARN]) is not None
    deny = {"Effect": "Deny", "Action": "sms-voice:*", "Resource": "*"}
    denial = send_denial(SESSION, _role(_allow(NUMBER_ARN), deny), [NUMBER_ARN])
    assert denial is not None and "inline policy reply of role/responder" in denial


def test_the_permissions_boundary_counts() -> None:
    boundary = (
        f"arn:aws:iam::{ACCOUNT}:policy/logs-only",
        policy({"Effect": "Allow", "Action": "logs:*", "Resource": "*"}),
    )
    role = _role(_allow(NUMBER_ARN), permissions_boundary=boundary)
    denial = send_denial(SESSION, role, [NUMBER_ARN])
    assert denial is not None and "boundary" in denial


def test_a_missing_role_or_a_malformed_policy_is_refused_not_raised() -> None:
    missing = send_denial(SESSION, None, [NUMBER_ARN])
    assert missing is not None and f"its role {RESPONDER_ROLE} does not exist" in missing
    broken = RoleData(RESPONDER_ROLE, policy(), inline_policies=[("reply", "{not json")])
    malformed = send_denial(SESSION, broken, [NUMBER_ARN])
    assert malformed is not None and "malformed" in malformed
