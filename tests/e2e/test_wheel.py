"""The wheel holds the product and only the product, and it runs where a user installs it.

Built once per module from a copy of the checkout, then installed into fresh venvs:

- with its base dependencies on the oldest supported Python (3.11): every module but the
  emulator's imports, and `two-way-sms --help` runs (the CLI and the doctor need no LocalStack);
- with the `emulator` extra on a Python >= 3.12, under LocalStack's pinned constraints: every
  module imports and LocalStack's plugin groups list the emulator's providers and hooks.

These tests need the package registry (or pip's cache), as the LocalStack venv does, so they run
in this tier; the emulator install waits for the `localstack` fixture, whose venv has filled
pip's cache with LocalStack's wheels by then.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.wheel import FreshVenv, Wheel, build_wheel, install_fresh
from two_way_sms_tools.localstack.settings import Settings
from two_way_sms_tools.localstack.venv import LOCALSTACK_REQUIREMENT, find_python
from two_way_sms_tools.project import PROJECT_ROOT

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("wheel")]  # one build for both installs

# What a user runs: the CLI (and through it the doctor), the policy evaluator, the shared parsers
# and interpreter finder, and the emulator plugin LocalStack loads.
PRODUCT = {
    "two_way_sms.cli.main",
    "two_way_sms.cli.doctor_command",
    "two_way_sms.policy",
    "two_way_sms.identifiers",
    "two_way_sms.pythons",
    "two_way_sms.emulator.plugin",
    "two_way_sms.emulator.hooks",
}
NOT_SHIPPED = {"harness", "localstack", "tests", "conftest", "two_way_sms_tools", "bench", "demo"}
EMULATOR = "two_way_sms.emulator"
SUBCOMMANDS = ("doctor", "enable", "send-inbound", "workspace")
PROVIDERS = {
    "pinpoint-sms-voice-v2:default": "two_way_sms.emulator.plugin:sms_voice_provider",
    "connect:default": "two_way_sms.emulator.plugin:connect_provider",
}
HOOKS = {
    "register_inbound_routes": "two_way_sms.emulator.hooks:register_inbound_routes",
    "register_connect_routes": "two_way_sms.emulator.hooks:register_connect_routes",
}
EXECUTORS = {"host-python": "two_way_sms.emulator.lambda_host.plugin:HostPythonExecutorPlugin"}


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Wheel]:
    yield build_wheel(PROJECT_ROOT, tmp_path_factory.mktemp("wheel"))


def _help_lists_every_subcommand(venv: FreshVenv) -> None:
    for command in ([str(venv.script("two-way-sms"))], [str(venv.python), "-m", "two_way_sms.cli"]):
        shown = venv.run(*command, "--help").stdout
        assert "usage: two-way-sms" in shown, shown
        for subcommand in SUBCOMMANDS:
            assert subcommand in shown, (command, shown)


def test_wheel_holds_the_product_and_nothing_else(wheel: Wheel) -> None:
    modules = set(wheel.modules())
    assert modules >= PRODUCT, PRODUCT - modules
    assert {m.split(".")[0] for m in modules} == {"two_way_sms"}
    tooling = sorted(
        m for m in modules if any(p in NOT_SHIPPED or p.startswith("test") for p in m.split("."))
    )
    assert tooling == [], f"test or tooling modules in the wheel: {tooling}"
    data = [n for n in wheel.names() if not n.endswith(".py") and ".dist-info/" not in n]
    assert data == ["two_way_sms/py.typed"]


def test_wheel_declares_localstack_only_for_the_emulator(wheel: Wheel) -> None:
    metadata = wheel.metadata()
    requires = metadata.get_all("Requires-Dist") or []
    localstack = [r for r in requires if r.startswith("localstack")]
    assert localstack == [f'{LOCALSTACK_REQUIREMENT}; extra == "emulator"'], requires
    assert "emulator" in (metadata.get_all("Provides-Extra") or [])
    assert metadata["License-Expression"] == "Apache-2.0"
    assert metadata.get_all("License-File") == ["LICENSE"]
    assert wheel.entry_points() == {
        "console_scripts": {"two-way-sms": "two_way_sms.cli.main:main"},
        "localstack.aws.provider": PROVIDERS,
        "localstack.hooks.on_infra_start": HOOKS,
        "localstack.lambda.runtime_executor": EXECUTORS,
    }


def test_base_install_runs_the_cli_and_doctor_without_localstack(
    wheel: Wheel, tmp_path: Path
) -> None:
    # The dev venv's own interpreter version: the oldest the project supports (3.11).
    venv = install_fresh(
        sys.executable, tmp_path / "venv", str(wheel.path), PROJECT_ROOT / "requirements/dev.txt"
    )
    print(f"wheel built in {wheel.seconds:.1f} s; base venv installed in {venv.seconds:.1f} s")
    product = [m for m in wheel.importable_modules() if not m.startswith(EMULATOR + ".")]
    imported = venv.import_all(product)
    assert (imported.failed, imported.outside_the_venv) == ({}, [])
    emulator = [m for m in wheel.importable_modules() if m.startswith(EMULATOR + ".")]
    needs_localstack = venv.import_all(emulator).failed
    assert needs_localstack, "the emulator's LocalStack-bound modules imported without LocalStack"
    # Without the extra, what fails is only LocalStack missing, never anything else.
    assert all("No module named 'localstack" in e for e in needs_localstack.values())
    _help_lists_every_subcommand(venv)


def test_emulator_extra_imports_every_module_and_registers_the_plugins(
    wheel: Wheel, tmp_path: Path, localstack: object
) -> None:
    settings = Settings.from_env()
    venv = install_fresh(
        settings.python or find_python(),
        tmp_path / "venv",
        f"{wheel.path}[emulator]",
        settings.constraints,
    )
    print(f"emulator venv installed in {venv.seconds:.1f} s")
    groups = (
        "localstack.aws.provider",
        "localstack.hooks.on_infra_start",
        "localstack.lambda.runtime_executor",
    )
    imported = venv.import_all(wheel.importable_modules(), groups)
    assert (imported.failed, imported.outside_the_venv) == ({}, [])
    wanted = [f"localstack.aws.provider {name} {value}" for name, value in PROVIDERS.items()]
    wanted += [f"localstack.hooks.on_infra_start {n} {v}" for n, v in HOOKS.items()]
    wanted += [f"localstack.lambda.runtime_executor {n} {v}" for n, v in EXECUTORS.items()]
    assert set(wanted) <= set(imported.entry_points), imported.entry_points
    _help_lists_every_subcommand(venv)
