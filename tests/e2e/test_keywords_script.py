"""modules/keywords/keywords.py run directly against LocalStack with the emulator: the cases a
Terraform apply and destroy rarely reach (a second run, a run after a failed one, a journal
that is gone, a number that is gone, a number that would have too many keywords)."""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from two_way_sms_tools.terraform.localstack_apply import localstack_terraform_env

pytestmark = pytest.mark.e2e

REGION = "us-east-1"
ORIGINAL_HELP = "Legacy help: 206-555-0100"


@pytest.fixture
def number(aws: Callable[[str], Any]) -> Iterator[dict[str, Any]]:
    """A number with a custom HELP answer, released afterwards (if still there)."""
    sms = aws("pinpoint-sms-voice-v2")
    created: dict[str, Any] = sms.request_phone_number(
        IsoCountryCode="US",
        MessageType="TRANSACTIONAL",
        NumberCapabilities=["SMS"],
        NumberType="LONG_CODE",
    )
    sms.put_keyword(
        OriginationIdentity=created["PhoneNumberId"], Keyword="HELP", KeywordMessage=ORIGINAL_HELP
    )
    yield created
    ssm = aws("ssm")
    with contextlib.suppress(sms.exceptions.ResourceNotFoundException):
        sms.release_phone_number(PhoneNumberId=created["PhoneNumberId"])
    with contextlib.suppress(ssm.exceptions.ParameterNotFound):
        ssm.delete_parameter(Name=_journal_name(created))


def _journal_name(number: dict[str, Any]) -> str:
    return f"/two-way-sms/keywords/{number['PhoneNumberId']}"


@pytest.fixture
def script(
    project_root: Path, localstack_endpoint: str
) -> Callable[..., subprocess.CompletedProcess[str]]:
    """script(command, number, keywords=None) runs keywords.py as the module's local-exec does."""
    path = project_root / "modules" / "keywords" / "keywords.py"
    env = localstack_terraform_env(project_root, localstack_endpoint, REGION)

    def run(
        command: str, number: dict[str, Any], keywords: dict[str, Any] | None = None
    ) -> subprocess.CompletedProcess[str]:
        arguments = ["--phone-number-id", number["PhoneNumberId"], "--region", REGION]
        arguments += ["--journal", _journal_name(number)]
        extra = {"TWO_WAY_SMS_KEYWORDS": json.dumps(keywords or {})}
        return subprocess.run(
            [sys.executable, str(path), command, *arguments],
            env={**env, **extra},
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )

    return run


def _keywords(sms: Any, number: dict[str, Any]) -> dict[str, str]:
    found = sms.describe_keywords(OriginationIdentity=number["PhoneNumberId"])["Keywords"]
    return {k["Keyword"]: k["KeywordMessage"] for k in found}


def _journal(ssm: Any, number: dict[str, Any]) -> dict[str, Any] | None:
    try:
        value = ssm.get_parameter(Name=_journal_name(number))["Parameter"]["Value"]
    except ssm.exceptions.ParameterNotFound:
        return None
    journal: dict[str, Any] = json.loads(value)
    return journal


def test_apply_twice_changes_nothing_the_second_time(
    aws: Callable[[str], Any], number: dict[str, Any], script: Callable[..., Any]
) -> None:
    sms, ssm = aws("pinpoint-sms-voice-v2"), aws("ssm")
    wanted = {"help_message": "New help", "keywords": {"JOIN": {"message": "Hi"}}}
    first = script("apply", number, wanted)
    assert first.returncode == 0, first.stderr
    assert "JOIN -> AUTOMATIC_RESPONSE" in first.stdout
    journal = _journal(ssm, number)
    parameter = ssm.describe_parameters(
        ParameterFilters=[{"Key": "Name", "Values": [_journal_name(number)]}]
    )["Parameters"][0]

    second = script("apply", number, wanted)
    assert second.returncode == 0, second.stderr
    assert second.stdout == ""  # nothing written: no keyword, no journal
    assert _journal(ssm, number) == journal
    assert (
        parameter["Version"]
        == ssm.describe_parameters(
            ParameterFilters=[{"Key": "Name", "Values": [_journal_name(number)]}]
        )["Parameters"][0]["Version"]
    )
    assert _keywords(sms, number)["HELP"] == "New help"

    for _ in range(2):  # restore is idempotent too: the second finds no journal
        restored = script("restore", number, wanted)
        assert restored.returncode == 0, restored.stderr
    assert "no journal" in restored.stderr
    assert _keywords(sms, number)["HELP"] == ORIGINAL_HELP
    assert "JOIN" not in _keywords(sms, number)


def test_a_run_after_a_failed_one_keeps_the_first_originals(
    aws: Callable[[str], Any], number: dict[str, Any], script: Callable[..., Any]
) -> None:
    """As after a tainted create whose configuration then changed: the journal exists."""
    sms, ssm = aws("pinpoint-sms-voice-v2"), aws("ssm")
    phone_id = number["PhoneNumberId"]
    sms.put_keyword(OriginationIdentity=phone_id, Keyword="DEALS", KeywordMessage="Old deals")
    sms.put_keyword(OriginationIdentity=phone_id, Keyword="PROMO", KeywordMessage="Not ours")
    first = script(
        "apply",
        number,
        {
            "help_message": "Help v1",
            "keywords": {"JOIN": {"message": "Hi"}, "DEALS": {"message": "New deals"}},
        },
    )
    assert first.returncode == 0, first.stderr

    second = script(
        "apply", number, {"help_message": "Help v2", "keywords": {"NEWS": {"message": "News"}}}
    )
    assert second.returncode == 0, second.stderr
    keywords = _keywords(sms, number)
    assert keywords["HELP"] == "Help v2"
    assert keywords["NEWS"] == "News"
    assert keywords["DEALS"] == "Old deals"  # no longer wanted: put back as it was
    assert "JOIN" not in keywords  # no longer wanted: it was added, so deleted
    journal = _journal(ssm, number)
    assert journal is not None
    assert journal["originals"]["HELP"]["message"] == ORIGINAL_HELP  # the first original
    assert set(journal["originals"]) == {"HELP"}
    assert journal["added"] == ["NEWS"]

    restored = script("restore", number)
    assert restored.returncode == 0, restored.stderr
    keywords = _keywords(sms, number)
    assert (keywords["HELP"], keywords["DEALS"], keywords["PROMO"]) == (
        ORIGINAL_HELP,
        "Old deals",
        "Not ours",
    )
    assert "NEWS" not in keywords
    assert _journal(ssm, number) is None


def test_an_existing_journal_is_never_overwritten(
    aws: Callable[[str], Any], number: dict[str, Any], script: Callable[..., Any]
) -> None:
    """A journal written by an earlier run holds the true original, whatever the number says."""
    sms, ssm = aws("pinpoint-sms-voice-v2"), aws("ssm")
    earlier = {
        "version": 1,
        "phone_number_id": number["PhoneNumberId"],
        "originals": {
            "HELP": {"keyword": "HELP", "message": "The first help", "action": "AUTOMATIC_RESPONSE"}
        },
        "added": [],
    }
    ssm.put_parameter(Name=_journal_name(number), Value=json.dumps(earlier), Type="String")
    applied = script("apply", number, {"help_message": "Managed help"})
    assert applied.returncode == 0, applied.stderr
    assert _journal(ssm, number) == earlier
    assert script("restore", number).returncode == 0
    assert _keywords(sms, number)["HELP"] == "The first help"


def test_too_many_keywords_fail_before_any_change(
    aws: Callable[[str], Any], number: dict[str, Any], script: Callable[..., Any]
) -> None:
    sms, ssm = aws("pinpoint-sms-voice-v2"), aws("ssm")
    for i in range(27):  # HELP, STOP and 27 of the owner's: 29
        sms.put_keyword(
            OriginationIdentity=number["PhoneNumberId"], Keyword=f"K{i}", KeywordMessage="x"
        )
    before = _keywords(sms, number)
    failed = script(
        "apply",
        number,
        {"help_message": "New", "keywords": {"JOIN": {"message": "a"}, "NEWS": {"message": "b"}}},
    )
    assert failed.returncode == 1
    assert "would have 31 keywords" in failed.stderr
    assert "K0" in failed.stderr  # names the keywords the module does not manage
    assert _keywords(sms, number) == before
    assert _journal(ssm, number) is None


def test_restore_of_a_released_number_deletes_the_journal(
    aws: Callable[[str], Any], number: dict[str, Any], script: Callable[..., Any]
) -> None:
    sms, ssm = aws("pinpoint-sms-voice-v2"), aws("ssm")
    assert script("apply", number, {"keywords": {"JOIN": {"message": "Hi"}}}).returncode == 0
    sms.release_phone_number(PhoneNumberId=number["PhoneNumberId"])
    restored = script("restore", number)
    assert restored.returncode == 0, restored.stderr
    assert "no longer exists" in restored.stdout
    assert _journal(ssm, number) is None


def test_restore_without_a_journal_changes_nothing_and_warns(
    aws: Callable[[str], Any], number: dict[str, Any], script: Callable[..., Any]
) -> None:
    sms, ssm = aws("pinpoint-sms-voice-v2"), aws("ssm")
    wanted = {"keywords": {"JOIN": {"message": "Hi"}}}
    assert script("apply", number, wanted).returncode == 0
    ssm.delete_parameter(Name=_journal_name(number))
    restored = script("restore", number, wanted)
    assert restored.returncode == 0
    assert "WARNING: no journal" in restored.stderr
    assert "JOIN" in restored.stderr
    assert _keywords(sms, number)["JOIN"] == "Hi"


def test_a_failing_api_call_exits_non_zero_naming_the_number(
    number: dict[str, Any], script: Callable[..., Any]
) -> None:
    bad = script("apply", number, {"keywords": {"JOIN": {"message": "Hi", "action": "SUBSCRIBE"}}})
    assert bad.returncode == 1
    assert f"keywords.py apply failed for {number['PhoneNumberId']}" in bad.stderr
