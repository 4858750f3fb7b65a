"""Formatting, checkov, and Terraform's native tests of every validation."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
import yaml

from two_way_sms_tools.terraform.native_tests import (
    TEST_DIRECTORY,
    count_run_blocks,
    inputs_short_of_failing_runs,
    run_native_tests,
)
from two_way_sms_tools.terraform.readme_tables import parse, updated_readme
from two_way_sms_tools.terraform.sources import copy_terraform_sources, example_dirs, module_dirs
from two_way_sms_tools.terraform.toolchain import process_env, terraform_env

NATIVE_FILES = sorted((Path(__file__).parents[2] / TEST_DIRECTORY).glob("*.tftest.hcl"))
# `make test` runs two xdist workers, one per group: "plans" (the combined plan) and "checks"
# (checkov and fmt). Terraform's native tests (1 to 3 s per run block, 69 blocks) are split
# between them so both finish at about the same time (measured on a busy 2-core machine: plans
# root and keywords 59 s + combined plan 41 s; checks the other modules 64 s + checkov 44 s).
_WITH_THE_PLANS = ("root.tftest.hcl", "keywords.tftest.hcl")
NATIVE_PARTS = {
    "root": ("plans", [f for f in NATIVE_FILES if f.name in _WITH_THE_PLANS]),
    "modules": ("checks", [f for f in NATIVE_FILES if f.name not in _WITH_THE_PLANS]),
}


@pytest.mark.xdist_group("checks")
def test_terraform_fmt(project_root: Path) -> None:
    result = subprocess.run(
        ["terraform", "fmt", "-check", "-recursive", "-diff", "-no-color"],
        cwd=project_root, env=process_env(terraform_env(project_root)),
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, (
        f"run `terraform fmt -recursive`:\n{result.stdout}{result.stderr}"
    )


@pytest.mark.xdist_group("checks")
def test_checkov_has_no_unexplained_findings(project_root: Path) -> None:
    checkov = shutil.which("checkov", path=str(Path(sys.executable).parent))
    assert checkov, "checkov is missing: run `make venv`"
    with tempfile.TemporaryDirectory(prefix="two-way-sms-checkov-") as tmp:
        copy = copy_terraform_sources(project_root, Path(tmp) / "src")
        result = subprocess.run(
            [checkov, "-d", str(copy), "--framework", "terraform", "--skip-download",
             "--compact", "-o", "json"],
            capture_output=True, text=True, check=False,
        )  # fmt: skip
    report = json.loads(result.stdout)
    summary = report["summary"]
    failed = [
        f"{c['check_id']} {c['resource']} ({c['file_path']}): {c['check_name']}"
        for c in report["results"]["failed_checks"]
    ]
    assert summary["passed"] > 50, f"checkov scanned too little: {summary}"
    assert not failed, "fix each finding or skip it inline with a reason:\n" + "\n".join(failed)
    for skipped in report["results"]["skipped_checks"]:
        reason = (skipped.get("check_result") or {}).get("suppress_comment", "")
        assert len(reason) > 20, f"{skipped['check_id']} on {skipped['resource']}: give a reason"


@pytest.mark.parametrize(
    "part",
    [
        pytest.param(name, marks=pytest.mark.xdist_group(group))
        for name, (group, _) in NATIVE_PARTS.items()
    ],
)
def test_terraform_native_tests(project_root: Path, part: str) -> None:
    files = NATIVE_PARTS[part][1]
    assert files, f"no *.tftest.hcl files in {TEST_DIRECTORY}"
    result = run_native_tests(project_root, files)
    expected = count_run_blocks(files)
    assert result.returncode == 0 and result.failed == 0, result.output
    # Every run block ran and passed: none skipped after an earlier failure.
    assert result.passed == expected, f"{result.passed} of {expected} runs passed:\n{result.output}"


@pytest.mark.xdist_group("checks")
def test_readme_tables_are_current(project_root: Path) -> None:
    folders = [project_root, *module_dirs(project_root), *example_dirs(project_root)]
    stale = [str(f / "README.md") for f in folders if len(set(updated_readme(f))) == 2]
    assert not stale, f"run `make docs`: out of date {stale}"


@pytest.mark.xdist_group("checks")
def test_every_validation_has_a_failing_input_run(project_root: Path) -> None:
    """Per module and input: at least as many runs expecting it to fail as validation blocks.

    A run may expect several inputs to fail (one bad value each), so each run counts once for
    every variable its expect_failures lists.
    """
    missing = []
    for folder in [project_root, *module_dirs(project_root)]:
        stem = "root" if folder == project_root else folder.name.replace("-", "_")
        runs = (project_root / TEST_DIRECTORY / f"{stem}.tftest.hcl").read_text()
        validations = {item.name: len(item.errors) for item in parse(folder / "variables.tf")}
        for name, (blocks, found) in inputs_short_of_failing_runs(runs, validations).items():
            missing.append(f"{stem}: {name} has {blocks} validations, {found} runs")
    assert not missing, "\n".join(missing)


def test_pre_commit_runs_the_checks_of_make_lint(project_root: Path) -> None:
    """One local hook per prerequisite of `make lint`, each running that very target."""
    makefile = (project_root / "Makefile").read_text()
    lint = re.search(r"^lint:([^#\n]*)", makefile, re.MULTILINE)
    assert lint is not None, "the Makefile has no lint target"
    targets = lint[1].split()
    assert targets, "make lint should be made of targets the hooks can run one by one"
    for target in targets:
        assert re.search(rf"^{target}:.*\n\t\S", makefile, re.MULTILINE), f"no recipe: {target}"
    config = yaml.safe_load((project_root / ".pre-commit-config.yaml").read_text())
    (repo,) = config["repos"]
    assert repo["repo"] == "local"  # the project's venv and tools, nothing fetched
    hooks = repo["hooks"]
    assert [hook["entry"] for hook in hooks] == [f"make {target}" for target in targets]
    assert all(h["language"] == "system" and h["pass_filenames"] is False for h in hooks)
