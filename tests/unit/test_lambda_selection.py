"""How LocalStack finds and selects the host Lambda executor: its entry point in
pyproject.toml and LAMBDA_RUNTIME_EXECUTOR in the settings LocalStack is started with."""

from __future__ import annotations

import tomllib
from pathlib import Path

from two_way_sms.emulator.lambda_host import runtimes
from two_way_sms_tools.localstack.health import REQUIRED_SERVICES
from two_way_sms_tools.localstack.settings import Settings
from two_way_sms_tools.project import PROJECT_ROOT


def test_the_entry_point_and_localstack_settings_name_the_executor(tmp_path: Path) -> None:
    project = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text())
    group = project["project"]["entry-points"]["localstack.lambda.runtime_executor"]
    assert group == {
        runtimes.EXECUTOR_NAME: "two_way_sms.emulator.lambda_host.plugin:HostPythonExecutorPlugin"
    }
    env = Settings.from_env({}, root=tmp_path).localstack_env({})
    assert env["LAMBDA_RUNTIME_EXECUTOR"] == runtimes.EXECUTOR_NAME
    chosen = Settings.from_env({}, root=tmp_path).localstack_env(
        {"LAMBDA_RUNTIME_EXECUTOR": "docker"}
    )
    assert chosen["LAMBDA_RUNTIME_EXECUTOR"] == "docker"  # a developer's choice stands


def test_async_retries_are_quick_unless_the_developer_says_otherwise(tmp_path: Path) -> None:
    settings = Settings.from_env({}, root=tmp_path)
    assert settings.localstack_env({})["LAMBDA_RETRY_BASE_DELAY"] == "1"
    paced = settings.localstack_env({"LAMBDA_RETRY_BASE_DELAY": "60"})
    assert paced["LAMBDA_RETRY_BASE_DELAY"] == "60"


def test_localstack_is_ready_only_with_lambda_and_logs() -> None:
    assert {"lambda", "logs"} <= set(REQUIRED_SERVICES)
