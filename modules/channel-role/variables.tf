variable "create" {
  description = "Create the role. Set to false and give `existing_role_arn` to use a role you manage elsewhere."
  type        = bool
  default     = true
  nullable    = false
}

variable "name" {
  description = "Name of the role to create."
  type        = string
  default     = null

  validation {
    condition     = var.name == null || can(regex("^[A-Za-z0-9+=,.@_-]{1,64}$", var.name))
    error_message = "name: an IAM role name is 1 to 64 letters, digits or + = , . @ _ -."
  }

  validation {
    condition     = !var.create || var.name != null
    error_message = "name: set the name of the role to create, or set create = false and existing_role_arn."
  }
}

variable "existing_role_arn" {
  description = "ARN of an existing role that sms-voice.amazonaws.com may assume (when `create` is false)."
  type        = string
  default     = null

  validation {
    condition     = var.existing_role_arn == null || can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:role/([A-Za-z0-9+=,.@_-]+/)*[A-Za-z0-9+=,.@_-]{1,64}$", var.existing_role_arn))
    error_message = "existing_role_arn: expected an IAM role ARN such as arn:aws:iam::111122223333:role/sms-voice-two-way (not a user, policy or instance profile ARN)."
  }

  validation {
    condition     = var.create == (var.existing_role_arn == null)
    error_message = "existing_role_arn: set it if and only if create = false."
  }
}

variable "attach_policy_to_existing_role" {
  description = "With an existing role, attach the module's permission policy to it as an inline policy. Its trust policy stays yours: compare it with output `trust_policy_json`."
  type        = bool
  default     = false
  nullable    = false
}

variable "path" {
  description = "Path of the role."
  type        = string
  default     = "/"
  nullable    = false

  validation {
    condition     = can(regex("^/([A-Za-z0-9+=,.@_-]+/)*$", var.path)) && length(var.path) <= 512
    error_message = "path: an IAM path begins and ends with '/', for example \"/service-role/\"."
  }
}

variable "permissions_boundary_arn" {
  description = "ARN of a managed policy to set as the role's permissions boundary."
  type        = string
  default     = null

  validation {
    condition     = var.permissions_boundary_arn == null || can(regex("^arn:aws[a-z-]*:iam::([0-9]{12}|aws):policy/.+$", var.permissions_boundary_arn))
    error_message = "permissions_boundary_arn: expected a managed policy ARN such as arn:aws:iam::111122223333:policy/Boundary."
  }
}

variable "trust_source_arns" {
  description = "Optional narrowing of the trust policy: ARN patterns allowed as aws:SourceArn (for example the phone numbers' ARNs). Empty keeps only the aws:SourceAccount condition the AWS guide shows."
  type        = list(string)
  default     = []
  nullable    = false

  validation {
    condition     = alltrue([for arn in var.trust_source_arns : can(regex("^arn:aws[a-z-]*:sms-voice:[a-z0-9-]+:[0-9]{12}:.+$", arn))])
    error_message = "trust_source_arns: each entry must be an End User Messaging SMS ARN or pattern such as arn:aws:sms-voice:us-east-1:111122223333:phone-number/*."
  }
}

variable "sns_topic_arns" {
  description = "Standard SNS topics the service may publish inbound messages to through this role."
  type        = list(string)
  default     = []
  nullable    = false

  validation {
    condition     = alltrue([for arn in var.sns_topic_arns : can(regex("^arn:aws[a-z-]*:sns:[a-z0-9-]+:[0-9]{12}:[A-Za-z0-9_-]{1,256}$", arn))])
    error_message = "sns_topic_arns: each entry must be a standard SNS topic ARN such as arn:aws:sns:us-east-1:111122223333:inbound-sms; FIFO topics (.fifo) are not supported by two-way SMS."
  }
}

variable "sns_topics_encrypted" {
  description = "The topics are encrypted with KMS: add the kms:GenerateDataKey*/kms:Decrypt statement, limited to calls made by SNS for these topics."
  type        = bool
  default     = false
  nullable    = false
}

variable "kms_key_arns" {
  description = "Keys that encrypt the topics. Empty means any key of this account and Region (arn:<partition>:kms:<region>:<account>:key/*); the encryption-context condition still pins the topic."
  type        = list(string)
  default     = []
  nullable    = false

  validation {
    condition     = alltrue([for arn in var.kms_key_arns : can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/.+$", arn))])
    error_message = "kms_key_arns: each entry must be a KMS key ARN such as arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab (aliases are not resources in IAM policies)."
  }
}

variable "connect_enabled" {
  description = "Amazon Connect destination: allow connect:SendChatIntegrationEvent, as the AWS guide's IAM policy for Amazon Connect does."
  type        = bool
  default     = false
  nullable    = false
}

variable "max_session_duration" {
  description = "Maximum session duration of the role, in seconds (3600 to 43200)."
  type        = number
  default     = 3600
  nullable    = false

  validation {
    condition     = var.max_session_duration >= 3600 && var.max_session_duration <= 43200
    error_message = "max_session_duration: use 3600 to 43200 seconds."
  }
}

variable "tags" {
  description = "Tags for the role."
  type        = map(string)
  default     = {}
  nullable    = false
}
