"""The plux plugin LocalStack 4.14 loads when LAMBDA_RUNTIME_EXECUTOR names it.

pyproject.toml declares it in the entry-point group `localstack.lambda.runtime_executor`
(LocalStack's `RuntimeExecutorPlugin.namespace`) under the same name as `name` here:

    [project.entry-points."localstack.lambda.runtime_executor"]
    host-python = "two_way_sms.emulator.lambda_host.plugin:HostPythonExecutorPlugin"

LocalStack's `get_runtime_executor()` loads the plugin and calls `load()` for the class.
"""

from __future__ import annotations

from typing import Any

from localstack.services.lambda_.invocation.plugins import RuntimeExecutorPlugin

from two_way_sms.emulator.lambda_host.runtimes import EXECUTOR_NAME


class HostPythonExecutorPlugin(RuntimeExecutorPlugin):
    name = EXECUTOR_NAME

    def load(self, *args: Any, **kwargs: Any) -> type:
        from two_way_sms.emulator.lambda_host.executor import HostPythonRuntimeExecutor

        return HostPythonRuntimeExecutor
