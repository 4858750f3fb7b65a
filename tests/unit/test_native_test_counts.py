"""Counting the runs that expect each input variable's validation to fail."""

from __future__ import annotations

from two_way_sms_tools.terraform.native_tests import (
    expected_variable_failures,
    inputs_short_of_failing_runs,
)

_RUNS = """
run "bad_inputs_1" {
  command = plan
  variables {
    name  = "inbound.fifo"
    topic = { name = "x.fifo" }
  }
  expect_failures = [
    var.name, # the name ends in .fifo
    var.topic,
  ]
}

run "bad_inputs_2" {
  command = plan
  variables {
    topic = { existing_arn = "inbound" }
  }
  expect_failures = [var.topic]
}

run "precondition" {
  command         = plan
  expect_failures = [aws_iam_role_policy.reply, var.rules]
}

run "plans" {
  command = plan
  assert {
    condition     = var.name != "expect_failures = [var.name]"
    error_message = "var.name"
  }
}
"""


def test_each_run_counts_once_for_every_variable_it_lists() -> None:
    counts = expected_variable_failures(_RUNS)
    assert counts == {"name": 1, "topic": 2, "rules": 1}


def test_a_variable_listed_twice_in_one_run_counts_once() -> None:
    counts = expected_variable_failures('run "r" {\n  expect_failures = [var.a, var.a]\n}\n')
    assert counts == {"a": 1}


def test_inputs_with_fewer_failing_runs_than_validations_are_reported() -> None:
    short = inputs_short_of_failing_runs(_RUNS, {"name": 2, "topic": 2, "encryption": 1})
    assert short == {"name": (2, 1), "encryption": (1, 0)}
