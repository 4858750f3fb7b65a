"""A runtime's virtualenv with boto3 as AWS provides it (runtime_env.py), built with this
Python from the SDK installed here: what is copied, what is refused, reuse, isolation."""

from __future__ import annotations

import importlib.metadata
import subprocess
import sys
from pathlib import Path

import pytest

from two_way_sms.emulator.lambda_host import runtime_env
from two_way_sms.emulator.lambda_host.runtime_env import RuntimeEnvError

THIS_PYTHON = (sys.version_info.major, sys.version_info.minor)


def test_the_sdk_is_boto3_and_its_dependencies_as_installed() -> None:
    sdk = runtime_env.installed_sdk()
    assert [distribution.name for distribution in sdk] == list(runtime_env.SDK_DISTRIBUTIONS)
    boto3 = sdk[0]
    assert boto3.version == importlib.metadata.version("boto3")
    copied = {str(relative) for _, relative in boto3.files}
    assert "boto3/__init__.py" in copied
    assert f"boto3-{boto3.version}.dist-info/METADATA" in copied
    for distribution in sdk:
        for source, relative in distribution.files:
            assert relative.parts[0] != ".." and "__pycache__" not in relative.parts
            assert source.is_file(), source


def _fake_distribution(site: Path, name: str, record: list[str]) -> None:
    info = site / f"{name}-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n")
    (info / "RECORD").write_text("".join(f"{line},,\n" for line in record))


def test_a_distribution_with_compiled_files_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fake_distribution(tmp_path, "fastthing", ["fastthing/__init__.py", "fastthing/_c.so"])
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(RuntimeEnvError, match=r"fastthing 1.0 has compiled files"):
        runtime_env.installed_sdk(("fastthing",))


def test_a_missing_distribution_says_how_to_get_it() -> None:
    with pytest.raises(RuntimeEnvError, match="not installed next to LocalStack"):
        runtime_env.installed_sdk(("no-such-distribution-here",))


def test_the_virtualenv_has_this_sdk_and_nothing_else_then_is_reused(tmp_path: Path) -> None:
    env = runtime_env.ensure_runtime_env(
        sys.executable, THIS_PYTHON, tmp_path, compile_bytecode=False
    )
    assert env.root.parent == tmp_path
    assert env.root.name.startswith("python{}.{}-".format(*THIS_PYTHON))
    check = "import boto3, botocore; print(boto3.__version__, botocore.__version__)"
    done = subprocess.run([env.python, "-c", check], capture_output=True, text=True, check=True)
    expected = f"{importlib.metadata.version('boto3')} {importlib.metadata.version('botocore')}"
    assert done.stdout.split() == expected.split()
    isolated = subprocess.run([env.python, "-c", "import pytest"], capture_output=True, check=False)
    assert isolated.returncode != 0  # the dev venv's packages are not the function's

    sentinel = env.root / "kept"
    sentinel.write_text("")
    again = runtime_env.ensure_runtime_env(sys.executable, THIS_PYTHON, tmp_path)
    assert again == env
    assert sentinel.exists()  # reused, not rebuilt


def test_an_sdk_that_does_not_import_fails_and_leaves_nothing(tmp_path: Path) -> None:
    sdk = runtime_env.installed_sdk(("six",))  # no boto3 in it
    with pytest.raises(RuntimeEnvError, match=r"importing six .* on Python .* failed"):
        runtime_env.ensure_runtime_env(
            sys.executable, THIS_PYTHON, tmp_path, sdk=sdk, compile_bytecode=False
        )
    assert [path.suffix for path in tmp_path.iterdir()] == [".lock"]
