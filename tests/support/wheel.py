"""The wheel as a user gets it: built from a copy of the checkout, installed into a fresh venv.

The offline tier installs it with its base dependencies only (the CLI and the doctor must run
without LocalStack); the end-to-end tier installs it with the `emulator` extra on a Python
>= 3.12 under LocalStack's constraints, after the LocalStack venv has filled pip's cache.
Every pip call uses pip's cache; the fresh venvs are made without pip (the dev venv's pip
installs into them with `--python`), which saves the ensurepip step.
"""

from __future__ import annotations

import configparser
import email
import json
import os
import shutil
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from email.message import Message
from pathlib import Path

from two_way_sms_tools.localstack.venv import pip_env

# Not copied to the build folder: local state, caches and build leftovers of the checkout.
_NOT_SOURCES = shutil.ignore_patterns(
    ".git",
    ".venv*",
    ".localstack",
    ".cache",
    ".terraform",
    ".*_cache",
    ".hypothesis",
    "__pycache__",
    "*.egg-info",
    "build",
    "dist",
)
# Importing a __main__ module runs the program: the console script and `-m` cover those.
_RUNS_ON_IMPORT = "__main__"

# Run in the fresh venv, isolated: import each module, then load each entry point of the named
# groups, in one interpreter (a LocalStack import costs seconds).
_IMPORT_EVERY_MODULE = """
import importlib, json, sys
from importlib.metadata import entry_points
wanted = json.loads(sys.argv[1])
failed, outside, loaded = {}, [], []
for name in wanted["modules"]:
    try:
        module = importlib.import_module(name)
    except BaseException as error:  # a module that fails to import is the finding
        failed[name] = f"{type(error).__name__}: {error}"
        continue
    origin = getattr(module, "__file__", None) or ""
    if not origin.startswith(sys.prefix):
        outside.append(f"{name}: {origin}")
for group in wanted["groups"]:
    for entry_point in entry_points(group=group):
        try:
            entry_point.load()
        except BaseException as error:
            failed[f"{group} {entry_point.name}"] = f"{type(error).__name__}: {error}"
            continue
        loaded.append(f"{group} {entry_point.name} {entry_point.value}")
print(json.dumps({"failed": failed, "outside_the_venv": outside, "entry_points": loaded}))
"""


@dataclass(frozen=True)
class Wheel:
    path: Path
    seconds: float  # how long the build took

    def names(self) -> list[str]:
        with zipfile.ZipFile(self.path) as archive:
            return archive.namelist()

    def modules(self) -> list[str]:
        """Dotted names of every Python module in the wheel (packages by their name)."""
        modules = []
        for name in self.names():
            if not name.endswith(".py") or ".dist-info/" in name:
                continue
            parts = name[: -len(".py")].split("/")
            if parts[-1] == "__init__":
                parts = parts[:-1]
            modules.append(".".join(parts))
        return sorted(modules)

    def importable_modules(self) -> list[str]:
        return [m for m in self.modules() if m.rsplit(".", 1)[-1] != _RUNS_ON_IMPORT]

    def metadata(self) -> Message:
        with zipfile.ZipFile(self.path) as archive:
            name = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
            return email.message_from_bytes(archive.read(name))

    def entry_points(self) -> dict[str, dict[str, str]]:
        """{group: {name: "module:object"}} from the wheel's entry_points.txt."""
        with zipfile.ZipFile(self.path) as archive:
            name = next(n for n in archive.namelist() if n.endswith(".dist-info/entry_points.txt"))
            text = archive.read(name).decode()
        parser = configparser.ConfigParser(delimiters=("=",))  # names hold ':'
        parser.optionxform = str  # type: ignore[assignment,method-assign]  # keep their case
        parser.read_string(text)
        return {group: dict(parser[group]) for group in parser.sections()}


def _run(
    command: list[str], env: Mapping[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        command, env=dict(env) if env else None, cwd=cwd, capture_output=True, text=True
    )
    if done.returncode != 0:
        raise AssertionError(
            f"{' '.join(command)} exited {done.returncode}:\n{done.stdout[-3000:]}\n"
            f"{done.stderr[-3000:]}"
        )
    return done


def build_wheel(project_root: Path, workdir: Path) -> Wheel:
    """`pip wheel --no-deps` of a copy of the checkout (the build writes build/ and egg-info
    next to the sources; the checkout stays untouched and parallel builds do not collide).
    pip builds in an isolated env with the [build-system] requirements, as for any user (the
    dev venv's packaging is too old for setuptools >= 77 anyway)."""
    source = workdir / "source"
    shutil.copytree(project_root, source, ignore=_NOT_SOURCES)
    dist = workdir / "dist"
    started = time.monotonic()
    build = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--wheel-dir"]
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    _run([*build, str(dist), "."], env=env, cwd=source)
    (path,) = dist.glob("*.whl")
    return Wheel(path, time.monotonic() - started)


@dataclass(frozen=True)
class Imported:
    failed: dict[str, str]  # module (or "group name" of an entry point) -> its error
    outside_the_venv: list[str]  # modules imported from anywhere but the venv
    entry_points: list[str]  # "group name module:object" of each entry point that loaded


@dataclass(frozen=True)
class FreshVenv:
    root: Path
    seconds: float  # creating it and installing into it

    @property
    def python(self) -> Path:
        return self.root / "bin" / "python"

    def script(self, name: str) -> Path:
        return self.root / "bin" / name

    def import_all(self, modules: Iterable[str], groups: Iterable[str] = ()) -> Imported:
        """Import each module, then load every entry point of `groups`, in one fresh
        interpreter of this venv, isolated (-I: no cwd, no PYTHONPATH, no user site)."""
        wanted = json.dumps({"modules": list(modules), "groups": list(groups)})
        done = _run([str(self.python), "-I", "-c", _IMPORT_EVERY_MODULE, wanted], cwd=self.root)
        result = json.loads(done.stdout.strip().splitlines()[-1])
        return Imported(result["failed"], result["outside_the_venv"], result["entry_points"])

    def run(self, *command: str) -> subprocess.CompletedProcess[str]:
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
        return _run(list(command), env=env, cwd=self.root)


def install_fresh(python: str, where: Path, requirement: str, constraints: Path) -> FreshVenv:
    """A new venv of `python` at `where` with `requirement` (the wheel, maybe with an extra)
    and its declared dependencies, installed by the dev venv's pip under `constraints`."""
    started = time.monotonic()
    _run([python, "-m", "venv", "--without-pip", str(where)])
    target = where / "bin" / "python"
    # --no-compile: no .pyc for every file of every dependency; the imports compile what they use.
    pip = [sys.executable, "-m", "pip", "--python", str(target), "install", "--quiet"]
    _run([*pip, "--no-compile", requirement], env=pip_env(constraints))
    return FreshVenv(where, time.monotonic() - started)
