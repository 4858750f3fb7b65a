"""Where and how this project's LocalStack runs: endpoint, files, and LocalStack's environment.

Everything comes from the environment (LOCALSTACK_LISTEN_HOST, LOCALSTACK_PORT,
LOCALSTACK_PYTHON, LOCALSTACK_START_TIMEOUT) with loopback defaults; nothing here starts or
installs anything.
"""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from two_way_sms_tools.localstack.errors import LocalStackError
from two_way_sms_tools.project import PROJECT_ROOT

LOCALSTACK_VERSION = "4.14.0"
CONSTRAINTS_FILE = Path("requirements") / f"localstack-{LOCALSTACK_VERSION}-constraints.txt"
VENV_DIR = ".venv-localstack"
STATE_DIR = ".localstack"

HOST_ENV = "LOCALSTACK_LISTEN_HOST"
PORT_ENV = "LOCALSTACK_PORT"
PYTHON_ENV = "LOCALSTACK_PYTHON"
TIMEOUT_ENV = "LOCALSTACK_START_TIMEOUT"
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 4566
DEFAULT_START_TIMEOUT = 120.0


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True)
class Settings:
    root: Path
    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    python: str | None = None
    start_timeout: float = DEFAULT_START_TIMEOUT

    @classmethod
    def from_env(
        cls, environ: Mapping[str, str] | None = None, root: Path | None = None
    ) -> Settings:
        env = os.environ if environ is None else environ
        host = env.get(HOST_ENV) or DEFAULT_HOST
        if not is_loopback(host):
            raise LocalStackError(
                f"{HOST_ENV}={host!r}: LocalStack is only started on a loopback address "
                "(127.0.0.1, ::1 or localhost)"
            )
        try:
            port = int(env.get(PORT_ENV) or DEFAULT_PORT)
            timeout = float(env.get(TIMEOUT_ENV) or DEFAULT_START_TIMEOUT)
        except ValueError as error:
            raise LocalStackError(f"{PORT_ENV}/{TIMEOUT_ENV}: {error}") from None
        return cls(
            root=root or PROJECT_ROOT,
            host=host,
            port=port,
            python=env.get(PYTHON_ENV) or None,
            start_timeout=timeout,
        )

    @property
    def endpoint(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    @property
    def venv(self) -> Path:
        return self.root / VENV_DIR

    @property
    def venv_python(self) -> Path:
        return self.venv / "bin" / "python"

    @property
    def state_dir(self) -> Path:
        # One folder per port, so instances on other ports (a benchmark's, a second checkout's
        # tests) never share a PID file, log or lease with the default one.
        base = self.root / STATE_DIR
        return base if self.port == DEFAULT_PORT else base / f"port-{self.port}"

    @property
    def log_file(self) -> Path:
        return self.state_dir / "localstack.log"

    @property
    def pid_file(self) -> Path:
        return self.state_dir / "localstack.pid"

    @property
    def constraints(self) -> Path:
        return self.root / CONSTRAINTS_FILE

    def localstack_env(self, base: Mapping[str, str] | None = None) -> dict[str, str]:
        """The environment LocalStack runs with: host mode, loopback, project-local files."""
        env = dict(os.environ if base is None else base)
        env.pop("PYTHONPATH", None)  # the 3.11 dev venv's paths (and tools/) must not leak in
        env.pop("PYTHONHOME", None)
        env.update(
            {
                "GATEWAY_LISTEN": f"{self.host}:{self.port}",
                # The default (twisted) server binds 0.0.0.0 whatever GATEWAY_LISTEN's host says;
                # hypercorn binds the given address.
                "GATEWAY_SERVER": "hypercorn",
                # Machines with /.dockerenv make LocalStack think it runs in its own container and
                # write to /var/lib/localstack; this is host mode.
                "OVERRIDE_IN_DOCKER": "0",
                "DISABLE_EVENTS": "1",
                # Internal clients (the emulator reads IAM, SNS, KMS and publishes through them)
                # call the gateway in memory instead of over loopback HTTP.
                "IN_MEMORY_CLIENT": "1",
                # No DNS server (it would listen on 0.0.0.0:53) and no certificate download.
                "DNS_ADDRESS": "0",
                "SKIP_SSL_CERT_DOWNLOAD": "1",
                "FILESYSTEM_ROOT": str(self.state_dir / "fs"),
                "LOCALSTACK_VOLUME_DIR": str(self.state_dir / "volume"),
            }
        )
        # Python Lambda functions as host processes, no Docker (emulator/lambda_host).
        env.setdefault("LAMBDA_RUNTIME_EXECUTOR", "host-python")
        # Async invocations are retried 1 s, 2 s, ... apart instead of AWS's minutes, so retries
        # and on-failure destinations can be exercised quickly; set it to 60 for AWS's pacing.
        env.setdefault("LAMBDA_RETRY_BASE_DELAY", "1")
        return env
