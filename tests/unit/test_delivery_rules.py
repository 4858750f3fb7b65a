"""The rule table itself (two_way_sms.delivery): its order, its needs, the fix every rule has,
and the two ways of running it agreeing on every fake deployment the tests build."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from tests.support.deployments import (
    CONNECT,
    FIFO_TOPIC,
    KEY,
    ROLE,
    TOPIC,
    FakeAws,
    connect_mode,
    good_key,
    good_role,
    number,
    role_mode,
    topic,
    topic_policy_mode,
)
from two_way_sms.delivery import (
    RULE_NAMES,
    RULES,
    NumberSettings,
    Status,
    first_failure,
    judge_all,
    read_deployment,
)
from two_way_sms.doctor.fixes import FIXES
from two_way_sms_tools.project import PROJECT_ROOT

README = PROJECT_ROOT / "src" / "two_way_sms" / "delivery" / "README.md"

Case = Callable[[], tuple[NumberSettings, FakeAws]]
CASES: dict[str, Case] = {
    "role mode": role_mode,
    "topic-policy mode": topic_policy_mode,
    "connect": connect_mode,
    "disabled": lambda: role_mode(two_way_enabled=False),
    "pending number": lambda: role_mode(status="PENDING"),
    "no channel": lambda: role_mode(two_way_channel_arn=None),
    "fifo": lambda: role_mode(two_way_channel_arn=FIFO_TOPIC),
    "not a topic": lambda: role_mode(two_way_channel_arn="arn:aws:sqs:us-east-1:1:q"),
    "topic missing": lambda: (number(), FakeAws(roles={ROLE: good_role()})),
    "role missing": lambda: (number(), FakeAws(topics={TOPIC: topic()})),
    "key missing": lambda: (
        number(),
        FakeAws(roles={ROLE: good_role()}, topics={TOPIC: topic(key=KEY)}),
    ),
    "asymmetric key": lambda: _with_key(key_spec="RSA_2048"),
    "disabled key": lambda: _with_key(key_state="Disabled"),
    "connect without role": lambda: (
        number(two_way_channel_arn=CONNECT, two_way_channel_role=None),
        connect_mode()[1],
    ),
    "connect not imported": lambda: (
        number(two_way_channel_arn=CONNECT),
        FakeAws(roles=connect_mode()[1].roles),
    ),
}


def _with_key(**overrides: str) -> tuple[NumberSettings, FakeAws]:
    settings, aws = role_mode()
    aws.keys[KEY] = good_key(**overrides)
    return settings, aws


def test_names_are_unique_and_every_need_comes_earlier() -> None:
    assert len(set(RULE_NAMES)) == len(RULE_NAMES)
    seen: set[str] = set()
    for rule in RULES:
        assert set(rule.needs) <= seen, f"{rule.name} needs a rule that is not before it"
        seen.add(rule.name)


def test_every_rule_has_a_fix_and_every_fix_a_rule() -> None:
    assert set(FIXES) == set(RULE_NAMES)


def test_the_readme_lists_the_table_as_it_is() -> None:
    """src/two_way_sms/delivery/README.md: one row per rule, in order, with what it checks."""
    rows = re.findall(r"^\| `([a-z0-9-]+)` \| (.+?) \| (.*?) \|$", README.read_text(), re.M)
    assert [name for name, _, _ in rows] == list(RULE_NAMES)
    for (name, checks, needs), rule in zip(rows, RULES, strict=True):
        assert checks == rule.checks, name
        assert needs == ", ".join(f"`{need}`" for need in rule.needs), name


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_first_failure_is_the_first_fail_of_judge_all(case: str) -> None:
    """The emulator (first failure) and the doctor (every rule) run the same table: the rule a
    message is dropped at is the doctor's first FAIL, and a message is delivered exactly when
    the doctor finds nothing failing or skipped."""
    settings, aws = CASES[case]()
    deployment = read_deployment(settings, aws)
    findings = judge_all(deployment)
    first = first_failure(deployment)
    fails = [f for f in findings if f.status is Status.FAIL]
    if first is None:
        assert fails == [] and all(f.status is Status.PASS for f in findings)
    else:
        assert fails and fails[0].name == first.name
        assert fails[0].detail == first.detail


def test_a_rule_whose_need_failed_is_skipped_naming_it() -> None:
    settings, aws = role_mode()
    aws.keys[KEY] = good_key(key_spec="RSA_2048")
    statuses = {f.name: (f.status, f.detail) for f in judge_all(read_deployment(settings, aws))}
    assert statuses["kms-key-symmetric"][0] is Status.FAIL
    assert statuses["kms-key-enabled"][0] is Status.PASS  # needs only kms-key-exists
    assert statuses["kms-key-policy"] == (Status.SKIP, "not checked: kms-key-symmetric failed")
    assert statuses["role-kms"] == (Status.SKIP, "not checked: kms-key-symmetric failed")


def test_rules_that_do_not_apply_are_not_listed() -> None:
    names = [f.name for f in judge_all(read_deployment(*topic_policy_mode()))]
    assert "role-exists" not in names and "role-publish" not in names
    assert "topic-policy-publish" in names
    assert not any(name.startswith("connect-") for name in names)
