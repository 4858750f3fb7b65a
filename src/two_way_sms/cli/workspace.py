"""Drive `terraform apply` from a workspace with python-terraform, as the design card asks.

python-terraform 0.10.1 still passes `-force` to `terraform destroy`, which Terraform 0.15
and later reject ("flag provided but not defined: -force"): `destroy` here turns that flag off
and asks for `-auto-approve` instead. Every command raises WorkspaceError with Terraform's own
message when it fails.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from python_terraform import IsFlagged, IsNotFlagged, Terraform

# `terraform plan -detailed-exitcode`: 0 no changes, 1 error, 2 changes present.
_PLAN_NO_CHANGES, _PLAN_CHANGES = 0, 2


class WorkspaceError(RuntimeError):
    """A Terraform command failed; the message carries its output."""


@contextmanager
def _environment(extra: Mapping[str, str]) -> Iterator[None]:
    """python-terraform passes os.environ to Terraform; set ours around each call."""
    saved = {k: os.environ.get(k) for k in extra}
    os.environ.update(extra)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


@dataclass
class Workspace:
    """A Terraform root, a workspace in it, its backend settings and variable files."""

    working_dir: Path
    name: str = "default"
    backend_config: Mapping[str, str] | Path | None = None  # key=values or a .tfbackend file
    var_files: Sequence[Path] = ()
    variables: Mapping[str, Any] = field(default_factory=dict)
    env: Mapping[str, str] = field(default_factory=dict)

    last_output: str = field(default="", init=False)  # Terraform's stdout of the last command

    def __post_init__(self) -> None:
        var_files = [str(f) for f in self.var_files]
        if self.variables:
            # python-terraform writes `variables` to a var file placed before the others, so a
            # var file would win over an explicit variable; ours goes last and wins instead.
            with tempfile.NamedTemporaryFile(
                "w", suffix=".tfvars.json", prefix="two-way-sms-vars-", delete=False
            ) as handle:
                json.dump(dict(self.variables), handle)
            var_files.append(handle.name)
        self._tf = Terraform(working_dir=str(self.working_dir), var_file=var_files or None)

    def _run(
        self, what: str, call: Any, *args: Any, ok: Sequence[int] = (0,), **kwargs: Any
    ) -> int:
        with _environment(self.env):
            code, out, err = call(*args, **kwargs)
        self.last_output = out or ""
        if code not in ok:
            raise WorkspaceError(
                f"terraform {what} failed in {self.working_dir} ({code}):\n{err or out}"
            )
        return int(code)

    def init(self) -> None:
        """`terraform init -reconfigure` with the backend settings as -backend-config."""
        config: Any = self.backend_config
        if isinstance(config, Path):
            config = str(config)  # python-terraform passes a string as one -backend-config=FILE
        elif config is not None:
            config = dict(config)
        self._run("init", self._tf.init, backend_config=config)

    def select(self) -> None:
        """Select the workspace, creating it the first time."""
        with _environment(self.env):
            code, _, _ = self._tf.set_workspace(self.name)
        if code != 0:
            self._run(f"workspace new {self.name}", self._tf.create_workspace, self.name)

    def plan(self) -> bool:
        """True when the plan has changes."""
        code = self._run("plan", self._tf.plan, ok=(_PLAN_NO_CHANGES, _PLAN_CHANGES))
        return code == _PLAN_CHANGES

    def apply(self) -> None:
        self._run("apply", self._tf.apply, skip_plan=True)

    def destroy(self) -> None:
        # Not python-terraform's default: `-force` is gone from Terraform >= 0.15.
        self._run("destroy", self._tf.destroy, force=IsNotFlagged, auto_approve=IsFlagged)

    def outputs(self) -> dict[str, Any]:
        with _environment(self.env):
            values = self._tf.output()
        return {k: v.get("value") for k, v in (values or {}).items()}
