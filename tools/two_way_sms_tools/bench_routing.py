"""Routed inbound messages versus raw SNS publishes to the same encrypted topic.

Both paths end in the same KMS-encrypted topic and the same SQS subscriber, so the difference
is what the emulator adds: the payload, the keyword step, reading the role, topic and key, the
six policy evaluations of the delivery rules, and the publish as the role.

Both paths are measured alike: one sequential client on one keep-alive HTTP connection
(http.client, with no SDK on either side: a boto3 client costs milliseconds of client-side work
per call on a small machine, which slowed only the raw path), after WARM_UP untimed messages
(the first routed message loads LocalStack's STS provider, for instance); every message sent,
warm-up included, is checked for loss and duplicates at the subscriber.
"""

from __future__ import annotations

import http.client
import json
import statistics
import time
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode, urlparse

from two_way_sms.cli.inbound_client import INBOUND_PATH
from two_way_sms_tools.localstack.clients import DEFAULT_ACCOUNT as ACCOUNT
from two_way_sms_tools.localstack.clients import REGION, client, subscribe_queue

CUSTOMER = "+14255550182"
WARM_UP = 20  # untimed messages first on each path


def percentile(values: list[float], q: float) -> float:
    """Nearest rank: the value at round(q * (n - 1)) of the sorted values."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


@dataclass
class PathResult:
    name: str
    sent: int
    seconds: float
    latencies_ms: list[float]
    received: Counter[str]

    @property
    def rate(self) -> float:
        return self.sent / self.seconds

    def percentile(self, q: float) -> float:
        return percentile(self.latencies_ms, q)

    def lost(self, ids: list[str]) -> int:
        return sum(1 for i in ids if self.received[i] == 0)

    def duplicated(self) -> int:
        return sum(n - 1 for n in self.received.values() if n > 1)


def _policy(*statements: dict[str, Any]) -> str:
    return json.dumps({"Version": "2012-10-17", "Statement": list(statements)})


@dataclass
class Setup:
    topic_arn: str
    queue_url: str
    number: str
    cleanup: Callable[[], None]


def set_up(endpoint: str) -> Setup:
    """Encrypted topic, channel role, two-way number and a raw-delivery SQS subscriber."""
    name = f"bench-{uuid.uuid4().hex[:8]}"
    kms, sns, sqs, iam = (client(s, endpoint) for s in ("kms", "sns", "sqs", "iam"))
    sms = client("pinpoint-sms-voice-v2", endpoint)
    key = kms.create_key(
        Policy=_policy(
            {
                "Sid": "Root",
                "Effect": "Allow",
                "Principal": {"AWS": f"arn:aws:iam::{ACCOUNT}:root"},
                "Action": "kms:*",
                "Resource": "*",
            },
            {
                "Sid": "SmsVoice",
                "Effect": "Allow",
                "Principal": {"Service": "sms-voice.amazonaws.com"},
                "Action": ["kms:GenerateDataKey*", "kms:Decrypt"],
                "Resource": "*",
                "Condition": {"StringEquals": {"aws:SourceAccount": ACCOUNT}},
            },
        )
    )["KeyMetadata"]["Arn"]
    topic = sns.create_topic(Name=name, Attributes={"KmsMasterKeyId": key})["TopicArn"]
    subscriber = subscribe_queue(endpoint, topic, name, raw=True)
    queue, subscription = subscriber.queue_url, subscriber.subscription_arn
    role = iam.create_role(
        RoleName=name,
        AssumeRolePolicyDocument=_policy(
            {
                "Effect": "Allow",
                "Principal": {"Service": "sms-voice.amazonaws.com"},
                "Action": "sts:AssumeRole",
                "Condition": {"StringEquals": {"aws:SourceAccount": ACCOUNT}},
            }
        ),
    )["Role"]["Arn"]
    iam.put_role_policy(
        RoleName=name,
        PolicyName="publish",
        PolicyDocument=_policy(
            {"Effect": "Allow", "Action": "sns:Publish", "Resource": topic},
            {
                "Effect": "Allow",
                "Action": ["kms:GenerateDataKey*", "kms:Decrypt"],
                "Resource": "*",
                "Condition": {"StringEquals": {"aws:CalledViaLast": "sns.amazonaws.com"}},
            },
        ),
    )
    number = sms.request_phone_number(
        IsoCountryCode="US",
        MessageType="TRANSACTIONAL",
        NumberCapabilities=["SMS"],
        NumberType="TOLL_FREE",
    )
    sms.update_phone_number(
        PhoneNumberId=number["PhoneNumberId"],
        TwoWayEnabled=True,
        TwoWayChannelArn=topic,
        TwoWayChannelRole=role,
    )

    def cleanup() -> None:
        sms.release_phone_number(PhoneNumberId=number["PhoneNumberId"])
        iam.delete_role_policy(RoleName=name, PolicyName="publish")
        iam.delete_role(RoleName=name)
        sns.unsubscribe(SubscriptionArn=subscription)
        sns.delete_topic(TopicArn=topic)
        sqs.delete_queue(QueueUrl=queue)
        kms.schedule_key_deletion(KeyId=key, PendingWindowInDays=7)

    return Setup(topic, queue, number["PhoneNumber"], cleanup)


def drain(endpoint: str, queue_url: str, field: str, expected: int) -> Counter[str]:
    """Read until `expected` messages arrived or the queue stays empty for 3 s."""
    sqs = client("sqs", endpoint)
    seen: Counter[str] = Counter()
    quiet_since = time.monotonic()
    while time.monotonic() - quiet_since < 3 and sum(seen.values()) < expected:
        batch = sqs.receive_message(
            QueueUrl=queue_url, MaxNumberOfMessages=10, WaitTimeSeconds=1
        ).get("Messages", [])
        if batch:
            quiet_since = time.monotonic()
        for message in batch:
            seen[json.loads(message["Body"]).get(field, "")] += 1
        if batch:
            sqs.delete_message_batch(
                QueueUrl=queue_url,
                Entries=[
                    {"Id": str(i), "ReceiptHandle": m["ReceiptHandle"]} for i, m in enumerate(batch)
                ],
            )
    if sum(seen.values()) >= expected:  # catch duplicates that arrive late
        for message in sqs.receive_message(
            QueueUrl=queue_url, MaxNumberOfMessages=10, WaitTimeSeconds=1
        ).get("Messages", []):
            seen[json.loads(message["Body"]).get(field, "")] += 1
    return seen


def open_connection(endpoint: str) -> http.client.HTTPConnection:
    """One keep-alive HTTP/1.1 connection: each path is a single sequential client."""
    url = urlparse(endpoint)
    return http.client.HTTPConnection(url.hostname or "127.0.0.1", url.port or 80)


# SNS's query protocol, as boto3 sends it. LocalStack does not check signatures: the credential
# scope names the service (sns) and the access key "test" its default account, as for the
# boto3 clients of set_up.
_SNS_HEADERS = {
    "Content-Type": "application/x-www-form-urlencoded; charset=utf-8",
    "Authorization": (
        f"AWS4-HMAC-SHA256 Credential=test/20260101/{REGION}/sns/aws4_request, "
        "SignedHeaders=content-type;host, Signature=0"
    ),
}
_JSON_HEADERS = {"Content-Type": "application/json"}


def _timed(
    count: int, warm_up: int, send: Callable[[], str]
) -> tuple[float, list[float], list[str]]:
    """`warm_up` untimed sends (lazy provider loading, first client use), then `count` timed
    ones; the ids of all of them, so every message is checked for loss and duplicates."""
    ids = [send() for _ in range(warm_up)]
    latencies = []
    started = time.perf_counter()
    for _ in range(count):
        t0 = time.perf_counter()
        ids.append(send())
        latencies.append((time.perf_counter() - t0) * 1000)
    return time.perf_counter() - started, latencies, ids


def raw_publishes(
    endpoint: str, setup: Setup, count: int, warm_up: int = WARM_UP
) -> tuple[PathResult, list[str]]:
    """SNS Publish requests (query protocol) on one keep-alive connection, built and read with
    the same plain HTTP client as the routed path, so neither pays a heavier client."""
    connection = open_connection(endpoint)

    def send() -> str:
        marker = str(uuid.uuid4())
        message = json.dumps({"inboundMessageId": marker, "messageBody": "raw"})
        body = urlencode(
            {
                "Action": "Publish",
                "Version": "2010-03-31",
                "TopicArn": setup.topic_arn,
                "Message": message,
            }
        )
        connection.request("POST", "/", body, _SNS_HEADERS)
        response = connection.getresponse()
        answer = response.read()
        if response.status != 200 or b"<MessageId>" not in answer:
            raise RuntimeError(f"SNS Publish failed ({response.status}): {answer[:300]!r}")
        return marker

    try:
        seconds, latencies, ids = _timed(count, warm_up, send)
    finally:
        connection.close()
    received = drain(endpoint, setup.queue_url, "inboundMessageId", len(ids))
    return PathResult("raw SNS Publish", count, seconds, latencies, received), ids


def routed_messages(
    endpoint: str, setup: Setup, count: int, warm_up: int = WARM_UP
) -> tuple[PathResult, list[str]]:
    connection = open_connection(endpoint)
    dropped: list[str] = []
    body = {"originationNumber": CUSTOMER, "destinationNumber": setup.number, "messageBody": "hi"}

    def send() -> str:
        connection.request("POST", INBOUND_PATH, json.dumps(body), _JSON_HEADERS)
        answer = json.loads(connection.getresponse().read())
        if not answer["delivered"]:
            dropped.append(answer["reason"])
        return str(answer["inboundMessageId"])

    try:
        seconds, latencies, ids = _timed(count, warm_up, send)
    finally:
        connection.close()
    if dropped:
        raise RuntimeError(f"{len(dropped)} routed messages were dropped: {dropped[0]}")
    received = drain(endpoint, setup.queue_url, "inboundMessageId", len(ids))
    return PathResult("routed inbound SMS", count, seconds, latencies, received), ids


def report(results: list[tuple[PathResult, list[str]]]) -> str:
    lines = [
        f"{'path':<22}{'msgs/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'lost':>7}{'dup':>6}",
    ]
    for result, ids in results:
        lines.append(
            f"{result.name:<22}{result.rate:9.1f}{statistics.median(result.latencies_ms):9.2f}"
            f"{result.percentile(0.99):9.2f}{result.lost(ids):7d}{result.duplicated():6d}"
        )
    return "\n".join(lines)
