"""The emulators' clock: timezone-aware UTC, as AWS's timestamps are."""

from __future__ import annotations

from datetime import UTC, datetime


def utcnow() -> datetime:
    return datetime.now(UTC)
