"""`two-way-sms send-inbound` against a stand-in for the emulator's inbound route."""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any, ClassVar

import pytest

from two_way_sms.cli.main import main

CUSTOMER, OURS = "+14255550182", "+12065550100"
TOPIC = "arn:aws:sns:us-east-1:000000000000:inbound"


class FakeEmulator(BaseHTTPRequestHandler):
    received: ClassVar[list[dict[str, Any]]] = []
    answer: ClassVar[tuple[int, dict[str, Any]]] = (200, {})

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", 0))
        FakeEmulator.received.append(
            {"path": self.path, "body": json.loads(self.rfile.read(length))}
        )
        status, body = FakeEmulator.answer
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def emulator() -> Iterator[str]:
    server = HTTPServer(("127.0.0.1", 0), FakeEmulator)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    FakeEmulator.received = []
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def send(endpoint: str, *extra: str) -> int:
    return main(
        [
            *("send-inbound", "--from", CUSTOMER, "--to", OURS, "--body", "JOIN now"),
            *("--endpoint-url", endpoint, *extra),
        ]
    )


def test_delivered_exits_0(emulator: str, capsys: pytest.CaptureFixture[str]) -> None:
    FakeEmulator.answer = (
        200,
        {
            "inboundMessageId": "id-1",
            "delivered": True,
            "destination": TOPIC,
            "reason": f"published to {TOPIC} as arn:aws:iam::000000000000:role/r",
        },
    )
    assert send(emulator, "--previous-message-id", "prev-1") == 0
    assert FakeEmulator.received == [
        {
            "path": "/_aws/sms-voice/inbound-messages",
            "body": {
                "originationNumber": CUSTOMER,
                "destinationNumber": OURS,
                "messageBody": "JOIN now",
                "previousPublishedMessageId": "prev-1",
            },
        }
    ]
    assert capsys.readouterr().out.splitlines() == [
        f"delivered: published to {TOPIC} as arn:aws:iam::000000000000:role/r",
        f"  inboundMessageId id-1, destination {TOPIC}",
    ]


def test_dropped_exits_1_with_the_reason(emulator: str, capsys: pytest.CaptureFixture[str]) -> None:
    answer = {
        "inboundMessageId": "id-2",
        "delivered": False,
        "destination": None,
        "reason": "not delivered: two-way messaging is disabled on phone-x",
    }
    FakeEmulator.answer = (200, answer)
    assert send(emulator) == 1
    out = capsys.readouterr().out
    assert out.startswith("dropped: not delivered: two-way messaging is disabled on phone-x\n")
    assert "destination -" in out
    assert send(emulator, "--json") == 1
    assert json.loads(capsys.readouterr().out) == answer


def test_unknown_number_exits_2(emulator: str, capsys: pytest.CaptureFixture[str]) -> None:
    FakeEmulator.answer = (404, {"error": f"{OURS} is not a number of the emulator"})
    assert send(emulator) == 2
    err = capsys.readouterr().err
    assert f"{OURS} is not a number of the emulator: --to must be a number requested" in err


def test_refused_message_exits_2(emulator: str, capsys: pytest.CaptureFixture[str]) -> None:
    FakeEmulator.answer = (400, {"error": "messageBody must be a non-empty string"})
    assert send(emulator) == 2
    assert "the emulator refused the message: messageBody must be" in capsys.readouterr().err


def test_no_emulator_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    assert send(f"http://127.0.0.1:{port}") == 2
    err = capsys.readouterr().err
    assert err.startswith(
        f"two-way-sms send-inbound: error: POST http://127.0.0.1:{port}/_aws/sms-voice/"
        "inbound-messages: cannot reach the emulator"
    )
    assert "scripts/localstack.sh up" in err


def test_endpoint_defaults_to_aws_endpoint_url(
    emulator: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("AWS_ENDPOINT_URL", emulator + "/")
    FakeEmulator.answer = (200, {"delivered": True, "reason": "ok"})
    assert main(["send-inbound", "--from", CUSTOMER, "--to", OURS, "--body", "x"]) == 0
    assert len(FakeEmulator.received) == 1


def test_blank_body_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["send-inbound", "--from", CUSTOMER, "--to", OURS, "--body", "  "]) == 2
    assert "--body must not be empty" in capsys.readouterr().err
