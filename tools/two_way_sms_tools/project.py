"""Where the checkout is: this package is only ever run from one (it is never installed)."""

from __future__ import annotations

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
