"""The Python a function runs on: one virtualenv per runtime, with boto3 as AWS provides it.

AWS's Python runtimes ship boto3 and its dependencies. Here each runtime gets, once, a
virtualenv made by its own interpreter (`python3.12 -m venv --without-pip`), into which the
files of the SDK distributions installed next to the code calling this (inside LocalStack:
LocalStack's own boto3, at the versions of requirements/localstack-4.14.0-constraints.txt)
are copied as their RECORD lists them, compiled for that interpreter and imported once as a
check. No network, no pip: the first time costs a few seconds, afterwards nothing (a marker
file records what was built; a different interpreter or SDK version builds a new folder).

The SDK is pure Python, which is what makes one copy serve every Python version; a
distribution with compiled files is refused rather than copied.
"""

from __future__ import annotations

import contextlib
import fcntl
import functools
import hashlib
import importlib.metadata
import json
import os
import shutil
import subprocess
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath

from two_way_sms.pythons import Version, label

# What the AWS Python runtimes provide besides the standard library.
SDK_DISTRIBUTIONS = (
    "boto3",
    "botocore",
    "s3transfer",
    "jmespath",
    "python-dateutil",
    "six",
    "urllib3",
)
_MARKER = "two-way-sms-runtime.json"
_COMPILED_SUFFIXES = (".so", ".pyd", ".dylib")


class RuntimeEnvError(RuntimeError):
    """The runtime's virtualenv could not be built; the message says why."""


@dataclass(frozen=True)
class RuntimeEnv:
    root: Path
    version: Version

    @property
    def bin_dir(self) -> Path:
        return self.root / "bin"

    @property
    def python(self) -> Path:
        return self.bin_dir / "python"

    @property
    def site_packages(self) -> Path:
        return self.root / "lib" / f"python{label(self.version)}" / "site-packages"


@dataclass(frozen=True)
class SdkDistribution:
    name: str
    version: str
    files: tuple[tuple[Path, PurePath], ...]  # (installed file, path inside site-packages)


@functools.cache
def installed_sdk(names: tuple[str, ...] = SDK_DISTRIBUTIONS) -> tuple[SdkDistribution, ...]:
    """The SDK distributions installed for this interpreter, with the files to copy."""
    found = []
    for name in names:
        try:
            distribution = importlib.metadata.distribution(name)
        except importlib.metadata.PackageNotFoundError:
            raise RuntimeEnvError(
                f"{name} is not installed next to LocalStack, so functions cannot get boto3; "
                "reinstall LocalStack's virtualenv (scripts/localstack.sh install)"
            ) from None
        files = []
        for record in distribution.files or ():
            relative = PurePath(record)
            # Scripts live outside site-packages (../../bin); bytecode is compiled afresh.
            if relative.parts[0] == ".." or "__pycache__" in relative.parts:
                continue
            if relative.suffix in _COMPILED_SUFFIXES:
                raise RuntimeEnvError(
                    f"{name} {distribution.version} has compiled files ({relative}): a copy "
                    "would not load on another Python version"
                )
            files.append((Path(str(distribution.locate_file(record))), relative))
        if not files:
            raise RuntimeEnvError(f"{name} lists no files (no RECORD): cannot copy it")
        found.append(SdkDistribution(name, distribution.version, tuple(files)))
    return tuple(found)


def env_key(base_python: str, version: Version, sdk: Sequence[SdkDistribution]) -> str:
    identity = {
        "python": os.path.realpath(base_python),
        "version": label(version),
        "sdk": {distribution.name: distribution.version for distribution in sdk},
    }
    return hashlib.sha256(json.dumps(identity, sort_keys=True).encode()).hexdigest()[:12]


@contextlib.contextmanager
def _exclusive(lock_file: Path) -> Iterator[None]:
    """One builder per folder: threads of this process, and other processes. Each call opens
    the file anew and flock(2) locks belong to the open file description, so threads exclude
    each other too."""
    with lock_file.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _run(command: Sequence[str | Path], what: str) -> str:
    done = subprocess.run(
        [str(part) for part in command], capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip().splitlines()[-3:]
        raise RuntimeEnvError(f"{what} failed ({done.returncode}): {' | '.join(detail)}")
    return done.stdout


def ensure_runtime_env(
    base_python: str,
    version: Version,
    parent: Path,
    *,
    sdk: Sequence[SdkDistribution] | None = None,
    compile_bytecode: bool = True,
) -> RuntimeEnv:
    """The virtualenv of Python `version` (interpreter `base_python`) under `parent`."""
    sdk = installed_sdk() if sdk is None else sdk
    identity = {distribution.name: distribution.version for distribution in sdk}
    env = RuntimeEnv(
        parent / f"python{label(version)}-{env_key(base_python, version, sdk)}", version
    )
    marker = env.root / _MARKER
    parent.mkdir(parents=True, exist_ok=True)
    with _exclusive(parent / f"{env.root.name}.lock"):
        with contextlib.suppress(OSError, ValueError):
            if json.loads(marker.read_text()).get("sdk") == identity:
                return env
        if env.root.exists():
            shutil.rmtree(env.root)
        try:
            _build(env, base_python, sdk, compile_bytecode)
        except BaseException:
            shutil.rmtree(env.root, ignore_errors=True)
            raise
        marker.write_text(json.dumps({"python": base_python, "sdk": identity}, indent=1))
    return env


def _build(
    env: RuntimeEnv, base_python: str, sdk: Sequence[SdkDistribution], compile_bytecode: bool
) -> None:
    _run([base_python, "-m", "venv", "--without-pip", env.root], f"{base_python} -m venv")
    if not env.site_packages.is_dir():
        raise RuntimeEnvError(
            f"{base_python} -m venv made no {env.site_packages}: is it Python {label(env.version)}?"
        )
    for distribution in sdk:
        for source, relative in distribution.files:
            target = env.site_packages / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    if compile_bytecode:
        # Once here rather than in every function's first cold start. A file that does not
        # compile is left to the import check below, which says whether it matters.
        subprocess.run(
            [str(env.python), "-m", "compileall", "-q", "-j", "0", str(env.site_packages)],
            capture_output=True,
            check=False,
        )
    versions = ", ".join(f"{d.name} {d.version}" for d in sdk)
    _run(
        [env.python, "-c", "import boto3, botocore.session; botocore.session.get_session()"],
        f"importing {versions} on Python {label(env.version)} ({base_python})",
    )
