"""Run Terraform's own `terraform test` files in a temporary copy of the sources."""

from __future__ import annotations

import re
import subprocess
import tempfile
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from two_way_sms_tools.terraform.sources import copy_terraform_sources
from two_way_sms_tools.terraform.toolchain import process_env, terraform_env

TEST_DIRECTORY = "tests/offline/terraform"
_SUMMARY = re.compile(r"(\d+) passed, (\d+) failed")


@dataclass
class NativeTestResult:
    returncode: int
    passed: int
    failed: int
    output: str


_RUN_BLOCK = re.compile(r'^run\s+"[^"]*"\s*\{\n(.*?)^\}', re.MULTILINE | re.DOTALL)
_EXPECT_FAILURES = re.compile(r"^\s*expect_failures\s*=\s*\[(.*?)\]", re.MULTILINE | re.DOTALL)


def count_run_blocks(test_files: list[Path]) -> int:
    return sum(len(re.findall(r'^run\s+"', f.read_text(), re.MULTILINE)) for f in test_files)


def expected_variable_failures(test_file_text: str) -> Counter[str]:
    """Per input variable, how many run blocks list `var.NAME` in their expect_failures.

    A run may expect several variables to fail at once (one bad input each), over several lines.
    """
    counts: Counter[str] = Counter()
    for run in _RUN_BLOCK.finditer(test_file_text):
        for expected in _EXPECT_FAILURES.finditer(run[1]):
            listed = re.sub(r"#[^\n]*", "", expected[1])  # comments may sit beside entries
            entries = {e.strip() for e in listed.split(",")} - {""}
            counts.update(e.removeprefix("var.") for e in entries if e.startswith("var."))
    return counts


def inputs_short_of_failing_runs(
    test_file_text: str, validations: Mapping[str, int]
) -> dict[str, tuple[int, int]]:
    """Inputs with fewer runs expecting them to fail than validation blocks: (blocks, runs)."""
    failing = expected_variable_failures(test_file_text)
    return {
        name: (blocks, failing[name])
        for name, blocks in validations.items()
        if failing[name] < blocks
    }


def run_native_tests(project_root: Path, test_files: list[Path]) -> NativeTestResult:
    """Init once, then `terraform test` restricted to the given files."""
    env = process_env(terraform_env(project_root))
    with tempfile.TemporaryDirectory(prefix="two-way-sms-tftest-") as tmp:
        copy = copy_terraform_sources(project_root, Path(tmp) / "src")
        init = subprocess.run(
            ["terraform", "init", "-backend=false", "-input=false", "-no-color",
             f"-test-directory={TEST_DIRECTORY}"],
            cwd=copy, env=env, capture_output=True, text=True, check=False,
        )  # fmt: skip
        if init.returncode != 0:
            return NativeTestResult(init.returncode, 0, 0, init.stdout + init.stderr)
        filters = [f"-filter={TEST_DIRECTORY}/{f.name}" for f in test_files]
        test = subprocess.run(
            ["terraform", "test", "-no-color", f"-test-directory={TEST_DIRECTORY}", *filters],
            cwd=copy, env=env, capture_output=True, text=True, check=False,
        )  # fmt: skip
    output = test.stdout + test.stderr
    summary = _SUMMARY.search(output)
    passed, failed = (int(summary[1]), int(summary[2])) if summary else (0, 0)
    return NativeTestResult(test.returncode, passed, failed, output)
