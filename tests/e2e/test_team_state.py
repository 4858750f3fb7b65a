"""Team state: two applies of one S3 state at once against LocalStack S3 with native locking.

Each "teammate" has its own copy of examples/team-state (as two laptops would) and drives
Terraform with python-terraform through `Workspace`; destroy runs for real at the end.
"""

from __future__ import annotations

import json
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from two_way_sms.cli.workspace import Workspace, WorkspaceError
from two_way_sms_tools.terraform.localstack_apply import localstack_terraform_env
from two_way_sms_tools.terraform.localstack_override import write_override
from two_way_sms_tools.terraform.sources import copy_terraform_sources

pytestmark = pytest.mark.e2e

WORKSPACE = "team"
STATE_KEY = "two-way-sms/terraform.tfstate"


def _backend_file(folder: Path, bucket: str, endpoint: str) -> Path:
    path = folder / "localstack.s3.tfbackend"
    path.write_text(
        "\n".join(
            [
                f'bucket = "{bucket}"',
                f'key = "{STATE_KEY}"',
                'region = "us-east-1"',
                "use_lockfile = true",
                "encrypt = true",
                'access_key = "test"',
                'secret_key = "test"',
                f'endpoints = {{ s3 = "{endpoint}" }}',
                "use_path_style = true",
                "skip_credentials_validation = true",
                "skip_requesting_account_id = true",
                "skip_metadata_api_check = true",
                "skip_region_validation = true",
            ]
        )
        + "\n"
    )
    return path


def _teammate(project_root: Path, tmp: Path, who: str, bucket: str, endpoint: str) -> Workspace:
    copy = copy_terraform_sources(project_root, tmp / who)
    root = copy / "examples" / "team-state"
    write_override(root, endpoint=endpoint)
    workspace = Workspace(
        working_dir=root,
        name=WORKSPACE,
        backend_config=_backend_file(root, bucket, endpoint),
        variables={"name": f"team-{bucket[-6:]}", "encrypted": "true"},
        env=localstack_terraform_env(project_root, endpoint, "us-east-1"),
    )
    workspace.init()
    workspace.select()
    return workspace


def test_concurrent_applies_one_waits_for_the_lock(
    project_root: Path, localstack_endpoint: str, aws: Callable[[str], Any]
) -> None:
    s3 = aws("s3")
    bucket = f"team-state-{uuid.uuid4().hex[:6]}"
    s3.create_bucket(Bucket=bucket)
    state_key = f"env:/{WORKSPACE}/{STATE_KEY}"
    with tempfile.TemporaryDirectory(prefix="two-way-sms-team-") as tmp:
        alice = _teammate(project_root, Path(tmp), "alice", bucket, localstack_endpoint)
        bob = _teammate(project_root, Path(tmp), "bob", bucket, localstack_endpoint)

        failures: list[BaseException] = []

        def alice_applies() -> None:
            try:
                alice.apply()
            except BaseException as error:  # reported by the main thread
                failures.append(error)

        first = threading.Thread(target=alice_applies)
        first.start()
        # Wait until Alice holds the lock: the lock object exists next to the state.
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            listed = s3.list_objects_v2(Bucket=bucket).get("Contents", [])
            if any(o["Key"] == f"{state_key}.tflock" for o in listed):
                break
            time.sleep(0.1)
        else:
            first.join()
            pytest.fail(f"no lock object appeared while Alice applied: {listed}")

        with pytest.raises(WorkspaceError, match="Error acquiring the state lock"):
            bob.apply()
        first.join()
        assert not failures, failures

        # The state Alice wrote is whole, and Bob succeeds now (nothing left to change).
        state = json.loads(s3.get_object(Bucket=bucket, Key=state_key)["Body"].read())
        managed = [r for r in state["resources"] if r["mode"] == "managed"]
        assert len(managed) >= 5, [r["type"] for r in managed]
        bob.apply()
        assert bob.plan() is False
        after = json.loads(s3.get_object(Bucket=bucket, Key=state_key)["Body"].read())
        assert after["lineage"] == state["lineage"]
        keys = [o["Key"] for o in s3.list_objects_v2(Bucket=bucket).get("Contents", [])]
        assert f"{state_key}.tflock" not in keys, "the lock was not released"

        # python-terraform's destroy, for real (its -force flag is replaced).
        number_id = bob.outputs()["phone_numbers"]["main"]["id"]
        bob.destroy()
        sms = aws("pinpoint-sms-voice-v2")
        with pytest.raises(sms.exceptions.ResourceNotFoundException):
            sms.describe_phone_numbers(PhoneNumberIds=[number_id])
        final = json.loads(s3.get_object(Bucket=bucket, Key=state_key)["Body"].read())
        assert [r for r in final["resources"] if r["mode"] == "managed"] == []
