# ruff: noqa
# Generated, do not edit: typed API stubs for pinpoint-sms-voice-v2 (botocore 1.42.54's model),
# produced by LocalStack 4.14.0's scaffold, then `ruff format`:
#   .venv-localstack/bin/python -m localstack.aws.scaffold generate pinpoint-sms-voice-v2 --save --no-doc --path <dir>
# LocalStack has no stubs of its own for this service. Imports LocalStack: only provider.py uses it.
from datetime import datetime
from enum import StrEnum
from typing import IO, TypedDict
from collections.abc import Iterable, Iterator

from localstack.aws.api import handler, RequestContext, ServiceException, ServiceRequest

AmazonResourceName = str
AttachmentUrl = str
Boolean = bool
CarrierLookupInputPhoneNumberType = str
ClientToken = str
ConfigurationSetName = str
ConfigurationSetNameOrArn = str
ContextKey = str
ContextValue = str
DeliveryStreamArn = str
DestinationCountryParameterValue = str
DialingCountryCodeType = str
E164PhoneNumberType = str
EventDestinationName = str
FieldPath = str
FilterValue = str
IamRoleArn = str
Integer = int
IsoCountryCode = str
Keyword = str
KeywordMessage = str
LogGroupArn = str
MCCType = str
MNCType = str
MaxPrice = str
MaxResults = int
MediaMessageOriginationIdentity = str
MediaUrlValue = str
MessageId = str
NextToken = str
OptOutListName = str
OptOutListNameOrArn = str
PhoneNumber = str
PhoneNumberIdOrArn = str
PhoneOrPoolIdOrArn = str
PhoneOrSenderIdOrArn = str
PoolIdOrArn = str
PrimitiveBoolean = bool
ProtectConfigurationArn = str
ProtectConfigurationId = str
ProtectConfigurationIdOrArn = str
RegistrationAttachmentIdOrArn = str
RegistrationIdOrArn = str
RegistrationType = str
ResourceIdOrArn = str
ResourcePolicy = str
SectionPath = str
SelectChoice = str
SenderId = str
SenderIdOrArn = str
SnsTopicArn = str
String = str
TagKey = str
TagValue = str
TextMessageBody = str
TextMessageOriginationIdentity = str
TextValue = str
TimeToLive = int
TwoWayChannelArn = str
VerificationCode = str
VerificationMessageOriginationIdentity = str
VerifiedDestinationNumberIdOrArn = str
VoiceMessageBody = str
VoiceMessageOriginationIdentity = str


class AccessDeniedExceptionReason(StrEnum):
    INSUFFICIENT_ACCOUNT_REPUTATION = "INSUFFICIENT_ACCOUNT_REPUTATION"
    ACCOUNT_DISABLED = "ACCOUNT_DISABLED"


class AccountAttributeName(StrEnum):
    ACCOUNT_TIER = "ACCOUNT_TIER"
    DEFAULT_PROTECT_CONFIGURATION_ID = "DEFAULT_PROTECT_CONFIGURATION_ID"


class AccountLimitName(StrEnum):
    PHONE_NUMBERS = "PHONE_NUMBERS"
    POOLS = "POOLS"
    CONFIGURATION_SETS = "CONFIGURATION_SETS"
    OPT_OUT_LISTS = "OPT_OUT_LISTS"
    SENDER_IDS = "SENDER_IDS"
    REGISTRATIONS = "REGISTRATIONS"
    REGISTRATION_ATTACHMENTS = "REGISTRATION_ATTACHMENTS"
    VERIFIED_DESTINATION_NUMBERS = "VERIFIED_DESTINATION_NUMBERS"


class AttachmentStatus(StrEnum):
    UPLOAD_IN_PROGRESS = "UPLOAD_IN_PROGRESS"
    UPLOAD_COMPLETE = "UPLOAD_COMPLETE"
    UPLOAD_FAILED = "UPLOAD_FAILED"
    DELETED = "DELETED"


class AttachmentUploadErrorReason(StrEnum):
    INTERNAL_ERROR = "INTERNAL_ERROR"


class ConfigurationSetFilterName(StrEnum):
    event_destination_name = "event-destination-name"
    matching_event_types = "matching-event-types"
    default_message_type = "default-message-type"
    default_sender_id = "default-sender-id"
    default_message_feedback_enabled = "default-message-feedback-enabled"
    protect_configuration_id = "protect-configuration-id"


class ConflictExceptionReason(StrEnum):
    CREATE_REGISTRATION_VERSION_NOT_ALLOWED = "CREATE_REGISTRATION_VERSION_NOT_ALLOWED"
    DELETION_PROTECTION_ENABLED = "DELETION_PROTECTION_ENABLED"
    DESTINATION_PHONE_NUMBER_NOT_VERIFIED = "DESTINATION_PHONE_NUMBER_NOT_VERIFIED"
    DESTINATION_PHONE_NUMBER_OPTED_OUT = "DESTINATION_PHONE_NUMBER_OPTED_OUT"
    DISASSOCIATE_REGISTRATION_NOT_ALLOWED = "DISASSOCIATE_REGISTRATION_NOT_ALLOWED"
    DISCARD_REGISTRATION_VERSION_NOT_ALLOWED = "DISCARD_REGISTRATION_VERSION_NOT_ALLOWED"
    EDIT_REGISTRATION_FIELD_VALUES_NOT_ALLOWED = "EDIT_REGISTRATION_FIELD_VALUES_NOT_ALLOWED"
    EVENT_DESTINATION_MISMATCH = "EVENT_DESTINATION_MISMATCH"
    KEYWORD_MISMATCH = "KEYWORD_MISMATCH"
    LAST_PHONE_NUMBER = "LAST_PHONE_NUMBER"
    NUMBER_CAPABILITIES_MISMATCH = "NUMBER_CAPABILITIES_MISMATCH"
    MESSAGE_TYPE_MISMATCH = "MESSAGE_TYPE_MISMATCH"
    NO_ORIGINATION_IDENTITIES_FOUND = "NO_ORIGINATION_IDENTITIES_FOUND"
    OPT_OUT_LIST_MISMATCH = "OPT_OUT_LIST_MISMATCH"
    PHONE_NUMBER_ASSOCIATED_TO_POOL = "PHONE_NUMBER_ASSOCIATED_TO_POOL"
    PHONE_NUMBER_ASSOCIATED_TO_REGISTRATION = "PHONE_NUMBER_ASSOCIATED_TO_REGISTRATION"
    PHONE_NUMBER_NOT_ASSOCIATED_TO_POOL = "PHONE_NUMBER_NOT_ASSOCIATED_TO_POOL"
    PHONE_NUMBER_NOT_IN_REGISTRATION_REGION = "PHONE_NUMBER_NOT_IN_REGISTRATION_REGION"
    REGISTRATION_ALREADY_SUBMITTED = "REGISTRATION_ALREADY_SUBMITTED"
    REGISTRATION_NOT_COMPLETE = "REGISTRATION_NOT_COMPLETE"
    SENDER_ID_ASSOCIATED_TO_POOL = "SENDER_ID_ASSOCIATED_TO_POOL"
    RESOURCE_ALREADY_EXISTS = "RESOURCE_ALREADY_EXISTS"
    RESOURCE_DELETION_NOT_ALLOWED = "RESOURCE_DELETION_NOT_ALLOWED"
    RESOURCE_MODIFICATION_NOT_ALLOWED = "RESOURCE_MODIFICATION_NOT_ALLOWED"
    RESOURCE_NOT_ACTIVE = "RESOURCE_NOT_ACTIVE"
    RESOURCE_NOT_EMPTY = "RESOURCE_NOT_EMPTY"
    SELF_MANAGED_OPT_OUTS_MISMATCH = "SELF_MANAGED_OPT_OUTS_MISMATCH"
    SUBMIT_REGISTRATION_VERSION_NOT_ALLOWED = "SUBMIT_REGISTRATION_VERSION_NOT_ALLOWED"
    TWO_WAY_CONFIG_MISMATCH = "TWO_WAY_CONFIG_MISMATCH"
    VERIFICATION_CODE_EXPIRED = "VERIFICATION_CODE_EXPIRED"
    VERIFICATION_ALREADY_COMPLETE = "VERIFICATION_ALREADY_COMPLETE"
    PROTECT_CONFIGURATION_IS_ACCOUNT_DEFAULT = "PROTECT_CONFIGURATION_IS_ACCOUNT_DEFAULT"
    PROTECT_CONFIGURATION_ASSOCIATED_WITH_CONFIGURATION_SET = (
        "PROTECT_CONFIGURATION_ASSOCIATED_WITH_CONFIGURATION_SET"
    )
    PROTECT_CONFIGURATION_NOT_ASSOCIATED_WITH_CONFIGURATION_SET = (
        "PROTECT_CONFIGURATION_NOT_ASSOCIATED_WITH_CONFIGURATION_SET"
    )
    DESTINATION_COUNTRY_BLOCKED_BY_PROTECT_CONFIGURATION = (
        "DESTINATION_COUNTRY_BLOCKED_BY_PROTECT_CONFIGURATION"
    )
    DESTINATION_PHONE_NUMBER_BLOCKED_BY_PROTECT_NUMBER_OVERRIDE = (
        "DESTINATION_PHONE_NUMBER_BLOCKED_BY_PROTECT_NUMBER_OVERRIDE"
    )


class DestinationCountryParameterKey(StrEnum):
    IN_TEMPLATE_ID = "IN_TEMPLATE_ID"
    IN_ENTITY_ID = "IN_ENTITY_ID"


class EventType(StrEnum):
    ALL = "ALL"
    TEXT_ALL = "TEXT_ALL"
    TEXT_SENT = "TEXT_SENT"
    TEXT_PENDING = "TEXT_PENDING"
    TEXT_QUEUED = "TEXT_QUEUED"
    TEXT_SUCCESSFUL = "TEXT_SUCCESSFUL"
    TEXT_DELIVERED = "TEXT_DELIVERED"
    TEXT_INVALID = "TEXT_INVALID"
    TEXT_INVALID_MESSAGE = "TEXT_INVALID_MESSAGE"
    TEXT_UNREACHABLE = "TEXT_UNREACHABLE"
    TEXT_CARRIER_UNREACHABLE = "TEXT_CARRIER_UNREACHABLE"
    TEXT_BLOCKED = "TEXT_BLOCKED"
    TEXT_CARRIER_BLOCKED = "TEXT_CARRIER_BLOCKED"
    TEXT_SPAM = "TEXT_SPAM"
    TEXT_UNKNOWN = "TEXT_UNKNOWN"
    TEXT_TTL_EXPIRED = "TEXT_TTL_EXPIRED"
    TEXT_PROTECT_BLOCKED = "TEXT_PROTECT_BLOCKED"
    VOICE_ALL = "VOICE_ALL"
    VOICE_INITIATED = "VOICE_INITIATED"
    VOICE_RINGING = "VOICE_RINGING"
    VOICE_ANSWERED = "VOICE_ANSWERED"
    VOICE_COMPLETED = "VOICE_COMPLETED"
    VOICE_BUSY = "VOICE_BUSY"
    VOICE_NO_ANSWER = "VOICE_NO_ANSWER"
    VOICE_FAILED = "VOICE_FAILED"
    VOICE_TTL_EXPIRED = "VOICE_TTL_EXPIRED"
    MEDIA_ALL = "MEDIA_ALL"
    MEDIA_PENDING = "MEDIA_PENDING"
    MEDIA_QUEUED = "MEDIA_QUEUED"
    MEDIA_SUCCESSFUL = "MEDIA_SUCCESSFUL"
    MEDIA_DELIVERED = "MEDIA_DELIVERED"
    MEDIA_INVALID = "MEDIA_INVALID"
    MEDIA_INVALID_MESSAGE = "MEDIA_INVALID_MESSAGE"
    MEDIA_UNREACHABLE = "MEDIA_UNREACHABLE"
    MEDIA_CARRIER_UNREACHABLE = "MEDIA_CARRIER_UNREACHABLE"
    MEDIA_BLOCKED = "MEDIA_BLOCKED"
    MEDIA_CARRIER_BLOCKED = "MEDIA_CARRIER_BLOCKED"
    MEDIA_SPAM = "MEDIA_SPAM"
    MEDIA_UNKNOWN = "MEDIA_UNKNOWN"
    MEDIA_TTL_EXPIRED = "MEDIA_TTL_EXPIRED"
    MEDIA_FILE_INACCESSIBLE = "MEDIA_FILE_INACCESSIBLE"
    MEDIA_FILE_TYPE_UNSUPPORTED = "MEDIA_FILE_TYPE_UNSUPPORTED"
    MEDIA_FILE_SIZE_EXCEEDED = "MEDIA_FILE_SIZE_EXCEEDED"


class FieldRequirement(StrEnum):
    REQUIRED = "REQUIRED"
    CONDITIONAL = "CONDITIONAL"
    OPTIONAL = "OPTIONAL"


class FieldType(StrEnum):
    SELECT = "SELECT"
    TEXT = "TEXT"
    ATTACHMENT = "ATTACHMENT"


class KeywordAction(StrEnum):
    AUTOMATIC_RESPONSE = "AUTOMATIC_RESPONSE"
    OPT_OUT = "OPT_OUT"
    OPT_IN = "OPT_IN"


class KeywordFilterName(StrEnum):
    keyword_action = "keyword-action"


class LanguageCode(StrEnum):
    DE_DE = "DE_DE"
    EN_GB = "EN_GB"
    EN_US = "EN_US"
    ES_419 = "ES_419"
    ES_ES = "ES_ES"
    FR_CA = "FR_CA"
    FR_FR = "FR_FR"
    IT_IT = "IT_IT"
    JA_JP = "JA_JP"
    KO_KR = "KO_KR"
    PT_BR = "PT_BR"
    ZH_CN = "ZH_CN"
    ZH_TW = "ZH_TW"


class MessageFeedbackStatus(StrEnum):
    RECEIVED = "RECEIVED"
    FAILED = "FAILED"


class MessageType(StrEnum):
    TRANSACTIONAL = "TRANSACTIONAL"
    PROMOTIONAL = "PROMOTIONAL"


class NumberCapability(StrEnum):
    SMS = "SMS"
    VOICE = "VOICE"
    MMS = "MMS"


class NumberStatus(StrEnum):
    PENDING = "PENDING"
    ACTIVE = "ACTIVE"
    ASSOCIATING = "ASSOCIATING"
    DISASSOCIATING = "DISASSOCIATING"
    DELETED = "DELETED"


class NumberType(StrEnum):
    SHORT_CODE = "SHORT_CODE"
    LONG_CODE = "LONG_CODE"
    TOLL_FREE = "TOLL_FREE"
    TEN_DLC = "TEN_DLC"
    SIMULATOR = "SIMULATOR"


class OptedOutFilterName(StrEnum):
    end_user_opted_out = "end-user-opted-out"


class Owner(StrEnum):
    SELF = "SELF"
    SHARED = "SHARED"


class PhoneNumberFilterName(StrEnum):
    status = "status"
    iso_country_code = "iso-country-code"
    message_type = "message-type"
    number_capability = "number-capability"
    number_type = "number-type"
    two_way_enabled = "two-way-enabled"
    self_managed_opt_outs_enabled = "self-managed-opt-outs-enabled"
    opt_out_list_name = "opt-out-list-name"
    deletion_protection_enabled = "deletion-protection-enabled"
    two_way_channel_arn = "two-way-channel-arn"


class PhoneNumberType(StrEnum):
    MOBILE = "MOBILE"
    LANDLINE = "LANDLINE"
    OTHER = "OTHER"
    INVALID = "INVALID"


class PoolFilterName(StrEnum):
    status = "status"
    message_type = "message-type"
    two_way_enabled = "two-way-enabled"
    self_managed_opt_outs_enabled = "self-managed-opt-outs-enabled"
    opt_out_list_name = "opt-out-list-name"
    shared_routes_enabled = "shared-routes-enabled"
    deletion_protection_enabled = "deletion-protection-enabled"
    two_way_channel_arn = "two-way-channel-arn"


class PoolOriginationIdentitiesFilterName(StrEnum):
    iso_country_code = "iso-country-code"
    number_capability = "number-capability"


class PoolStatus(StrEnum):
    CREATING = "CREATING"
    ACTIVE = "ACTIVE"
    DELETING = "DELETING"


class ProtectConfigurationFilterName(StrEnum):
    account_default = "account-default"
    deletion_protection_enabled = "deletion-protection-enabled"


class ProtectConfigurationRuleOverrideAction(StrEnum):
    ALLOW = "ALLOW"
    BLOCK = "BLOCK"


class ProtectConfigurationRuleSetNumberOverrideFilterName(StrEnum):
    iso_country_code = "iso-country-code"
    destination_phone_number_begins_with = "destination-phone-number-begins-with"
    action = "action"
    expires_before = "expires-before"
    expires_after = "expires-after"
    created_before = "created-before"
    created_after = "created-after"


class ProtectStatus(StrEnum):
    ALLOW = "ALLOW"
    BLOCK = "BLOCK"
    MONITOR = "MONITOR"
    FILTER = "FILTER"


class RegistrationAssociationBehavior(StrEnum):
    ASSOCIATE_BEFORE_SUBMIT = "ASSOCIATE_BEFORE_SUBMIT"
    ASSOCIATE_ON_APPROVAL = "ASSOCIATE_ON_APPROVAL"
    ASSOCIATE_AFTER_COMPLETE = "ASSOCIATE_AFTER_COMPLETE"


class RegistrationAssociationFilterName(StrEnum):
    resource_type = "resource-type"
    iso_country_code = "iso-country-code"


class RegistrationAttachmentFilterName(StrEnum):
    attachment_status = "attachment-status"


class RegistrationDisassociationBehavior(StrEnum):
    DISASSOCIATE_ALL_CLOSES_REGISTRATION = "DISASSOCIATE_ALL_CLOSES_REGISTRATION"
    DISASSOCIATE_ALL_ALLOWS_DELETE_REGISTRATION = "DISASSOCIATE_ALL_ALLOWS_DELETE_REGISTRATION"
    DELETE_REGISTRATION_DISASSOCIATES = "DELETE_REGISTRATION_DISASSOCIATES"


class RegistrationFilterName(StrEnum):
    registration_type = "registration-type"
    registration_status = "registration-status"


class RegistrationStatus(StrEnum):
    CREATED = "CREATED"
    SUBMITTED = "SUBMITTED"
    AWS_REVIEWING = "AWS_REVIEWING"
    REVIEWING = "REVIEWING"
    REQUIRES_AUTHENTICATION = "REQUIRES_AUTHENTICATION"
    PROVISIONING = "PROVISIONING"
    COMPLETE = "COMPLETE"
    REQUIRES_UPDATES = "REQUIRES_UPDATES"
    CLOSED = "CLOSED"
    DELETED = "DELETED"


class RegistrationTypeFilterName(StrEnum):
    supported_association_resource_type = "supported-association-resource-type"
    supported_association_iso_country_code = "supported-association-iso-country-code"


class RegistrationVersionFilterName(StrEnum):
    registration_version_status = "registration-version-status"


class RegistrationVersionStatus(StrEnum):
    DRAFT = "DRAFT"
    SUBMITTED = "SUBMITTED"
    AWS_REVIEWING = "AWS_REVIEWING"
    REVIEWING = "REVIEWING"
    REQUIRES_AUTHENTICATION = "REQUIRES_AUTHENTICATION"
    APPROVED = "APPROVED"
    DISCARDED = "DISCARDED"
    DENIED = "DENIED"
    REVOKED = "REVOKED"
    ARCHIVED = "ARCHIVED"


class RequestableNumberType(StrEnum):
    LONG_CODE = "LONG_CODE"
    TOLL_FREE = "TOLL_FREE"
    TEN_DLC = "TEN_DLC"
    SIMULATOR = "SIMULATOR"


class ResourceType(StrEnum):
    account = "account"
    phone_number = "phone-number"
    sender_id = "sender-id"
    pool = "pool"
    configuration_set = "configuration-set"
    opt_out_list = "opt-out-list"
    event_destination = "event-destination"
    keyword = "keyword"
    opted_out_number = "opted-out-number"
    registration = "registration"
    registration_attachment = "registration-attachment"
    verified_destination_number = "verified-destination-number"
    protect_configuration = "protect-configuration"
    message_template = "message-template"
    policy = "policy"
    message = "message"


class SenderIdFilterName(StrEnum):
    sender_id = "sender-id"
    iso_country_code = "iso-country-code"
    message_type = "message-type"
    deletion_protection_enabled = "deletion-protection-enabled"
    registered = "registered"


class ServiceQuotaExceededExceptionReason(StrEnum):
    ASSOCIATIONS_PER_REGISTRATION = "ASSOCIATIONS_PER_REGISTRATION"
    CONFIGURATION_SETS_PER_ACCOUNT = "CONFIGURATION_SETS_PER_ACCOUNT"
    DAILY_DESTINATION_CALL_LIMIT = "DAILY_DESTINATION_CALL_LIMIT"
    EVENT_DESTINATIONS_PER_CONFIGURATION_SET = "EVENT_DESTINATIONS_PER_CONFIGURATION_SET"
    KEYWORDS_PER_PHONE_NUMBER = "KEYWORDS_PER_PHONE_NUMBER"
    KEYWORDS_PER_POOL = "KEYWORDS_PER_POOL"
    MONTHLY_SPEND_LIMIT_REACHED_FOR_MEDIA = "MONTHLY_SPEND_LIMIT_REACHED_FOR_MEDIA"
    MONTHLY_SPEND_LIMIT_REACHED_FOR_TEXT = "MONTHLY_SPEND_LIMIT_REACHED_FOR_TEXT"
    MONTHLY_SPEND_LIMIT_REACHED_FOR_VOICE = "MONTHLY_SPEND_LIMIT_REACHED_FOR_VOICE"
    OPT_OUT_LISTS_PER_ACCOUNT = "OPT_OUT_LISTS_PER_ACCOUNT"
    ORIGINATION_IDENTITIES_PER_POOL = "ORIGINATION_IDENTITIES_PER_POOL"
    PHONE_NUMBERS_PER_ACCOUNT = "PHONE_NUMBERS_PER_ACCOUNT"
    PHONE_NUMBERS_PER_REGISTRATION = "PHONE_NUMBERS_PER_REGISTRATION"
    POOLS_PER_ACCOUNT = "POOLS_PER_ACCOUNT"
    REGISTRATION_ATTACHMENTS_CREATED_PER_DAY = "REGISTRATION_ATTACHMENTS_CREATED_PER_DAY"
    REGISTRATION_ATTACHMENTS_PER_ACCOUNT = "REGISTRATION_ATTACHMENTS_PER_ACCOUNT"
    REGISTRATION_VERSIONS_CREATED_PER_DAY = "REGISTRATION_VERSIONS_CREATED_PER_DAY"
    REGISTRATIONS_PER_ACCOUNT = "REGISTRATIONS_PER_ACCOUNT"
    SENDER_IDS_PER_ACCOUNT = "SENDER_IDS_PER_ACCOUNT"
    TAGS_PER_RESOURCE = "TAGS_PER_RESOURCE"
    VERIFIED_DESTINATION_NUMBERS_PER_ACCOUNT = "VERIFIED_DESTINATION_NUMBERS_PER_ACCOUNT"
    VERIFICATION_ATTEMPTS_PER_DAY = "VERIFICATION_ATTEMPTS_PER_DAY"
    PROTECT_CONFIGURATIONS_PER_ACCOUNT = "PROTECT_CONFIGURATIONS_PER_ACCOUNT"


class SpendLimitName(StrEnum):
    TEXT_MESSAGE_MONTHLY_SPEND_LIMIT = "TEXT_MESSAGE_MONTHLY_SPEND_LIMIT"
    VOICE_MESSAGE_MONTHLY_SPEND_LIMIT = "VOICE_MESSAGE_MONTHLY_SPEND_LIMIT"
    MEDIA_MESSAGE_MONTHLY_SPEND_LIMIT = "MEDIA_MESSAGE_MONTHLY_SPEND_LIMIT"


class ValidationExceptionReason(StrEnum):
    CANNOT_ADD_OPTED_OUT_NUMBER = "CANNOT_ADD_OPTED_OUT_NUMBER"
    CANNOT_PARSE = "CANNOT_PARSE"
    COUNTRY_CODE_MISMATCH = "COUNTRY_CODE_MISMATCH"
    DESTINATION_COUNTRY_BLOCKED = "DESTINATION_COUNTRY_BLOCKED"
    FIELD_VALIDATION_FAILED = "FIELD_VALIDATION_FAILED"
    ATTACHMENT_TYPE_NOT_SUPPORTED = "ATTACHMENT_TYPE_NOT_SUPPORTED"
    INTERNATIONAL_SENDING_NOT_SUPPORTED = "INTERNATIONAL_SENDING_NOT_SUPPORTED"
    INVALID_ARN = "INVALID_ARN"
    INVALID_FILTER_VALUES = "INVALID_FILTER_VALUES"
    INVALID_IDENTITY_FOR_DESTINATION_COUNTRY = "INVALID_IDENTITY_FOR_DESTINATION_COUNTRY"
    INVALID_NEXT_TOKEN = "INVALID_NEXT_TOKEN"
    INVALID_PARAMETER = "INVALID_PARAMETER"
    INVALID_REQUEST = "INVALID_REQUEST"
    INVALID_REGISTRATION_ASSOCIATION = "INVALID_REGISTRATION_ASSOCIATION"
    MAXIMUM_SIZE_EXCEEDED = "MAXIMUM_SIZE_EXCEEDED"
    MEDIA_TYPE_NOT_SUPPORTED = "MEDIA_TYPE_NOT_SUPPORTED"
    MISSING_PARAMETER = "MISSING_PARAMETER"
    PARAMETERS_CANNOT_BE_USED_TOGETHER = "PARAMETERS_CANNOT_BE_USED_TOGETHER"
    PHONE_NUMBER_CANNOT_BE_OPTED_IN = "PHONE_NUMBER_CANNOT_BE_OPTED_IN"
    PHONE_NUMBER_CANNOT_BE_RELEASED = "PHONE_NUMBER_CANNOT_BE_RELEASED"
    PRICE_OVER_THRESHOLD = "PRICE_OVER_THRESHOLD"
    RESOURCE_NOT_ACCESSIBLE = "RESOURCE_NOT_ACCESSIBLE"
    REQUESTED_SPEND_LIMIT_HIGHER_THAN_SERVICE_LIMIT = (
        "REQUESTED_SPEND_LIMIT_HIGHER_THAN_SERVICE_LIMIT"
    )
    SENDER_ID_NOT_REGISTERED = "SENDER_ID_NOT_REGISTERED"
    SENDER_ID_NOT_SUPPORTED = "SENDER_ID_NOT_SUPPORTED"
    SENDER_ID_REQUIRES_REGISTRATION = "SENDER_ID_REQUIRES_REGISTRATION"
    TWO_WAY_TOPIC_NOT_PRESENT = "TWO_WAY_TOPIC_NOT_PRESENT"
    TWO_WAY_NOT_ENABLED = "TWO_WAY_NOT_ENABLED"
    TWO_WAY_NOT_SUPPORTED_IN_COUNTRY = "TWO_WAY_NOT_SUPPORTED_IN_COUNTRY"
    TWO_WAY_NOT_SUPPORTED_IN_REGION = "TWO_WAY_NOT_SUPPORTED_IN_REGION"
    TWO_WAY_CHANNEL_NOT_PRESENT = "TWO_WAY_CHANNEL_NOT_PRESENT"
    UNKNOWN_REGISTRATION_FIELD = "UNKNOWN_REGISTRATION_FIELD"
    UNKNOWN_REGISTRATION_SECTION = "UNKNOWN_REGISTRATION_SECTION"
    UNKNOWN_REGISTRATION_TYPE = "UNKNOWN_REGISTRATION_TYPE"
    UNKNOWN_REGISTRATION_VERSION = "UNKNOWN_REGISTRATION_VERSION"
    UNKNOWN_OPERATION = "UNKNOWN_OPERATION"
    REGISTRATION_FIELD_CANNOT_BE_DELETED = "REGISTRATION_FIELD_CANNOT_BE_DELETED"
    VERIFICATION_CODE_MISMATCH = "VERIFICATION_CODE_MISMATCH"
    VOICE_CAPABILITY_NOT_AVAILABLE = "VOICE_CAPABILITY_NOT_AVAILABLE"
    UNSPECIFIED_PARAMETER_NOT_SUPPORTED = "UNSPECIFIED_PARAMETER_NOT_SUPPORTED"
    OTHER = "OTHER"


class VerificationChannel(StrEnum):
    TEXT = "TEXT"
    VOICE = "VOICE"


class VerificationStatus(StrEnum):
    PENDING = "PENDING"
    VERIFIED = "VERIFIED"


class VerifiedDestinationNumberFilterName(StrEnum):
    status = "status"


class VoiceId(StrEnum):
    AMY = "AMY"
    ASTRID = "ASTRID"
    BIANCA = "BIANCA"
    BRIAN = "BRIAN"
    CAMILA = "CAMILA"
    CARLA = "CARLA"
    CARMEN = "CARMEN"
    CELINE = "CELINE"
    CHANTAL = "CHANTAL"
    CONCHITA = "CONCHITA"
    CRISTIANO = "CRISTIANO"
    DORA = "DORA"
    EMMA = "EMMA"
    ENRIQUE = "ENRIQUE"
    EWA = "EWA"
    FILIZ = "FILIZ"
    GERAINT = "GERAINT"
    GIORGIO = "GIORGIO"
    GWYNETH = "GWYNETH"
    HANS = "HANS"
    INES = "INES"
    IVY = "IVY"
    JACEK = "JACEK"
    JAN = "JAN"
    JOANNA = "JOANNA"
    JOEY = "JOEY"
    JUSTIN = "JUSTIN"
    KARL = "KARL"
    KENDRA = "KENDRA"
    KIMBERLY = "KIMBERLY"
    LEA = "LEA"
    LIV = "LIV"
    LOTTE = "LOTTE"
    LUCIA = "LUCIA"
    LUPE = "LUPE"
    MADS = "MADS"
    MAJA = "MAJA"
    MARLENE = "MARLENE"
    MATHIEU = "MATHIEU"
    MATTHEW = "MATTHEW"
    MAXIM = "MAXIM"
    MIA = "MIA"
    MIGUEL = "MIGUEL"
    MIZUKI = "MIZUKI"
    NAJA = "NAJA"
    NICOLE = "NICOLE"
    PENELOPE = "PENELOPE"
    RAVEENA = "RAVEENA"
    RICARDO = "RICARDO"
    RUBEN = "RUBEN"
    RUSSELL = "RUSSELL"
    SALLI = "SALLI"
    SEOYEON = "SEOYEON"
    TAKUMI = "TAKUMI"
    TATYANA = "TATYANA"
    VICKI = "VICKI"
    VITORIA = "VITORIA"
    ZEINA = "ZEINA"
    ZHIYU = "ZHIYU"


class VoiceMessageBodyTextType(StrEnum):
    TEXT = "TEXT"
    SSML = "SSML"


class AccessDeniedException(ServiceException):
    code: str = "AccessDeniedException"
    sender_fault: bool = False
    status_code: int = 400
    Reason: AccessDeniedExceptionReason | None


class ConflictException(ServiceException):
    code: str = "ConflictException"
    sender_fault: bool = False
    status_code: int = 400
    Reason: ConflictExceptionReason | None
    ResourceType: ResourceType | None
    ResourceId: String | None


class InternalServerException(ServiceException):
    code: str = "InternalServerException"
    sender_fault: bool = False
    status_code: int = 400
    RequestId: String | None


class ResourceNotFoundException(ServiceException):
    code: str = "ResourceNotFoundException"
    sender_fault: bool = False
    status_code: int = 400
    ResourceType: ResourceType | None
    ResourceId: String | None


class ServiceQuotaExceededException(ServiceException):
    code: str = "ServiceQuotaExceededException"
    sender_fault: bool = False
    status_code: int = 400
    Reason: ServiceQuotaExceededExceptionReason | None


class ThrottlingException(ServiceException):
    code: str = "ThrottlingException"
    sender_fault: bool = False
    status_code: int = 400


class ValidationExceptionField(TypedDict, total=False):
    Name: String
    Message: String


ValidationExceptionFieldList = list[ValidationExceptionField]


class ValidationException(ServiceException):
    code: str = "ValidationException"
    sender_fault: bool = False
    status_code: int = 400
    Reason: ValidationExceptionReason | None
    Fields: ValidationExceptionFieldList | None


class AccountAttribute(TypedDict, total=False):
    Name: AccountAttributeName
    Value: String


AccountAttributeList = list[AccountAttribute]
PrimitiveLong = int


class AccountLimit(TypedDict, total=False):
    Name: AccountLimitName
    Used: PrimitiveLong
    Max: PrimitiveLong


AccountLimitList = list[AccountLimit]


class AssociateOriginationIdentityRequest(ServiceRequest):
    PoolId: PoolIdOrArn
    OriginationIdentity: PhoneOrSenderIdOrArn
    IsoCountryCode: IsoCountryCode
    ClientToken: ClientToken | None


class AssociateOriginationIdentityResult(TypedDict, total=False):
    PoolArn: String | None
    PoolId: String | None
    OriginationIdentityArn: String | None
    OriginationIdentity: String | None
    IsoCountryCode: IsoCountryCode | None


class AssociateProtectConfigurationRequest(ServiceRequest):
    ProtectConfigurationId: ProtectConfigurationIdOrArn
    ConfigurationSetName: ConfigurationSetNameOrArn


class AssociateProtectConfigurationResult(TypedDict, total=False):
    ConfigurationSetArn: String
    ConfigurationSetName: ConfigurationSetName
    ProtectConfigurationArn: ProtectConfigurationArn
    ProtectConfigurationId: ProtectConfigurationId


AttachmentBody = bytes


class CarrierLookupRequest(ServiceRequest):
    PhoneNumber: CarrierLookupInputPhoneNumberType


class CarrierLookupResult(TypedDict, total=False):
    E164PhoneNumber: E164PhoneNumberType
    DialingCountryCode: DialingCountryCodeType | None
    IsoCountryCode: IsoCountryCode | None
    Country: String | None
    MCC: MCCType | None
    MNC: MNCType | None
    Carrier: String | None
    PhoneNumberType: PhoneNumberType


class CloudWatchLogsDestination(TypedDict, total=False):
    IamRoleArn: IamRoleArn
    LogGroupArn: LogGroupArn


FilterValueList = list[FilterValue]


class ConfigurationSetFilter(TypedDict, total=False):
    Name: ConfigurationSetFilterName
    Values: FilterValueList


ConfigurationSetFilterList = list[ConfigurationSetFilter]
Timestamp = datetime


class SnsDestination(TypedDict, total=False):
    TopicArn: SnsTopicArn


class KinesisFirehoseDestination(TypedDict, total=False):
    IamRoleArn: IamRoleArn
    DeliveryStreamArn: DeliveryStreamArn


EventTypeList = list[EventType]


class EventDestination(TypedDict, total=False):
    EventDestinationName: EventDestinationName
    Enabled: Boolean
    MatchingEventTypes: EventTypeList
    CloudWatchLogsDestination: CloudWatchLogsDestination | None
    KinesisFirehoseDestination: KinesisFirehoseDestination | None
    SnsDestination: SnsDestination | None


EventDestinationList = list[EventDestination]


class ConfigurationSetInformation(TypedDict, total=False):
    ConfigurationSetArn: String
    ConfigurationSetName: ConfigurationSetName
    EventDestinations: EventDestinationList
    DefaultMessageType: MessageType | None
    DefaultSenderId: SenderId | None
    DefaultMessageFeedbackEnabled: Boolean | None
    CreatedTimestamp: Timestamp
    ProtectConfigurationId: ProtectConfigurationIdOrArn | None


ConfigurationSetInformationList = list[ConfigurationSetInformation]
ConfigurationSetNameList = list[ConfigurationSetNameOrArn]
ContextMap = dict[ContextKey, ContextValue]


class Tag(TypedDict, total=False):
    Key: TagKey
    Value: TagValue


TagList = list[Tag]


class CreateConfigurationSetRequest(ServiceRequest):
    ConfigurationSetName: ConfigurationSetName
    Tags: TagList | None
    ClientToken: ClientToken | None


class CreateConfigurationSetResult(TypedDict, total=False):
    ConfigurationSetArn: String | None
    ConfigurationSetName: ConfigurationSetName | None
    Tags: TagList | None
    CreatedTimestamp: Timestamp | None


class CreateEventDestinationRequest(ServiceRequest):
    ConfigurationSetName: ConfigurationSetNameOrArn
    EventDestinationName: EventDestinationName
    MatchingEventTypes: EventTypeList
    CloudWatchLogsDestination: CloudWatchLogsDestination | None
    KinesisFirehoseDestination: KinesisFirehoseDestination | None
    SnsDestination: SnsDestination | None
    ClientToken: ClientToken | None


class CreateEventDestinationResult(TypedDict, total=False):
    ConfigurationSetArn: String | None
    ConfigurationSetName: ConfigurationSetName | None
    EventDestination: EventDestination | None


class CreateOptOutListRequest(ServiceRequest):
    OptOutListName: OptOutListName
    Tags: TagList | None
    ClientToken: ClientToken | None


class CreateOptOutListResult(TypedDict, total=False):
    OptOutListArn: String | None
    OptOutListName: OptOutListName | None
    Tags: TagList | None
    CreatedTimestamp: Timestamp | None


class CreatePoolRequest(ServiceRequest):
    OriginationIdentity: PhoneOrSenderIdOrArn
    IsoCountryCode: IsoCountryCode
    MessageType: MessageType
    DeletionProtectionEnabled: Boolean | None
    Tags: TagList | None
    ClientToken: ClientToken | None


class CreatePoolResult(TypedDict, total=False):
    PoolArn: String | None
    PoolId: String | None
    Status: PoolStatus | None
    MessageType: MessageType | None
    TwoWayEnabled: PrimitiveBoolean | None
    TwoWayChannelArn: TwoWayChannelArn | None
    TwoWayChannelRole: IamRoleArn | None
    SelfManagedOptOutsEnabled: PrimitiveBoolean | None
    OptOutListName: OptOutListName | None
    SharedRoutesEnabled: PrimitiveBoolean | None
    DeletionProtectionEnabled: PrimitiveBoolean | None
    Tags: TagList | None
    CreatedTimestamp: Timestamp | None


class CreateProtectConfigurationRequest(ServiceRequest):
    ClientToken: ClientToken | None
    DeletionProtectionEnabled: Boolean | None
    Tags: TagList | None


class CreateProtectConfigurationResult(TypedDict, total=False):
    ProtectConfigurationArn: ProtectConfigurationArn
    ProtectConfigurationId: ProtectConfigurationId
    CreatedTimestamp: Timestamp
    AccountDefault: PrimitiveBoolean
    DeletionProtectionEnabled: PrimitiveBoolean
    Tags: TagList | None


class CreateRegistrationAssociationRequest(ServiceRequest):
    RegistrationId: RegistrationIdOrArn
    ResourceId: ResourceIdOrArn


class CreateRegistrationAssociationResult(TypedDict, total=False):
    RegistrationArn: String
    RegistrationId: String
    RegistrationType: RegistrationType
    ResourceArn: String
    ResourceId: String
    ResourceType: String
    IsoCountryCode: IsoCountryCode | None
    PhoneNumber: PhoneNumber | None


class CreateRegistrationAttachmentRequest(ServiceRequest):
    AttachmentBody: AttachmentBody | None
    AttachmentUrl: AttachmentUrl | None
    Tags: TagList | None
    ClientToken: ClientToken | None


class CreateRegistrationAttachmentResult(TypedDict, total=False):
    RegistrationAttachmentArn: String
    RegistrationAttachmentId: String
    AttachmentStatus: AttachmentStatus
    Tags: TagList | None
    CreatedTimestamp: Timestamp


class CreateRegistrationRequest(ServiceRequest):
    RegistrationType: RegistrationType
    Tags: TagList | None
    ClientToken: ClientToken | None


StringMap = dict[String, String]
RegistrationVersionNumber = int


class CreateRegistrationResult(TypedDict, total=False):
    RegistrationArn: String
    RegistrationId: String
    RegistrationType: RegistrationType
    RegistrationStatus: RegistrationStatus
    CurrentVersionNumber: RegistrationVersionNumber
    AdditionalAttributes: StringMap | None
    Tags: TagList | None
    CreatedTimestamp: Timestamp


class CreateRegistrationVersionRequest(ServiceRequest):
    RegistrationId: RegistrationIdOrArn


class RegistrationVersionStatusHistory(TypedDict, total=False):
    DraftTimestamp: Timestamp
    SubmittedTimestamp: Timestamp | None
    AwsReviewingTimestamp: Timestamp | None
    ReviewingTimestamp: Timestamp | None
    RequiresAuthenticationTimestamp: Timestamp | None
    ApprovedTimestamp: Timestamp | None
    DiscardedTimestamp: Timestamp | None
    DeniedTimestamp: Timestamp | None
    RevokedTimestamp: Timestamp | None
    ArchivedTimestamp: Timestamp | None


class CreateRegistrationVersionResult(TypedDict, total=False):
    RegistrationArn: String
    RegistrationId: String
    VersionNumber: RegistrationVersionNumber
    RegistrationVersionStatus: RegistrationVersionStatus
    RegistrationVersionStatusHistory: RegistrationVersionStatusHistory


class CreateVerifiedDestinationNumberRequest(ServiceRequest):
    DestinationPhoneNumber: PhoneNumber
    Tags: TagList | None
    ClientToken: ClientToken | None


class CreateVerifiedDestinationNumberResult(TypedDict, total=False):
    VerifiedDestinationNumberArn: String
    VerifiedDestinationNumberId: String
    DestinationPhoneNumber: PhoneNumber
    Status: VerificationStatus
    Tags: TagList | None
    CreatedTimestamp: Timestamp


class DeleteAccountDefaultProtectConfigurationRequest(ServiceRequest):
    pass


class DeleteAccountDefaultProtectConfigurationResult(TypedDict, total=False):
    DefaultProtectConfigurationArn: ProtectConfigurationArn
    DefaultProtectConfigurationId: ProtectConfigurationId


class DeleteConfigurationSetRequest(ServiceRequest):
    ConfigurationSetName: ConfigurationSetNameOrArn


class DeleteConfigurationSetResult(TypedDict, total=False):
    ConfigurationSetArn: String | None
    ConfigurationSetName: ConfigurationSetName | None
    EventDestinations: EventDestinationList | None
    DefaultMessageType: MessageType | None
    DefaultSenderId: SenderId | None
    DefaultMessageFeedbackEnabled: Boolean | None
    CreatedTimestamp: Timestamp | None


class DeleteDefaultMessageTypeRequest(ServiceRequest):
    ConfigurationSetName: ConfigurationSetNameOrArn


class DeleteDefaultMessageTypeResult(TypedDict, total=False):
    ConfigurationSetArn: String | None
    ConfigurationSetName: ConfigurationSetName | None
    MessageType: MessageType | None


class DeleteDefaultSenderIdRequest(ServiceRequest):
    ConfigurationSetName: ConfigurationSetNameOrArn


class DeleteDefaultSenderIdResult(TypedDict, total=False):
    ConfigurationSetArn: String | None
    ConfigurationSetName: ConfigurationSetName | None
    SenderId: SenderId | None


class DeleteEventDestinationRequest(ServiceRequest):
    ConfigurationSetName: ConfigurationSetNameOrArn
    EventDestinationName: EventDestinationName


class DeleteEventDestinationResult(TypedDict, total=False):
    ConfigurationSetArn: String | None
    ConfigurationSetName: ConfigurationSetName | None
    EventDestination: EventDestination | None


class DeleteKeywordRequest(ServiceRequest):
    OriginationIdentity: PhoneOrPoolIdOrArn
    Keyword: Keyword


class DeleteKeywordResult(TypedDict, total=False):
    OriginationIdentityArn: String | None
    OriginationIdentity: String | None
    Keyword: Keyword | None
    KeywordMessage: KeywordMessage | None
    KeywordAction: KeywordAction | None


class DeleteMediaMessageSpendLimitOverrideRequest(ServiceRequest):
    pass


MonthlyLimit = int


class DeleteMediaMessageSpendLimitOverrideResult(TypedDict, total=False):
    MonthlyLimit: MonthlyLimit | None


class DeleteOptOutListRequest(ServiceRequest):
    OptOutListName: OptOutListNameOrArn


class DeleteOptOutListResult(TypedDict, total=False):
    OptOutListArn: String | None
    OptOutListName: OptOutListName | None
    CreatedTimestamp: Timestamp | None


class DeleteOptedOutNumberRequest(ServiceRequest):
    OptOutListName: OptOutListNameOrArn
    OptedOutNumber: PhoneNumber


class DeleteOptedOutNumberResult(TypedDict, total=False):
    OptOutListArn: String | None
    OptOutListName: OptOutListName | None
    OptedOutNumber: PhoneNumber | None
    OptedOutTimestamp: Timestamp | None
    EndUserOptedOut: PrimitiveBoolean | None


class DeletePoolRequest(ServiceRequest):
    PoolId: PoolIdOrArn


class DeletePoolResult(TypedDict, total=False):
    PoolArn: String | None
    PoolId: String | None
    Status: PoolStatus | None
    MessageType: MessageType | None
    TwoWayEnabled: PrimitiveBoolean | None
    TwoWayChannelArn: TwoWayChannelArn | None
    TwoWayChannelRole: IamRoleArn | None
    SelfManagedOptOutsEnabled: PrimitiveBoolean | None
    OptOutListName: OptOutListName | None
    SharedRoutesEnabled: PrimitiveBoolean | None
    CreatedTimestamp: Timestamp | None


class DeleteProtectConfigurationRequest(ServiceRequest):
    ProtectConfigurationId: ProtectConfigurationIdOrArn


class DeleteProtectConfigurationResult(TypedDict, total=False):
    ProtectConfigurationArn: ProtectConfigurationArn
    ProtectConfigurationId: ProtectConfigurationId
    CreatedTimestamp: Timestamp
    AccountDefault: PrimitiveBoolean
    DeletionProtectionEnabled: PrimitiveBoolean


class DeleteProtectConfigurationRuleSetNumberOverrideRequest(ServiceRequest):
    ProtectConfigurationId: ProtectConfigurationIdOrArn
    DestinationPhoneNumber: PhoneNumber


class DeleteProtectConfigurationRuleSetNumberOverrideResult(TypedDict, total=False):
    ProtectConfigurationArn: ProtectConfigurationArn
    ProtectConfigurationId: ProtectConfigurationId
    DestinationPhoneNumber: PhoneNumber
    CreatedTimestamp: Timestamp
    Action: ProtectConfigurationRuleOverrideAction
    IsoCountryCode: IsoCountryCode | None
    ExpirationTimestamp: Timestamp | None


class DeleteRegistrationAttachmentRequest(ServiceRequest):
    RegistrationAttachmentId: RegistrationAttachmentIdOrArn


class DeleteRegistrationAttachmentResult(TypedDict, total=False):
    RegistrationAttachmentArn: String
    RegistrationAttachmentId: String
    AttachmentStatus: AttachmentStatus
    AttachmentUploadErrorReason: AttachmentUploadErrorReason | None
    CreatedTimestamp: Timestamp


class DeleteRegistrationFieldValueRequest(ServiceRequest):
    RegistrationId: RegistrationIdOrArn
    FieldPath: FieldPath


SelectChoiceList = list[SelectChoice]


class DeleteRegistrationFieldValueResult(TypedDict, total=False):
    RegistrationArn: String
    RegistrationId: String
    VersionNumber: RegistrationVersionNumber
    FieldPath: FieldPath
    SelectChoices: SelectChoiceList | None
    TextValue: TextValue | None
    RegistrationAttachmentId: String | None


class DeleteRegistrationRequest(ServiceRequest):
    RegistrationId: RegistrationIdOrArn


class DeleteRegistrationResult(TypedDict, total=False):
    RegistrationArn: String
    RegistrationId: String
    RegistrationType: RegistrationType
    RegistrationStatus: RegistrationStatus
    CurrentVersionNumber: RegistrationVersionNumber
    ApprovedVersionNumber: RegistrationVersionNumber | None
    LatestDeniedVersionNumber: RegistrationVersionNumber | None
    AdditionalAttributes: StringMap | None
    CreatedTimestamp: Timestamp


class DeleteResourcePolicyRequest(ServiceRequest):
    ResourceArn: AmazonResourceName


class DeleteResourcePolicyResult(TypedDict, total=False):
    ResourceArn: AmazonResourceName | None
    Policy: ResourcePolicy | None
    CreatedTimestamp: Timestamp | None


class DeleteTextMessageSpendLimitOverrideRequest(ServiceRequest):
    pass


class DeleteTextMessageSpendLimitOverrideResult(TypedDict, total=False):
    MonthlyLimit: MonthlyLimit | None


class DeleteVerifiedDestinationNumberRequest(ServiceRequest):
    VerifiedDestinationNumberId: VerifiedDestinationNumberIdOrArn


class DeleteVerifiedDestinationNumberResult(TypedDict, total=False):
    VerifiedDestinationNumberArn: String
    VerifiedDestinationNumberId: String
    DestinationPhoneNumber: PhoneNumber
    CreatedTimestamp: Timestamp


class DeleteVoiceMessageSpendLimitOverrideRequest(ServiceRequest):
    pass


class DeleteVoiceMessageSpendLimitOverrideResult(TypedDict, total=False):
    MonthlyLimit: MonthlyLimit | None


class DescribeAccountAttributesRequest(ServiceRequest):
    NextToken: NextToken | None
    MaxResults: MaxResults | None


class DescribeAccountAttributesResult(TypedDict, total=False):
    AccountAttributes: AccountAttributeList | None
    NextToken: NextToken | None


class DescribeAccountLimitsRequest(ServiceRequest):
    NextToken: NextToken | None
    MaxResults: MaxResults | None


class DescribeAccountLimitsResult(TypedDict, total=False):
    AccountLimits: AccountLimitList | None
    NextToken: NextToken | None


class DescribeConfigurationSetsRequest(ServiceRequest):
    ConfigurationSetNames: ConfigurationSetNameList | None
    Filters: ConfigurationSetFilterList | None
    NextToken: NextToken | None
    MaxResults: MaxResults | None


class DescribeConfigurationSetsResult(TypedDict, total=False):
    ConfigurationSets: ConfigurationSetInformationList | None
    NextToken: NextToken | None


class KeywordFilter(TypedDict, total=False):
    Name: KeywordFilterName
    Values: FilterValueList


KeywordFilterList = list[KeywordFilter]
KeywordList = list[Keyword]


class DescribeKeywordsRequest(ServiceRequest):
    OriginationIdentity: PhoneOrPoolIdOrArn
    Keywords: KeywordList | None
    Filters: KeywordFilterList | None
    NextToken: NextToken | None
    MaxResults: MaxResults | None


class KeywordInformation(TypedDict, total=False):
    Keyword: Keyword
    KeywordMessage: KeywordMessage
    KeywordAction: KeywordAction


KeywordInformationList = list[KeywordInformation]


class DescribeKeywordsResult(TypedDict, total=False):
    OriginationIdentityArn: String | None
    OriginationIdentity: String | None
    Keywords: KeywordInformationList | None
    NextToken: NextToken | None


OptOutListNameList = list[OptOutListNameOrArn]


class DescribeOptOutListsRequest(ServiceRequest):
    OptOutListNames: OptOutListNameList | None
    NextToken: NextToken | None
    MaxResults: MaxResults | None
    Owner: Owner | None


class OptOutListInformation(TypedDict, total=False):
    OptOutListArn: String
    OptOutListName: OptOutListName
    CreatedTimestamp: Timestamp


OptOutListInformationList = list[OptOutListInformation]


class DescribeOptOutListsResult(TypedDict, total=False):
    OptOutLists: OptOutListInformationList | None
    NextToken: NextToken | None


class OptedOutFilter(TypedDict, total=False):
    Name: OptedOutFilterName
    Values: FilterValueList


OptedOutFilterList = list[OptedOutFilter]
OptedOutNumberList = list[PhoneNumber]


class DescribeOptedOutNumbersRequest(ServiceRequest):
    OptOutListName: OptOutListNameOrArn
    OptedOutNumbers: OptedOutNumberList | None
    Filters: OptedOutFilterList | None
    NextToken: NextToken | None
    MaxResults: MaxResults | None


class OptedOutNumberInformation(TypedDict, total=False):
    OptedOutNumber: PhoneNumber
    OptedOutTimestamp: Timestamp
    EndUserOptedOut: PrimitiveBoolean


OptedOutNumberInformationList = list[OptedOutNumberInformation]


class DescribeOptedOutNumbersResult(TypedDict, total=False):
    OptOutListArn: String | None
    OptOutListName: OptOutListName | None
    OptedOutNumbers: OptedOutNumberInformationList | None
    NextToken: NextToken | None


class PhoneNumberFilter(TypedDict, total=False):
    Name: PhoneNumberFilterName
    Values: FilterValueList


PhoneNumberFilterList = list[PhoneNumberFilter]
PhoneNumberIdList = list[PhoneNumberIdOrArn]


class DescribePhoneNumbersRequest(ServiceRequest):
    PhoneNumberIds: PhoneNumberIdList | None
    Filters: PhoneNumberFilterList | None
    NextToken: NextToken | None
    MaxResults: MaxResults | None
    Owner: Owner | None


NumberCapabilityList = list[NumberCapability]


class PhoneNumberInformation(TypedDict, total=False):
    PhoneNumberArn: String
    PhoneNumberId: String | None
    PhoneNumber: PhoneNumber
    Status: NumberStatus
    IsoCountryCode: IsoCountryCode
    MessageType: MessageType
    NumberCapabilities: NumberCapabilityList
    NumberType: NumberType
    MonthlyLeasingPrice: String
    TwoWayEnabled: PrimitiveBoolean
    TwoWayChannelArn: TwoWayChannelArn | None
    TwoWayChannelRole: IamRoleArn | None
    SelfManagedOptOutsEnabled: PrimitiveBoolean
    OptOutListName: OptOutListName
    InternationalSendingEnabled: PrimitiveBoolean | None
    DeletionProtectionEnabled: PrimitiveBoolean
    PoolId: String | None
    RegistrationId: String | None
    CreatedTimestamp: Timestamp


PhoneNumberInformationList = list[PhoneNumberInformation]


class DescribePhoneNumbersResult(TypedDict, total=False):
    PhoneNumbers: PhoneNumberInformationList | None
    NextToken: NextToken | None


class PoolFilter(TypedDict, total=False):
    Name: PoolFilterName
    Values: FilterValueList


PoolFilterList = list[PoolFilter]
PoolIdList = list[PoolIdOrArn]


class DescribePoolsRequest(ServiceRequest):
    PoolIds: PoolIdList | None
    Filters: PoolFilterList | None
    NextToken: NextToken | None
    MaxResults: MaxResults | None
    Owner: Owner | None


class PoolInformation(TypedDict, total=False):
    PoolArn: String
    PoolId: String
    Status: PoolStatus
    MessageType: MessageType
    TwoWayEnabled: PrimitiveBoolean
    TwoWayChannelArn: TwoWayChannelArn | None
    TwoWayChannelRole: IamRoleArn | None
    SelfManagedOptOutsEnabled: PrimitiveBoolean
    OptOutListName: OptOutListName
    SharedRoutesEnabled: PrimitiveBoolean
    DeletionProtectionEnabled: PrimitiveBoolean
    CreatedTimestamp: Timestamp


PoolInformationList = list[PoolInformation]


class DescribePoolsResult(TypedDict, total=False):
    Pools: PoolInformationList | None
    NextToken: NextToken | None


class ProtectConfigurationFilter(TypedDict, total=False):
    Name: ProtectConfigurationFilterName
    Values: FilterValueList


ProtectConfigurationFilterList = list[ProtectConfigurationFilter]
ProtectConfigurationIdList = list[ProtectConfigurationIdOrArn]


class DescribeProtectConfigurationsRequest(ServiceRequest):
    ProtectConfigurationIds: ProtectConfigurationIdList | None
    Filters: ProtectConfigurationFilterList | None
    NextToken: NextToken | None
    MaxResults: MaxResults | None


class ProtectConfigurationInformation(TypedDict, total=False):
    ProtectConfigurationArn: ProtectConfigurationArn
    ProtectConfigurationId: ProtectConfigurationId
    CreatedTimestamp: Timestamp
    AccountDefault: PrimitiveBoolean
    DeletionProtectionEnabled: PrimitiveBoolean


ProtectConfigurationInformationList = list[ProtectConfigurationInformation]


class DescribeProtectConfigurationsResult(TypedDict, total=False):
    ProtectConfigurations: ProtectConfigurationInformationList | None
    NextToken: NextToken | None


class RegistrationAttachmentFilter(TypedDict, total=False):
    Name: RegistrationAttachmentFilterName
    Values: FilterValueList


RegistrationAttachmentFilterList = list[RegistrationAttachmentFilter]
RegistrationAttachmentIdList = list[RegistrationIdOrArn]


class DescribeRegistrationAttachmentsRequest(ServiceRequest):
    RegistrationAttachmentIds: RegistrationAttachmentIdList | None
    Filters: RegistrationAttachmentFilterList | None
    NextToken: NextToken | None
    MaxResults: MaxResults | None


class RegistrationAttachmentsInformation(TypedDict, total=False):
    RegistrationAttachmentArn: String
    RegistrationAttachmentId: String
    AttachmentStatus: AttachmentStatus
    AttachmentUploadErrorReason: AttachmentUploadErrorReason | None
    CreatedTimestamp: Timestamp


RegistrationAttachmentsInformationList = list[RegistrationAttachmentsInformation]


class DescribeRegistrationAttachmentsResult(TypedDict, total=False):
    RegistrationAttachments: RegistrationAttachmentsInformationList
    NextToken: NextToken | None


FieldPathList = list[FieldPath]


class DescribeRegistrationFieldDefinitionsRequest(ServiceRequest):
    RegistrationType: RegistrationType
    SectionPath: SectionPath | None
    FieldPaths: FieldPathList | None
    NextToken: NextToken | None
    MaxResults: MaxResults | None


class SelectOptionDescription(TypedDict, total=False):
    Option: String
    Title: String | None
    Description: String | None


SelectOptionDescriptionsList = list[SelectOptionDescription]


class RegistrationFieldDisplayHints(TypedDict, total=False):
    Title: String
    ShortDescription: String
    LongDescription: String | None
    DocumentationTitle: String | None
    DocumentationLink: String | None
    SelectOptionDescriptions: SelectOptionDescriptionsList | None
    TextValidationDescription: String | None
    ExampleTextValue: String | None


class TextValidation(TypedDict, total=False):
    MinLength: Integer
    MaxLength: Integer
    Pattern: String


StringList = list[String]


class SelectValidation(TypedDict, total=False):
    MinChoices: Integer
    MaxChoices: Integer
    Options: StringList


class RegistrationFieldDefinition(TypedDict, total=False):
    SectionPath: SectionPath
    FieldPath: FieldPath
    FieldType: FieldType
    FieldRequirement: FieldRequirement
    SelectValidation: SelectValidation | None
    TextValidation: TextValidation | None
    DisplayHints: RegistrationFieldDisplayHints


RegistrationFieldDefinitionList = list[RegistrationFieldDefinition]


class DescribeRegistrationFieldDefinitionsResult(TypedDict, total=False):
    RegistrationType: RegistrationType
    RegistrationFieldDefinitions: RegistrationFieldDefinitionList
    NextToken: NextToken | None


class DescribeRegistrationFieldValuesRequest(ServiceRequest):
    RegistrationId: RegistrationIdOrArn
    VersionNumber: RegistrationVersionNumber | None
    SectionPath: SectionPath | None
    FieldPaths: FieldPathList | None
    NextToken: NextToken | None
    MaxResults: MaxResults | None


class RegistrationFieldValueInformation(TypedDict, total=False):
    FieldPath: FieldPath
    SelectChoices: SelectChoiceList | None
    TextValue: TextValue | None
    RegistrationAttachmentId: RegistrationAttachmentIdOrArn | None
    DeniedReason: String | None
    Feedback: String | None


RegistrationFieldValueInformationList = list[RegistrationFieldValueInformation]


class DescribeRegistrationFieldValuesResult(TypedDict, total=False):
    RegistrationArn: String
    RegistrationId: String
    VersionNumber: RegistrationVersionNumber
    RegistrationFieldValues: RegistrationFieldValueInformationList
    NextToken: NextToken | None


SectionPathList = list[SectionPath]


class DescribeRegistrationSectionDefinitionsRequest(ServiceRequest):
    RegistrationType: RegistrationType
    SectionPaths: SectionPathList | None
    NextToken: NextToken | None
    MaxResults: MaxResults | None


class RegistrationSectionDisplayHints(TypedDict, total=False):
    Title: String
    ShortDescription: String
    LongDescription: String | None
    DocumentationTitle: String | None
    DocumentationLink: String | None


class RegistrationSectionDefinition(TypedDict, total=False):
    SectionPath: SectionPath
    DisplayHints: RegistrationSectionDisplayHints


RegistrationSectionDefinitionList = list[RegistrationSectionDefinition]


class DescribeRegistrationSectionDefinitionsResult(TypedDict, total=False):
    RegistrationType: RegistrationType
    RegistrationSectionDefinitions: RegistrationSectionDefinitionList
    NextToken: NextToken | None


class RegistrationTypeFilter(TypedDict, total=False):
    Name: RegistrationTypeFilterName
    Values: FilterValueList


RegistrationTypeFilterList = list[RegistrationTypeFilter]
RegistrationTypeList = list[RegistrationType]


class DescribeRegistrationTypeDefinitionsRequest(ServiceRequest):
    RegistrationTypes: RegistrationTypeList | None
    Filters: RegistrationTypeFilterList | None
    NextToken: NextToken | None
    MaxResults: MaxResults | None


class RegistrationTypeDisplayHints(TypedDict, total=False):
    Title: String
    ShortDescription: String | None
    LongDescription: String | None
    DocumentationTitle: String | None
    DocumentationLink: String | None


class SupportedAssociation(TypedDict, total=False):
    ResourceType: String
    IsoCountryCode: IsoCountryCode | None
    AssociationBehavior: RegistrationAssociationBehavior
    DisassociationBehavior: RegistrationDisassociationBehavior


SupportedAssociationList = list[SupportedAssociation]


class RegistrationTypeDefinition(TypedDict, total=False):
    RegistrationType: RegistrationType
    SupportedAssociations: SupportedAssociationList | None
    DisplayHints: RegistrationTypeDisplayHints


RegistrationTypeDefinitionList = list[RegistrationTypeDefinition]


class DescribeRegistrationTypeDefinitionsResult(TypedDict, total=False):
    RegistrationTypeDefinitions: RegistrationTypeDefinitionList
    NextToken: NextToken | None


class RegistrationVersionFilter(TypedDict, total=False):
    Name: RegistrationVersionFilterName
    Values: FilterValueList


RegistrationVersionFilterList = list[RegistrationVersionFilter]
RegistrationVersionNumberList = list[RegistrationVersionNumber]


class DescribeRegistrationVersionsRequest(ServiceRequest):
    RegistrationId: RegistrationIdOrArn
    VersionNumbers: RegistrationVersionNumberList | None
    Filters: RegistrationVersionFilterList | None
    NextToken: NextToken | None
    MaxResults: MaxResults | None


class RegistrationDeniedReasonInformation(TypedDict, total=False):
    Reason: String
    ShortDescription: String
    LongDescription: String | None
    DocumentationTitle: String | None
    DocumentationLink: String | None


RegistrationDeniedReasonInformationList = list[RegistrationDeniedReasonInformation]


class RegistrationVersionInformation(TypedDict, total=False):
    VersionNumber: RegistrationVersionNumber
    RegistrationVersionStatus: RegistrationVersionStatus
    RegistrationVersionStatusHistory: RegistrationVersionStatusHistory
    DeniedReasons: RegistrationDeniedReasonInformationList | None
    Feedback: String | None


RegistrationVersionInformationList = list[RegistrationVersionInformation]


class DescribeRegistrationVersionsResult(TypedDict, total=False):
    RegistrationArn: String
    RegistrationId: String
    RegistrationVersions: RegistrationVersionInformationList
    NextToken: NextToken | None


class RegistrationFilter(TypedDict, total=False):
    Name: RegistrationFilterName
    Values: FilterValueList


RegistrationFilterList = list[RegistrationFilter]
RegistrationIdList = list[RegistrationIdOrArn]


class DescribeRegistrationsRequest(ServiceRequest):
    RegistrationIds: RegistrationIdList | None
    Filters: RegistrationFilterList | None
    NextToken: NextToken | None
    MaxResults: MaxResults | None


class RegistrationInformation(TypedDict, total=False):
    RegistrationArn: String
    RegistrationId: String
    RegistrationType: RegistrationType
    RegistrationStatus: RegistrationStatus
    CurrentVersionNumber: RegistrationVersionNumber
    ApprovedVersionNumber: RegistrationVersionNumber | None
    LatestDeniedVersionNumber: RegistrationVersionNumber | None
    AdditionalAttributes: StringMap | None
    CreatedTimestamp: Timestamp


RegistrationInformationList = list[RegistrationInformation]


class DescribeRegistrationsResult(TypedDict, total=False):
    Registrations: RegistrationInformationList
    NextToken: NextToken | None


class SenderIdFilter(TypedDict, total=False):
    Name: SenderIdFilterName
    Values: FilterValueList


SenderIdFilterList = list[SenderIdFilter]


class SenderIdAndCountry(TypedDict, total=False):
    SenderId: SenderIdOrArn
    IsoCountryCode: IsoCountryCode


SenderIdList = list[SenderIdAndCountry]


class DescribeSenderIdsRequest(ServiceRequest):
    SenderIds: SenderIdList | None
    Filters: SenderIdFilterList | None
    NextToken: NextToken | None
    MaxResults: MaxResults | None
    Owner: Owner | None


MessageTypeList = list[MessageType]


class SenderIdInformation(TypedDict, total=False):
    SenderIdArn: String
    SenderId: SenderId
    IsoCountryCode: IsoCountryCode
    MessageTypes: MessageTypeList
    MonthlyLeasingPrice: String
    DeletionProtectionEnabled: PrimitiveBoolean
    Registered: PrimitiveBoolean
    RegistrationId: String | None


SenderIdInformationList = list[SenderIdInformation]


class DescribeSenderIdsResult(TypedDict, total=False):
    SenderIds: SenderIdInformationList | None
    NextToken: NextToken | None


class DescribeSpendLimitsRequest(ServiceRequest):
    NextToken: NextToken | None
    MaxResults: MaxResults | None


class SpendLimit(TypedDict, total=False):
    Name: SpendLimitName
    EnforcedLimit: PrimitiveLong
    MaxLimit: PrimitiveLong
    Overridden: PrimitiveBoolean


SpendLimitList = list[SpendLimit]


class DescribeSpendLimitsResult(TypedDict, total=False):
    SpendLimits: SpendLimitList | None
    NextToken: NextToken | None


class VerifiedDestinationNumberFilter(TypedDict, total=False):
    Name: VerifiedDestinationNumberFilterName
    Values: FilterValueList


VerifiedDestinationNumberFilterList = list[VerifiedDestinationNumberFilter]
DestinationPhoneNumberList = list[PhoneNumber]
VerifiedDestinationNumberIdList = list[VerifiedDestinationNumberIdOrArn]


class DescribeVerifiedDestinationNumbersRequest(ServiceRequest):
    VerifiedDestinationNumberIds: VerifiedDestinationNumberIdList | None
    DestinationPhoneNumbers: DestinationPhoneNumberList | None
    Filters: VerifiedDestinationNumberFilterList | None
    NextToken: NextToken | None
    MaxResults: MaxResults | None


class VerifiedDestinationNumberInformation(TypedDict, total=False):
    VerifiedDestinationNumberArn: String
    VerifiedDestinationNumberId: String
    DestinationPhoneNumber: PhoneNumber
    Status: VerificationStatus
    CreatedTimestamp: Timestamp


VerifiedDestinationNumberInformationList = list[VerifiedDestinationNumberInformation]


class DescribeVerifiedDestinationNumbersResult(TypedDict, total=False):
    VerifiedDestinationNumbers: VerifiedDestinationNumberInformationList
    NextToken: NextToken | None


DestinationCountryParameters = dict[
    DestinationCountryParameterKey, DestinationCountryParameterValue
]


class DisassociateOriginationIdentityRequest(ServiceRequest):
    PoolId: PoolIdOrArn
    OriginationIdentity: PhoneOrSenderIdOrArn
    IsoCountryCode: IsoCountryCode
    ClientToken: ClientToken | None


class DisassociateOriginationIdentityResult(TypedDict, total=False):
    PoolArn: String | None
    PoolId: String | None
    OriginationIdentityArn: String | None
    OriginationIdentity: String | None
    IsoCountryCode: IsoCountryCode | None


class DisassociateProtectConfigurationRequest(ServiceRequest):
    ProtectConfigurationId: ProtectConfigurationIdOrArn
    ConfigurationSetName: ConfigurationSetNameOrArn


class DisassociateProtectConfigurationResult(TypedDict, total=False):
    ConfigurationSetArn: String
    ConfigurationSetName: ConfigurationSetName
    ProtectConfigurationArn: ProtectConfigurationArn
    ProtectConfigurationId: ProtectConfigurationId


class DiscardRegistrationVersionRequest(ServiceRequest):
    RegistrationId: RegistrationIdOrArn


class DiscardRegistrationVersionResult(TypedDict, total=False):
    RegistrationArn: String
    RegistrationId: String
    VersionNumber: RegistrationVersionNumber
    RegistrationVersionStatus: RegistrationVersionStatus
    RegistrationVersionStatusHistory: RegistrationVersionStatusHistory


class GetProtectConfigurationCountryRuleSetRequest(ServiceRequest):
    ProtectConfigurationId: ProtectConfigurationIdOrArn
    NumberCapability: NumberCapability


class ProtectConfigurationCountryRuleSetInformation(TypedDict, total=False):
    ProtectStatus: ProtectStatus


ProtectConfigurationCountryRuleSet = dict[
    IsoCountryCode, ProtectConfigurationCountryRuleSetInformation
]


class GetProtectConfigurationCountryRuleSetResult(TypedDict, total=False):
    ProtectConfigurationArn: ProtectConfigurationArn
    ProtectConfigurationId: ProtectConfigurationId
    NumberCapability: NumberCapability
    CountryRuleSet: ProtectConfigurationCountryRuleSet


class GetResourcePolicyRequest(ServiceRequest):
    ResourceArn: AmazonResourceName


class GetResourcePolicyResult(TypedDict, total=False):
    ResourceArn: AmazonResourceName | None
    Policy: ResourcePolicy | None
    CreatedTimestamp: Timestamp | None


class PoolOriginationIdentitiesFilter(TypedDict, total=False):
    Name: PoolOriginationIdentitiesFilterName
    Values: FilterValueList


PoolOriginationIdentitiesFilterList = list[PoolOriginationIdentitiesFilter]


class ListPoolOriginationIdentitiesRequest(ServiceRequest):
    PoolId: PoolIdOrArn
    Filters: PoolOriginationIdentitiesFilterList | None
    NextToken: NextToken | None
    MaxResults: MaxResults | None


class OriginationIdentityMetadata(TypedDict, total=False):
    OriginationIdentityArn: String
    OriginationIdentity: String
    IsoCountryCode: IsoCountryCode
    NumberCapabilities: NumberCapabilityList
    PhoneNumber: PhoneNumber | None


OriginationIdentityMetadataList = list[OriginationIdentityMetadata]


class ListPoolOriginationIdentitiesResult(TypedDict, total=False):
    PoolArn: String | None
    PoolId: String | None
    OriginationIdentities: OriginationIdentityMetadataList | None
    NextToken: NextToken | None


class ProtectConfigurationRuleSetNumberOverrideFilterItem(TypedDict, total=False):
    Name: ProtectConfigurationRuleSetNumberOverrideFilterName
    Values: FilterValueList


ListProtectConfigurationRuleSetNumberOverrideFilter = list[
    ProtectConfigurationRuleSetNumberOverrideFilterItem
]


class ListProtectConfigurationRuleSetNumberOverridesRequest(ServiceRequest):
    ProtectConfigurationId: ProtectConfigurationIdOrArn
    Filters: ListProtectConfigurationRuleSetNumberOverrideFilter | None
    NextToken: NextToken | None
    MaxResults: MaxResults | None


class ProtectConfigurationRuleSetNumberOverride(TypedDict, total=False):
    DestinationPhoneNumber: PhoneNumber
    CreatedTimestamp: Timestamp
    Action: ProtectConfigurationRuleOverrideAction
    IsoCountryCode: IsoCountryCode | None
    ExpirationTimestamp: Timestamp | None


ProtectConfigurationRuleSetNumberOverrideList = list[ProtectConfigurationRuleSetNumberOverride]


class ListProtectConfigurationRuleSetNumberOverridesResult(TypedDict, total=False):
    ProtectConfigurationArn: ProtectConfigurationArn
    ProtectConfigurationId: ProtectConfigurationId
    RuleSetNumberOverrides: ProtectConfigurationRuleSetNumberOverrideList | None
    NextToken: NextToken | None


class RegistrationAssociationFilter(TypedDict, total=False):
    Name: RegistrationAssociationFilterName
    Values: FilterValueList


RegistrationAssociationFilterList = list[RegistrationAssociationFilter]


class ListRegistrationAssociationsRequest(ServiceRequest):
    RegistrationId: RegistrationIdOrArn
    Filters: RegistrationAssociationFilterList | None
    NextToken: NextToken | None
    MaxResults: MaxResults | None


class RegistrationAssociationMetadata(TypedDict, total=False):
    ResourceArn: String
    ResourceId: String
    ResourceType: String
    IsoCountryCode: IsoCountryCode | None
    PhoneNumber: PhoneNumber | None


RegistrationAssociationMetadataList = list[RegistrationAssociationMetadata]


class ListRegistrationAssociationsResult(TypedDict, total=False):
    RegistrationArn: String
    RegistrationId: String
    RegistrationType: RegistrationType
    RegistrationAssociations: RegistrationAssociationMetadataList
    NextToken: NextToken | None


class ListTagsForResourceRequest(ServiceRequest):
    ResourceArn: AmazonResourceName


class ListTagsForResourceResult(TypedDict, total=False):
    ResourceArn: AmazonResourceName | None
    Tags: TagList | None


MediaUrlList = list[MediaUrlValue]
NonEmptyTagList = list[Tag]


class PutKeywordRequest(ServiceRequest):
    OriginationIdentity: PhoneOrPoolIdOrArn
    Keyword: Keyword
    KeywordMessage: KeywordMessage
    KeywordAction: KeywordAction | None


class PutKeywordResult(TypedDict, total=False):
    OriginationIdentityArn: String | None
    OriginationIdentity: String | None
    Keyword: Keyword | None
    KeywordMessage: KeywordMessage | None
    KeywordAction: KeywordAction | None


class PutMessageFeedbackRequest(ServiceRequest):
    MessageId: MessageId
    MessageFeedbackStatus: MessageFeedbackStatus


class PutMessageFeedbackResult(TypedDict, total=False):
    MessageId: MessageId
    MessageFeedbackStatus: MessageFeedbackStatus


class PutOptedOutNumberRequest(ServiceRequest):
    OptOutListName: OptOutListNameOrArn
    OptedOutNumber: PhoneNumber


class PutOptedOutNumberResult(TypedDict, total=False):
    OptOutListArn: String | None
    OptOutListName: OptOutListName | None
    OptedOutNumber: PhoneNumber | None
    OptedOutTimestamp: Timestamp | None
    EndUserOptedOut: PrimitiveBoolean | None


class PutProtectConfigurationRuleSetNumberOverrideRequest(ServiceRequest):
    ClientToken: ClientToken | None
    ProtectConfigurationId: ProtectConfigurationIdOrArn
    DestinationPhoneNumber: PhoneNumber
    Action: ProtectConfigurationRuleOverrideAction
    ExpirationTimestamp: Timestamp | None


class PutProtectConfigurationRuleSetNumberOverrideResult(TypedDict, total=False):
    ProtectConfigurationArn: ProtectConfigurationArn
    ProtectConfigurationId: ProtectConfigurationId
    DestinationPhoneNumber: PhoneNumber
    CreatedTimestamp: Timestamp
    Action: ProtectConfigurationRuleOverrideAction
    IsoCountryCode: IsoCountryCode | None
    ExpirationTimestamp: Timestamp | None


class PutRegistrationFieldValueRequest(ServiceRequest):
    RegistrationId: RegistrationIdOrArn
    FieldPath: FieldPath
    SelectChoices: SelectChoiceList | None
    TextValue: TextValue | None
    RegistrationAttachmentId: RegistrationAttachmentIdOrArn | None


class PutRegistrationFieldValueResult(TypedDict, total=False):
    RegistrationArn: String
    RegistrationId: String
    VersionNumber: RegistrationVersionNumber
    FieldPath: FieldPath
    SelectChoices: SelectChoiceList | None
    TextValue: TextValue | None
    RegistrationAttachmentId: String | None


class PutResourcePolicyRequest(ServiceRequest):
    ResourceArn: AmazonResourceName
    Policy: ResourcePolicy


class PutResourcePolicyResult(TypedDict, total=False):
    ResourceArn: AmazonResourceName | None
    Policy: ResourcePolicy | None
    CreatedTimestamp: Timestamp | None


class ReleasePhoneNumberRequest(ServiceRequest):
    PhoneNumberId: PhoneNumberIdOrArn


class ReleasePhoneNumberResult(TypedDict, total=False):
    PhoneNumberArn: String | None
    PhoneNumberId: String | None
    PhoneNumber: PhoneNumber | None
    Status: NumberStatus | None
    IsoCountryCode: IsoCountryCode | None
    MessageType: MessageType | None
    NumberCapabilities: NumberCapabilityList | None
    NumberType: NumberType | None
    MonthlyLeasingPrice: String | None
    TwoWayEnabled: PrimitiveBoolean | None
    TwoWayChannelArn: TwoWayChannelArn | None
    TwoWayChannelRole: IamRoleArn | None
    SelfManagedOptOutsEnabled: PrimitiveBoolean | None
    OptOutListName: OptOutListName | None
    RegistrationId: String | None
    CreatedTimestamp: Timestamp | None


class ReleaseSenderIdRequest(ServiceRequest):
    SenderId: SenderIdOrArn
    IsoCountryCode: IsoCountryCode


class ReleaseSenderIdResult(TypedDict, total=False):
    SenderIdArn: String
    SenderId: SenderId
    IsoCountryCode: IsoCountryCode
    MessageTypes: MessageTypeList
    MonthlyLeasingPrice: String
    Registered: PrimitiveBoolean
    RegistrationId: String | None


class RequestPhoneNumberRequest(ServiceRequest):
    IsoCountryCode: IsoCountryCode
    MessageType: MessageType
    NumberCapabilities: NumberCapabilityList
    NumberType: RequestableNumberType
    OptOutListName: OptOutListNameOrArn | None
    PoolId: PoolIdOrArn | None
    RegistrationId: RegistrationIdOrArn | None
    InternationalSendingEnabled: Boolean | None
    DeletionProtectionEnabled: Boolean | None
    Tags: TagList | None
    ClientToken: ClientToken | None


class RequestPhoneNumberResult(TypedDict, total=False):
    PhoneNumberArn: String | None
    PhoneNumberId: String | None
    PhoneNumber: PhoneNumber | None
    Status: NumberStatus | None
    IsoCountryCode: IsoCountryCode | None
    MessageType: MessageType | None
    NumberCapabilities: NumberCapabilityList | None
    NumberType: RequestableNumberType | None
    MonthlyLeasingPrice: String | None
    TwoWayEnabled: PrimitiveBoolean | None
    TwoWayChannelArn: TwoWayChannelArn | None
    TwoWayChannelRole: IamRoleArn | None
    SelfManagedOptOutsEnabled: PrimitiveBoolean | None
    OptOutListName: OptOutListName | None
    InternationalSendingEnabled: PrimitiveBoolean | None
    DeletionProtectionEnabled: PrimitiveBoolean | None
    PoolId: String | None
    RegistrationId: String | None
    Tags: TagList | None
    CreatedTimestamp: Timestamp | None


class RequestSenderIdRequest(ServiceRequest):
    SenderId: SenderId
    IsoCountryCode: IsoCountryCode
    MessageTypes: MessageTypeList | None
    DeletionProtectionEnabled: Boolean | None
    Tags: TagList | None
    ClientToken: ClientToken | None


class RequestSenderIdResult(TypedDict, total=False):
    SenderIdArn: String
    SenderId: SenderId
    IsoCountryCode: IsoCountryCode
    MessageTypes: MessageTypeList
    MonthlyLeasingPrice: String
    DeletionProtectionEnabled: PrimitiveBoolean
    Registered: PrimitiveBoolean
    Tags: TagList | None


class SendDestinationNumberVerificationCodeRequest(ServiceRequest):
    VerifiedDestinationNumberId: VerifiedDestinationNumberIdOrArn
    VerificationChannel: VerificationChannel
    LanguageCode: LanguageCode | None
    OriginationIdentity: VerificationMessageOriginationIdentity | None
    ConfigurationSetName: ConfigurationSetNameOrArn | None
    Context: ContextMap | None
    DestinationCountryParameters: DestinationCountryParameters | None


class SendDestinationNumberVerificationCodeResult(TypedDict, total=False):
    MessageId: String


class SendMediaMessageRequest(ServiceRequest):
    DestinationPhoneNumber: PhoneNumber
    OriginationIdentity: MediaMessageOriginationIdentity
    MessageBody: TextMessageBody | None
    MediaUrls: MediaUrlList | None
    ConfigurationSetName: ConfigurationSetNameOrArn | None
    MaxPrice: MaxPrice | None
    TimeToLive: TimeToLive | None
    Context: ContextMap | None
    DryRun: PrimitiveBoolean | None
    ProtectConfigurationId: ProtectConfigurationIdOrArn | None
    MessageFeedbackEnabled: Boolean | None


class SendMediaMessageResult(TypedDict, total=False):
    MessageId: String | None


class SendTextMessageRequest(ServiceRequest):
    DestinationPhoneNumber: PhoneNumber
    OriginationIdentity: TextMessageOriginationIdentity | None
    MessageBody: TextMessageBody | None
    MessageType: MessageType | None
    Keyword: Keyword | None
    ConfigurationSetName: ConfigurationSetNameOrArn | None
    MaxPrice: MaxPrice | None
    TimeToLive: TimeToLive | None
    Context: ContextMap | None
    DestinationCountryParameters: DestinationCountryParameters | None
    DryRun: PrimitiveBoolean | None
    ProtectConfigurationId: ProtectConfigurationIdOrArn | None
    MessageFeedbackEnabled: Boolean | None


class SendTextMessageResult(TypedDict, total=False):
    MessageId: String | None


class SendVoiceMessageRequest(ServiceRequest):
    DestinationPhoneNumber: PhoneNumber
    OriginationIdentity: VoiceMessageOriginationIdentity
    MessageBody: VoiceMessageBody | None
    MessageBodyTextType: VoiceMessageBodyTextType | None
    VoiceId: VoiceId | None
    ConfigurationSetName: ConfigurationSetNameOrArn | None
    MaxPricePerMinute: MaxPrice | None
    TimeToLive: TimeToLive | None
    Context: ContextMap | None
    DryRun: PrimitiveBoolean | None
    ProtectConfigurationId: ProtectConfigurationIdOrArn | None
    MessageFeedbackEnabled: Boolean | None


class SendVoiceMessageResult(TypedDict, total=False):
    MessageId: String | None


class SetAccountDefaultProtectConfigurationRequest(ServiceRequest):
    ProtectConfigurationId: ProtectConfigurationIdOrArn


class SetAccountDefaultProtectConfigurationResult(TypedDict, total=False):
    DefaultProtectConfigurationArn: ProtectConfigurationArn
    DefaultProtectConfigurationId: ProtectConfigurationId


class SetDefaultMessageFeedbackEnabledRequest(ServiceRequest):
    ConfigurationSetName: ConfigurationSetNameOrArn
    MessageFeedbackEnabled: Boolean


class SetDefaultMessageFeedbackEnabledResult(TypedDict, total=False):
    ConfigurationSetArn: String | None
    ConfigurationSetName: ConfigurationSetName | None
    MessageFeedbackEnabled: Boolean | None


class SetDefaultMessageTypeRequest(ServiceRequest):
    ConfigurationSetName: ConfigurationSetNameOrArn
    MessageType: MessageType


class SetDefaultMessageTypeResult(TypedDict, total=False):
    ConfigurationSetArn: String | None
    ConfigurationSetName: ConfigurationSetName | None
    MessageType: MessageType | None


class SetDefaultSenderIdRequest(ServiceRequest):
    ConfigurationSetName: ConfigurationSetNameOrArn
    SenderId: SenderId


class SetDefaultSenderIdResult(TypedDict, total=False):
    ConfigurationSetArn: String | None
    ConfigurationSetName: ConfigurationSetName | None
    SenderId: SenderId | None


class SetMediaMessageSpendLimitOverrideRequest(ServiceRequest):
    MonthlyLimit: MonthlyLimit


class SetMediaMessageSpendLimitOverrideResult(TypedDict, total=False):
    MonthlyLimit: MonthlyLimit | None


class SetTextMessageSpendLimitOverrideRequest(ServiceRequest):
    MonthlyLimit: MonthlyLimit


class SetTextMessageSpendLimitOverrideResult(TypedDict, total=False):
    MonthlyLimit: MonthlyLimit | None


class SetVoiceMessageSpendLimitOverrideRequest(ServiceRequest):
    MonthlyLimit: MonthlyLimit


class SetVoiceMessageSpendLimitOverrideResult(TypedDict, total=False):
    MonthlyLimit: MonthlyLimit | None


class SubmitRegistrationVersionRequest(ServiceRequest):
    RegistrationId: RegistrationIdOrArn
    AwsReview: PrimitiveBoolean | None


class SubmitRegistrationVersionResult(TypedDict, total=False):
    RegistrationArn: String
    RegistrationId: String
    VersionNumber: RegistrationVersionNumber
    RegistrationVersionStatus: RegistrationVersionStatus
    RegistrationVersionStatusHistory: RegistrationVersionStatusHistory
    AwsReview: PrimitiveBoolean


TagKeyList = list[TagKey]


class TagResourceRequest(ServiceRequest):
    ResourceArn: AmazonResourceName
    Tags: NonEmptyTagList


class TagResourceResult(TypedDict, total=False):
    pass


class UntagResourceRequest(ServiceRequest):
    ResourceArn: AmazonResourceName
    TagKeys: TagKeyList


class UntagResourceResult(TypedDict, total=False):
    pass


class UpdateEventDestinationRequest(ServiceRequest):
    ConfigurationSetName: ConfigurationSetNameOrArn
    EventDestinationName: EventDestinationName
    Enabled: Boolean | None
    MatchingEventTypes: EventTypeList | None
    CloudWatchLogsDestination: CloudWatchLogsDestination | None
    KinesisFirehoseDestination: KinesisFirehoseDestination | None
    SnsDestination: SnsDestination | None


class UpdateEventDestinationResult(TypedDict, total=False):
    ConfigurationSetArn: String | None
    ConfigurationSetName: ConfigurationSetName | None
    EventDestination: EventDestination | None


class UpdatePhoneNumberRequest(ServiceRequest):
    PhoneNumberId: PhoneNumberIdOrArn
    TwoWayEnabled: Boolean | None
    TwoWayChannelArn: TwoWayChannelArn | None
    TwoWayChannelRole: IamRoleArn | None
    SelfManagedOptOutsEnabled: Boolean | None
    OptOutListName: OptOutListNameOrArn | None
    InternationalSendingEnabled: Boolean | None
    DeletionProtectionEnabled: Boolean | None


class UpdatePhoneNumberResult(TypedDict, total=False):
    PhoneNumberArn: String | None
    PhoneNumberId: String | None
    PhoneNumber: PhoneNumber | None
    Status: NumberStatus | None
    IsoCountryCode: IsoCountryCode | None
    MessageType: MessageType | None
    NumberCapabilities: NumberCapabilityList | None
    NumberType: NumberType | None
    MonthlyLeasingPrice: String | None
    TwoWayEnabled: PrimitiveBoolean | None
    TwoWayChannelArn: TwoWayChannelArn | None
    TwoWayChannelRole: IamRoleArn | None
    SelfManagedOptOutsEnabled: PrimitiveBoolean | None
    OptOutListName: OptOutListName | None
    InternationalSendingEnabled: PrimitiveBoolean | None
    DeletionProtectionEnabled: PrimitiveBoolean | None
    RegistrationId: String | None
    CreatedTimestamp: Timestamp | None


class UpdatePoolRequest(ServiceRequest):
    PoolId: PoolIdOrArn
    TwoWayEnabled: Boolean | None
    TwoWayChannelArn: TwoWayChannelArn | None
    TwoWayChannelRole: IamRoleArn | None
    SelfManagedOptOutsEnabled: Boolean | None
    OptOutListName: OptOutListNameOrArn | None
    SharedRoutesEnabled: Boolean | None
    DeletionProtectionEnabled: Boolean | None


class UpdatePoolResult(TypedDict, total=False):
    PoolArn: String | None
    PoolId: String | None
    Status: PoolStatus | None
    MessageType: MessageType | None
    TwoWayEnabled: PrimitiveBoolean | None
    TwoWayChannelArn: TwoWayChannelArn | None
    TwoWayChannelRole: IamRoleArn | None
    SelfManagedOptOutsEnabled: PrimitiveBoolean | None
    OptOutListName: OptOutListName | None
    SharedRoutesEnabled: PrimitiveBoolean | None
    DeletionProtectionEnabled: PrimitiveBoolean | None
    CreatedTimestamp: Timestamp | None


class UpdateProtectConfigurationCountryRuleSetRequest(ServiceRequest):
    ProtectConfigurationId: ProtectConfigurationIdOrArn
    NumberCapability: NumberCapability
    CountryRuleSetUpdates: ProtectConfigurationCountryRuleSet


class UpdateProtectConfigurationCountryRuleSetResult(TypedDict, total=False):
    ProtectConfigurationArn: ProtectConfigurationArn
    ProtectConfigurationId: ProtectConfigurationId
    NumberCapability: NumberCapability
    CountryRuleSet: ProtectConfigurationCountryRuleSet


class UpdateProtectConfigurationRequest(ServiceRequest):
    ProtectConfigurationId: ProtectConfigurationIdOrArn
    DeletionProtectionEnabled: Boolean | None


class UpdateProtectConfigurationResult(TypedDict, total=False):
    ProtectConfigurationArn: ProtectConfigurationArn
    ProtectConfigurationId: ProtectConfigurationId
    CreatedTimestamp: Timestamp
    AccountDefault: PrimitiveBoolean
    DeletionProtectionEnabled: PrimitiveBoolean


class UpdateSenderIdRequest(ServiceRequest):
    SenderId: SenderIdOrArn
    IsoCountryCode: IsoCountryCode
    DeletionProtectionEnabled: Boolean | None


class UpdateSenderIdResult(TypedDict, total=False):
    SenderIdArn: String
    SenderId: SenderId
    IsoCountryCode: IsoCountryCode
    MessageTypes: MessageTypeList
    MonthlyLeasingPrice: String
    DeletionProtectionEnabled: PrimitiveBoolean
    Registered: PrimitiveBoolean
    RegistrationId: String | None


class VerifyDestinationNumberRequest(ServiceRequest):
    VerifiedDestinationNumberId: VerifiedDestinationNumberIdOrArn
    VerificationCode: VerificationCode


class VerifyDestinationNumberResult(TypedDict, total=False):
    VerifiedDestinationNumberArn: String
    VerifiedDestinationNumberId: String
    DestinationPhoneNumber: PhoneNumber
    Status: VerificationStatus
    CreatedTimestamp: Timestamp


class PinpointSmsVoiceV2Api:
    service: str = "pinpoint-sms-voice-v2"
    version: str = "2022-03-31"

    @handler("AssociateOriginationIdentity")
    def associate_origination_identity(
        self,
        context: RequestContext,
        pool_id: PoolIdOrArn,
        origination_identity: PhoneOrSenderIdOrArn,
        iso_country_code: IsoCountryCode,
        client_token: ClientToken | None = None,
        **kwargs,
    ) -> AssociateOriginationIdentityResult:
        raise NotImplementedError

    @handler("AssociateProtectConfiguration")
    def associate_protect_configuration(
        self,
        context: RequestContext,
        protect_configuration_id: ProtectConfigurationIdOrArn,
        configuration_set_name: ConfigurationSetNameOrArn,
        **kwargs,
    ) -> AssociateProtectConfigurationResult:
        raise NotImplementedError

    @handler("CarrierLookup")
    def carrier_lookup(
        self, context: RequestContext, phone_number: CarrierLookupInputPhoneNumberType, **kwargs
    ) -> CarrierLookupResult:
        raise NotImplementedError

    @handler("CreateConfigurationSet")
    def create_configuration_set(
        self,
        context: RequestContext,
        configuration_set_name: ConfigurationSetName,
        tags: TagList | None = None,
        client_token: ClientToken | None = None,
        **kwargs,
    ) -> CreateConfigurationSetResult:
        raise NotImplementedError

    @handler("CreateEventDestination")
    def create_event_destination(
        self,
        context: RequestContext,
        configuration_set_name: ConfigurationSetNameOrArn,
        event_destination_name: EventDestinationName,
        matching_event_types: EventTypeList,
        cloud_watch_logs_destination: CloudWatchLogsDestination | None = None,
        kinesis_firehose_destination: KinesisFirehoseDestination | None = None,
        sns_destination: SnsDestination | None = None,
        client_token: ClientToken | None = None,
        **kwargs,
    ) -> CreateEventDestinationResult:
        raise NotImplementedError

    @handler("CreateOptOutList")
    def create_opt_out_list(
        self,
        context: RequestContext,
        opt_out_list_name: OptOutListName,
        tags: TagList | None = None,
        client_token: ClientToken | None = None,
        **kwargs,
    ) -> CreateOptOutListResult:
        raise NotImplementedError

    @handler("CreatePool")
    def create_pool(
        self,
        context: RequestContext,
        origination_identity: PhoneOrSenderIdOrArn,
        iso_country_code: IsoCountryCode,
        message_type: MessageType,
        deletion_protection_enabled: Boolean | None = None,
        tags: TagList | None = None,
        client_token: ClientToken | None = None,
        **kwargs,
    ) -> CreatePoolResult:
        raise NotImplementedError

    @handler("CreateProtectConfiguration")
    def create_protect_configuration(
        self,
        context: RequestContext,
        client_token: ClientToken | None = None,
        deletion_protection_enabled: Boolean | None = None,
        tags: TagList | None = None,
        **kwargs,
    ) -> CreateProtectConfigurationResult:
        raise NotImplementedError

    @handler("CreateRegistration")
    def create_registration(
        self,
        context: RequestContext,
        registration_type: RegistrationType,
        tags: TagList | None = None,
        client_token: ClientToken | None = None,
        **kwargs,
    ) -> CreateRegistrationResult:
        raise NotImplementedError

    @handler("CreateRegistrationAssociation")
    def create_registration_association(
        self,
        context: RequestContext,
        registration_id: RegistrationIdOrArn,
        resource_id: ResourceIdOrArn,
        **kwargs,
    ) -> CreateRegistrationAssociationResult:
        raise NotImplementedError

    @handler("CreateRegistrationAttachment")
    def create_registration_attachment(
        self,
        context: RequestContext,
        attachment_body: AttachmentBody | None = None,
        attachment_url: AttachmentUrl | None = None,
        tags: TagList | None = None,
        client_token: ClientToken | None = None,
        **kwargs,
    ) -> CreateRegistrationAttachmentResult:
        raise NotImplementedError

    @handler("CreateRegistrationVersion")
    def create_registration_version(
        self, context: RequestContext, registration_id: RegistrationIdOrArn, **kwargs
    ) -> CreateRegistrationVersionResult:
        raise NotImplementedError

    @handler("CreateVerifiedDestinationNumber")
    def create_verified_destination_number(
        self,
        context: RequestContext,
        destination_phone_number: PhoneNumber,
        tags: TagList | None = None,
        client_token: ClientToken | None = None,
        **kwargs,
    ) -> CreateVerifiedDestinationNumberResult:
        raise NotImplementedError

    @handler("DeleteAccountDefaultProtectConfiguration")
    def delete_account_default_protect_configuration(
        self, context: RequestContext, **kwargs
    ) -> DeleteAccountDefaultProtectConfigurationResult:
        raise NotImplementedError

    @handler("DeleteConfigurationSet")
    def delete_configuration_set(
        self, context: RequestContext, configuration_set_name: ConfigurationSetNameOrArn, **kwargs
    ) -> DeleteConfigurationSetResult:
        raise NotImplementedError

    @handler("DeleteDefaultMessageType")
    def delete_default_message_type(
        self, context: RequestContext, configuration_set_name: ConfigurationSetNameOrArn, **kwargs
    ) -> DeleteDefaultMessageTypeResult:
        raise NotImplementedError

    @handler("DeleteDefaultSenderId")
    def delete_default_sender_id(
        self, context: RequestContext, configuration_set_name: ConfigurationSetNameOrArn, **kwargs
    ) -> DeleteDefaultSenderIdResult:
        raise NotImplementedError

    @handler("DeleteEventDestination")
    def delete_event_destination(
        self,
        context: RequestContext,
        configuration_set_name: ConfigurationSetNameOrArn,
        event_destination_name: EventDestinationName,
        **kwargs,
    ) -> DeleteEventDestinationResult:
        raise NotImplementedError

    @handler("DeleteKeyword")
    def delete_keyword(
        self,
        context: RequestContext,
        origination_identity: PhoneOrPoolIdOrArn,
        keyword: Keyword,
        **kwargs,
    ) -> DeleteKeywordResult:
        raise NotImplementedError

    @handler("DeleteMediaMessageSpendLimitOverride")
    def delete_media_message_spend_limit_override(
        self, context: RequestContext, **kwargs
    ) -> DeleteMediaMessageSpendLimitOverrideResult:
        raise NotImplementedError

    @handler("DeleteOptOutList")
    def delete_opt_out_list(
        self, context: RequestContext, opt_out_list_name: OptOutListNameOrArn, **kwargs
    ) -> DeleteOptOutListResult:
        raise NotImplementedError

    @handler("DeleteOptedOutNumber")
    def delete_opted_out_number(
        self,
        context: RequestContext,
        opt_out_list_name: OptOutListNameOrArn,
        opted_out_number: PhoneNumber,
        **kwargs,
    ) -> DeleteOptedOutNumberResult:
        raise NotImplementedError

    @handler("DeletePool")
    def delete_pool(
        self, context: RequestContext, pool_id: PoolIdOrArn, **kwargs
    ) -> DeletePoolResult:
        raise NotImplementedError

    @handler("DeleteProtectConfiguration")
    def delete_protect_configuration(
        self,
        context: RequestContext,
        protect_configuration_id: ProtectConfigurationIdOrArn,
        **kwargs,
    ) -> DeleteProtectConfigurationResult:
        raise NotImplementedError

    @handler("DeleteProtectConfigurationRuleSetNumberOverride")
    def delete_protect_configuration_rule_set_number_override(
        self,
        context: RequestContext,
        protect_configuration_id: ProtectConfigurationIdOrArn,
        destination_phone_number: PhoneNumber,
        **kwargs,
    ) -> DeleteProtectConfigurationRuleSetNumberOverrideResult:
        raise NotImplementedError

    @handler("DeleteRegistration")
    def delete_registration(
        self, context: RequestContext, registration_id: RegistrationIdOrArn, **kwargs
    ) -> DeleteRegistrationResult:
        raise NotImplementedError

    @handler("DeleteRegistrationAttachment")
    def delete_registration_attachment(
        self,
        context: RequestContext,
        registration_attachment_id: RegistrationAttachmentIdOrArn,
        **kwargs,
    ) -> DeleteRegistrationAttachmentResult:
        raise NotImplementedError

    @handler("DeleteRegistrationFieldValue")
    def delete_registration_field_value(
        self,
        context: RequestContext,
        registration_id: RegistrationIdOrArn,
        field_path: FieldPath,
        **kwargs,
    ) -> DeleteRegistrationFieldValueResult:
        raise NotImplementedError

    @handler("DeleteResourcePolicy")
    def delete_resource_policy(
        self, context: RequestContext, resource_arn: AmazonResourceName, **kwargs
    ) -> DeleteResourcePolicyResult:
        raise NotImplementedError

    @handler("DeleteTextMessageSpendLimitOverride")
    def delete_text_message_spend_limit_override(
        self, context: RequestContext, **kwargs
    ) -> DeleteTextMessageSpendLimitOverrideResult:
        raise NotImplementedError

    @handler("DeleteVerifiedDestinationNumber")
    def delete_verified_destination_number(
        self,
        context: RequestContext,
        verified_destination_number_id: VerifiedDestinationNumberIdOrArn,
        **kwargs,
    ) -> DeleteVerifiedDestinationNumberResult:
        raise NotImplementedError

    @handler("DeleteVoiceMessageSpendLimitOverride")
    def delete_voice_message_spend_limit_override(
        self, context: RequestContext, **kwargs
    ) -> DeleteVoiceMessageSpendLimitOverrideResult:
        raise NotImplementedError

    @handler("DescribeAccountAttributes")
    def describe_account_attributes(
        self,
        context: RequestContext,
        next_token: NextToken | None = None,
        max_results: MaxResults | None = None,
        **kwargs,
    ) -> DescribeAccountAttributesResult:
        raise NotImplementedError

    @handler("DescribeAccountLimits")
    def describe_account_limits(
        self,
        context: RequestContext,
        next_token: NextToken | None = None,
        max_results: MaxResults | None = None,
        **kwargs,
    ) -> DescribeAccountLimitsResult:
        raise NotImplementedError

    @handler("DescribeConfigurationSets")
    def describe_configuration_sets(
        self,
        context: RequestContext,
        configuration_set_names: ConfigurationSetNameList | None = None,
        filters: ConfigurationSetFilterList | None = None,
        next_token: NextToken | None = None,
        max_results: MaxResults | None = None,
        **kwargs,
    ) -> DescribeConfigurationSetsResult:
        raise NotImplementedError

    @handler("DescribeKeywords")
    def describe_keywords(
        self,
        context: RequestContext,
        origination_identity: PhoneOrPoolIdOrArn,
        keywords: KeywordList | None = None,
        filters: KeywordFilterList | None = None,
        next_token: NextToken | None = None,
        max_results: MaxResults | None = None,
        **kwargs,
    ) -> DescribeKeywordsResult:
        raise NotImplementedError

    @handler("DescribeOptOutLists")
    def describe_opt_out_lists(
        self,
        context: RequestContext,
        opt_out_list_names: OptOutListNameList | None = None,
        next_token: NextToken | None = None,
        max_results: MaxResults | None = None,
        owner: Owner | None = None,
        **kwargs,
    ) -> DescribeOptOutListsResult:
        raise NotImplementedError

    @handler("DescribeOptedOutNumbers")
    def describe_opted_out_numbers(
        self,
        context: RequestContext,
        opt_out_list_name: OptOutListNameOrArn,
        opted_out_numbers: OptedOutNumberList | None = None,
        filters: OptedOutFilterList | None = None,
        next_token: NextToken | None = None,
        max_results: MaxResults | None = None,
        **kwargs,
    ) -> DescribeOptedOutNumbersResult:
        raise NotImplementedError

    @handler("DescribePhoneNumbers")
    def describe_phone_numbers(
        self,
        context: RequestContext,
        phone_number_ids: PhoneNumberIdList | None = None,
        filters: PhoneNumberFilterList | None = None,
        next_token: NextToken | None = None,
        max_results: MaxResults | None = None,
        owner: Owner | None = None,
        **kwargs,
    ) -> DescribePhoneNumbersResult:
        raise NotImplementedError

    @handler("DescribePools")
    def describe_pools(
        self,
        context: RequestContext,
        pool_ids: PoolIdList | None = None,
        filters: PoolFilterList | None = None,
        next_token: NextToken | None = None,
        max_results: MaxResults | None = None,
        owner: Owner | None = None,
        **kwargs,
    ) -> DescribePoolsResult:
        raise NotImplementedError

    @handler("DescribeProtectConfigurations")
    def describe_protect_configurations(
        self,
        context: RequestContext,
        protect_configuration_ids: ProtectConfigurationIdList | None = None,
        filters: ProtectConfigurationFilterList | None = None,
        next_token: NextToken | None = None,
        max_results: MaxResults | None = None,
        **kwargs,
    ) -> DescribeProtectConfigurationsResult:
        raise NotImplementedError

    @handler("DescribeRegistrationAttachments")
    def describe_registration_attachments(
        self,
        context: RequestContext,
        registration_attachment_ids: RegistrationAttachmentIdList | None = None,
        filters: RegistrationAttachmentFilterList | None = None,
        next_token: NextToken | None = None,
        max_results: MaxResults | None = None,
        **kwargs,
    ) -> DescribeRegistrationAttachmentsResult:
        raise NotImplementedError

    @handler("DescribeRegistrationFieldDefinitions")
    def describe_registration_field_definitions(
        self,
        context: RequestContext,
        registration_type: RegistrationType,
        section_path: SectionPath | None = None,
        field_paths: FieldPathList | None = None,
        next_token: NextToken | None = None,
        max_results: MaxResults | None = None,
        **kwargs,
    ) -> DescribeRegistrationFieldDefinitionsResult:
        raise NotImplementedError

    @handler("DescribeRegistrationFieldValues")
    def describe_registration_field_values(
        self,
        context: RequestContext,
        registration_id: RegistrationIdOrArn,
        version_number: RegistrationVersionNumber | None = None,
        section_path: SectionPath | None = None,
        field_paths: FieldPathList | None = None,
        next_token: NextToken | None = None,
        max_results: MaxResults | None = None,
        **kwargs,
    ) -> DescribeRegistrationFieldValuesResult:
        raise NotImplementedError

    @handler("DescribeRegistrationSectionDefinitions")
    def describe_registration_section_definitions(
        self,
        context: RequestContext,
        registration_type: RegistrationType,
        section_paths: SectionPathList | None = None,
        next_token: NextToken | None = None,
        max_results: MaxResults | None = None,
        **kwargs,
    ) -> DescribeRegistrationSectionDefinitionsResult:
        raise NotImplementedError

    @handler("DescribeRegistrationTypeDefinitions")
    def describe_registration_type_definitions(
        self,
        context: RequestContext,
        registration_types: RegistrationTypeList | None = None,
        filters: RegistrationTypeFilterList | None = None,
        next_token: NextToken | None = None,
        max_results: MaxResults | None = None,
        **kwargs,
    ) -> DescribeRegistrationTypeDefinitionsResult:
        raise NotImplementedError

    @handler("DescribeRegistrationVersions")
    def describe_registration_versions(
        self,
        context: RequestContext,
        registration_id: RegistrationIdOrArn,
        version_numbers: RegistrationVersionNumberList | None = None,
        filters: RegistrationVersionFilterList | None = None,
        next_token: NextToken | None = None,
        max_results: MaxResults | None = None,
        **kwargs,
    ) -> DescribeRegistrationVersionsResult:
        raise NotImplementedError

    @handler("DescribeRegistrations")
    def describe_registrations(
        self,
        context: RequestContext,
        registration_ids: RegistrationIdList | None = None,
        filters: RegistrationFilterList | None = None,
        next_token: NextToken | None = None,
        max_results: MaxResults | None = None,
        **kwargs,
    ) -> DescribeRegistrationsResult:
        raise NotImplementedError

    @handler("DescribeSenderIds")
    def describe_sender_ids(
        self,
        context: RequestContext,
        sender_ids: SenderIdList | None = None,
        filters: SenderIdFilterList | None = None,
        next_token: NextToken | None = None,
        max_results: MaxResults | None = None,
        owner: Owner | None = None,
        **kwargs,
    ) -> DescribeSenderIdsResult:
        raise NotImplementedError

    @handler("DescribeSpendLimits")
    def describe_spend_limits(
        self,
        context: RequestContext,
        next_token: NextToken | None = None,
        max_results: MaxResults | None = None,
        **kwargs,
    ) -> DescribeSpendLimitsResult:
        raise NotImplementedError

    @handler("DescribeVerifiedDestinationNumbers")
    def describe_verified_destination_numbers(
        self,
        context: RequestContext,
        verified_destination_number_ids: VerifiedDestinationNumberIdList | None = None,
        destination_phone_numbers: DestinationPhoneNumberList | None = None,
        filters: VerifiedDestinationNumberFilterList | None = None,
        next_token: NextToken | None = None,
        max_results: MaxResults | None = None,
        **kwargs,
    ) -> DescribeVerifiedDestinationNumbersResult:
        raise NotImplementedError

    @handler("DisassociateOriginationIdentity")
    def disassociate_origination_identity(
        self,
        context: RequestContext,
        pool_id: PoolIdOrArn,
        origination_identity: PhoneOrSenderIdOrArn,
        iso_country_code: IsoCountryCode,
        client_token: ClientToken | None = None,
        **kwargs,
    ) -> DisassociateOriginationIdentityResult:
        raise NotImplementedError

    @handler("DisassociateProtectConfiguration")
    def disassociate_protect_configuration(
        self,
        context: RequestContext,
        protect_configuration_id: ProtectConfigurationIdOrArn,
        configuration_set_name: ConfigurationSetNameOrArn,
        **kwargs,
    ) -> DisassociateProtectConfigurationResult:
        raise NotImplementedError

    @handler("DiscardRegistrationVersion")
    def discard_registration_version(
        self, context: RequestContext, registration_id: RegistrationIdOrArn, **kwargs
    ) -> DiscardRegistrationVersionResult:
        raise NotImplementedError

    @handler("GetProtectConfigurationCountryRuleSet")
    def get_protect_configuration_country_rule_set(
        self,
        context: RequestContext,
        protect_configuration_id: ProtectConfigurationIdOrArn,
        number_capability: NumberCapability,
        **kwargs,
    ) -> GetProtectConfigurationCountryRuleSetResult:
        raise NotImplementedError

    @handler("GetResourcePolicy")
    def get_resource_policy(
        self, context: RequestContext, resource_arn: AmazonResourceName, **kwargs
    ) -> GetResourcePolicyResult:
        raise NotImplementedError

    @handler("ListPoolOriginationIdentities")
    def list_pool_origination_identities(
        self,
        context: RequestContext,
        pool_id: PoolIdOrArn,
        filters: PoolOriginationIdentitiesFilterList | None = None,
        next_token: NextToken | None = None,
        max_results: MaxResults | None = None,
        **kwargs,
    ) -> ListPoolOriginationIdentitiesResult:
        raise NotImplementedError

    @handler("ListProtectConfigurationRuleSetNumberOverrides")
    def list_protect_configuration_rule_set_number_overrides(
        self,
        context: RequestContext,
        protect_configuration_id: ProtectConfigurationIdOrArn,
        filters: ListProtectConfigurationRuleSetNumberOverrideFilter | None = None,
        next_token: NextToken | None = None,
        max_results: MaxResults | None = None,
        **kwargs,
    ) -> ListProtectConfigurationRuleSetNumberOverridesResult:
        raise NotImplementedError

    @handler("ListRegistrationAssociations")
    def list_registration_associations(
        self,
        context: RequestContext,
        registration_id: RegistrationIdOrArn,
        filters: RegistrationAssociationFilterList | None = None,
        next_token: NextToken | None = None,
        max_results: MaxResults | None = None,
        **kwargs,
    ) -> ListRegistrationAssociationsResult:
        raise NotImplementedError

    @handler("ListTagsForResource")
    def list_tags_for_resource(
        self, context: RequestContext, resource_arn: AmazonResourceName, **kwargs
    ) -> ListTagsForResourceResult:
        raise NotImplementedError

    @handler("PutKeyword")
    def put_keyword(
        self,
        context: RequestContext,
        origination_identity: PhoneOrPoolIdOrArn,
        keyword: Keyword,
        keyword_message: KeywordMessage,
        keyword_action: KeywordAction | None = None,
        **kwargs,
    ) -> PutKeywordResult:
        raise NotImplementedError

    @handler("PutMessageFeedback")
    def put_message_feedback(
        self,
        context: RequestContext,
        message_id: MessageId,
        message_feedback_status: MessageFeedbackStatus,
        **kwargs,
    ) -> PutMessageFeedbackResult:
        raise NotImplementedError

    @handler("PutOptedOutNumber")
    def put_opted_out_number(
        self,
        context: RequestContext,
        opt_out_list_name: OptOutListNameOrArn,
        opted_out_number: PhoneNumber,
        **kwargs,
    ) -> PutOptedOutNumberResult:
        raise NotImplementedError

    @handler("PutProtectConfigurationRuleSetNumberOverride")
    def put_protect_configuration_rule_set_number_override(
        self,
        context: RequestContext,
        protect_configuration_id: ProtectConfigurationIdOrArn,
        destination_phone_number: PhoneNumber,
        action: ProtectConfigurationRuleOverrideAction,
        client_token: ClientToken | None = None,
        expiration_timestamp: Timestamp | None = None,
        **kwargs,
    ) -> PutProtectConfigurationRuleSetNumberOverrideResult:
        raise NotImplementedError

    @handler("PutRegistrationFieldValue")
    def put_registration_field_value(
        self,
        context: RequestContext,
        registration_id: RegistrationIdOrArn,
        field_path: FieldPath,
        select_choices: SelectChoiceList | None = None,
        text_value: TextValue | None = None,
        registration_attachment_id: RegistrationAttachmentIdOrArn | None = None,
        **kwargs,
    ) -> PutRegistrationFieldValueResult:
        raise NotImplementedError

    @handler("PutResourcePolicy")
    def put_resource_policy(
        self,
        context: RequestContext,
        resource_arn: AmazonResourceName,
        policy: ResourcePolicy,
        **kwargs,
    ) -> PutResourcePolicyResult:
        raise NotImplementedError

    @handler("ReleasePhoneNumber")
    def release_phone_number(
        self, context: RequestContext, phone_number_id: PhoneNumberIdOrArn, **kwargs
    ) -> ReleasePhoneNumberResult:
        raise NotImplementedError

    @handler("ReleaseSenderId")
    def release_sender_id(
        self,
        context: RequestContext,
        sender_id: SenderIdOrArn,
        iso_country_code: IsoCountryCode,
        **kwargs,
    ) -> ReleaseSenderIdResult:
        raise NotImplementedError

    @handler("RequestPhoneNumber")
    def request_phone_number(
        self,
        context: RequestContext,
        iso_country_code: IsoCountryCode,
        message_type: MessageType,
        number_capabilities: NumberCapabilityList,
        number_type: RequestableNumberType,
        opt_out_list_name: OptOutListNameOrArn | None = None,
        pool_id: PoolIdOrArn | None = None,
        registration_id: RegistrationIdOrArn | None = None,
        international_sending_enabled: Boolean | None = None,
        deletion_protection_enabled: Boolean | None = None,
        tags: TagList | None = None,
        client_token: ClientToken | None = None,
        **kwargs,
    ) -> RequestPhoneNumberResult:
        raise NotImplementedError

    @handler("RequestSenderId")
    def request_sender_id(
        self,
        context: RequestContext,
        sender_id: SenderId,
        iso_country_code: IsoCountryCode,
        message_types: MessageTypeList | None = None,
        deletion_protection_enabled: Boolean | None = None,
        tags: TagList | None = None,
        client_token: ClientToken | None = None,
        **kwargs,
    ) -> RequestSenderIdResult:
        raise NotImplementedError

    @handler("SendDestinationNumberVerificationCode", expand=False)
    def send_destination_number_verification_code(
        self,
        context: RequestContext,
        request: SendDestinationNumberVerificationCodeRequest,
        **kwargs,
    ) -> SendDestinationNumberVerificationCodeResult:
        raise NotImplementedError

    @handler("SendMediaMessage", expand=False)
    def send_media_message(
        self, context: RequestContext, request: SendMediaMessageRequest, **kwargs
    ) -> SendMediaMessageResult:
        raise NotImplementedError

    @handler("SendTextMessage", expand=False)
    def send_text_message(
        self, context: RequestContext, request: SendTextMessageRequest, **kwargs
    ) -> SendTextMessageResult:
        raise NotImplementedError

    @handler("SendVoiceMessage", expand=False)
    def send_voice_message(
        self, context: RequestContext, request: SendVoiceMessageRequest, **kwargs
    ) -> SendVoiceMessageResult:
        raise NotImplementedError

    @handler("SetAccountDefaultProtectConfiguration")
    def set_account_default_protect_configuration(
        self,
        context: RequestContext,
        protect_configuration_id: ProtectConfigurationIdOrArn,
        **kwargs,
    ) -> SetAccountDefaultProtectConfigurationResult:
        raise NotImplementedError

    @handler("SetDefaultMessageFeedbackEnabled")
    def set_default_message_feedback_enabled(
        self,
        context: RequestContext,
        configuration_set_name: ConfigurationSetNameOrArn,
        message_feedback_enabled: Boolean,
        **kwargs,
    ) -> SetDefaultMessageFeedbackEnabledResult:
        raise NotImplementedError

    @handler("SetDefaultMessageType")
    def set_default_message_type(
        self,
        context: RequestContext,
        configuration_set_name: ConfigurationSetNameOrArn,
        message_type: MessageType,
        **kwargs,
    ) -> SetDefaultMessageTypeResult:
        raise NotImplementedError

    @handler("SetDefaultSenderId")
    def set_default_sender_id(
        self,
        context: RequestContext,
        configuration_set_name: ConfigurationSetNameOrArn,
        sender_id: SenderId,
        **kwargs,
    ) -> SetDefaultSenderIdResult:
        raise NotImplementedError

    @handler("SetMediaMessageSpendLimitOverride")
    def set_media_message_spend_limit_override(
        self, context: RequestContext, monthly_limit: MonthlyLimit, **kwargs
    ) -> SetMediaMessageSpendLimitOverrideResult:
        raise NotImplementedError

    @handler("SetTextMessageSpendLimitOverride")
    def set_text_message_spend_limit_override(
        self, context: RequestContext, monthly_limit: MonthlyLimit, **kwargs
    ) -> SetTextMessageSpendLimitOverrideResult:
        raise NotImplementedError

    @handler("SetVoiceMessageSpendLimitOverride")
    def set_voice_message_spend_limit_override(
        self, context: RequestContext, monthly_limit: MonthlyLimit, **kwargs
    ) -> SetVoiceMessageSpendLimitOverrideResult:
        raise NotImplementedError

    @handler("SubmitRegistrationVersion")
    def submit_registration_version(
        self,
        context: RequestContext,
        registration_id: RegistrationIdOrArn,
        aws_review: PrimitiveBoolean | None = None,
        **kwargs,
    ) -> SubmitRegistrationVersionResult:
        raise NotImplementedError

    @handler("TagResource")
    def tag_resource(
        self,
        context: RequestContext,
        resource_arn: AmazonResourceName,
        tags: NonEmptyTagList,
        **kwargs,
    ) -> TagResourceResult:
        raise NotImplementedError

    @handler("UntagResource")
    def untag_resource(
        self,
        context: RequestContext,
        resource_arn: AmazonResourceName,
        tag_keys: TagKeyList,
        **kwargs,
    ) -> UntagResourceResult:
        raise NotImplementedError

    @handler("UpdateEventDestination")
    def update_event_destination(
        self,
        context: RequestContext,
        configuration_set_name: ConfigurationSetNameOrArn,
        event_destination_name: EventDestinationName,
        enabled: Boolean | None = None,
        matching_event_types: EventTypeList | None = None,
        cloud_watch_logs_destination: CloudWatchLogsDestination | None = None,
        kinesis_firehose_destination: KinesisFirehoseDestination | None = None,
        sns_destination: SnsDestination | None = None,
        **kwargs,
    ) -> UpdateEventDestinationResult:
        raise NotImplementedError

    @handler("UpdatePhoneNumber")
    def update_phone_number(
        self,
        context: RequestContext,
        phone_number_id: PhoneNumberIdOrArn,
        two_way_enabled: Boolean | None = None,
        two_way_channel_arn: TwoWayChannelArn | None = None,
        two_way_channel_role: IamRoleArn | None = None,
        self_managed_opt_outs_enabled: Boolean | None = None,
        opt_out_list_name: OptOutListNameOrArn | None = None,
        international_sending_enabled: Boolean | None = None,
        deletion_protection_enabled: Boolean | None = None,
        **kwargs,
    ) -> UpdatePhoneNumberResult:
        raise NotImplementedError

    @handler("UpdatePool")
    def update_pool(
        self,
        context: RequestContext,
        pool_id: PoolIdOrArn,
        two_way_enabled: Boolean | None = None,
        two_way_channel_arn: TwoWayChannelArn | None = None,
        two_way_channel_role: IamRoleArn | None = None,
        self_managed_opt_outs_enabled: Boolean | None = None,
        opt_out_list_name: OptOutListNameOrArn | None = None,
        shared_routes_enabled: Boolean | None = None,
        deletion_protection_enabled: Boolean | None = None,
        **kwargs,
    ) -> UpdatePoolResult:
        raise NotImplementedError

    @handler("UpdateProtectConfiguration")
    def update_protect_configuration(
        self,
        context: RequestContext,
        protect_configuration_id: ProtectConfigurationIdOrArn,
        deletion_protection_enabled: Boolean | None = None,
        **kwargs,
    ) -> UpdateProtectConfigurationResult:
        raise NotImplementedError

    @handler("UpdateProtectConfigurationCountryRuleSet")
    def update_protect_configuration_country_rule_set(
        self,
        context: RequestContext,
        protect_configuration_id: ProtectConfigurationIdOrArn,
        number_capability: NumberCapability,
        country_rule_set_updates: ProtectConfigurationCountryRuleSet,
        **kwargs,
    ) -> UpdateProtectConfigurationCountryRuleSetResult:
        raise NotImplementedError

    @handler("UpdateSenderId")
    def update_sender_id(
        self,
        context: RequestContext,
        sender_id: SenderIdOrArn,
        iso_country_code: IsoCountryCode,
        deletion_protection_enabled: Boolean | None = None,
        **kwargs,
    ) -> UpdateSenderIdResult:
        raise NotImplementedError

    @handler("VerifyDestinationNumber")
    def verify_destination_number(
        self,
        context: RequestContext,
        verified_destination_number_id: VerifiedDestinationNumberIdOrArn,
        verification_code: VerificationCode,
        **kwargs,
    ) -> VerifyDestinationNumberResult:
        raise NotImplementedError
