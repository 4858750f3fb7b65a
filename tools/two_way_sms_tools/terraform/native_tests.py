"""Run Terraform's own `terraform test` files in a temporary copy of the sources."""

from __future__ import annotations

import re
import subprocess
import tempfile
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


def count_run_blocks(test_files: list[Path]) -> int:
    return sum(len(re.findall(r'^run\s+"', f.read_text(), re.MULTILINE)) for f in test_files)


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
