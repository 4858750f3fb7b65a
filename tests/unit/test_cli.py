"""The `two-way-sms` command line without AWS: argument errors, doctor and enable over a fake
reader (text, --json, exit codes), and error lines."""

from __future__ import annotations

import importlib.metadata
import json
import subprocess
import sys
from dataclasses import replace
from typing import Any

import pytest

from tests.support.deployments import (
    E164,
    NUMBER_ARN,
    PHONE_ID,
    RESPONDER,
    ROLE,
    TOPIC,
    FakeAws,
    responder_mode,
    role_mode,
)
from two_way_sms.cli import doctor_command, enable_command
from two_way_sms.cli.aws_errors import AwsCallError
from two_way_sms.cli.main import PROG, main
from two_way_sms.delivery import NumberSettings


class FakeReader(FakeAws):
    """AwsReader's interface over FakeAws, with the number it describes."""

    number: NumberSettings

    def phone_number(self, phone_number_id: str) -> NumberSettings:
        if phone_number_id not in (self.number.phone_number_id, self.number.arn):
            raise AwsCallError(
                "pinpoint-sms-voice-v2 DescribePhoneNumbers failed: phone-number "
                f"{phone_number_id} does not exist in us-east-1 for these credentials"
            )
        return self.number

    def function_arn(self, name_or_arn: str, region: str) -> str | None:
        return next(
            (arn for arn in self.functions if name_or_arn in (arn, arn.rsplit(":", 1)[-1])), None
        )


class FakeUpdates:
    """Stands in for Clients; records UpdatePhoneNumber."""

    def __init__(self, reader: FakeReader) -> None:
        self.reader = reader
        self.updates: list[dict[str, Any]] = []

    def __call__(self, service: str, region: str | None = None) -> Any:
        assert service == "pinpoint-sms-voice-v2"
        return self

    def update_phone_number(self, **params: Any) -> dict[str, Any]:
        self.updates.append(params)
        n = self.reader.number
        return {
            "PhoneNumberId": n.phone_number_id,
            "PhoneNumberArn": n.arn,
            "PhoneNumber": n.phone_number,
            "TwoWayEnabled": params["TwoWayEnabled"],
            "TwoWayChannelArn": params["TwoWayChannelArn"],
            "TwoWayChannelRole": params.get("TwoWayChannelRole", n.two_way_channel_role),
        }

    @property
    def meta(self) -> Any:
        class Meta:
            class service_model:  # mimics botocore's client.meta
                service_name = "pinpoint-sms-voice-v2"

            endpoint_url = "http://fake"
            region_name = "us-east-1"

        return Meta


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> tuple[FakeReader, FakeUpdates]:
    settings, aws = role_mode()
    reader = FakeReader(roles=aws.roles, topics=aws.topics, keys=aws.keys)
    reader.number = settings
    updates = FakeUpdates(reader)
    for module in (doctor_command, enable_command):
        monkeypatch.setattr(module.aws_session, "open_clients", lambda *a: updates)
        monkeypatch.setattr(module, "AwsReader", lambda clients: reader)
    return reader, updates


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# =============================================================================================
# Arguments


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["nonsense"],
        ["doctor"],
        ["doctor", "--phone-number-id", "not-an-id"],
        ["enable", "--phone-number-id", PHONE_ID],
        ["send-inbound", "--from", "12065550100", "--to", E164, "--body", "x"],
        ["send-inbound", "--from", E164, "--to", E164],
        ["workspace", "plan"],
        ["workspace", "plan", "--dir", ".", "--var", "novalue"],
    ],
    ids=lambda argv: " ".join(argv) or "nothing",
)
def test_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as excinfo:
        main(argv)
    assert excinfo.value.code == 2
    assert "usage: two-way-sms" in capsys.readouterr().err


def test_phone_number_id_errors_say_what_is_expected(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["doctor", "--phone-number-id", "phone-123"])
    assert "is not a phone number ID (phone-<32 hex digits>) or its ARN" in capsys.readouterr().err


def test_module_entry_point_prints_help() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "two_way_sms.cli", "--help"], capture_output=True, text=True
    )
    assert result.returncode == 0
    for command in ("doctor", "enable", "send-inbound", "workspace"):
        assert command in result.stdout


def test_console_script_is_main() -> None:
    (script,) = [
        e for e in importlib.metadata.entry_points(group="console_scripts") if e.name == PROG
    ]
    assert script.load() is main


# =============================================================================================
# doctor


def test_doctor_passes_with_exit_0(fake: Any, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "doctor", "--phone-number-id", PHONE_ID)
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == f"two-way SMS doctor: {PHONE_ID} ({E164}) in us-east-1, account 123456789012"
    assert lines[1] == (f"  TwoWayEnabled true, TwoWayChannelArn {TOPIC}, TwoWayChannelRole {ROLE}")
    checks = [line for line in lines if line[:4] in ("PASS", "FAIL", "SKIP")]
    assert len(checks) == 14 and all(line.startswith("PASS  ") for line in checks)
    assert checks[0].startswith(f"PASS  number-active            {PHONE_ID} is ACTIVE")
    assert checks[1].startswith("PASS  two-way-enabled          TwoWayEnabled is true")
    assert lines[-1] == (
        f"14 checks: 14 PASS, 0 FAIL, 0 SKIP. Inbound messages to {E164} will be delivered."
    )


def test_doctor_prints_each_fail_with_its_fix_and_exits_1(
    fake: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    reader, _ = fake
    reader.roles[ROLE] = replace(reader.roles[ROLE], inline_policies=[])
    code, out, _ = run(capsys, "doctor", "--phone-number-id", NUMBER_ARN)
    assert code == 1
    assert "\nFAIL  role-publish             role/sms-in (the service's session) may not " in out
    assert "      fix 1: Add this statement to the inline policy two-way-sms-destination" in out
    assert '          "Sid": "SMSVoiceAllowSNSPublish",' in out
    assert "        $ aws iam put-role-policy --role-name sms-in" in out
    assert out.rstrip().endswith("will not be delivered: fix each FAIL, in order.")


def test_doctor_json(fake: Any, capsys: pytest.CaptureFixture[str]) -> None:
    reader, _ = fake
    reader.number = replace(reader.number, two_way_enabled=False)
    code, out, _ = run(capsys, "doctor", "--phone-number-id", PHONE_ID, "--json")
    assert code == 1
    document = json.loads(out)
    assert set(document) == {"phoneNumber", "ok", "summary", "checks"}
    assert document["ok"] is False
    assert document["summary"] == {"PASS": 13, "FAIL": 1, "SKIP": 0}
    assert document["phoneNumber"] == {
        "phoneNumberId": PHONE_ID,
        "phoneNumberArn": NUMBER_ARN,
        "phoneNumber": E164,
        "region": "us-east-1",
        "account": "123456789012",
        "twoWayEnabled": False,
        "twoWayChannelArn": TOPIC,
        "twoWayChannelRole": ROLE,
    }
    by_name = {check["name"]: check for check in document["checks"]}
    failed = by_name["two-way-enabled"]
    assert failed["status"] == "FAIL"
    assert failed["fix"][0]["command"].startswith("aws pinpoint-sms-voice-v2 update-phone-number")
    assert by_name["two-way-channel"]["fix"] is None


def test_doctor_aws_errors_are_one_line_and_exit_2(
    fake: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = "phone-" + "f" * 32
    code, out, err = run(capsys, "doctor", "--phone-number-id", missing)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith(
        "two-way-sms doctor: error: pinpoint-sms-voice-v2 DescribePhoneNumbers failed: "
        f"phone-number {missing} does not exist"
    )
    code, out, _ = run(capsys, "doctor", "--phone-number-id", missing, "--json")
    assert code == 2
    assert json.loads(out)["ok"] is False and "DescribePhoneNumbers" in json.loads(out)["error"]


# =============================================================================================
# enable


def test_enable_refuses_a_broken_configuration_and_changes_nothing(
    fake: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    reader, updates = fake
    reader.number = replace(reader.number, two_way_enabled=False)
    reader.roles[ROLE] = replace(reader.roles[ROLE], trust_policy={"Statement": []})
    code, out, _ = run(capsys, "enable", "--phone-number-id", PHONE_ID, "--channel-arn", TOPIC)
    assert code == 1
    assert updates.updates == []
    assert "two-way SMS enable: judging the number as it would be" in out
    assert "TwoWayEnabled true" in out  # the proposed settings are judged, not the current ones
    assert "FAIL  role-trust" in out
    assert f"Nothing changed on {PHONE_ID}: fix the FAILs above" in out


def test_enable_updates_a_configuration_that_passes(
    fake: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    reader, updates = fake
    reader.number = replace(reader.number, two_way_enabled=False, two_way_channel_arn=None)
    code, out, _ = run(
        capsys,
        "enable",
        "--phone-number-id",
        PHONE_ID,
        "--channel-arn",
        TOPIC,
        "--channel-role",
        ROLE,
    )
    assert code == 0
    assert updates.updates == [
        {
            "PhoneNumberId": PHONE_ID,
            "TwoWayEnabled": True,
            "TwoWayChannelArn": TOPIC,
            "TwoWayChannelRole": ROLE,
        }
    ]
    assert f"Updated {PHONE_ID} ({E164}) in us-east-1" in out
    assert f"TwoWayEnabled true, TwoWayChannelArn {TOPIC}, TwoWayChannelRole {ROLE}" in out


def test_enable_force_updates_despite_failures(
    fake: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    reader, updates = fake
    reader.topics.clear()
    code, out, _ = run(
        capsys, "enable", "--phone-number-id", PHONE_ID, "--channel-arn", TOPIC, "--force"
    )
    assert code == 0
    assert len(updates.updates) == 1 and "TwoWayChannelRole" not in updates.updates[0]
    assert "Forced despite failing checks (topic-exists): messages will be dropped." in out


def test_enable_judges_a_fifo_channel(fake: Any, capsys: pytest.CaptureFixture[str]) -> None:
    _, updates = fake
    code, out, _ = run(
        capsys, "enable", "--phone-number-id", PHONE_ID, "--channel-arn", TOPIC + ".fifo"
    )
    assert code == 1 and updates.updates == []
    assert "FAIL  standard-topic" in out


def test_doctor_judges_the_topics_responders_and_the_ones_named(
    fake: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    reader, _ = fake
    _, aws = responder_mode()
    reader.roles.update(aws.roles)
    reader.functions.update(aws.functions)
    reader.destinations.update(aws.destinations)
    code, out, _ = run(capsys, "doctor", "--phone-number-id", PHONE_ID)
    assert code == 0  # the topic has no Lambda subscriber and none is named: no reply rule
    assert "responder-" not in out
    code, out, _ = run(
        capsys, "doctor", "--phone-number-id", PHONE_ID, "--responder", "sms-responder"
    )
    assert code == 1
    assert f"FAIL  responder-subscribed     Lambda function {RESPONDER} is not subscribed" in out
    reader.subscriptions[TOPIC] = [RESPONDER]
    code, out, _ = run(capsys, "doctor", "--phone-number-id", PHONE_ID)
    assert code == 0, out
    assert "PASS  responder-send" in out


def test_doctor_with_an_unknown_responder_exits_2(
    fake: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "doctor", "--phone-number-id", PHONE_ID, "--responder", "nope")
    assert code == 2
    assert "--responder nope: no such Lambda function in us-east-1" in err
