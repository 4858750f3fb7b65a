"""Typed shapes of the few Amazon Connect (`connect`, 2017-08-08) operations the emulator serves.

LocalStack 4.14 community has no `localstack.aws.api.connect`, and the scaffold's stubs of the
whole service are about 10,000 lines for ~400 operations; these are the members of botocore's
model that the emulator reads and writes, for its nine operations, and the modeled errors it
raises (code and HTTP status as in the model). Imports LocalStack: only the Connect provider
uses it.
"""

from __future__ import annotations

from datetime import datetime
from typing import TypedDict

from localstack.aws.api import ServiceException, ServiceRequest

# ---- errors (botocore's connect model: code, httpStatusCode) --------------------------------


class ResourceNotFoundException(ServiceException):
    code: str = "ResourceNotFoundException"
    sender_fault: bool = False
    status_code: int = 404


class InvalidParameterException(ServiceException):
    code: str = "InvalidParameterException"
    sender_fault: bool = False
    status_code: int = 400


class InvalidRequestException(ServiceException):
    code: str = "InvalidRequestException"
    sender_fault: bool = False
    status_code: int = 400


class ResourceConflictException(ServiceException):
    code: str = "ResourceConflictException"
    sender_fault: bool = False
    status_code: int = 409


class DuplicateResourceException(ServiceException):
    code: str = "DuplicateResourceException"
    sender_fault: bool = False
    status_code: int = 409


class IdempotencyException(ServiceException):
    code: str = "IdempotencyException"
    sender_fault: bool = False
    status_code: int = 409


# ---- instances --------------------------------------------------------------------------------

TagMap = dict[str, str]


class CreateInstanceRequest(ServiceRequest, total=False):
    ClientToken: str | None
    IdentityManagementType: str
    InstanceAlias: str | None
    DirectoryId: str | None
    InboundCallsEnabled: bool
    OutboundCallsEnabled: bool
    Tags: TagMap | None


class CreateInstanceResponse(TypedDict, total=False):
    Id: str
    Arn: str


class DescribeInstanceRequest(ServiceRequest, total=False):
    InstanceId: str


class Instance(TypedDict, total=False):
    Id: str
    Arn: str
    IdentityManagementType: str
    InstanceAlias: str
    CreatedTime: datetime
    ServiceRole: str
    InstanceStatus: str
    InboundCallsEnabled: bool
    OutboundCallsEnabled: bool
    InstanceAccessUrl: str
    Tags: TagMap


class DescribeInstanceResponse(TypedDict, total=False):
    Instance: Instance


class ListInstancesRequest(ServiceRequest, total=False):
    NextToken: str | None
    MaxResults: int | None


class ListInstancesResponse(TypedDict, total=False):
    InstanceSummaryList: list[Instance]
    NextToken: str


class DeleteInstanceRequest(ServiceRequest, total=False):
    InstanceId: str
    ClientToken: str | None


# ---- phone numbers ----------------------------------------------------------------------------


class ImportPhoneNumberRequest(ServiceRequest, total=False):
    InstanceId: str
    SourcePhoneNumberArn: str
    PhoneNumberDescription: str | None
    Tags: TagMap | None
    ClientToken: str | None


class ImportPhoneNumberResponse(TypedDict, total=False):
    PhoneNumberId: str
    PhoneNumberArn: str


class DescribePhoneNumberRequest(ServiceRequest, total=False):
    PhoneNumberId: str


class PhoneNumberStatus(TypedDict, total=False):
    Status: str
    Message: str


class ClaimedPhoneNumberSummary(TypedDict, total=False):
    PhoneNumberId: str
    PhoneNumberArn: str
    PhoneNumber: str
    PhoneNumberCountryCode: str
    PhoneNumberType: str
    PhoneNumberDescription: str
    TargetArn: str
    InstanceId: str
    Tags: TagMap
    PhoneNumberStatus: PhoneNumberStatus
    SourcePhoneNumberArn: str


class DescribePhoneNumberResponse(TypedDict, total=False):
    ClaimedPhoneNumberSummary: ClaimedPhoneNumberSummary


class ListPhoneNumbersV2Request(ServiceRequest, total=False):
    TargetArn: str | None
    InstanceId: str | None
    MaxResults: int | None
    NextToken: str | None
    PhoneNumberCountryCodes: list[str] | None
    PhoneNumberTypes: list[str] | None
    PhoneNumberPrefix: str | None


class ListPhoneNumbersV2Response(TypedDict, total=False):
    NextToken: str
    ListPhoneNumbersSummaryList: list[ClaimedPhoneNumberSummary]


class ReleasePhoneNumberRequest(ServiceRequest, total=False):
    PhoneNumberId: str
    ClientToken: str | None


# ---- chat integration events ------------------------------------------------------------------


class ChatEvent(TypedDict, total=False):
    Type: str
    ContentType: str | None
    Content: str | None


class SendChatIntegrationEventRequest(ServiceRequest, total=False):
    SourceId: str
    DestinationId: str
    Subtype: str | None
    Event: ChatEvent
    NewSessionDetails: dict[str, object] | None


class SendChatIntegrationEventResponse(TypedDict, total=False):
    InitialContactId: str
    NewChatCreated: bool
