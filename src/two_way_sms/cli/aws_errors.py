"""Every AWS call of the CLI goes through `call`, which turns botocore's errors into one line
naming the call and what to do about it."""

from __future__ import annotations

from typing import Any

from botocore import xform_name
from botocore.exceptions import (
    BotoCoreError,
    ClientError,
    ConnectTimeoutError,
    EndpointConnectionError,
    NoCredentialsError,
    NoRegionError,
    PartialCredentialsError,
    ReadTimeoutError,
)

from two_way_sms.cli.errors import CliError

NOT_FOUND = frozenset(
    {
        "NoSuchEntity",
        "NotFound",
        "NotFoundException",
        "ResourceNotFoundException",
        "AWS.SimpleQueueService.NonExistentQueue",
        "QueueDoesNotExist",
    }
)
_BAD_CREDENTIALS = frozenset(
    {
        "InvalidClientTokenId",
        "UnrecognizedClientException",
        "SignatureDoesNotMatch",
        "ExpiredToken",
        "ExpiredTokenException",
        "InvalidSignatureException",
        "AuthFailure",
    }
)
_ACCESS_DENIED = frozenset({"AccessDenied", "AccessDeniedException", "AuthorizationError"})
_NOT_IMPLEMENTED = frozenset({"InternalFailure", "NotImplemented", "NotImplementedError"})
# IAM action prefixes of the services whose API name differs.
_IAM_PREFIX = {"pinpoint-sms-voice-v2": "sms-voice"}
_LOCALSTACK_HINT = (
    "for LocalStack: scripts/localstack.sh up, then --endpoint-url http://localhost:4566"
)


class AwsCallError(CliError):
    """An AWS call failed in a way the operator must fix (exit 2)."""


def call(client: Any, operation: str, *, missing_ok: bool = False, **params: Any) -> Any:
    """`client.<operation>(**params)`; None for a not-found error when `missing_ok`."""
    service = client.meta.service_model.service_name
    try:
        return getattr(client, xform_name(operation))(**params)
    except ClientError as error:
        code = str(error.response.get("Error", {}).get("Code", ""))
        if missing_ok and code in NOT_FOUND:
            return None
        raise AwsCallError(explain_client_error(service, operation, error, client)) from error
    except BotoCoreError as error:
        raise AwsCallError(explain_botocore_error(service, operation, error, client)) from error


def _where(client: Any) -> str:
    return f"{client.meta.endpoint_url} ({client.meta.region_name})"


def explain_client_error(service: str, operation: str, error: ClientError, client: Any) -> str:
    response: dict[str, Any] = dict(error.response)
    code = str(response.get("Error", {}).get("Code", ""))
    message = str(response.get("Error", {}).get("Message", "")).strip()
    status = response.get("ResponseMetadata", {}).get("HTTPStatusCode")
    head = f"{service} {operation} failed"
    if code == "ResourceNotFoundException" and service == "pinpoint-sms-voice-v2":
        what = " ".join(str(response.get(k, "")) for k in ("ResourceType", "ResourceId")).strip()
        return (
            f"{head}: {what or message} does not exist in {client.meta.region_name} for these "
            "credentials: check --phone-number-id, --region and the account of your credentials"
        )
    if code in NOT_FOUND:
        return f"{head}: {code}: {message}: check the identifier and --region"
    if code in _BAD_CREDENTIALS:
        return (
            f"{head}: the credentials were refused ({code}): refresh them or set AWS_PROFILE, "
            "or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY"
        )
    if code in _ACCESS_DENIED:
        action = f"{_IAM_PREFIX.get(service, service)}:{operation}"
        return f"{head}: access denied: the caller needs {action} ({message})"
    if code in _NOT_IMPLEMENTED or status == 501:
        return (
            f"{head}: {_where(client)} does not implement {service} {operation} ({code}: "
            f"{message}); point --endpoint-url at an endpoint that does"
        )
    return f"{head}: {code}: {message}"


def explain_botocore_error(service: str, operation: str, error: BotoCoreError, client: Any) -> str:
    head = f"{service} {operation}"
    if isinstance(error, EndpointConnectionError | ConnectTimeoutError):
        return (
            f"{head}: cannot connect to {client.meta.endpoint_url}: check --endpoint-url "
            f"({_LOCALSTACK_HINT}) or your network"
        )
    if isinstance(error, ReadTimeoutError):
        return f"{head}: {client.meta.endpoint_url} did not answer in time: try again"
    if isinstance(error, NoCredentialsError | PartialCredentialsError):
        return (
            f"{head}: no AWS credentials found: set AWS_PROFILE, or AWS_ACCESS_KEY_ID and "
            "AWS_SECRET_ACCESS_KEY (any values, e.g. test, for LocalStack)"
        )
    if isinstance(error, NoRegionError):
        return f"{head}: no AWS region: pass --region or set AWS_REGION"
    return f"{head} failed: {error}"
