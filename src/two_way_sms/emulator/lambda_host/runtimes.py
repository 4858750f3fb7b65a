"""Which Lambda runtimes the host executor serves, and the Python interpreter each one runs on.

Only Python runtimes: `pythonX.Y` runs on a Python X.Y of this machine, found by
`two_way_sms.pythons` the way the project finds LocalStack's Python (an explicit variable,
`pythonX.Y` on PATH, pyenv's versions, `python3`). Anything else is refused with what to do.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from two_way_sms import pythons
from two_way_sms.pythons import Version

# LAMBDA_RUNTIME_EXECUTOR selects this executor (plugin.py registers it under this name).
EXECUTOR_NAME = "host-python"

_PYTHON_RUNTIME = re.compile(r"python(\d+)\.(\d+)")
_OTHER_LANGUAGES = {
    "nodejs": "a Node.js",
    "java": "a Java",
    "dotnet": "a .NET",
    "ruby": "a Ruby",
    "go": "a Go",
    "provided": "an OS-only (provided)",
}
_DOCKER_HINT = (
    "LocalStack's Docker executor (LAMBDA_RUNTIME_EXECUTOR=docker) on a machine with Docker"
)


class RuntimeNotServed(Exception):
    """The host executor cannot run this function; the message says why and what to do."""


def python_version(runtime: str | None) -> Version:
    """(3, 12) for "python3.12"; RuntimeNotServed for anything that is not a Python runtime."""
    if not runtime:
        raise RuntimeNotServed(
            "container image functions (PackageType Image) are not served by the host "
            f"executor: only .zip functions of Python runtimes are; use {_DOCKER_HINT}"
        )
    match = _PYTHON_RUNTIME.fullmatch(runtime)
    if match is None:
        kind = next(
            (label for prefix, label in _OTHER_LANGUAGES.items() if runtime.startswith(prefix)),
            "an unknown",
        )
        raise RuntimeNotServed(
            f"runtime {runtime} is not served by the host executor ({EXECUTOR_NAME}): only "
            f"Python runtimes are (python3.9 and later), and {runtime} is {kind} runtime. Use "
            f"a python3.x runtime, or {_DOCKER_HINT}"
        )
    return int(match.group(1)), int(match.group(2))


def explicit_env(version: Version) -> str:
    """The variable naming the interpreter of a runtime: TWO_WAY_SMS_LAMBDA_PYTHON3_12."""
    return f"TWO_WAY_SMS_LAMBDA_PYTHON{version[0]}_{version[1]}"


def find_python(runtime: str | None, environ: Mapping[str, str] | None = None) -> str:
    """The interpreter of this machine that runs functions of `runtime`."""
    version = python_version(runtime)
    label = pythons.label(version)
    try:
        return pythons.find_python(
            fits=lambda found: found == version,
            preferred=(label,),
            needed=f"Python {label}",
            explicit_env=explicit_env(version),
            install_hint=(
                f"Install it (e.g. `pyenv install {label}`, `apt-get install python{label} "
                f"python{label}-venv` or `brew install python@{label}`)"
            ),
            environ=environ,
        )
    except pythons.PythonNotFound as error:
        raise RuntimeNotServed(
            f"runtime {runtime} is not served by the host executor on this machine: {error}"
        ) from None
