"""What every end-to-end test expects of an inbound SMS, from the AWS guide's payload example."""

from __future__ import annotations

import json
from typing import Any

# The guide's example payload, field by field, in its order.
PAYLOAD_FIELDS = [
    "originationNumber",
    "destinationNumber",
    "messageKeyword",
    "messageBody",
    "inboundMessageId",
    "previousPublishedMessageId",
]
CUSTOMER = "+14255550182"  # the guide's example originationNumber


def drain_payloads(sqs: Any, queue_url: str, *, raw: bool, wait: int = 2) -> list[dict[str, Any]]:
    """Every payload now on the queue, deleted as read; `raw` for RawMessageDelivery queues,
    otherwise the SNS envelope is unwrapped."""
    payloads: list[dict[str, Any]] = []
    while True:
        batch = sqs.receive_message(
            QueueUrl=queue_url, MaxNumberOfMessages=10, WaitTimeSeconds=wait
        ).get("Messages", [])
        if not batch:
            return payloads
        for message in batch:
            body = json.loads(message["Body"])
            payloads.append(body if raw else json.loads(body["Message"]))
            sqs.delete_message(QueueUrl=queue_url, ReceiptHandle=message["ReceiptHandle"])
        wait = 1
