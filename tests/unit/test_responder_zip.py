"""The committed modules/responder/responder.zip is exactly what scripts/build_responder_zip.py
builds from the function's sources: same bytes, whatever machine rebuilds it."""

from __future__ import annotations

import importlib.util
import os
import shutil
import sys
import zipfile
from pathlib import Path
from types import ModuleType

import pytest

from two_way_sms_tools.project import PROJECT_ROOT


def _load_script() -> ModuleType:
    path = PROJECT_ROOT / "scripts" / "build_responder_zip.py"
    spec = importlib.util.spec_from_file_location("build_responder_zip_under_test", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


build_responder_zip = _load_script()


def test_the_committed_zip_is_the_rebuilt_zip_byte_for_byte() -> None:
    committed = build_responder_zip.ARCHIVE.read_bytes()
    rebuilt = build_responder_zip.build()
    assert rebuilt == committed, "run `.venv/bin/python scripts/build_responder_zip.py`"


def test_the_zip_holds_the_handler_module_with_fixed_metadata() -> None:
    with zipfile.ZipFile(build_responder_zip.ARCHIVE) as archive:
        infos = archive.infolist()
        names = [info.filename for info in infos]
        assert names == sorted(names)
        assert "responder.py" in names  # the function's handler is responder.handler
        for info in infos:
            assert info.date_time == (1980, 1, 1, 0, 0, 0)
            assert info.external_attr >> 16 == 0o100644
            assert info.compress_type == zipfile.ZIP_STORED
        source = build_responder_zip.SOURCES / "responder.py"
        assert archive.read("responder.py") == source.read_bytes()


def test_timestamps_permissions_and_listing_order_do_not_change_the_bytes(tmp_path: Path) -> None:
    copy = tmp_path / "function"
    shutil.copytree(build_responder_zip.SOURCES, copy)
    (copy / "zz_extra.py").write_text("VALUE = 1\n")
    (copy / "aa_extra.py").write_text("VALUE = 2\n")
    first = build_responder_zip.build(copy)
    for path in copy.iterdir():
        os.utime(path, (1_700_000_000, 1_700_000_000))
        path.chmod(0o600)
    (copy / "__pycache__").mkdir()
    (copy / "__pycache__" / "responder.cpython-312.pyc").write_bytes(b"\0cache")
    assert build_responder_zip.build(copy) == first


def test_a_changed_source_changes_the_zip(tmp_path: Path) -> None:
    copy = tmp_path / "function"
    shutil.copytree(build_responder_zip.SOURCES, copy)
    before = build_responder_zip.build(copy)
    handler = copy / "responder.py"
    handler.write_bytes(handler.read_bytes() + b"\n# changed\n")
    assert build_responder_zip.build(copy) != before


def test_check_mode_reports_a_stale_zip(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    stale = tmp_path / "responder.zip"
    stale.write_bytes(b"PK stale")
    monkeypatch.setattr(build_responder_zip, "ARCHIVE", stale)
    monkeypatch.setattr(build_responder_zip, "PROJECT", tmp_path)
    assert build_responder_zip.main(["--check"]) == 1
    assert "stale" in capsys.readouterr().out
    assert build_responder_zip.main([]) == 0
    assert build_responder_zip.main(["--check"]) == 0
