"""The environment of a function process: LocalStack's values and the function's own pass,
container paths become host paths, nothing else of LocalStack's environment leaks in."""

from __future__ import annotations

import os
from pathlib import Path

from two_way_sms.emulator.lambda_host.environment import function_environment

GIVEN = {  # the shape of LocalStack 4.14's ExecutionEnvironment.get_environment_variables()
    "AWS_REGION": "eu-west-1",
    "AWS_LAMBDA_FUNCTION_NAME": "fn",
    "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": 256,
    "AWS_LAMBDA_FUNCTION_VERSION": "$LATEST",
    "AWS_LAMBDA_FUNCTION_TIMEOUT": 3,
    "AWS_ACCESS_KEY_ID": "LSIA...",
    "AWS_SECRET_ACCESS_KEY": "secret",
    "AWS_SESSION_TOKEN": "token",
    "LAMBDA_TASK_ROOT": "/var/task",
    "LAMBDA_RUNTIME_DIR": "/var/runtime",
    "AWS_ENDPOINT_URL": "http://127.0.0.1:4566",
    "AWS_EXECUTION_ENV": "AWS_Lambda_rapid",
    "_HANDLER": "app.handler",
    "MY_SETTING": "from the function",
    "PATH": None,
}
HOST = {"PATH": "/usr/bin:/bin", "AWS_PROFILE": "prod", "GATEWAY_LISTEN": "127.0.0.1:4566"}


def _environment(tmp_path: Path, given: dict[str, object] = GIVEN) -> dict[str, str]:
    return function_environment(
        given,
        runtime="python3.12",
        task_root=tmp_path / "task",
        runtime_dir=tmp_path / "runtime",
        python_bin=tmp_path / "venv" / "bin",
        tmp_dir=tmp_path / "tmp",
        opt_dir=tmp_path / "opt",
        host_environ=HOST,
    )


def test_localstack_values_and_the_functions_own_pass_as_text(tmp_path: Path) -> None:
    env = _environment(tmp_path)
    assert env["AWS_REGION"] == "eu-west-1"
    assert env["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] == "256"
    assert env["AWS_LAMBDA_FUNCTION_TIMEOUT"] == "3"
    assert env["AWS_SESSION_TOKEN"] == "token"
    assert env["AWS_ENDPOINT_URL"] == "http://127.0.0.1:4566"
    assert env["_HANDLER"] == "app.handler"
    assert env["MY_SETTING"] == "from the function"


def test_container_paths_become_host_paths(tmp_path: Path) -> None:
    env = _environment(tmp_path)
    assert env["LAMBDA_TASK_ROOT"] == str(tmp_path / "task")
    assert env["LAMBDA_RUNTIME_DIR"] == str(tmp_path / "runtime")
    assert env["AWS_EXECUTION_ENV"] == "AWS_Lambda_python3.12"
    assert env["TMPDIR"] == str(tmp_path / "tmp")
    assert env["PATH"].split(os.pathsep) == [
        str(tmp_path / "venv" / "bin"),
        str(tmp_path / "opt" / "bin"),
        "/usr/bin",
        "/bin",
    ]


def test_localstack_settings_and_the_developers_aws_profile_stay_out(tmp_path: Path) -> None:
    env = _environment(tmp_path)
    assert "AWS_PROFILE" not in env
    assert "GATEWAY_LISTEN" not in env
    assert env["AWS_CONFIG_FILE"] == os.devnull
    assert env["AWS_SHARED_CREDENTIALS_FILE"] == os.devnull


def test_the_functions_variables_may_set_path_but_not_the_task_root(tmp_path: Path) -> None:
    env = _environment(tmp_path, {**GIVEN, "PATH": "/opt/mine", "LAMBDA_TASK_ROOT": "/x"})
    assert env["PATH"] == "/opt/mine"
    assert env["LAMBDA_TASK_ROOT"] == str(tmp_path / "task")
