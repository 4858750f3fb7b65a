"""`.venv-localstack`: LocalStack 4.14.0 and this project, on a Python >= 3.12.

LocalStack 4.14.0 needs Python >= 3.12; the project's own tools run on 3.11. The venv gets
`localstack-core[runtime]==4.14.0` under the pinned constraints file and this project with
`--no-deps` in editable mode (so the emulator's entry points are registered and source edits
need no re-install; a changed pyproject.toml is re-installed). A marker file in the venv records
what was installed, so an up-to-date venv costs one interpreter probe.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from two_way_sms import pythons
from two_way_sms_tools.localstack.errors import LocalStackError
from two_way_sms_tools.localstack.settings import LOCALSTACK_VERSION, PYTHON_ENV, Settings

MIN_PYTHON = (3, 12)
PREFERRED_PYTHONS = ("3.13", "3.12")
LOCALSTACK_REQUIREMENT = f"localstack-core[runtime]=={LOCALSTACK_VERSION}"
_MARKER = ".two-way-sms-install.json"


def find_python(environ: Mapping[str, str] | None = None) -> str:
    """A Python >= 3.12 that can create virtualenvs; prefers 3.13, then 3.12."""
    try:
        return pythons.find_python(
            fits=lambda version: version >= MIN_PYTHON,
            preferred=PREFERRED_PYTHONS,
            needed=f"Python >= 3.12 (for LocalStack {LOCALSTACK_VERSION}; 3.13 preferred)",
            explicit_env=PYTHON_ENV,
            install_hint="Install one (e.g. `pyenv install 3.13`, `apt-get install python3.13 "
            "python3.13-venv` or `brew install python@3.13`)",
            environ=environ,
        )
    except pythons.PythonNotFound as error:
        raise LocalStackError(str(error)) from None


def pip_env(constraints: Path) -> dict[str, str]:
    """The environment for pip in a LocalStack venv: only our constraints apply.

    A machine-wide pip constraint file (pip.conf `constraint = ...`) is replaced, not added to,
    so it cannot conflict with LocalStack's pins.
    """
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    env["PIP_CONSTRAINT"] = str(constraints)
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    return env


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _run(command: Sequence[str], env: Mapping[str, str] | None = None) -> None:
    print("+ " + " ".join(command), flush=True)
    done = subprocess.run(list(command), env=dict(env) if env else None, check=False)
    if done.returncode != 0:
        raise LocalStackError(f"command failed ({done.returncode}): {' '.join(command)}")


def _venv_version(settings: Settings) -> tuple[int, int] | None:
    if not settings.venv_python.exists():
        return None
    return pythons.probe(str(settings.venv_python))


def _read_marker(settings: Settings) -> dict[str, Any]:
    try:
        data = json.loads((settings.venv / _MARKER).read_text())
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def ensure_venv(settings: Settings) -> Path:
    """Create or update .venv-localstack; returns its python. Does nothing when up to date."""
    if not settings.constraints.is_file():
        raise LocalStackError(f"missing {settings.constraints}")
    version = _venv_version(settings)
    if version is not None and version < MIN_PYTHON:
        print(f"{settings.venv} has Python {version[0]}.{version[1]}; recreating it", flush=True)
        shutil.rmtree(settings.venv)
        version = None
    if version is None:
        if settings.venv.exists():
            shutil.rmtree(settings.venv)
        python = settings.python or find_python()
        _run([python, "-m", "venv", str(settings.venv)])

    marker = _read_marker(settings)
    wanted = {
        "localstack": LOCALSTACK_VERSION,
        "constraints_sha256": _sha256(settings.constraints),
        "pyproject_sha256": _sha256(settings.root / "pyproject.toml"),
        "root": str(settings.root),
    }
    pip = [str(settings.venv_python), "-m", "pip", "install", "--quiet"]
    env = pip_env(settings.constraints)
    if (
        marker.get("localstack") != wanted["localstack"]
        or marker.get("constraints_sha256") != wanted["constraints_sha256"]
    ):
        started = time.monotonic()
        _run([*pip, "-c", str(settings.constraints), LOCALSTACK_REQUIREMENT], env)
        print(f"installed LocalStack {LOCALSTACK_VERSION} in {time.monotonic() - started:.0f} s")
        marker = {}
    if marker.get("pyproject_sha256") != wanted["pyproject_sha256"] or marker.get("root") != str(
        settings.root
    ):
        _run([*pip, "--no-deps", "-e", str(settings.root)], env)
    (settings.venv / _MARKER).write_text(json.dumps(wanted, indent=2) + "\n")
    return settings.venv_python
