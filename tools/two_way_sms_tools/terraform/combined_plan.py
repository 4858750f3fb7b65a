"""One `terraform plan` for every inventory scenario, driven by tftest."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tftest

from two_way_sms_tools.terraform.inventory import Scenario, write_harness
from two_way_sms_tools.terraform.offline_sts import offline_aws
from two_way_sms_tools.terraform.sources import copy_terraform_sources
from two_way_sms_tools.terraform.toolchain import process_env, terraform_env


@dataclass
class CombinedPlan:
    plan: dict[str, Any]  # `terraform show -json` of the plan
    terraform: tftest.TerraformTest  # initialised in the harness folder, for further commands


@contextmanager
def combined_plan(project_root: Path, scenarios: list[Scenario]) -> Iterator[CombinedPlan]:
    """Plan every scenario at once in a temporary copy of the sources."""
    with tempfile.TemporaryDirectory(prefix="two-way-sms-plan-") as tmp, offline_aws() as aws:
        copy = copy_terraform_sources(project_root, Path(tmp) / "src")
        harness = write_harness(copy, scenarios)
        env = process_env(terraform_env(project_root), aws)
        tf = tftest.TerraformTest(str(harness), env=env)
        # tftest starts from os.environ; replace it so no developer setting leaks in.
        tf.env = env
        tf.setup(upgrade=False)
        plan = tf.plan(output=True, refresh=True)
        yield CombinedPlan(plan=dict(plan._raw), terraform=tf)  # tftest keeps the JSON there
