"""The main job on the embedded default: LocalStack with our End User Messaging SMS emulator.

`make demo` (PYTHONPATH=tools python -m two_way_sms_tools.demo): start LocalStack (or reuse a
running one), apply examples/sns-kms, subscribe an SQS queue to its topic, text the number as a
customer would, print the payload the subscriber received, and tear everything down.
`--keep` leaves it all running and prints how to send more; `--down` tears a kept demo down.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
import uuid
from pathlib import Path
from typing import Any

import tftest

from two_way_sms.cli.errors import CliError
from two_way_sms.cli.inbound_client import INBOUND_PATH, post_inbound
from two_way_sms_tools.localstack import health, leases
from two_way_sms_tools.localstack.clients import REGION, client, subscribe_queue
from two_way_sms_tools.localstack.errors import LocalStackError
from two_way_sms_tools.localstack.settings import Settings
from two_way_sms_tools.project import PROJECT_ROOT
from two_way_sms_tools.terraform.localstack_apply import applied_root, localstack_terraform_env

EXAMPLE = "examples/sns-kms"
CUSTOMER = "+14255550182"


def receive_payloads(endpoint: str, queue_url: str, wait: int = 5) -> list[dict[str, Any]]:
    sqs = client("sqs", endpoint)
    messages = sqs.receive_message(
        QueueUrl=queue_url, MaxNumberOfMessages=10, WaitTimeSeconds=wait
    ).get("Messages", [])
    return [json.loads(json.loads(m["Body"])["Message"]) for m in messages]


def _kept_dir(project_root: Path) -> Path:
    return project_root / ".cache" / "demo"


def run(project_root: Path, keep: bool) -> int:
    settings = Settings.from_env(root=project_root)
    started_at = time.monotonic()
    started = leases.up(settings)
    how = "started" if started.started else "reused"
    print(f"LocalStack {how} at {started.endpoint} in {time.monotonic() - started_at:.1f} s")
    kept = _kept_dir(project_root) if keep else None
    if kept is not None:
        shutil.rmtree(kept, ignore_errors=True)
        kept.mkdir(parents=True)
    try:
        variables = {"name": f"demo-{uuid.uuid4().hex[:6]}"}
        print(f"Applying {EXAMPLE} (name {variables['name']}) ...")
        with applied_root(project_root, EXAMPLE, started.endpoint, variables, keep_in=kept) as root:
            if kept is not None:
                (kept / "variables.json").write_text(json.dumps(variables))
            topic = root.outputs["topic_arn"]
            number = root.outputs["phone_numbers"]["support"]["phone_number"]
            print(f"  topic  {topic}\n  key    {root.outputs['kms_key_arn']}")
            print(f"  role   {root.outputs['channel_role_arn']}\n  number {number}")
            queue = subscribe_queue(
                started.endpoint, topic, f"demo-subscriber-{uuid.uuid4().hex[:8]}", raw=False
            ).queue_url
            outcome = post_inbound(
                started.endpoint,
                {
                    "originationNumber": CUSTOMER,
                    "destinationNumber": number,
                    "messageBody": "JOIN the beta, please",
                },
            )
            print(f"\nA customer ({CUSTOMER}) texts {number}: the emulator says")
            print(json.dumps(outcome, indent=2))
            payloads = receive_payloads(started.endpoint, queue)
            print(f"\nThe topic's SQS subscriber received {len(payloads)} payload(s):")
            for payload in payloads:
                print(json.dumps(payload, indent=2))
            if kept is not None:
                print(
                    "\nKept running. Send more with:\n"
                    f"  curl -s -X POST {started.endpoint}{INBOUND_PATH} "
                    "-H 'Content-Type: application/json' \\\n"
                    f'    -d \'{{"originationNumber": "{CUSTOMER}", '
                    f'"destinationNumber": "{number}", "messageBody": "HELP"}}\'\n'
                    f"  curl -s {started.endpoint}{INBOUND_PATH}   # every outcome\n"
                    "Tear down with: make demo-down"
                )
            else:
                client("sqs", started.endpoint).delete_queue(QueueUrl=queue)
            ok = outcome.get("delivered") is True and len(payloads) == 1
    finally:
        if kept is None and started.started:
            leases.down(settings)
    return 0 if ok else 1


def down(project_root: Path) -> int:
    kept = _kept_dir(project_root)
    root = kept / "src" / EXAMPLE
    settings = Settings.from_env(root=project_root)
    if root.is_dir() and health.health(settings) is not None:
        variables = json.loads((kept / "variables.json").read_text())
        env = localstack_terraform_env(project_root, settings.endpoint, REGION)
        tf = tftest.TerraformTest(str(root), env=env)
        tf.env = env
        tf.destroy(tf_vars=variables)
        print(f"Destroyed the kept demo ({variables['name']}).")
    shutil.rmtree(kept, ignore_errors=True)
    if leases.down(settings):
        print("Stopped LocalStack.")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", action="store_true", help="leave everything running")
    parser.add_argument("--down", action="store_true", help="tear a kept demo down")
    args = parser.parse_args(argv)
    try:
        return down(PROJECT_ROOT) if args.down else run(PROJECT_ROOT, args.keep)
    except (LocalStackError, CliError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
