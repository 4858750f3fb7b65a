"""An IAM policy evaluator for the two-way SMS emulator.

Decides a request against identity-based policies, a resource-based policy (SNS topic
policy, KMS key policy, role trust policy) and a permissions boundary, following AWS's
documented evaluation logic, and explains the decision in one sentence. See README.md in
this folder for what is supported.
"""

from two_way_sms.policy.errors import PolicyError
from two_way_sms.policy.evaluation import evaluate
from two_way_sms.policy.model import ContextValue, Decision, NamedPolicy, Request

__all__ = ["ContextValue", "Decision", "NamedPolicy", "PolicyError", "Request", "evaluate"]
