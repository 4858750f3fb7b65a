"""The doctor's run: every delivery rule, each FAIL with its fix.

When a policy rule fails, the later rules are judged as if its fix had been made: role-kms sees
the key policy with kms-key-policy's statement, and its own inline-policy command keeps the
statement role-publish's command adds. Each check then names only its own part, and running
every printed command in order leaves a deployment on which every check passes.
"""

from __future__ import annotations

from collections.abc import Sequence

from two_way_sms.delivery import (
    Deployment,
    DeploymentView,
    Finding,
    NumberSettings,
    ResponderView,
    Status,
    judge_all,
    read_deployment,
)
from two_way_sms.doctor.fixes import FIXES
from two_way_sms.doctor.policy_edits import PolicyEdit, deny_steps, smallest_fix
from two_way_sms.doctor.results import Check, FixStep


def check_delivery(
    number: NumberSettings,
    view: DeploymentView,
    *,
    replies: ResponderView | None = None,
    named_responders: Sequence[str] = (),
) -> list[Check]:
    """Every check of the number's two-way delivery, reading through `view`; with `replies`, the
    checks of the functions that answer the topic too."""
    deployment = read_deployment(number, view, replies=replies, named_responders=named_responders)
    return judge_deployment(deployment)


def judge_deployment(deployment: Deployment) -> list[Check]:
    fixes: dict[str, tuple[FixStep, ...]] = {}

    def amend(finding: Finding, current: Deployment) -> Deployment:
        if finding.status is not Status.FAIL:
            return current
        steps, edits = _fix(finding, current)
        fixes[finding.name] = steps
        for edit in edits:
            current = edit.applied_to(current)
        return current

    return [
        Check(finding.name, finding.status, finding.detail, fixes.get(finding.name, ()))
        for finding in judge_all(deployment, amend)
    ]


def _fix(
    finding: Finding, deployment: Deployment
) -> tuple[tuple[FixStep, ...], tuple[PolicyEdit, ...]]:
    """The steps that make a failed rule pass, and the policy edits among them."""
    fix = FIXES[finding.name](deployment.focused(finding.subject))
    question = finding.question
    if question is None:
        return fix.steps, ()
    if finding.malformed:
        return (FixStep(f"Correct the policy document: {finding.malformed}"),), ()
    if finding.denied is not None and finding.denied[1].deciding:
        return deny_steps(finding.denied[1]), ()  # an explicit Deny: no statement can help
    edits = smallest_fix(question, fix.candidates) or fix.candidates
    return tuple(edit.step() for edit in edits), edits
