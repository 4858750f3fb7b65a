"""A function version's code on disk: its task root and its layers, read-only, once per version.

LocalStack unzips a function's archive into a cache shared by every version with the same
code (`S3Code.prepare_for_execution`). The host executor copies it once per version into a
folder of its own, as the Docker executor copies it into each container's /var/task, so that
removing one version's copy (cleanup_version) never touches another's. Files are made
read-only like /var/task and /opt on AWS (a process running as root is not stopped by that).
Layers are merged in their order into an `opt` folder, later layers overwriting earlier ones,
as AWS extracts them into /opt.
"""

from __future__ import annotations

import os
import shutil
import stat
from collections.abc import Sequence
from pathlib import Path

_READ_ONLY = ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)


def _set_read_only(root: Path) -> None:
    for folder, folders, files in os.walk(root):
        for name in [*folders, *files]:
            path = Path(folder, name)
            if not path.is_symlink():
                path.chmod(path.stat().st_mode & _READ_ONLY)
    root.chmod(root.stat().st_mode & _READ_ONLY)


def _set_writable(root: Path) -> None:
    for folder, folders, _ in os.walk(root):
        for name in folders:
            path = Path(folder, name)
            if not path.is_symlink():
                path.chmod(path.stat().st_mode | stat.S_IWUSR)
    root.chmod(root.stat().st_mode | stat.S_IWUSR)


def install(sources: Sequence[Path], target: Path) -> Path:
    """Copy each source folder into `target` in order (later files win), then make it
    read-only. A previous copy at `target` is replaced."""
    remove(target)
    partial = target.with_name(f"{target.name}.partial-{os.getpid()}")
    remove(partial)
    partial.mkdir(parents=True)
    for source in sources:
        shutil.copytree(source, partial, symlinks=True, dirs_exist_ok=True)
    _set_read_only(partial)
    partial.rename(target)
    return target


def remove(target: Path) -> None:
    if not target.exists() and not target.is_symlink():
        return
    if target.is_dir() and not target.is_symlink():
        _set_writable(target)
        shutil.rmtree(target)
    else:
        target.unlink()
