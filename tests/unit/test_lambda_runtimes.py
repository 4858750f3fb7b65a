"""The host Lambda executor's runtimes: which it serves, and the Python each one needs."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from two_way_sms.emulator.lambda_host import runtimes
from two_way_sms.emulator.lambda_host.runtimes import RuntimeNotServed


@pytest.mark.parametrize(
    ("runtime", "version"),
    [("python3.9", (3, 9)), ("python3.12", (3, 12)), ("python3.13", (3, 13))],
)
def test_python_runtimes_map_to_their_version(runtime: str, version: tuple[int, int]) -> None:
    assert runtimes.python_version(runtime) == version


@pytest.mark.parametrize(
    ("runtime", "kind"),
    [
        ("nodejs20.x", "a Node.js runtime"),
        ("java21", "a Java runtime"),
        ("dotnet8", "a .NET runtime"),
        ("ruby3.3", "a Ruby runtime"),
        ("provided.al2023", "an OS-only (provided) runtime"),
        ("go1.x", "a Go runtime"),
        ("python3", "an unknown runtime"),
    ],
)
def test_other_runtimes_are_refused_with_what_to_do(runtime: str, kind: str) -> None:
    with pytest.raises(RuntimeNotServed) as refused:
        runtimes.python_version(runtime)
    message = str(refused.value)
    assert message.startswith(f"runtime {runtime} is not served by the host executor")
    assert "only Python runtimes are" in message
    assert f"{runtime} is {kind}" in message
    assert "LAMBDA_RUNTIME_EXECUTOR=docker" in message


def test_container_images_are_refused() -> None:
    with pytest.raises(RuntimeNotServed, match="container image functions"):
        runtimes.python_version(None)


def _fake_python(folder: Path, name: str, version: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    script = folder / name
    script.write_text(f'#!/bin/sh\necho "{version}"\n')
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return script


def test_the_runtime_gets_exactly_its_python(tmp_path: Path) -> None:
    bin_dir = tmp_path / "bin"
    _fake_python(bin_dir, "python3", "3.13")
    wanted = _fake_python(bin_dir, "python3.12", "3.12")
    environ = {"PATH": str(bin_dir), "PYENV_ROOT": str(tmp_path / "no-pyenv")}
    assert runtimes.find_python("python3.12", environ) == str(wanted)


def test_a_missing_python_names_the_runtime_what_was_tried_and_the_fix(tmp_path: Path) -> None:
    bin_dir = tmp_path / "bin"
    _fake_python(bin_dir, "python3", "3.12")
    environ = {"PATH": str(bin_dir), "PYENV_ROOT": str(tmp_path / "no-pyenv")}
    with pytest.raises(RuntimeNotServed) as refused:
        runtimes.find_python("python3.11", environ)
    message = str(refused.value)
    assert message.startswith("runtime python3.11 is not served by the host executor on this")
    assert "Python 3.11" in message
    assert "python3 (3.12)" in message  # what was tried, and what it was
    assert "pyenv install 3.11" in message
    assert "TWO_WAY_SMS_LAMBDA_PYTHON3_11" in message


def test_an_explicit_python_is_used_and_checked(tmp_path: Path) -> None:
    explicit = _fake_python(tmp_path / "bin", "my-python", "3.12")
    environ = {"PATH": "", "TWO_WAY_SMS_LAMBDA_PYTHON3_12": str(explicit)}
    assert runtimes.find_python("python3.12", environ) == str(explicit)
    with pytest.raises(RuntimeNotServed, match="TWO_WAY_SMS_LAMBDA_PYTHON3_13"):
        runtimes.find_python("python3.13", {"TWO_WAY_SMS_LAMBDA_PYTHON3_13": str(explicit)})
