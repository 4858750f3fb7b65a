"""Copies of the project's Terraform sources for tests.

tftest and `terraform init` write `.terraform`, lock files and state into the folder they run
in (tftest even deletes them afterwards), so tests never run in the checkout itself.
"""

from __future__ import annotations

import shutil
from pathlib import Path

_IGNORED = shutil.ignore_patterns(
    ".terraform", "terraform.tfstate*", "*.tfplan", "localstack_override.tf", ".tftest-cache"
)
TERRAFORM_FOLDERS = ("modules", "examples")


def copy_terraform_sources(project_root: Path, destination: Path) -> Path:
    """Copy the root module, modules/ and examples/ (and their lock files) to destination."""
    destination.mkdir(parents=True, exist_ok=True)
    for item in project_root.iterdir():
        if item.is_file() and (item.suffix == ".tf" or item.name == ".terraform.lock.hcl"):
            shutil.copy2(item, destination / item.name)
    for folder in TERRAFORM_FOLDERS:
        shutil.copytree(project_root / folder, destination / folder, ignore=_IGNORED)
    tests = project_root / "tests" / "offline" / "terraform"
    if tests.is_dir():
        shutil.copytree(tests, destination / "tests" / "offline" / "terraform")
    return destination


def module_dirs(project_root: Path) -> list[Path]:
    return sorted(p for p in (project_root / "modules").iterdir() if (p / "main.tf").is_file())


def example_dirs(project_root: Path) -> list[Path]:
    return sorted(p for p in (project_root / "examples").iterdir() if (p / "main.tf").is_file())
