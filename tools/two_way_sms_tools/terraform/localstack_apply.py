"""Apply a Terraform root to LocalStack in a temporary copy, and always destroy it.

The root reaches LocalStack through an override file written next to it (the terraform-local
approach), so the examples themselves stay exactly what a user copies.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tftest

from two_way_sms_tools.terraform.localstack_override import write_override
from two_way_sms_tools.terraform.sources import copy_terraform_sources
from two_way_sms_tools.terraform.toolchain import process_env, terraform_env

LOCALSTACK_CREDENTIALS = {
    "AWS_ACCESS_KEY_ID": "test",
    "AWS_SECRET_ACCESS_KEY": "test",
    "AWS_EC2_METADATA_DISABLED": "true",
}


@dataclass
class AppliedRoot:
    terraform: tftest.TerraformTest
    variables: dict[str, Any]
    outputs: dict[str, Any]

    def replan_changes(self) -> list[str]:
        """Addresses a second plan would change: empty when the apply converged."""
        plan = self.terraform.plan(output=True, tf_vars=self.variables)
        return [
            f"{address}: {change['change']['actions']}"
            for address, change in plan.resource_changes.items()
            if change["change"]["actions"] not in (["no-op"], ["read"])
        ]


def localstack_terraform_env(project_root: Path, endpoint: str, region: str) -> dict[str, str]:
    """Environment for Terraform (and the boto3 commands it runs) against LocalStack."""
    return process_env(
        terraform_env(project_root),
        LOCALSTACK_CREDENTIALS,
        # For local-exec commands (two-way-channel): boto3 reads these.
        {"AWS_REGION": region, "AWS_DEFAULT_REGION": region, "AWS_ENDPOINT_URL": endpoint},
    )


@contextmanager
def applied_root(
    project_root: Path,
    target: str,
    endpoint: str,
    variables: Mapping[str, Any] | None = None,
    region: str = "us-east-1",
    keep_in: Path | None = None,
) -> Iterator[AppliedRoot]:
    """Apply `target` (a folder of the project) to LocalStack and destroy it on the way out.

    With `keep_in`, the copy (and its state) lives there and nothing is destroyed: the caller
    tears it down later with `terraform destroy` in that folder.
    """
    tf_vars = dict(variables or {})
    with tempfile.TemporaryDirectory(prefix="two-way-sms-apply-") as tmp:
        workdir = keep_in or Path(tmp)
        copy = copy_terraform_sources(project_root, workdir / "src")
        root = copy / target
        write_override(root, endpoint=endpoint, region=region)
        env = localstack_terraform_env(project_root, endpoint, region)
        tf = tftest.TerraformTest(str(root), env=env)
        tf.env = env  # only this environment: nothing of the caller's AWS settings
        tf.setup(upgrade=False, cleanup_on_exit=keep_in is None)
        try:
            tf.apply(tf_vars=tf_vars)
            outputs = dict(tf.output())
            yield AppliedRoot(terraform=tf, variables=tf_vars, outputs=outputs)
        finally:
            if keep_in is None:
                tf.destroy(tf_vars=tf_vars)
