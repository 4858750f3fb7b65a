"""LocalStack 4.14's RuntimeExecutor for Python functions as host processes (no Docker).

LocalStack's Lambda service (version manager, assignment service, execution environments,
async event manager, SNS and event source integrations, CloudWatch Logs) runs unchanged; this
class only replaces the container, with the contract of `runtime_executor.RuntimeExecutor`:

- `prepare_version` (once per function version, when it is created or updated): refuses a
  runtime it cannot serve (the version's State becomes Failed, with the reason), builds the
  runtime's virtualenv on first use (runtime_env.py), and copies the code and layers
  (function_code.py);
- `start(env_vars)` returns once the handler is imported (process.py), or raises
  `StatusErrorException` with the init error, as the Docker executor's init reports it;
- `invoke(payload)` returns an `InvocationResult` (payload, is_error, logs);
- `stop()` kills the process group; `cleanup_version` removes the version's copy.

The LocalStack internals used are listed in README.md.
"""

from __future__ import annotations

import atexit
import contextlib
import functools
import hashlib
import json
import logging
import os
import shutil
import threading
from dataclasses import dataclass
from pathlib import Path

from localstack import config
from localstack.aws.api.lambda_ import PackageType
from localstack.services.lambda_.invocation.executor_endpoint import StatusErrorException
from localstack.services.lambda_.invocation.lambda_models import FunctionVersion, InvocationResult
from localstack.services.lambda_.invocation.runtime_executor import (
    LambdaRuntimeException,
    RuntimeExecutor,
)

from two_way_sms.emulator.lambda_host import function_code, process, runtimes
from two_way_sms.emulator.lambda_host.environment import function_environment
from two_way_sms.emulator.lambda_host.runtime_env import RuntimeEnv, ensure_runtime_env

LOG = logging.getLogger(__name__)
_FOLDER = "lambda-host"


@dataclass(frozen=True)
class PreparedVersion:
    runtime: str
    runtime_env: RuntimeEnv
    task_root: Path
    opt_dir: Path | None
    folder: Path  # this version's copies (task, opt), removed by cleanup_version


_prepared: dict[str, PreparedVersion] = {}
_lock = threading.Lock()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


_work_dir: Path | None = None


def work_dir() -> Path:
    """This LocalStack process's folder for code copies and environments' temporary files.

    Folders left by LocalStack processes that no longer run (killed) are removed first.
    """
    global _work_dir
    with _lock:
        if _work_dir is None:
            base = Path(config.dirs.tmp) / _FOLDER
            base.mkdir(parents=True, exist_ok=True)
            for stale in base.iterdir():
                if stale.name.isdigit() and not _alive(int(stale.name)):
                    function_code.remove(stale)
            _work_dir = base / str(os.getpid())
            _work_dir.mkdir(exist_ok=True)
            atexit.register(_remove_work_dir, _work_dir)
        return _work_dir


def _remove_work_dir(folder: Path) -> None:
    process.stop_all()  # the processes first: they run in these folders
    with contextlib.suppress(OSError):
        function_code.remove(folder)


def runtimes_dir() -> Path:
    """Where runtimes' virtualenvs are kept across LocalStack restarts."""
    return Path(config.dirs.var_libs) / _FOLDER / "runtimes"


@functools.cache  # not cached when it fails (raises): install, then retry
def _python_for(runtime: str) -> str:
    return runtimes.find_python(runtime)


def _version_key(function_version: FunctionVersion) -> str:
    identity = f"{function_version.qualified_arn}#{function_version.config.internal_revision}"
    digest = hashlib.sha256(identity.encode()).hexdigest()[:16]
    return f"{function_version.id.function_name}-{digest}"


def prepare(function_version: FunctionVersion) -> PreparedVersion:
    configuration = function_version.config
    if configuration.package_type != PackageType.Zip:
        runtimes.python_version(None)  # raises: images are not served
    runtime = str(configuration.runtime)
    version = runtimes.python_version(runtime)
    runtime_env = ensure_runtime_env(_python_for(runtime), version, runtimes_dir())
    code = configuration.code
    if code is None:
        raise LambdaRuntimeException(f"{function_version.qualified_arn} has no code")
    code.prepare_for_execution()
    layer_sources = []
    for layer in configuration.layers:
        if layer.code is None:
            continue
        layer.code.prepare_for_execution()
        layer_sources.append(Path(layer.code.get_unzipped_code_location()))
    folder = work_dir() / "versions" / _version_key(function_version)
    opt_dir = function_code.install(layer_sources, folder / "opt") if layer_sources else None
    if code.is_hot_reloading():
        task_root = Path(code.get_unzipped_code_location())
    else:
        task_root = function_code.install(
            [Path(code.get_unzipped_code_location())], folder / "task"
        )
    return PreparedVersion(runtime, runtime_env, task_root, opt_dir, folder)


class HostPythonRuntimeExecutor(RuntimeExecutor):
    """One execution environment: one function process at a time (see process.py)."""

    def __init__(self, id: str, function_version: FunctionVersion) -> None:
        super().__init__(id=id, function_version=function_version)
        self._process: process.FunctionProcess | None = None
        self._tmp_dir: Path | None = None

    # --- the version ---------------------------------------------------------------------

    @classmethod
    def prepare_version(cls, function_version: FunctionVersion) -> None:
        try:
            prepared = prepare(function_version)
        except runtimes.RuntimeNotServed as error:
            raise LambdaRuntimeException(str(error)) from None
        with _lock:
            _prepared[_version_key(function_version)] = prepared

    @classmethod
    def cleanup_version(cls, function_version: FunctionVersion) -> None:
        with _lock:
            prepared = _prepared.pop(_version_key(function_version), None)
        if prepared is not None:
            function_code.remove(prepared.folder)

    def _prepared_version(self) -> PreparedVersion:
        key = _version_key(self.function_version)
        with _lock:
            prepared = _prepared.get(key)
        if prepared is None:  # e.g. started before this module was reloaded: prepare again
            self.prepare_version(self.function_version)
            with _lock:
                prepared = _prepared[key]
        return prepared

    # --- the environment -----------------------------------------------------------------

    def start(self, env_vars: dict[str, str]) -> None:
        prepared = self._prepared_version()
        self._tmp_dir = work_dir() / "environments" / self.id / "tmp"
        self._tmp_dir.mkdir(parents=True, exist_ok=True)
        environment = function_environment(
            env_vars,
            runtime=prepared.runtime,
            task_root=prepared.task_root,
            runtime_dir=process.RUNTIME_DIR,
            python_bin=prepared.runtime_env.bin_dir,
            tmp_dir=self._tmp_dir,
            opt_dir=prepared.opt_dir,
        )
        self._process = process.FunctionProcess(
            str(prepared.runtime_env.python), environment, prepared.task_root, prepared.opt_dir
        )
        try:
            self._process.start()
        except process.InitFailed as error:
            # As the Docker executor's init reports it: LocalStack answers the invocation that
            # asked for this environment with this payload (FunctionError Unhandled).
            raise StatusErrorException(
                "Environment startup failed", payload=json.dumps(error.payload).encode()
            ) from None
        LOG.debug("host process %s runs %s", self._process.pid, self.function_version.qualified_arn)

    def invoke(self, payload: dict[str, str]) -> InvocationResult:
        if self._process is None:
            raise LambdaRuntimeException(f"execution environment {self.id} was not started")
        outcome = self._process.invoke(
            process.Invocation(
                request_id=payload["invoke-id"],
                invoked_arn=payload["invoked-function-arn"],
                payload=payload["payload"],
                timeout_seconds=float(self.function_version.config.timeout),
                trace_id=payload.get("trace-id"),
            )
        )
        return InvocationResult(
            request_id=payload["invoke-id"],
            payload=outcome.payload,
            is_error=outcome.is_error,
            logs=outcome.logs,
        )

    def stop(self) -> None:
        if self._process is not None:
            self._process.stop()
        if self._tmp_dir is not None:
            shutil.rmtree(self._tmp_dir.parent, ignore_errors=True)

    def get_logs(self) -> str:
        return self._process.logs() if self._process is not None else ""

    # --- addresses -----------------------------------------------------------------------

    def get_address(self) -> str:
        # Nothing listens: LocalStack reaches the process through pipes. Its host is loopback.
        return "127.0.0.1"

    def get_endpoint_from_executor(self) -> str:
        """LocalStack's host as the function sees it: the gateway's loopback address."""
        if config.HOSTNAME_FROM_LAMBDA:
            return config.HOSTNAME_FROM_LAMBDA
        host = config.GATEWAY_LISTEN[0].host
        return {"0.0.0.0": "127.0.0.1", "": "127.0.0.1", "[::]": "[::1]"}.get(host, host)

    def get_runtime_endpoint(self) -> str:
        # LOCALSTACK_RUNTIME_ENDPOINT of the function's environment; no route serves it here.
        port = config.GATEWAY_LISTEN[0].port
        return f"http://{self.get_endpoint_from_executor()}:{port}/_localstack_lambda/{self.id}"
