"""Who calls the SMS API, and whether their policies let them send.

AWS authorizes every call by the caller's policies; LocalStack community authorizes none. The
emulator judges the callers two-way SMS cares about: a session of a role assumed through
LocalStack's STS (the credentials LocalStack gives a Lambda function, such as a responder) must
be allowed `sms-voice:SendTextMessage` on every resource the call names, by its role's policies
and permissions boundary, as `two_way_sms.policy` judges them (the same question the doctor's
`responder-send` rule asks). Any other credentials, LocalStack's default test ones among them,
act as the account's root and are allowed, as before.

Coupling to LocalStack 4.14.0 internals (pinned; re-check on an upgrade):
- `localstack.utils.aws.request_context.extract_access_key_id_from_auth_header(headers)`: the
  access key ID of the request's SigV4 (or V2) Authorization header;
- STS is moto's: `moto.sts.models.sts_backends[account][partition]
  .get_assumed_role_from_access_key(access_key_id)`, an `AssumedRole` with `role_arn`,
  `session_name` and `arn` (what LocalStack's AssumeRole answered with).
Session policies given to AssumeRole are not judged.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from two_way_sms.delivery import RoleData
from two_way_sms.delivery.judging import Policies, first_denial
from two_way_sms.delivery.requests import SEND_TEXT_MESSAGE, send_text_message
from two_way_sms.policy import PolicyError


@dataclass(frozen=True)
class Session:
    """A session of an assumed role: the caller's ARN, its role and its session name."""

    arn: str
    role_arn: str
    session_name: str


def caller_session(context: Any) -> Session | None:
    """The assumed-role session behind the request's access key, or None (root, a user, or
    LocalStack's default credentials)."""
    from localstack.utils.aws.request_context import extract_access_key_id_from_auth_header
    from moto.sts.models import sts_backends

    access_key_id = extract_access_key_id_from_auth_header(context.request.headers)
    if not access_key_id:
        return None
    try:
        backend = sts_backends[context.account_id][context.partition]
    except (KeyError, ValueError):
        return None
    assumed = backend.get_assumed_role_from_access_key(access_key_id)
    if assumed is None:
        return None
    return Session(str(assumed.arn), str(assumed.role_arn), str(assumed.session_name))


def send_denial(session: Session, role: RoleData | None, resource_arns: list[str]) -> str | None:
    """Why the session may not send on one of the resources (AWS's wording, then the
    evaluator's reason naming the policy and the missing statement), or None."""
    if not resource_arns:
        return None
    arn = resource_arns[0]
    if role is None:
        reason = f"its role {session.role_arn} does not exist"
    else:
        requests = [
            send_text_message(session.role_arn, session.session_name, a) for a in resource_arns
        ]
        try:
            # the evaluator checks every document first: a malformed one raises on the first
            denial = first_denial(
                requests, Policies(role.identity_policies(), None, role.boundary())
            )
        except PolicyError as error:
            reason = f"a policy of its role is malformed: {error}"
        else:
            if denial is None:
                return None
            request, decision = denial
            arn, reason = request.resource, decision.reason
    return (
        f"User: {session.arn} is not authorized to perform: {SEND_TEXT_MESSAGE} on resource: "
        f"{arn} because {reason}"
    )
