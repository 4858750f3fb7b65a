"""The delivery rules of two-way SMS, once, in order: the table the emulator and the doctor read.

Each rule has a name, when it applies, the rules it needs (a rule is only judged once those that
apply have passed), and a judge. A judge either states a fact about the deployment (the number
is enabled, the topic exists, the key is symmetric) or asks a policy question: the requests End
User Messaging SMS makes (requests.py) and the policies they are judged against, answered by
`two_way_sms.policy`. The order is the order the service works in, and every rule comes after
the rules it needs: the emulator drops a message at the first rule that fails; the doctor judges
every rule, skips those whose needs failed, and prints a fix for each failure (doctor/fixes.py).

Sources are the AWS End User Messaging SMS guide, "Two-way SMS messaging" (its policies and its
"SNS FIFO topics are not supported"), and the Amazon Connect part of it; see the emulator's README.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from two_way_sms.delivery import requests
from two_way_sms.delivery.deployment import (
    Deployment,
    FunctionData,
    KeyData,
    Responder,
    RoleData,
)
from two_way_sms.delivery.judging import Policies, PolicyQuestion
from two_way_sms.identifiers import (
    SMS_VOICE_PRINCIPAL,
    account_of,
    check_role_arn,
    check_topic_arn,
    connect_channel,
    is_fifo_topic,
    region_of,
    role_name,
)
from two_way_sms.policy import NamedPolicy, Request

SYMMETRIC = ("SYMMETRIC_DEFAULT", "ENCRYPT_DECRYPT")


@dataclass(frozen=True)
class Fact:
    """A judge's verdict on something other than a policy; `subject` names what it is about
    when the rule judges several things (a responder's ARN)."""

    passed: bool
    detail: str
    subject: str = ""


# A policy rule about several things (each responder) asks one question per thing.
Judge = Callable[[Deployment], Fact | PolicyQuestion | tuple[PolicyQuestion, ...]]

INBOUND = "inbound"  # decides whether an inbound message is delivered (the emulator drops on it)
REPLY = "reply"  # decides whether the responder can answer (judged by the doctor only)


@dataclass(frozen=True)
class Rule:
    name: str
    checks: str  # what must hold, in a line (the README's table)
    applies: Callable[[Deployment], bool]
    needs: tuple[str, ...]
    judge: Judge
    stage: str = INBOUND


def _any(_: Deployment) -> bool:
    return True


def _sns(d: Deployment) -> bool:
    return d.to_sns


def _connect(d: Deployment) -> bool:
    return d.to_connect


def _with_role(d: Deployment) -> bool:
    return bool(d.role_arn)


def _sns_with_role(d: Deployment) -> bool:
    return d.to_sns and bool(d.role_arn)


def _sns_without_role(d: Deployment) -> bool:
    return d.to_sns and not d.role_arn


def _encrypted(d: Deployment) -> bool:
    return d.to_sns and bool(d.key_id)


def _encrypted_with_role(d: Deployment) -> bool:
    return _encrypted(d) and bool(d.role_arn)


# --------------------------------------------------------------------------------------------
# The number


def number_active(d: Deployment) -> Fact:
    number = d.number
    if number.status == "ACTIVE":
        return Fact(True, f"{number.phone_number_id} is ACTIVE")
    return Fact(
        False,
        f"{number.phone_number_id} is {number.status or 'of unknown status'}, not ACTIVE: only "
        "an active number receives messages",
    )


def two_way_enabled(d: Deployment) -> Fact:
    number = d.number
    if number.two_way_enabled:
        return Fact(True, f"TwoWayEnabled is true on {number.phone_number_id}")
    return Fact(
        False,
        f"two-way messaging is disabled on {number.phone_number_id} (TwoWayEnabled is false): "
        "inbound messages go nowhere",
    )


def two_way_channel(d: Deployment) -> Fact:
    channel = d.channel
    if not channel:
        return Fact(
            False,
            f"{d.number.phone_number_id} has no two-way destination (TwoWayChannelArn is not set)",
        )
    if d.to_connect:
        return Fact(True, f"TwoWayChannelArn {channel} is Amazon Connect in {d.connect_region}")
    if d.to_sns:
        return Fact(True, f"TwoWayChannelArn is the SNS topic {channel}")
    return Fact(False, str(check_topic_arn(channel)))


# --------------------------------------------------------------------------------------------
# An SNS topic


def standard_topic(d: Deployment) -> Fact:
    if not is_fifo_topic(d.channel):
        return Fact(True, f"{d.channel} is a standard topic (not FIFO)")
    return Fact(
        False,
        f"{d.channel} is an SNS FIFO topic; two-way SMS only publishes to standard topics",
    )


def topic_exists(d: Deployment) -> Fact:
    if d.topic_attributes is not None:
        return Fact(True, f"SNS topic {d.channel} exists")
    return Fact(False, f"SNS topic {d.channel} does not exist (GetTopicAttributes)")


def topic_encryption(d: Deployment) -> Fact:
    if d.key_id:
        return Fact(True, f"{d.channel} is encrypted with KmsMasterKeyId {d.key_id}")
    return Fact(True, f"{d.channel} is not encrypted (no KmsMasterKeyId): no key to check")


def topic_policy_publish(d: Deployment) -> PolicyQuestion:
    """No TwoWayChannelRole: the topic policy must let sms-voice.amazonaws.com publish."""
    number = d.number
    return PolicyQuestion(
        (
            requests.publish_as_service(
                d.channel, source_account=number.account, source_arn=number.arn
            ),
        ),
        Policies(resource=d.topic_policy()),
        who=f"{SMS_VOICE_PRINCIPAL} (no TwoWayChannelRole, so the topic policy decides)",
        what=lambda r: f"sns:Publish to {r.resource} for {number.arn}",
    )


# --------------------------------------------------------------------------------------------
# The channel role


def role_exists(d: Deployment) -> Fact:
    problem = check_role_arn(d.role_arn)
    if problem:
        return Fact(False, problem)
    if d.role is None:
        return Fact(
            False,
            f"IAM role {d.role_arn} does not exist (TwoWayChannelRole of "
            f"{d.number.phone_number_id})",
        )
    if d.role.arn != d.role_arn:
        return Fact(
            False,
            f"there is a role named {d.role.name}, but its ARN is {d.role.arn}, not {d.role_arn} "
            "(another path)",
        )
    return Fact(True, f"IAM role {d.role_arn} (TwoWayChannelRole) exists")


def _role(d: Deployment) -> RoleData:
    assert d.role is not None, "judged only after role-exists passed"
    return d.role


def role_trust(d: Deployment) -> PolicyQuestion:
    role, number = _role(d), d.number
    return PolicyQuestion(
        (requests.assume_role(role.arn, source_account=number.account, source_arn=number.arn),),
        Policies(resource=role.trust()),
        who=SMS_VOICE_PRINCIPAL,
        what=lambda r: f"sts:AssumeRole {r.resource} for {number.arn}",
    )


def _role_policies(d: Deployment, resource: NamedPolicy | None) -> Policies:
    role = _role(d)
    return Policies(role.identity_policies(), resource, role.boundary())


def _session(d: Deployment) -> str:
    return f"{_role(d).label} (the service's session)"


def role_publish(d: Deployment) -> PolicyQuestion:
    return PolicyQuestion(
        (requests.publish_as_role(_role(d).arn, d.channel, d.session_name),),
        _role_policies(d, d.topic_policy()),
        who=_session(d),
        what=lambda r: f"sns:Publish to {r.resource}",
    )


# --------------------------------------------------------------------------------------------
# The topic's KMS key


def kms_key_exists(d: Deployment) -> Fact:
    if d.key is not None:
        return Fact(True, f"KMS key {d.key_id} of {d.channel} exists: {d.key.arn}")
    return Fact(
        False,
        f"KMS key {d.key_id} (KmsMasterKeyId of {d.channel}) does not exist in "
        f"{region_of(d.channel)} of account {account_of(d.channel)}",
    )


def _key(d: Deployment) -> KeyData:
    assert d.key is not None, "judged only after kms-key-exists passed"
    return d.key


def kms_key_symmetric(d: Deployment) -> Fact:
    key = _key(d)
    if (key.key_spec, key.key_usage) == SYMMETRIC:
        return Fact(True, f"KMS key {key.arn} is SYMMETRIC_DEFAULT/ENCRYPT_DECRYPT")
    return Fact(
        False,
        f"KMS key {key.arn} is {key.key_spec}/{key.key_usage}; encrypted SNS topics need a "
        "symmetric encryption key (SYMMETRIC_DEFAULT, ENCRYPT_DECRYPT)",
    )


def kms_key_enabled(d: Deployment) -> Fact:
    key = _key(d)
    if key.key_state == "Enabled":
        return Fact(True, f"KMS key {key.arn} is Enabled")
    return Fact(False, f"KMS key {key.arn} is {key.key_state}, not Enabled")


def _use_key(d: Deployment, role_arn: str | None) -> tuple[Request, ...]:
    number = d.number
    return tuple(
        requests.use_key_through_sns(
            _key(d).arn,
            d.channel,
            role_arn=role_arn,
            session_name=d.session_name,
            source_account=number.account,
            source_arn=number.arn,
        )
    )


def _key_use(key_arn: str, topic_arn: str) -> Callable[[Request], str]:
    return lambda r: f"{r.action} with {key_arn} for {topic_arn} (called through SNS)"


def kms_key_policy(d: Deployment) -> PolicyQuestion:
    """The key policy's part. With a role, the role's own policies are taken to allow here
    (role-kms judges them): the key policy must allow the session or delegate to IAM."""
    key = _key(d)
    if d.role_arn:
        label = f"role/{role_name(d.role_arn)}"
        identity: tuple[NamedPolicy, ...] = (
            NamedPolicy(
                f"IAM policies of {label} (taken to allow here; role-kms judges them)",
                {
                    "Version": "2012-10-17",
                    "Statement": [{"Effect": "Allow", "Action": "kms:*", "Resource": "*"}],
                },
            ),
        )
        who = f"{label} (the service's session), as far as the key policy goes,"
    else:
        identity = ()
        who = f"{SMS_VOICE_PRINCIPAL} (no TwoWayChannelRole)"
    return PolicyQuestion(
        _use_key(d, d.role_arn or None),
        Policies(identity, key.key_policy()),
        who=who,
        what=_key_use(key.arn, d.channel),
        kms=True,
    )


def role_kms(d: Deployment) -> PolicyQuestion:
    """The role's own policies (and boundary) let its session use the key through SNS."""
    key = _key(d)
    return PolicyQuestion(
        _use_key(d, _role(d).arn),
        _role_policies(d, key.key_policy()),
        who=_session(d),
        what=_key_use(key.arn, d.channel),
        kms=True,
    )


# --------------------------------------------------------------------------------------------
# Amazon Connect


def connect_region(d: Deployment) -> Fact:
    """ImportPhoneNumber only imports a number into an instance of the number's Region."""
    number = d.number
    if d.connect_region == number.region:
        return Fact(True, f"{d.channel} is the number's Region ({number.region})")
    return Fact(
        False,
        f"{d.channel} names Region {d.connect_region} but {number.phone_number_id} is in "
        f"{number.region}; a number can only be imported into an Amazon Connect instance of its "
        f"own Region (ImportPhoneNumber): use {connect_channel(number.region)}",
    )


def connect_role(d: Deployment) -> Fact:
    if d.role_arn:
        return Fact(True, f"Amazon Connect destination with TwoWayChannelRole {d.role_arn}")
    return Fact(
        False,
        f"Amazon Connect destinations need a TwoWayChannelRole that {SMS_VOICE_PRINCIPAL} may "
        "sts:AssumeRole and that allows connect:SendChatIntegrationEvent (the guide's \"IAM "
        f'policies for Amazon Connect"); {d.number.phone_number_id} has none',
    )


def connect_number_imported(d: Deployment) -> Fact:
    number, imported = d.number, d.connect_import
    if imported is not None:
        return Fact(
            True,
            f"{number.label} is imported into Amazon Connect ({imported.target_arn}, "
            f"{imported.phone_number_id})",
        )
    return Fact(
        False,
        f"{number.label} is not imported into any Amazon Connect instance of account "
        f"{number.account} in {d.connect_region} (ListPhoneNumbersV2): import it into the instance "
        f"that takes the chats (ImportPhoneNumber with SourcePhoneNumberArn {number.arn})",
    )


def role_connect(d: Deployment) -> PolicyQuestion:
    instance = d.connect_import.target_arn if d.connect_import else "*"
    return PolicyQuestion(
        (
            requests.send_chat_integration_event(
                _role(d).arn, instance, d.session_name, d.number.account
            ),
        ),
        _role_policies(d, None),
        who=_session(d),
        what=lambda r: f"{requests.SEND_CHAT_INTEGRATION_EVENT} on {r.resource}",
    )


# --------------------------------------------------------------------------------------------
# The responder: the functions that answer the topic's messages (doctor only)


def _answering(d: Deployment) -> bool:
    return d.to_sns and bool(d.responders)


def responder_subscribed(d: Deployment) -> Fact:
    for responder in d.responders:
        if not responder.subscribed:
            return Fact(
                False,
                f"Lambda function {responder.function_arn} is not subscribed to {d.channel}: "
                "SNS never invokes it",
                responder.function_arn,
            )
    names = ", ".join(r.name for r in d.responders)
    return Fact(True, f"{d.channel} invokes {names} (protocol lambda)")


def responder_exists(d: Deployment) -> Fact:
    for responder in d.responders:
        function = responder.function
        problem = ""
        if function is None:
            problem = f"Lambda function {responder.function_arn} does not exist"
        elif function.state != "Active":
            problem = f"Lambda function {function.arn} is {function.state}, not Active"
        elif responder.role is None:
            problem = f"the execution role {function.role_arn} of {function.arn} does not exist"
        if problem:
            return Fact(False, problem, responder.function_arn)
    names = ", ".join(r.name for r in d.responders)
    return Fact(True, f"{names}: Active, with an execution role")


def _function(responder: Responder) -> FunctionData:
    assert responder.function is not None, "judged only after responder-exists passed"
    return responder.function


def responder_invoke(d: Deployment) -> tuple[PolicyQuestion, ...]:
    """SNS delivers the topic's messages by invoking each function: its resource policy must
    let sns.amazonaws.com do it for this topic."""
    questions = []
    for responder in d.responders:
        function = _function(responder)
        text = function.resource_policy
        policy = (
            NamedPolicy(f"resource policy of function {responder.name}", text) if text else None
        )
        questions.append(
            PolicyQuestion(
                (requests.invoke_by_sns(function.arn, d.channel),),
                Policies(resource=policy),
                who=f"{requests.SNS_PRINCIPAL} (delivering {d.channel})",
                what=lambda r: f"{r.action} {r.resource}",
                subject=responder.function_arn,
            )
        )
    return tuple(questions)


def responder_send(d: Deployment) -> tuple[PolicyQuestion, ...]:
    """Each function answers from the number that received the message: its role's session
    must be allowed SendTextMessage on that number (the emulator enforces the same)."""
    questions = []
    for responder in d.responders:
        role = responder.role
        assert role is not None, "judged only after responder-exists passed"
        questions.append(
            PolicyQuestion(
                (requests.send_text_message(role.arn, responder.name, d.number.arn),),
                Policies(role.identity_policies(), None, role.boundary()),
                who=f"{role.label} (the session of function {responder.name})",
                what=lambda r: f"{r.action} from {r.resource}",
                subject=responder.function_arn,
            )
        )
    return tuple(questions)


def responder_on_failure(d: Deployment) -> Fact:
    for responder in d.responders:
        destination = _function(responder).on_failure_destination
        if not destination:
            return Fact(
                False,
                f"{responder.name} has no on-failure destination: a reply that still fails after "
                "the retries is lost without a trace",
                responder.function_arn,
            )
        if not responder.on_failure_exists:
            return Fact(
                False,
                f"the on-failure destination {destination} of {responder.name} does not exist",
                responder.function_arn,
            )
    return Fact(
        True,
        "failed invocations go to "
        + ", ".join(f"{_function(r).on_failure_destination} ({r.name})" for r in d.responders),
    )


# --------------------------------------------------------------------------------------------
# The table

RULES: tuple[Rule, ...] = (
    Rule("number-active", "the number's Status is ACTIVE", _any, (), number_active),
    Rule("two-way-enabled", "TwoWayEnabled is true", _any, (), two_way_enabled),
    Rule(
        "two-way-channel",
        "TwoWayChannelArn is an SNS topic ARN or connect.<region>.amazonaws.com",
        _any,
        (),
        two_way_channel,
    ),
    Rule(
        "standard-topic",
        'the topic is a standard topic ("SNS FIFO topics are not supported")',
        _sns,
        ("two-way-channel",),
        standard_topic,
    ),
    Rule("topic-exists", "the topic exists", _sns, ("standard-topic",), topic_exists),
    Rule(
        "connect-region",
        "connect.<region>.amazonaws.com names the number's own Region",
        _connect,
        ("two-way-channel",),
        connect_region,
    ),
    Rule(
        "connect-role",
        "an Amazon Connect destination has a TwoWayChannelRole",
        _connect,
        ("two-way-channel",),
        connect_role,
    ),
    Rule(
        "role-exists",
        "TwoWayChannelRole is the ARN of an existing IAM role",
        _with_role,
        (),
        role_exists,
    ),
    Rule(
        "role-trust",
        "the trust policy lets sms-voice.amazonaws.com sts:AssumeRole for the number",
        _with_role,
        ("role-exists",),
        role_trust,
    ),
    Rule(
        "role-publish",
        "the role's policies (and boundary, and the topic policy) allow sns:Publish",
        _sns_with_role,
        ("topic-exists", "role-exists"),
        role_publish,
    ),
    Rule(
        "topic-policy-publish",
        "without a role, the topic policy lets sms-voice.amazonaws.com sns:Publish",
        _sns_without_role,
        ("topic-exists",),
        topic_policy_publish,
    ),
    Rule(
        "connect-number-imported",
        "the number is imported into an Amazon Connect instance of its account and Region",
        _connect,
        ("connect-region",),
        connect_number_imported,
    ),
    Rule(
        "role-connect",
        "the role's policies allow connect:SendChatIntegrationEvent on that instance",
        _connect,
        ("connect-region", "connect-role", "role-exists"),
        role_connect,
    ),
    Rule(
        "topic-encryption",
        "whether the topic is encrypted (KmsMasterKeyId) decides whether a key is checked",
        _sns,
        ("topic-exists",),
        topic_encryption,
    ),
    Rule(
        "kms-key-exists",
        "the topic's KMS key exists in the topic's account and Region",
        _encrypted,
        ("topic-exists",),
        kms_key_exists,
    ),
    Rule(
        "kms-key-symmetric",
        "the key is a symmetric encryption key (SYMMETRIC_DEFAULT, ENCRYPT_DECRYPT)",
        _encrypted,
        ("kms-key-exists",),
        kms_key_symmetric,
    ),
    Rule(
        "kms-key-enabled",
        "the key is Enabled",
        _encrypted,
        ("kms-key-exists",),
        kms_key_enabled,
    ),
    Rule(
        "kms-key-policy",
        "the key policy lets the sender kms:GenerateDataKey and kms:Decrypt through SNS",
        _encrypted,
        ("kms-key-exists", "kms-key-symmetric"),
        kms_key_policy,
    ),
    Rule(
        "role-kms",
        "the role's policies let its session use the key through SNS for this topic",
        _encrypted_with_role,
        ("kms-key-exists", "kms-key-symmetric", "role-exists"),
        role_kms,
    ),
    Rule(
        "responder-subscribed",
        "each function that answers the topic is subscribed to it (protocol lambda)",
        _answering,
        ("topic-exists",),
        responder_subscribed,
        REPLY,
    ),
    Rule(
        "responder-exists",
        "each such function exists, is Active and has its execution role",
        _answering,
        ("topic-exists",),
        responder_exists,
        REPLY,
    ),
    Rule(
        "responder-invoke",
        "each function's resource policy lets sns.amazonaws.com invoke it for the topic",
        _answering,
        ("responder-exists",),
        responder_invoke,
        REPLY,
    ),
    Rule(
        "responder-send",
        "each function's role may sms-voice:SendTextMessage from the number",
        _answering,
        ("responder-exists",),
        responder_send,
        REPLY,
    ),
    Rule(
        "responder-on-failure",
        "each function sends what fails after its retries to an on-failure destination that exists",
        _answering,
        ("responder-exists",),
        responder_on_failure,
        REPLY,
    ),
)

RULE_NAMES: tuple[str, ...] = tuple(rule.name for rule in RULES)
