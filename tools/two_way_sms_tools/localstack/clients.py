"""boto3 clients of LocalStack, and an SQS queue subscribed to a topic: for the end-to-end
tests' fixtures, the demo and the benchmark.

Plain boto3 with `endpoint_url`, not localstack-client: that package knows no
pinpoint-sms-voice-v2 or connect, lets AWS_ENDPOINT_URL override the endpoint it is given, and
cannot parse an IPv6 loopback host (see the README's "LocalStack" section).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import boto3
from botocore.config import Config

DEFAULT_ACCOUNT = "000000000000"  # LocalStack's, for the access key "test" (as Terraform's)
REGION = "us-east-1"
_CONFIG = Config(retries={"max_attempts": 2, "mode": "standard"}, connect_timeout=5)


def client(
    service: str, endpoint: str, region: str = REGION, account: str = DEFAULT_ACCOUNT
) -> Any:
    """A client of `account` in LocalStack: an access key that is a 12-digit number selects
    that account, "test" the default one."""
    return boto3.client(
        service,  # type: ignore[call-overload]
        endpoint_url=endpoint,
        region_name=region,
        aws_access_key_id="test" if account == DEFAULT_ACCOUNT else account,
        aws_secret_access_key="test",
        config=_CONFIG,
    )


@dataclass(frozen=True)
class Subscriber:
    queue_url: str
    subscription_arn: str


def subscribe_queue(endpoint: str, topic_arn: str, queue_name: str, raw: bool) -> Subscriber:
    """A new SQS queue that only this topic may send to, subscribed to it (`raw`: the payload
    itself is the message body, without the SNS envelope)."""
    sqs, sns = client("sqs", endpoint), client("sns", endpoint)
    url = sqs.create_queue(QueueName=queue_name)["QueueUrl"]
    arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"][
        "QueueArn"
    ]
    statement = {
        "Effect": "Allow",
        "Principal": {"Service": "sns.amazonaws.com"},
        "Action": "sqs:SendMessage",
        "Resource": arn,
        "Condition": {"ArnEquals": {"aws:SourceArn": topic_arn}},
    }
    policy = json.dumps({"Version": "2012-10-17", "Statement": [statement]})
    sqs.set_queue_attributes(QueueUrl=url, Attributes={"Policy": policy})
    attributes = {"RawMessageDelivery": "true"} if raw else {}
    subscription = sns.subscribe(
        TopicArn=topic_arn, Protocol="sqs", Endpoint=arn, Attributes=attributes
    )["SubscriptionArn"]
    return Subscriber(queue_url=str(url), subscription_arn=str(subscription))
