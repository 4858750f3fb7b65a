"""Running the rule table: to the first failure (the emulator, for each inbound message) or every
rule (the doctor, which skips a rule whose needs did not pass)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum

from two_way_sms.delivery.deployment import Deployment
from two_way_sms.delivery.judging import PolicyQuestion, decide
from two_way_sms.delivery.rules import INBOUND, RULES, Fact, Rule
from two_way_sms.policy import Decision, PolicyError, Request


class Status(StrEnum):
    PASS = "PASS"
    FAIL = "FAIL"
    SKIP = "SKIP"


@dataclass(frozen=True)
class Finding:
    """One rule's verdict. A policy rule keeps its question, and when it failed the request
    that was denied with its decision (an explicit Deny names its statements there)."""

    rule: Rule
    status: Status
    detail: str
    question: PolicyQuestion | None = None
    denied: tuple[Request, Decision] | None = None
    malformed: str = ""  # why a policy could not be judged (PolicyError), if it could not
    subject: str = ""  # what failed, when the rule judges several things (a responder's ARN)

    @property
    def name(self) -> str:
        return self.rule.name

    @property
    def passed(self) -> bool:
        return self.status is Status.PASS


def applicable(deployment: Deployment) -> Iterator[Rule]:
    return (rule for rule in RULES if rule.applies(deployment))


def judge(rule: Rule, deployment: Deployment) -> Finding:
    """PASS or FAIL: the fact the rule states, or its policy questions answered (the first that
    fails decides; all passing, their details together)."""
    verdict = rule.judge(deployment)
    if isinstance(verdict, Fact):
        status = Status.PASS if verdict.passed else Status.FAIL
        return Finding(rule, status, verdict.detail, subject=verdict.subject)
    if isinstance(verdict, PolicyQuestion):
        return answer(rule, verdict)
    findings = [answer(rule, question) for question in verdict]
    failed = next((f for f in findings if not f.passed), None)
    if failed is not None:
        return failed
    return Finding(rule, Status.PASS, "; ".join(f.detail for f in findings))


def answer(rule: Rule, question: PolicyQuestion) -> Finding:
    """Each request decided once, stopping at the first denial; a pass is worded with the first
    request's decision (the emulator runs this per message, so no request is decided twice)."""
    first = question.requests[0]
    first_decision: Decision | None = None
    try:
        for request in question.requests:
            decision = decide(request, question.policies, kms=question.kms)
            if not decision.allowed:
                detail = f"{question.who} may not {question.what(request)}: {decision.reason}"
                denial = (request, decision)
                return Finding(
                    rule, Status.FAIL, detail, question, denial, subject=question.subject
                )
            if first_decision is None:
                first_decision = decision
    except PolicyError as error:
        detail = (
            f"{question.who} cannot be judged for {question.what(first)}: malformed policy: {error}"
        )
        return Finding(
            rule, Status.FAIL, detail, question, malformed=str(error), subject=question.subject
        )
    assert first_decision is not None  # a question has at least one request
    return Finding(
        rule,
        Status.PASS,
        f"{question.who} may {question.what(first)}: {first_decision.reason}",
        question,
    )


def first_failure(deployment: Deployment) -> Finding | None:
    """The first inbound rule that fails, in the table's order (every rule's needs come before
    it, so they have passed when it is judged); None when the message will be delivered."""
    for rule in applicable(deployment):
        if rule.stage != INBOUND:
            continue
        finding = judge(rule, deployment)
        if not finding.passed:
            return finding
    return None


Amend = Callable[[Finding, Deployment], Deployment]


def judge_all(deployment: Deployment, amend: Amend | None = None) -> list[Finding]:
    """Every rule that applies: judged, or skipped when a rule it needs (and that applies) did not
    pass. `amend` sees each finding and returns the deployment later rules are judged on (the
    doctor returns it as the fix it prints would leave it)."""
    findings: list[Finding] = []
    statuses: dict[str, Status] = {}
    for rule in applicable(deployment):
        blocker = next(
            (need for need in rule.needs if statuses.get(need, Status.PASS) is not Status.PASS),
            None,
        )
        if blocker is not None:
            how = "failed" if statuses[blocker] is Status.FAIL else "was not checked"
            finding = Finding(rule, Status.SKIP, f"not checked: {blocker} {how}")
        else:
            finding = judge(rule, deployment)
            if amend is not None:
                deployment = amend(finding, deployment)
        statuses[rule.name] = finding.status
        findings.append(finding)
    return findings
