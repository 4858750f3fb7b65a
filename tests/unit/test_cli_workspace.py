"""`two-way-sms workspace ...` over a fake Workspace: arguments passed through, exit codes."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, ClassVar

import pytest

from two_way_sms.cli import workspace as workspace_module
from two_way_sms.cli.main import main


class FakeWorkspace:
    made: ClassVar[list[FakeWorkspace]] = []
    changes: ClassVar[bool] = False
    fail: ClassVar[str | None] = None

    def __init__(self, **kwargs: Any) -> None:
        self.kwargs = kwargs
        self.calls: list[str] = []
        FakeWorkspace.made.append(self)

    def _do(self, what: str) -> None:
        self.calls.append(what)
        self.last_output = f"terraform {what} output"
        if FakeWorkspace.fail == what:
            raise workspace_module.WorkspaceError(f"terraform {what} failed in x (1):\nboom")

    def init(self) -> None:
        self._do("init")

    def select(self) -> None:
        self._do("select")

    def plan(self) -> bool:
        self._do("plan")
        return FakeWorkspace.changes

    def apply(self) -> None:
        self._do("apply")

    def destroy(self) -> None:
        self._do("destroy")

    def outputs(self) -> dict[str, Any]:
        self._do("output")
        return {"topic_arn": "arn:aws:sns:us-east-1:000000000000:t", "ids": ["a"]}


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(workspace_module, "Workspace", FakeWorkspace)
    FakeWorkspace.made, FakeWorkspace.changes, FakeWorkspace.fail = [], False, None
    (tmp_path / "prod.tfvars").write_text('name = "x"\n')
    (tmp_path / "backend.tfbackend").write_text('path = "x.tfstate"\n')
    return tmp_path


def test_init_passes_everything_through(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        [
            *("workspace", "init", "--dir", str(root), "--workspace", "prod"),
            *("--backend-config", str(root / "backend.tfbackend")),
            *("--var-file", str(root / "prod.tfvars"), "--var", "name=a=b", "--var", "n=1"),
        ]
    )
    assert code == 0
    (made,) = FakeWorkspace.made
    assert made.kwargs == {
        "working_dir": root,
        "name": "prod",
        "backend_config": root / "backend.tfbackend",
        "var_files": [root / "prod.tfvars"],
        "variables": {"name": "a=b", "n": "1"},
    }
    assert made.calls == ["init", "select"]
    assert capsys.readouterr().out == f"initialized {root} (workspace prod)\n"


@pytest.mark.parametrize(("changes", "code"), [(False, 0), (True, 2)])
def test_plan_exit_code_says_whether_there_are_changes(
    root: Path, changes: bool, code: int, capsys: pytest.CaptureFixture[str]
) -> None:
    FakeWorkspace.changes = changes
    assert main(["workspace", "plan", "--dir", str(root)]) == code
    assert FakeWorkspace.made[0].calls == ["select", "plan"]
    assert capsys.readouterr().out.endswith("changes\n" if changes else "no changes\n")


@pytest.mark.parametrize("action", ["apply", "destroy"])
def test_apply_and_destroy(root: Path, action: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Terraform's own output is shown, then a one-line summary."""
    assert main(["workspace", action, "--dir", str(root)]) == 0
    assert FakeWorkspace.made[0].calls == ["select", action]
    assert (
        capsys.readouterr().out
        == f"terraform {action} output\n{action} of {root} (default): done\n"
    )


def test_output_prints_json(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["workspace", "output", "--dir", str(root)]) == 0
    assert json.loads(capsys.readouterr().out) == {
        "ids": ["a"],
        "topic_arn": "arn:aws:sns:us-east-1:000000000000:t",
    }


def test_terraform_failure_exits_1_with_its_message(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    FakeWorkspace.fail = "apply"
    assert main(["workspace", "apply", "--dir", str(root)]) == 1
    assert "terraform apply failed in x (1):\nboom" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--dir", "/nonexistent-dir"], "--dir /nonexistent-dir: no such directory"),
        (["--var-file", "missing.tfvars"], "missing.tfvars: no such file"),
    ],
)
def test_missing_paths_exit_2(
    root: Path, extra: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["workspace", "plan", "--dir", str(root), *extra]
    assert main(argv) == 2
    assert message in capsys.readouterr().err
    assert FakeWorkspace.made == []


def test_without_python_terraform_exits_2(
    root: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delitem(sys.modules, "two_way_sms.cli.workspace")
    monkeypatch.setitem(sys.modules, "python_terraform", None)  # import fails
    assert main(["workspace", "plan", "--dir", str(root)]) == 2
    assert "the workspace commands need python-terraform" in capsys.readouterr().err


def test_explicit_variables_win_over_var_files(tmp_path: Path) -> None:
    """`--var` is written to a var file passed after the user's, so Terraform lets it win."""
    from two_way_sms.cli.workspace import Workspace

    user_file = tmp_path / "prod.tfvars"
    user_file.write_text('name = "from-file"\n')
    workspace = Workspace(working_dir=tmp_path, var_files=[user_file], variables={"name": "cli"})
    command = workspace._tf.generate_cmd_string("plan", var_file=workspace._tf.var_file)
    files = [c.split("=", 1)[1] for c in command if c.startswith("-var-file=")]
    assert files[0] == str(user_file)
    assert json.loads(Path(files[-1]).read_text()) == {"name": "cli"}
