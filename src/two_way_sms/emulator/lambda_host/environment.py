"""The environment variables of a function process.

LocalStack computes a function's environment (execution_environment.py in LocalStack 4.14:
region, function name, memory, version, log group and stream, the role's session credentials
from its STS, AWS_ENDPOINT_URL, _HANDLER, then the function's own Environment.Variables); the
host executor passes all of it on, fills in what a container would have had (PATH, LANG), and
points the paths LocalStack gives for a container (LAMBDA_TASK_ROOT=/var/task, ...) at the
host folders that play their part. Nothing else of LocalStack's own environment reaches the
function: not its settings, not the developer's AWS profile.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path


def function_environment(
    given: Mapping[str, object],
    *,
    runtime: str,
    task_root: Path,
    runtime_dir: Path,
    python_bin: Path,
    tmp_dir: Path,
    opt_dir: Path | None = None,
    host_environ: Mapping[str, str] | None = None,
) -> dict[str, str]:
    host = os.environ if host_environ is None else host_environ
    path = [str(python_bin)]  # `python3` is the runtime's Python, as /var/lang/bin on AWS
    if opt_dir is not None:
        path.append(str(opt_dir / "bin"))
    path.append(host.get("PATH") or os.defpath)
    env = {
        "PATH": os.pathsep.join(path),
        "LANG": "en_US.UTF-8",
        "TMPDIR": str(tmp_dir),  # one per environment, removed when it stops
        # AWS has no ~/.aws files: the developer's must not redirect or configure the function.
        "AWS_CONFIG_FILE": os.devnull,
        "AWS_SHARED_CREDENTIALS_FILE": os.devnull,
    }
    # LocalStack's values, the function's own variables last (they may override PATH, ...).
    env.update({name: str(value) for name, value in given.items() if value is not None})
    env.update(
        {
            "LAMBDA_TASK_ROOT": str(task_root),
            "LAMBDA_RUNTIME_DIR": str(runtime_dir),
            "AWS_EXECUTION_ENV": f"AWS_Lambda_{runtime}",
        }
    )
    return env
