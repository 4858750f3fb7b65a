"""two_way_sms.pythons: finding an interpreter of a given version (for LocalStack and for
Lambda runtimes), on fake interpreters that print a version."""

from __future__ import annotations

import stat
import sys
from pathlib import Path

import pytest

from two_way_sms import pythons


def _fake_python(folder: Path, name: str, version: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    script = folder / name
    script.write_text(f'#!/bin/sh\necho "{version}"\n')
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return script


def _exactly_312(environ: dict[str, str]) -> str:
    return pythons.find_python(
        fits=lambda version: version == (3, 12),
        preferred=("3.12",),
        needed="Python 3.12",
        explicit_env="TEST_PYTHON312",
        install_hint="Install it",
        environ=environ,
    )


def test_an_exact_version_skips_newer_ones(tmp_path: Path) -> None:
    bin_dir = tmp_path / "bin"
    _fake_python(bin_dir, "python3", "3.13")
    pyenv = tmp_path / "pyenv"
    wanted = _fake_python(pyenv / "versions" / "3.12.1" / "bin", "python3", "3.12")
    _fake_python(pyenv / "versions" / "3.13.0" / "bin", "python3", "3.13")
    assert _exactly_312({"PATH": str(bin_dir), "PYENV_ROOT": str(pyenv)}) == str(wanted)


def test_the_error_names_the_version_what_was_tried_and_the_variable(tmp_path: Path) -> None:
    bin_dir = tmp_path / "bin"
    _fake_python(bin_dir, "python3", "3.11")
    with pytest.raises(pythons.PythonNotFound) as excinfo:
        _exactly_312({"PATH": str(bin_dir), "PYENV_ROOT": str(tmp_path / "none")})
    message = str(excinfo.value)
    assert message.startswith("Python 3.12 with the venv module was not found")
    assert "python3 (3.11)" in message
    assert "TEST_PYTHON312" in message


def test_probe_asks_a_real_interpreter() -> None:
    assert pythons.probe(sys.executable) == sys.version_info[:2]
    assert pythons.probe("/nonexistent/python") is None
