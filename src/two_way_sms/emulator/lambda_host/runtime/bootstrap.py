"""The runtime inside a Lambda function process of the host executor (see ../process.py).

Runs on the function's own Python (a 3.12 for runtime python3.12), standard library only,
Python >= 3.9 syntax (the oldest boto3 runs on). The executor starts it as

    python -u bootstrap.py REQUEST_FD RESPONSE_FD [OPT_DIR]

in the function's environment, in its task root, with stdout and stderr on one pipe that the
executor reads as the function's logs. Then:

1. The handler (`_HANDLER`, "module.function") is imported once; the module stays loaded, so
   module-level state survives between invocations of this process, as on AWS.
2. One JSON line on RESPONSE_FD says {"type": "ready"} (after INIT_MARKER on stdout ends
   what the import printed) or {"type": "init_error", "error": E}.
3. Each JSON line read from REQUEST_FD, {"type": "invoke", "requestId", "invokedFunctionArn",
   "payload" (the event, as text), "deadlineMs" (epoch ms), "traceId"}, is one invocation.
   Once the handler is done, stdout and stderr are flushed, end_marker(requestId) is written
   to stdout (the executor cuts the logs there), and one line answers on RESPONSE_FD:
   {"type": "result", "requestId", "payload" (text), "isError", "maxRssKb"}.
4. End of file on REQUEST_FD (the executor stopped us, or LocalStack is gone) kills this
   process group: nothing the function started outlives it.

Errors are shaped like the AWS Python runtime's: {"errorMessage", "errorType", "requestId",
"stackTrace"}; import problems are Runtime.ImportModuleError, Runtime.HandlerNotFound, ...
The executor imports this module for its protocol constants: nothing runs on import.
"""

from __future__ import annotations

import contextlib
import importlib
import json
import logging
import os
import queue
import signal
import sys
import threading
import time
import traceback
from collections.abc import Callable
from types import TracebackType
from typing import Any

Handler = Callable[[Any, Any], Any]

HANDLER_ENV = "_HANDLER"
TRACE_ENV = "_X_AMZN_TRACE_ID"
LOG_FORMAT = "[%(levelname)s]\t%(asctime)s.%(msecs)03dZ\t%(aws_request_id)s\t%(message)s"

_current_request_id = ""


def end_marker(request_id: str) -> bytes:
    """Written to stdout after an invocation's output: the executor cuts the logs there."""
    return f"\x00\x00END RequestId: {request_id}\x00\x00".encode()


INIT_MARKER = b"\x00\x00INIT DONE\x00\x00"  # after what the import printed


class FunctionError(Exception):
    """An error the runtime reports for the function (import problems, bad input or output)."""

    def __init__(self, error_type: str, message: str, stack_trace: list[str] | None = None):
        super().__init__(message)
        self.error_type = error_type
        self.message = message
        self.stack_trace = stack_trace or []


def error_body(
    error_type: str, message: str, request_id: str, stack_trace: list[str]
) -> dict[str, Any]:
    return {
        "errorMessage": message,
        "errorType": error_type,
        "requestId": request_id,
        "stackTrace": stack_trace,
    }


def user_frames(tb: TracebackType | None) -> list[str]:
    """The traceback's frames below the bootstrap's own, formatted as AWS lists them."""
    own = os.path.abspath(__file__)
    frames = [
        frame
        for frame in traceback.extract_tb(tb)
        if os.path.abspath(frame.filename) != own and "importlib._bootstrap" not in frame.filename
    ]
    return traceback.format_list(frames)


def describe_exception(error: BaseException, request_id: str) -> dict[str, Any]:
    """The error body for an exception raised by the function's code or the runtime."""
    if isinstance(error, FunctionError):
        return error_body(error.error_type, error.message, request_id, error.stack_trace)
    return error_body(
        type(error).__name__, str(error), request_id, user_frames(error.__traceback__)
    )


def log_error(body: dict[str, Any]) -> None:
    lines = [f"[ERROR] {body['errorType']}: {body['errorMessage']}"]
    if body["stackTrace"]:
        lines.append("Traceback (most recent call last):")
        lines.extend(entry.rstrip("\n") for entry in body["stackTrace"])
    sys.stderr.write("\n".join(lines) + "\n")


def load_handler(spec: str | None) -> Handler:
    """The handler function named by `spec` ("module.function"; "dir/module.function")."""
    module_name, dot, function_name = (spec or "").rpartition(".")
    if not dot or not module_name or not function_name:
        raise FunctionError(
            "Runtime.MalformedHandlerName",
            f"Bad handler '{spec}': not enough values to unpack (expected 2, got 1)",
        )
    module_name = module_name.replace("/", ".")
    if module_name.split(".")[0] in sys.builtin_module_names:
        raise FunctionError(
            "Runtime.BuiltInModuleConflict",
            f"Cannot use built-in module {module_name} as a handler module",
        )
    try:
        module = importlib.import_module(module_name)
    except ImportError as error:
        raise FunctionError(
            "Runtime.ImportModuleError",
            f"Unable to import module '{module_name}': {error}",
        ) from None
    except SyntaxError as error:
        text = (error.text or "").strip()
        where = f'  File "{error.filename}" Line {error.lineno}\n    {text}\n'
        raise FunctionError(
            "Runtime.UserCodeSyntaxError",
            f"Syntax error in module '{module_name}': {error}",
            [where],
        ) from None
    handler = getattr(module, function_name, None)
    if not callable(handler):
        raise FunctionError(
            "Runtime.HandlerNotFound",
            f"Handler '{function_name}' missing on module '{module_name}'",
        )
    return handler


class LambdaContext:
    """The `context` argument: what the AWS Python runtime's context object offers."""

    def __init__(self, request_id: str, invoked_function_arn: str | None, deadline_ms: int):
        self.aws_request_id = request_id
        self.invoked_function_arn = invoked_function_arn
        self.function_name = os.environ.get("AWS_LAMBDA_FUNCTION_NAME")
        self.function_version = os.environ.get("AWS_LAMBDA_FUNCTION_VERSION")
        self.memory_limit_in_mb = os.environ.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE")
        self.log_group_name = os.environ.get("AWS_LAMBDA_LOG_GROUP_NAME")
        self.log_stream_name = os.environ.get("AWS_LAMBDA_LOG_STREAM_NAME")
        self.identity = None
        self.client_context = None
        self._deadline_ms = deadline_ms

    def get_remaining_time_in_millis(self) -> int:
        return max(0, int(self._deadline_ms - time.time() * 1000))


def invoke(handler: Handler, request: dict[str, Any]) -> tuple[str, bool]:
    """(payload text, is_error) of one invocation."""
    request_id = request["requestId"]
    if request.get("traceId"):
        os.environ[TRACE_ENV] = request["traceId"]
    else:
        os.environ.pop(TRACE_ENV, None)
    context = LambdaContext(request_id, request.get("invokedFunctionArn"), request["deadlineMs"])
    try:
        try:
            event = json.loads(request.get("payload") or "{}")
        except ValueError as error:
            raise FunctionError(
                "Runtime.UnmarshalError", f"Unable to unmarshal input: {error}"
            ) from None
        result = handler(event, context)
        try:
            return json.dumps(result), False
        except (TypeError, ValueError) as error:
            raise FunctionError(
                "Runtime.MarshalError", f"Unable to marshal response: {error}"
            ) from None
    except Exception as error:
        body = describe_exception(error, request_id)
        log_error(body)
        return json.dumps(body), True


def max_rss_kb() -> int | None:
    """Peak resident memory of this process. Linux's ru_maxrss would count what the process
    had before exec (a fork of LocalStack), so its VmHWM comes first."""
    with contextlib.suppress(OSError, ValueError, IndexError), open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    try:
        import resource
    except ImportError:  # not on this platform
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak  # macOS counts bytes


def write_message(fd: int, message: dict[str, Any]) -> None:
    data = (json.dumps(message) + "\n").encode("utf-8")
    while data:
        written = os.write(fd, data)
        data = data[written:]


def flush_output(marker: bytes) -> None:
    sys.stdout.flush()
    sys.stderr.flush()
    # When the function closed its stdout, the executor stops waiting for the marker.
    with contextlib.suppress(OSError):
        os.write(1, marker)


def end_process_group() -> None:
    """Kill what this process started, then itself (only when it leads its own group)."""
    if os.getpgid(0) == os.getpid():
        os.killpg(os.getpid(), signal.SIGKILL)
    os.kill(os.getpid(), signal.SIGKILL)


def read_requests(fd: int, requests: queue.Queue[dict[str, Any]]) -> None:
    with os.fdopen(fd, "rb", buffering=0) as stream:
        for line in iter(stream.readline, b""):
            requests.put(json.loads(line.decode("utf-8")))
    end_process_group()


class RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.aws_request_id = _current_request_id
        return True


def install_logging() -> None:
    handler = logging.StreamHandler(sys.stdout)
    formatter = logging.Formatter(LOG_FORMAT, "%Y-%m-%dT%H:%M:%S")
    formatter.converter = time.gmtime
    handler.setFormatter(formatter)
    handler.addFilter(RequestIdFilter())
    logging.getLogger().addHandler(handler)


def python_path(task_root: str, runtime_dir: str, opt_dir: str | None) -> list[str]:
    """The function's first sys.path entries, in the AWS Python runtime's order."""
    paths = [task_root]
    if opt_dir:
        version = "python{}.{}".format(*sys.version_info[:2])
        paths += [
            os.path.join(opt_dir, "python", "lib", version, "site-packages"),
            os.path.join(opt_dir, "python"),
        ]
    return [*paths, runtime_dir]


def main(argv: list[str]) -> int:
    global _current_request_id
    request_fd, response_fd = int(argv[1]), int(argv[2])
    opt_dir = argv[3] if len(argv) > 3 else None
    runtime_dir = os.path.dirname(os.path.abspath(__file__))
    task_root = os.environ.get("LAMBDA_TASK_ROOT") or os.getcwd()
    sys.path[0:1] = python_path(task_root, runtime_dir, opt_dir)
    sys.argv = [os.path.abspath(__file__)]

    requests: queue.Queue[dict[str, Any]] = queue.Queue()
    reader = threading.Thread(target=read_requests, args=(request_fd, requests), daemon=True)
    reader.start()
    install_logging()
    try:
        handler = load_handler(os.environ.get(HANDLER_ENV))
    except Exception as error:
        body = describe_exception(error, "")
        log_error(body)
        sys.stdout.flush()
        sys.stderr.flush()
        write_message(response_fd, {"type": "init_error", "error": body})
        return 1
    flush_output(INIT_MARKER)
    write_message(response_fd, {"type": "ready"})
    while True:
        request = requests.get()
        _current_request_id = request["requestId"]
        payload, is_error = invoke(handler, request)
        flush_output(end_marker(request["requestId"]))
        write_message(
            response_fd,
            {
                "type": "result",
                "requestId": request["requestId"],
                "payload": payload,
                "isError": is_error,
                "maxRssKb": max_rss_kb(),
            },
        )


if __name__ == "__main__":
    sys.exit(main(sys.argv))
