"""The LocalStack lifecycle's pure parts (tools/two_way_sms_tools/localstack): settings, Python
discovery, environment, health parsing, process control and leases (no LocalStack starts here)."""

from __future__ import annotations

import os
import stat
import subprocess
import tomllib
from pathlib import Path

import pytest

from two_way_sms_tools.localstack import cli, health, leases, process, venv
from two_way_sms_tools.localstack.errors import LocalStackError
from two_way_sms_tools.localstack.process import Started
from two_way_sms_tools.localstack.settings import CONSTRAINTS_FILE, Settings
from two_way_sms_tools.project import PROJECT_ROOT


def test_settings_defaults_and_env(tmp_path: Path) -> None:
    settings = Settings.from_env({}, root=tmp_path)
    assert (settings.host, settings.port, settings.endpoint) == (
        "127.0.0.1",
        4566,
        "http://127.0.0.1:4566",
    )
    assert settings.venv == tmp_path / ".venv-localstack"
    assert settings.pid_file == tmp_path / ".localstack" / "localstack.pid"
    assert settings.log_file == tmp_path / ".localstack" / "localstack.log"
    custom = Settings.from_env(
        {"LOCALSTACK_PORT": "4599", "LOCALSTACK_LISTEN_HOST": "::1", "LOCALSTACK_PYTHON": "/x"},
        root=tmp_path,
    )
    assert custom.endpoint == "http://[::1]:4599"
    assert custom.python == "/x"


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.5", "example.com"])
def test_only_loopback_hosts(host: str, tmp_path: Path) -> None:
    with pytest.raises(LocalStackError, match="loopback"):
        Settings.from_env({"LOCALSTACK_LISTEN_HOST": host}, root=tmp_path)


def test_bad_port_is_explained(tmp_path: Path) -> None:
    with pytest.raises(LocalStackError, match="LOCALSTACK_PORT"):
        Settings.from_env({"LOCALSTACK_PORT": "http"}, root=tmp_path)


def test_localstack_runs_in_host_mode_on_loopback_with_project_files(tmp_path: Path) -> None:
    env = Settings.from_env({}, root=tmp_path).localstack_env({"PYTHONPATH": "src", "HOME": "/h"})
    assert env["GATEWAY_LISTEN"] == "127.0.0.1:4566"
    assert env["GATEWAY_SERVER"] == "hypercorn"  # twisted would bind 0.0.0.0
    assert env["OVERRIDE_IN_DOCKER"] == "0"
    assert env["DISABLE_EVENTS"] == "1"
    assert env["DNS_ADDRESS"] == "0"
    assert env["FILESYSTEM_ROOT"] == str(tmp_path / ".localstack" / "fs")
    assert env["LOCALSTACK_VOLUME_DIR"] == str(tmp_path / ".localstack" / "volume")
    assert "PYTHONPATH" not in env
    assert env["HOME"] == "/h"


def test_settings_default_to_this_checkout() -> None:
    settings = Settings.from_env({})
    assert settings.root == PROJECT_ROOT == Path(__file__).resolve().parents[2]
    assert settings.constraints == PROJECT_ROOT / CONSTRAINTS_FILE
    assert settings.constraints.is_file()


def test_emulator_extra_pins_the_localstack_the_lifecycle_installs() -> None:
    project = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text())["project"]
    assert project["optional-dependencies"]["emulator"] == [venv.LOCALSTACK_REQUIREMENT]
    assert venv.LOCALSTACK_REQUIREMENT == "localstack-core[runtime]==4.14.0"


def test_constraints_pin_what_localstack_needs() -> None:
    pins = (PROJECT_ROOT / CONSTRAINTS_FILE).read_text()
    assert "cbor2==5.8.0" in pins
    assert "pyopenssl==25.3.0" in pins
    assert "plux==1.14.0" in pins


def _fake_python(folder: Path, name: str, version: str, works: bool = True) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    script = folder / name
    body = f'echo "{version}"' if works else "exit 1"
    script.write_text(f"#!/bin/sh\n{body}\n")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return script


def test_find_python_prefers_313_then_312(tmp_path: Path) -> None:
    bin_dir = tmp_path / "bin"
    _fake_python(bin_dir, "python3.12", "3.12")
    _fake_python(bin_dir, "python3", "3.11")
    env = {"PATH": str(bin_dir), "PYENV_ROOT": str(tmp_path / "no-pyenv")}
    assert venv.find_python(env) == str(bin_dir / "python3.12")
    _fake_python(bin_dir, "python3.13", "3.13")
    assert venv.find_python(env) == str(bin_dir / "python3.13")


def test_find_python_skips_broken_shims_and_uses_pyenv(tmp_path: Path) -> None:
    shims = tmp_path / "shims"
    _fake_python(shims, "python3.13", "", works=False)  # a pyenv shim for an inactive version
    _fake_python(shims, "python3", "3.11")
    pyenv = tmp_path / "pyenv"
    installed = _fake_python(pyenv / "versions" / "3.12.1" / "bin", "python3", "3.12")
    env = {"PATH": str(shims), "PYENV_ROOT": str(pyenv)}
    assert venv.find_python(env) == str(installed)


def test_find_python_explains_what_to_install(tmp_path: Path) -> None:
    bin_dir = tmp_path / "bin"
    _fake_python(bin_dir, "python3", "3.11")
    env = {"PATH": str(bin_dir), "PYENV_ROOT": str(tmp_path / "none")}
    with pytest.raises(LocalStackError) as excinfo:
        venv.find_python(env)
    message = str(excinfo.value)
    assert "Python >= 3.12" in message
    assert "python3 (3.11)" in message
    assert "LOCALSTACK_PYTHON" in message
    assert "pyenv install 3.13" in message


def test_explicit_python_must_be_new_enough(tmp_path: Path) -> None:
    old = _fake_python(tmp_path, "python", "3.11")
    with pytest.raises(LocalStackError, match="LOCALSTACK_PYTHON"):
        venv.find_python({"LOCALSTACK_PYTHON": str(old)})
    new = _fake_python(tmp_path, "python-new", "3.13")
    assert venv.find_python({"LOCALSTACK_PYTHON": str(new)}) == str(new)


def test_missing_services() -> None:
    document = {"services": {"sns": "running", "sqs": "available", "kms": "disabled"}}
    assert health.missing_services(document, ["sns", "sqs", "kms", "pinpoint-sms-voice-v2"]) == [
        "kms",
        "pinpoint-sms-voice-v2",
    ]
    assert health.missing_services(None, ["sns"]) == ["sns"]


def test_status_without_localstack(tmp_path: Path) -> None:
    settings = Settings.from_env({"LOCALSTACK_PORT": "9"}, root=tmp_path)  # nothing listens
    assert health.health(settings, timeout=0.5) is None
    assert process.running_pid(settings) is None
    assert leases.down(settings) is False


def test_pid_file_of_another_program_is_not_ours(tmp_path: Path) -> None:
    settings = Settings.from_env({}, root=tmp_path)
    settings.state_dir.mkdir(parents=True)
    with subprocess.Popen(["sleep", "30"]) as sleeper:
        settings.pid_file.write_text(f"{sleeper.pid}\n")
        assert process.read_pid(settings) == sleeper.pid
        assert process.running_pid(settings) is None  # alive, but not localstack.runtime.main
        assert leases.down(settings) is False
        assert sleeper.poll() is None  # untouched
        sleeper.kill()


def test_lease_leaves_an_instance_it_did_not_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = Settings.from_env({}, root=tmp_path)
    calls: list[str] = []

    def fake_up(_: Settings) -> Started:
        calls.append("up")
        return Started(settings.endpoint, None, False, 0.0)

    def fake_down(_: Settings, timeout: float = 20.0) -> bool:
        calls.append("down")
        return True

    monkeypatch.setattr(process, "start_or_reuse", fake_up)
    monkeypatch.setattr(process, "stop", fake_down)
    with leases.lease(settings) as started:
        assert started.started is False
        assert (settings.state_dir / "leases" / str(os.getpid())).exists()
    assert calls == ["up"]
    assert not (settings.state_dir / "leases" / str(os.getpid())).exists()


def test_last_lease_stops_what_a_lease_started(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = Settings.from_env({}, root=tmp_path)
    calls: list[str] = []
    monkeypatch.setattr(
        process, "start_or_reuse", lambda _: Started(settings.endpoint, 4242, True, 1.0)
    )
    monkeypatch.setattr(process, "stop", lambda *_a, **_k: calls.append("down") or True)
    lease_dir = settings.state_dir / "leases"
    with subprocess.Popen(["sleep", "30"]) as other_worker:
        with leases.lease(settings):
            (lease_dir / str(other_worker.pid)).touch()  # another process still holds a lease
        assert calls == []  # ... so the instance stays up
        other_worker.kill()
        other_worker.wait()
    with leases.lease(settings):  # the other lease's process is gone now
        pass
    assert calls == ["down"]
    assert list(lease_dir.iterdir()) == []


def test_cli_reports_errors_with_exit_code_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LOCALSTACK_LISTEN_HOST", "0.0.0.0")
    assert cli.main(["status"]) == 2
    assert "loopback" in capsys.readouterr().err
