"""`two-way-sms doctor`'s judgement: every delivery rule (two_way_sms.delivery) over a number's
live configuration, PASS/FAIL/SKIP, each FAIL with the fix that makes it pass (a policy
statement and the AWS CLI command that adds it, verified by evaluating the policy again).
Pure: what it judges is read through a `DeploymentView` (the CLI's is boto3, read-only).
"""

from two_way_sms.doctor.checks import check_delivery, judge_deployment
from two_way_sms.doctor.results import Check, FixStep, all_passed

__all__ = ["Check", "FixStep", "all_passed", "check_delivery", "judge_deployment"]
