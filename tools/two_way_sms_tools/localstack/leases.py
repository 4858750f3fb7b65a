"""Who may stop LocalStack: `up`/`down` for a person, leases for test sessions.

Lifecycle changes are serialised across processes with a lock file (pytest-xdist workers start
at once). An instance an explicit `up` started is the person's: leases leave it running. An
instance a lease started is stopped when the last lease (of any process: each xdist worker
holds one) ends; leases of processes that died are dropped.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Iterator

from two_way_sms_tools.localstack import process
from two_way_sms_tools.localstack.process import Started
from two_way_sms_tools.localstack.settings import Settings

_OWNED_BY_LEASES = "started-by-lease"  # in the state folder: the last lease stops it


@contextlib.contextmanager
def locked(settings: Settings) -> Iterator[None]:
    """Serialize lifecycle changes across processes (e.g. pytest-xdist workers)."""
    settings.state_dir.mkdir(parents=True, exist_ok=True)
    with (settings.state_dir / "lifecycle.lock").open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def up(settings: Settings) -> Started:
    """Start LocalStack (or reuse a healthy one) and wait until the required services are up.

    An explicit `up` owns the instance from then on: leases (test sessions) leave it running.
    """
    with locked(settings):
        result = process.start_or_reuse(settings)
        (settings.state_dir / _OWNED_BY_LEASES).unlink(missing_ok=True)
        return result


def down(settings: Settings, timeout: float = 20.0) -> bool:
    """Stop the LocalStack this project started (its process group). False if none ran."""
    with locked(settings):
        (settings.state_dir / _OWNED_BY_LEASES).unlink(missing_ok=True)
        return process.stop(settings, timeout)


@contextlib.contextmanager
def lease(settings: Settings) -> Iterator[Started]:
    """Use LocalStack for the duration of a `with` block, e.g. a test session.

    Reuses a running healthy instance or starts one. An instance a lease started is stopped
    when the last lease ends; an instance started otherwise (`up`, or someone else's) is left
    running.
    """
    leases = settings.state_dir / "leases"
    owned = settings.state_dir / _OWNED_BY_LEASES
    with locked(settings):
        result = process.start_or_reuse(settings)
        if result.started:
            owned.write_text(f"{result.pid}\n")
        leases.mkdir(parents=True, exist_ok=True)
        mine = leases / str(os.getpid())
        mine.touch()
    try:
        yield result
    finally:
        with locked(settings):
            mine.unlink(missing_ok=True)
            holders = []
            for holder in leases.iterdir():
                if holder.name.isdigit() and process.alive(int(holder.name)):
                    holders.append(holder)
                else:
                    holder.unlink(missing_ok=True)  # a lease whose process is gone
            if not holders and owned.exists():
                process.stop(settings)
                owned.unlink(missing_ok=True)
