"""Finding a Python interpreter of a given version on this machine.

LocalStack 4.14.0 needs Python >= 3.12, and a Lambda function of runtime python3.12 needs a
Python 3.12: both are found here, the same way. Candidates, in order: the interpreter named by
an environment variable (which must then fit), `python3.X` on PATH for each preferred version,
pyenv's versions (newest first), then `python3` and `python` on PATH. Each is run once to ask its
version and whether it can create virtual environments (venv and ensurepip).

Standard library only: this runs on the project's tools Python and inside LocalStack.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path

Version = tuple[int, int]


class PythonNotFound(LookupError):
    """No interpreter fits; the message lists what was tried and how to install one."""


def probe(executable: str) -> Version | None:
    """(major, minor) of a working interpreter that can create virtualenvs, else None."""
    script = "import sys, venv, ensurepip; print('%d.%d' % sys.version_info[:2])"
    try:
        done = subprocess.run(
            [executable, "-c", script], capture_output=True, text=True, timeout=20, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if done.returncode != 0:
        return None
    major, _, minor = done.stdout.strip().partition(".")
    try:
        return int(major), int(minor)
    except ValueError:
        return None


def _pyenv_pythons(environ: Mapping[str, str]) -> Iterator[Path]:
    root = Path(environ.get("PYENV_ROOT") or Path.home() / ".pyenv")
    versions = root / "versions"
    if not versions.is_dir():
        return
    for folder in sorted(versions.iterdir(), reverse=True):
        for name in ("python3", "python"):
            candidate = folder / "bin" / name
            if candidate.is_file():
                yield candidate
                break


def candidates(environ: Mapping[str, str], preferred: Sequence[str]) -> Iterator[str]:
    """Interpreters worth probing, most likely first (duplicates are possible)."""
    path = environ.get("PATH")
    for version in preferred:
        found = shutil.which(f"python{version}", path=path)
        if found:
            yield found
    yield from (str(p) for p in _pyenv_pythons(environ))
    for name in ("python3", "python"):
        found = shutil.which(name, path=path)
        if found:
            yield found


def label(version: Version) -> str:
    return f"{version[0]}.{version[1]}"


def find_python(
    *,
    fits: Callable[[Version], bool],
    preferred: Sequence[str],
    needed: str,
    explicit_env: str,
    install_hint: str,
    environ: Mapping[str, str] | None = None,
) -> str:
    """The path of an interpreter whose version `fits`, preferring `preferred` in order.

    `needed` says what is wanted ("Python >= 3.12", "Python 3.12"), `explicit_env` names the
    variable that overrides the search, `install_hint` how to get one; they make the error.
    """
    env = os.environ if environ is None else environ
    explicit = env.get(explicit_env)
    if explicit:
        version = probe(explicit)
        if version is None or not fits(version):
            found = "nothing usable" if version is None else label(version)
            raise PythonNotFound(
                f"{explicit_env}={explicit} is not a working {needed} with the venv and "
                f"ensurepip modules (found {found})"
            )
        return explicit
    tried: list[str] = []
    usable: list[tuple[int, str]] = []
    seen: set[str] = set()
    for candidate in candidates(env, preferred):
        real = os.path.realpath(candidate)
        if real in seen:
            continue
        seen.add(real)
        version = probe(candidate)
        tried.append(f"{candidate} ({'unusable' if version is None else label(version)})")
        if version is None or not fits(version):
            continue
        rank = preferred.index(label(version)) if label(version) in preferred else len(preferred)
        usable.append((rank, candidate))
        if rank == 0:
            break
    if usable:
        return min(usable)[1]
    raise PythonNotFound(
        f"{needed} with the venv module was not found. Tried: "
        + (", ".join(tried) or "nothing on PATH or under pyenv")
        + f". {install_hint} or set {explicit_env} to its path."
    )
