"""Will an inbound SMS to a number be delivered? The delivery rules of two-way SMS, once.

A neutral package (no LocalStack, no boto3): `read_deployment` reads a number and what its
settings name through a `DeploymentView`; `RULES` is the ordered rule table; `first_failure`
(the emulator: drop the message at the first failing rule) and `judge_all` (the doctor: every
rule, skipping those whose needs failed) run it. Every policy decision is `two_way_sms.policy`'s,
over the requests the service makes (`requests`).
"""

from two_way_sms.delivery.deployment import (
    DOCTOR_SESSION,
    ConnectImport,
    Deployment,
    DeploymentView,
    FunctionData,
    KeyData,
    NumberSettings,
    PolicyDocument,
    Responder,
    ResponderView,
    RoleData,
    read_deployment,
)
from two_way_sms.delivery.judging import Policies, PolicyQuestion
from two_way_sms.delivery.rules import INBOUND, REPLY, RULE_NAMES, RULES, Fact, Rule
from two_way_sms.delivery.run import Finding, Status, first_failure, judge, judge_all

__all__ = [
    "DOCTOR_SESSION",
    "INBOUND",
    "REPLY",
    "RULES",
    "RULE_NAMES",
    "ConnectImport",
    "Deployment",
    "DeploymentView",
    "Fact",
    "Finding",
    "FunctionData",
    "KeyData",
    "NumberSettings",
    "Policies",
    "PolicyDocument",
    "PolicyQuestion",
    "Responder",
    "ResponderView",
    "RoleData",
    "Rule",
    "Status",
    "first_failure",
    "judge",
    "judge_all",
    "read_deployment",
]
