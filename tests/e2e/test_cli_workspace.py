"""`two-way-sms workspace ...` running real Terraform (python-terraform) on a root that needs
no provider download (terraform_data) with a local backend file and a workspace."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from two_way_sms.cli.main import main

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(shutil.which("terraform") is None, reason="terraform is not on PATH"),
]

ROOT = """\
terraform {
  backend "local" {}
}

variable "name" {
  type = string
}

resource "terraform_data" "marker" {
  input = var.name
}

output "name" {
  value = terraform_data.marker.output
}
"""


def test_init_plan_apply_output_destroy(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "main.tf").write_text(ROOT)
    (tmp_path / "dev.tfvars").write_text('name = "from-file"\n')
    (tmp_path / "local.tfbackend").write_text('path = "state/dev.tfstate"\n')
    common = [
        *("--dir", str(tmp_path), "--workspace", "dev"),
        *("--backend-config", str(tmp_path / "local.tfbackend")),
    ]

    def run(action: str, *extra: str) -> tuple[int, str]:
        """Exit code and the command's last line (its summary; Terraform's output comes first)."""
        code, out = run_full(action, *extra)
        return code, out.rstrip("\n").splitlines()[-1]

    def run_full(action: str, *extra: str) -> tuple[int, str]:
        capsys.readouterr()
        variables = extra or ("--var-file", str(tmp_path / "dev.tfvars"))
        code = main(["workspace", action, *common, *variables])
        return code, capsys.readouterr().out

    assert run("init") == (0, f"initialized {tmp_path} (workspace dev)")
    code, out = run_full("plan")
    assert code == 2 and "Plan: 1 to add, 0 to change, 0 to destroy." in out, out
    assert out.endswith(f"plan of {tmp_path} (dev): changes\n")
    assert run("apply")[0] == 0
    assert run("plan") == (0, f"plan of {tmp_path} (dev): no changes")
    code, out = run_full("output")
    assert (code, json.loads(out)) == (0, {"name": "from-file"})
    # An explicit --var wins over a --var-file, as on Terraform's own command line.
    var_file = ("--var-file", str(tmp_path / "dev.tfvars"))
    assert run("plan", *var_file, "--var", "name=from-option") == (
        2,
        f"plan of {tmp_path} (dev): changes",
    )
    assert run("plan", "--var", "name=from-file") == (0, f"plan of {tmp_path} (dev): no changes")
    assert run("destroy")[0] == 0
    assert (tmp_path / "terraform.tfstate.d" / "dev").is_dir()  # the workspace was created
    code, out = run_full("output")
    assert (code, json.loads(out)) == (0, {})


def test_terraform_errors_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "main.tf").write_text('resource "nonsense" {')
    assert main(["workspace", "init", "--dir", str(tmp_path)]) == 1
    assert "terraform init failed in" in capsys.readouterr().err
