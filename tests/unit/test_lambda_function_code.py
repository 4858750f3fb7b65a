"""A version's code copy: layers merged in order, read-only like /var/task, removable."""

from __future__ import annotations

import stat
from pathlib import Path

from two_way_sms.emulator.lambda_host import function_code


def _tree(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    return root


def test_sources_are_merged_in_order_and_made_read_only(tmp_path: Path) -> None:
    first = _tree(tmp_path / "a", {"python/shared.py": "A", "python/only_a.py": "A"})
    second = _tree(tmp_path / "b", {"python/shared.py": "B"})
    target = function_code.install([first, second], tmp_path / "version" / "opt")
    assert (target / "python" / "shared.py").read_text() == "B"
    assert (target / "python" / "only_a.py").read_text() == "A"
    for path in [target, target / "python", target / "python" / "shared.py"]:
        assert not path.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH), path
    assert not list((tmp_path / "version").glob("*.partial-*"))


def test_installing_again_replaces_the_copy_and_remove_deletes_it(tmp_path: Path) -> None:
    target = tmp_path / "version" / "task"
    function_code.install([_tree(tmp_path / "v1", {"app.py": "1", "old.py": ""})], target)
    function_code.install([_tree(tmp_path / "v2", {"app.py": "2"})], target)
    assert (target / "app.py").read_text() == "2"
    assert not (target / "old.py").exists()
    function_code.remove(tmp_path / "version")
    assert not (tmp_path / "version").exists()
    function_code.remove(tmp_path / "version")  # nothing there: nothing to do
