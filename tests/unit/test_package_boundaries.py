"""Who may import whom inside two_way_sms: the delivery rules are neutral (no LocalStack, no
boto3, no emulator), and the doctor and the CLI judge a live account without the emulator."""

from __future__ import annotations

import ast

import pytest

from two_way_sms_tools.project import PROJECT_ROOT

PACKAGE = PROJECT_ROOT / "src" / "two_way_sms"


def _imports(folder: str) -> dict[str, set[str]]:
    """Module file -> the top two levels of every module it imports."""
    found: dict[str, set[str]] = {}
    for path in sorted((PACKAGE / folder).rglob("*.py")):
        names: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module)
        found[str(path.relative_to(PACKAGE))] = {".".join(n.split(".")[:2]) for n in names}
    return found


@pytest.mark.parametrize(
    ("folder", "forbidden"),
    [
        (
            "delivery",
            (
                "two_way_sms.emulator",
                "two_way_sms.doctor",
                "two_way_sms.cli",
                "boto3",
                "botocore",
                "localstack",
            ),
        ),
        ("policy", ("two_way_sms.emulator", "two_way_sms.delivery", "boto3", "localstack")),
        ("doctor", ("two_way_sms.emulator", "two_way_sms.cli", "boto3", "localstack")),
        ("cli", ("two_way_sms.emulator", "localstack")),
    ],
)
def test_package_does_not_import(folder: str, forbidden: tuple[str, ...]) -> None:
    found = _imports(folder)
    assert any(found.values()), f"no imports read under src/two_way_sms/{folder}"
    offenders = {
        module: sorted(n for n in names if n.split(".")[0] in forbidden or n in forbidden)
        for module, names in found.items()
    }
    assert {m: n for m, n in offenders.items() if n} == {}
