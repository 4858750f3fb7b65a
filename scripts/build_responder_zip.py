#!/usr/bin/env python3
"""Build modules/responder/responder.zip from modules/responder/function/, reproducibly.

Usage: .venv/bin/python scripts/build_responder_zip.py [--check]

Only the hashicorp/aws provider is available to the module (no archive provider), so the
function's zip is committed and Terraform reads it with filebase64sha256(). The same sources
must always give the same bytes, on any machine: entries sorted by name, every timestamp
1980-01-01 00:00:00 (the earliest a zip can hold), permissions 0644 for a Unix host, and no
compression (deflate output depends on the zlib build, e.g. zlib-ng; the code is a few KB).
`--check` rebuilds in memory and exits 1 if the committed zip differs.
"""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
SOURCES = PROJECT / "modules" / "responder" / "function"
ARCHIVE = PROJECT / "modules" / "responder" / "responder.zip"
FIXED_TIME = (1980, 1, 1, 0, 0, 0)
FILE_MODE = 0o100644  # regular file, rw-r--r--
UNIX_HOST = 3


def source_files(folder: Path = SOURCES) -> list[Path]:
    """The function's files: Python sources only (no caches), sorted by their zip name."""
    return sorted(p for p in folder.rglob("*.py") if "__pycache__" not in p.parts)


def build(folder: Path = SOURCES) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_STORED) as archive:
        for path in source_files(folder):
            info = zipfile.ZipInfo(path.relative_to(folder).as_posix(), date_time=FIXED_TIME)
            info.create_system = UNIX_HOST
            info.external_attr = FILE_MODE << 16
            info.compress_type = zipfile.ZIP_STORED
            # Line endings as committed; bytes, so no platform newline translation.
            archive.writestr(info, path.read_bytes())
    return buffer.getvalue()


def main(argv: list[str]) -> int:
    built = build()
    if "--check" in argv:
        if not ARCHIVE.is_file() or ARCHIVE.read_bytes() != built:
            print(f"{ARCHIVE.relative_to(PROJECT)} is stale: run scripts/build_responder_zip.py")
            return 1
        print(f"{ARCHIVE.relative_to(PROJECT)} is up to date")
        return 0
    ARCHIVE.write_bytes(built)
    print(f"wrote {ARCHIVE.relative_to(PROJECT)} ({len(built)} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
