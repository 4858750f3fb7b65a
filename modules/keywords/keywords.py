#!/usr/bin/env python3
"""Set a phone number's keywords, and put them back as they were (AWS End User Messaging SMS).

Run by the keywords module (terraform_data + local-exec) on create and on destroy:

  keywords.py apply   --phone-number-id ID --journal /two-way-sms/keywords/ID [--region R]
  keywords.py restore --phone-number-id ID --journal /two-way-sms/keywords/ID [--region R]

The keywords come in the environment (no shell quoting of the messages): TWO_WAY_SMS_KEYWORDS
is {"help_message": str|null, "stop_message": str|null, "keywords": {"JOIN": {"message": "...",
"action": "AUTOMATIC_RESPONSE"}}}; TWO_WAY_SMS_KEYWORDS_TAGS (a JSON object) tags the journal.
`restore` needs neither: the journal says what to undo.

`apply` first records in the journal, an SSM parameter, every keyword it is about to touch: the
original message and action of a keyword the number has (HELP and STOP included), or that the
keyword is new. An original already recorded is never replaced, so running `apply` again (after
a failed run, say) cannot lose it. Then it sets the keywords (PutKeyword only where the number
differs), undoes what an earlier run set that is no longer wanted, and forgets it.

`restore` puts every recorded original back, deletes every keyword the journal says was added,
and deletes the journal. Keywords the journal does not name are left alone. A number that no
longer exists has nothing to restore (its journal is deleted).

Both are idempotent. Needs only Python 3.8+ and boto3, whose usual credential and endpoint
settings (AWS_PROFILE, AWS_ENDPOINT_URL, ...) apply.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any, TypedDict

KEYWORDS_ENV = "TWO_WAY_SMS_KEYWORDS"
TAGS_ENV = "TWO_WAY_SMS_KEYWORDS_TAGS"
MAX_KEYWORDS = 30  # per number, HELP and STOP included (service quota)
# Intelligent-Tiering stores up to 4 KB as a standard parameter and up to 8 KB as an advanced one.
MAX_JOURNAL_BYTES = 8192
DESCRIPTION = "Original keywords of a phone number, put back on destroy (terraform-aws-two-way-sms)"


class Keyword(TypedDict):
    keyword: str  # as the number spells it
    message: str
    action: str


class KeywordsError(Exception):
    """What went wrong, and what to do about it."""


def _clients(region: str | None) -> tuple[Any, Any]:
    try:
        import boto3
    except ImportError:
        sys.exit(
            "keywords.py needs boto3: pip install boto3 (or set var.python to a Python that has it)"
        )
    session = boto3.session.Session(region_name=region)
    return session.client("pinpoint-sms-voice-v2"), session.client("ssm")


def _key(keyword: str) -> str:
    """Keywords are case insensitive: one key per keyword."""
    return keyword.upper()


def _error_code(error: Exception) -> str:
    return str(getattr(error, "response", {}).get("Error", {}).get("Code", ""))


# ---- the number's keywords -------------------------------------------------------------------


def describe_keywords(sms: Any, phone_number_id: str) -> dict[str, Keyword]:
    keywords: dict[str, Keyword] = {}
    token: str | None = None
    while True:
        kwargs: dict[str, Any] = {"OriginationIdentity": phone_number_id}
        if token:
            kwargs["NextToken"] = token
        page = sms.describe_keywords(**kwargs)
        for item in page.get("Keywords", []):
            keywords[_key(item["Keyword"])] = {
                "keyword": item["Keyword"],
                "message": item["KeywordMessage"],
                "action": item["KeywordAction"],
            }
        token = page.get("NextToken")
        if not token:
            return keywords


def wanted_keywords(request: dict[str, Any], current: dict[str, Keyword]) -> dict[str, Keyword]:
    """What the request asks the number to have. HELP and STOP keep their actions."""
    wanted: dict[str, Keyword] = {}
    for name, field, default_action in (
        ("HELP", "help_message", "AUTOMATIC_RESPONSE"),
        ("STOP", "stop_message", "OPT_OUT"),
    ):
        if request.get(field) is not None:
            action = current.get(name, {}).get("action", default_action)
            wanted[name] = {"keyword": name, "message": request[field], "action": action}
    for keyword, spec in (request.get("keywords") or {}).items():
        wanted[_key(keyword)] = {
            "keyword": keyword,
            "message": spec["message"],
            "action": spec.get("action") or "AUTOMATIC_RESPONSE",
        }
    return wanted


def _same(a: Keyword | None, b: Keyword) -> bool:
    return a is not None and a["message"] == b["message"] and a["action"] == b["action"]


def _put(sms: Any, phone_number_id: str, keyword: Keyword) -> None:
    sms.put_keyword(
        OriginationIdentity=phone_number_id,
        Keyword=keyword["keyword"],
        KeywordMessage=keyword["message"],
        KeywordAction=keyword["action"],
    )


def _delete(sms: Any, phone_number_id: str, keyword: str) -> None:
    try:
        sms.delete_keyword(OriginationIdentity=phone_number_id, Keyword=keyword)
    except Exception as error:
        if _error_code(error) != "ResourceNotFoundException":  # gone already: nothing to do
            raise


def _put_back(sms: Any, phone_number_id: str, now: Keyword | None, original: Keyword) -> None:
    if not _same(now, original):
        _put(sms, phone_number_id, original)
    print(f"{phone_number_id}: {original['keyword']} put back as it was")


# ---- the journal -------------------------------------------------------------------------------


def empty_journal(phone_number_id: str) -> dict[str, Any]:
    return {"version": 1, "phone_number_id": phone_number_id, "originals": {}, "added": []}


def read_journal(ssm: Any, name: str) -> dict[str, Any] | None:
    try:
        value = ssm.get_parameter(Name=name)["Parameter"]["Value"]
    except Exception as error:
        if _error_code(error) == "ParameterNotFound":
            return None
        raise
    journal: dict[str, Any] = json.loads(value)
    return journal


def write_journal(
    ssm: Any, name: str, journal: dict[str, Any], tags: dict[str, str], *, exists: bool
) -> None:
    value = json.dumps(journal, sort_keys=True, ensure_ascii=False)
    size = len(value.encode("utf-8"))
    if size > MAX_JOURNAL_BYTES:
        raise KeywordsError(
            f"the journal of the original keywords would be {size} bytes, more than an SSM "
            f"parameter holds ({MAX_JOURNAL_BYTES}): the number has long messages on keywords "
            "this module would change; delete or shorten those keywords first, or leave them "
            "out of the module"
        )
    # Overwrite only an existing journal (never a journal another run created meanwhile).
    ssm.put_parameter(
        Name=name,
        Description=DESCRIPTION,
        Value=value,
        Type="String",
        Tier="Intelligent-Tiering",
        Overwrite=exists,
    )
    if tags:
        ssm.add_tags_to_resource(
            ResourceType="Parameter",
            ResourceId=name,
            Tags=[{"Key": k, "Value": v} for k, v in sorted(tags.items())],
        )


def track(
    journal: dict[str, Any], wanted: dict[str, Keyword], current: dict[str, Keyword]
) -> dict[str, Any]:
    """The journal once it also records every keyword `wanted` touches (originals first-come)."""
    updated = json.loads(json.dumps(journal))
    originals: dict[str, Keyword] = updated["originals"]
    added: list[str] = updated["added"]
    for key in sorted(wanted):
        if key in originals or key in added:
            continue
        if key in current:
            originals[key] = current[key]
        else:
            added.append(key)
    return updated


def untracked(journal: dict[str, Any], wanted: dict[str, Keyword]) -> tuple[list[str], list[str]]:
    """Keywords an earlier run set that are no longer wanted: (to put back, to delete)."""
    restore = sorted(k for k in journal["originals"] if k not in wanted)
    delete = sorted(k for k in journal["added"] if k not in wanted)
    return restore, delete


# ---- the two commands -----------------------------------------------------------------------


def apply(
    sms: Any, ssm: Any, number: str, name: str, request: dict[str, Any], tags: dict[str, str]
) -> None:
    current = describe_keywords(sms, number)
    wanted = wanted_keywords(request, current)
    journal = read_journal(ssm, name)
    exists = journal is not None
    base = journal if journal is not None else empty_journal(number)
    tracked = track(base, wanted, current)
    to_restore, to_delete = untracked(tracked, wanted)

    after = (set(current) | set(wanted)) - set(to_delete)
    if len(after) > MAX_KEYWORDS:
        others = sorted(
            current[k]["keyword"]
            for k in current
            if k not in wanted and k not in tracked["originals"] and k not in tracked["added"]
        )
        raise KeywordsError(
            f"{number} would have {len(after)} keywords; a number has at most {MAX_KEYWORDS}, "
            "HELP and STOP included. Keywords this module does not manage: "
            f"{', '.join(others) or 'none'}; delete some (aws pinpoint-sms-voice-v2 "
            "delete-keyword) or set fewer keywords"
        )

    # Record first: a run that stops half-way must still know every original.
    if tracked != base or (not exists and wanted):
        write_journal(ssm, name, tracked, tags, exists=exists)
        exists = True
        print(f"journaled the original keywords of {number} in SSM parameter {name}")

    for key in sorted(wanted):
        if not _same(current.get(key), wanted[key]):
            _put(sms, number, wanted[key])
            print(f"{number}: {wanted[key]['keyword']} -> {wanted[key]['action']}")
    for key in to_restore:
        _put_back(sms, number, current.get(key), tracked["originals"].pop(key))
    for key in to_delete:
        tracked["added"].remove(key)
        _delete(sms, number, key)
        print(f"{number}: {key} deleted (no longer wanted)")
    if to_restore or to_delete:
        write_journal(ssm, name, tracked, tags, exists=exists)


def restore(sms: Any, ssm: Any, number: str, name: str, request: dict[str, Any]) -> None:
    journal = read_journal(ssm, name)
    try:
        current = describe_keywords(sms, number)
    except Exception as error:
        if _error_code(error) != "ResourceNotFoundException":
            raise
        print(f"{number} no longer exists: no keywords to put back")
        if journal is not None:
            ssm.delete_parameter(Name=name)
        return
    if journal is None:
        managed = [k for k in ("help_message", "stop_message") if request.get(k) is not None]
        managed += list(request.get("keywords") or {})
        if managed:
            print(
                f"WARNING: no journal {name} for {number}: its original keywords are unknown, so "
                f"nothing was put back or deleted ({', '.join(managed)} stay as they are)",
                file=sys.stderr,
            )
        return
    for key, original in sorted(journal["originals"].items()):
        _put_back(sms, number, current.get(key), original)
    for key in journal["added"]:
        if key in current:
            _delete(sms, number, current[key]["keyword"])
        print(f"{number}: {key} deleted")
    ssm.delete_parameter(Name=name)
    print(f"deleted the journal {name}")


def _load(variable: str, default: str) -> Any:
    text = os.environ.get(variable) or default
    try:
        return json.loads(text)
    except ValueError as error:
        raise KeywordsError(f"{variable} is not JSON: {error}") from None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=("apply", "restore"))
    parser.add_argument("--phone-number-id", required=True)
    parser.add_argument("--journal", required=True, help="SSM parameter name of the journal")
    parser.add_argument("--region", default=None)
    args = parser.parse_args(argv)
    try:
        request = _load(KEYWORDS_ENV, "{}")
        sms, ssm = _clients(args.region)
        if args.command == "apply":
            apply(sms, ssm, args.phone_number_id, args.journal, request, _load(TAGS_ENV, "{}"))
        else:
            restore(sms, ssm, args.phone_number_id, args.journal, request)
    except Exception as error:  # boto3's ClientError and friends: say what failed, exit non-zero
        print(
            f"keywords.py {args.command} failed for {args.phone_number_id}: {error}",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
