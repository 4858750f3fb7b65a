"""The runtime inside a function process (runtime/bootstrap.py), called in-process: handler
loading and its errors, one invocation and its errors, shaped like the AWS Python runtime's."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from two_way_sms.emulator.lambda_host.runtime import bootstrap
from two_way_sms.emulator.lambda_host.runtime.bootstrap import FunctionError


@pytest.fixture
def task_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A task root on sys.path; modules it holds are forgotten afterwards."""
    monkeypatch.syspath_prepend(str(tmp_path))
    before = set(sys.modules)
    yield tmp_path
    for name in set(sys.modules) - before:
        del sys.modules[name]


def _module(root: Path, name: str, source: str) -> None:
    path = root / f"{name.replace('.', '/')}.py"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(source)


def _request(payload: str = "{}", request_id: str = "req-1") -> dict[str, Any]:
    return {
        "type": "invoke",
        "requestId": request_id,
        "invokedFunctionArn": "arn:aws:lambda:us-east-1:000000000000:function:fn",
        "payload": payload,
        "deadlineMs": int(time.time() * 1000) + 3000,
        "traceId": "Root=1-abc",
    }


@pytest.mark.parametrize(
    ("spec", "error_type", "message"),
    [
        ("nodot", "Runtime.MalformedHandlerName", "Bad handler 'nodot': not enough values"),
        (None, "Runtime.MalformedHandlerName", "Bad handler 'None'"),
        ("absent.handler", "Runtime.ImportModuleError", "Unable to import module 'absent': No"),
        ("app.missing", "Runtime.HandlerNotFound", "Handler 'missing' missing on module 'app'"),
        ("broken.handler", "Runtime.UserCodeSyntaxError", "Syntax error in module 'broken'"),
        ("sys.exit", "Runtime.BuiltInModuleConflict", "Cannot use built-in module sys"),
    ],
)
def test_handler_loading_errors_are_awss(
    task_root: Path, spec: str | None, error_type: str, message: str
) -> None:
    _module(task_root, "app", "def handler(event, context):\n    return event\n")
    _module(task_root, "broken", "def handler(:\n")
    with pytest.raises(FunctionError) as failed:
        bootstrap.load_handler(spec)
    assert failed.value.error_type == error_type
    assert failed.value.message.startswith(message)


def test_handlers_in_folders_load_with_slashes_or_dots(task_root: Path) -> None:
    _module(task_root, "pkg.sub.app", "def handler(event, context):\n    return 'deep'\n")
    assert bootstrap.load_handler("pkg/sub/app.handler")({}, None) == "deep"
    assert bootstrap.load_handler("pkg.sub.app.handler")({}, None) == "deep"


def test_an_invocation_returns_the_handlers_json_and_a_context(task_root: Path) -> None:
    _module(
        task_root,
        "app",
        "def handler(event, context):\n"
        "    return {'event': event, 'id': context.aws_request_id,\n"
        "            'arn': context.invoked_function_arn,\n"
        "            'left': context.get_remaining_time_in_millis()}\n",
    )
    payload, is_error = bootstrap.invoke(bootstrap.load_handler("app.handler"), _request('{"a":1}'))
    answer = json.loads(payload)
    assert not is_error
    assert answer["event"] == {"a": 1}
    assert answer["id"] == "req-1"
    assert answer["arn"].endswith(":function:fn")
    assert 0 < answer["left"] <= 3000


def test_an_exception_is_errormessage_errortype_and_the_users_stack(
    task_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _module(
        task_root,
        "app",
        "def check(event):\n    raise KeyError('nope')\n\n"
        "def handler(event, context):\n    check(event)\n",
    )
    payload, is_error = bootstrap.invoke(bootstrap.load_handler("app.handler"), _request())
    body = json.loads(payload)
    assert is_error
    assert body["errorType"] == "KeyError"
    assert body["errorMessage"] == "'nope'"
    assert body["requestId"] == "req-1"
    assert [entry.split(", in ")[1].split("\n")[0] for entry in body["stackTrace"]] == [
        "handler",
        "check",
    ]  # the bootstrap's own frames are left out
    assert "[ERROR] KeyError: 'nope'" in capsys.readouterr().err


def test_bad_input_and_output_are_runtime_errors(task_root: Path) -> None:
    _module(task_root, "app", "def handler(event, context):\n    return {1, 2}\n")
    handler = bootstrap.load_handler("app.handler")
    payload, is_error = bootstrap.invoke(handler, _request("not json"))
    assert is_error
    assert json.loads(payload)["errorType"] == "Runtime.UnmarshalError"
    payload, is_error = bootstrap.invoke(handler, _request("{}"))
    assert is_error
    body = json.loads(payload)
    assert body["errorType"] == "Runtime.MarshalError"
    assert body["errorMessage"].startswith("Unable to marshal response: Object of type set")


def test_the_task_root_and_layers_come_first_on_sys_path() -> None:
    version = "python{}.{}".format(*sys.version_info[:2])
    assert bootstrap.python_path("/task", "/runtime", "/opt") == [
        "/task",
        f"/opt/python/lib/{version}/site-packages",
        "/opt/python",
        "/runtime",
    ]
    assert bootstrap.python_path("/task", "/runtime", None) == ["/task", "/runtime"]


def test_the_end_marker_cannot_be_mistaken_for_printed_text() -> None:
    marker = bootstrap.end_marker("req-1")
    assert b"req-1" in marker
    assert marker.startswith(b"\x00") and marker.endswith(b"\x00")
