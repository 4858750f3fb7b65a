variable "create" {
  description = "Create the key. Set to false when you bring your own key: the module then only renders the statements to add to that key's policy (output `service_statements_json`)."
  type        = bool
  default     = true
  nullable    = false
}

variable "description" {
  description = "Description of the key."
  type        = string
  default     = "Encrypts the SNS topic that receives inbound two-way SMS messages"
  nullable    = false
}

variable "alias" {
  description = "Alias name without the `alias/` prefix (for example `two-way-sms`). Null for no alias."
  type        = string
  default     = null

  validation {
    condition     = var.alias == null || can(regex("^[a-zA-Z0-9/_-]{1,250}$", var.alias)) && !startswith(coalesce(var.alias, "x"), "aws/") && !startswith(coalesce(var.alias, "x"), "alias/")
    error_message = "alias: use letters, digits, '/', '_' and '-' only, without the 'alias/' prefix and not starting with 'aws/' (reserved for AWS managed keys), for example \"two-way-sms\"."
  }
}

variable "key_spec" {
  description = "Key spec. Only SYMMETRIC_DEFAULT is accepted: Amazon SNS server-side encryption does not support asymmetric or HMAC keys."
  type        = string
  default     = "SYMMETRIC_DEFAULT"
  nullable    = false

  validation {
    condition     = var.key_spec == "SYMMETRIC_DEFAULT"
    error_message = "key_spec: SNS topics can only be encrypted with symmetric keys, and asymmetric (RSA_*, ECC_*, SM2) or HMAC keys are refused. Remove key_spec or set it to \"SYMMETRIC_DEFAULT\"."
  }
}

variable "key_usage" {
  description = "Key usage. Only ENCRYPT_DECRYPT is accepted: SNS asks the key for data keys."
  type        = string
  default     = "ENCRYPT_DECRYPT"
  nullable    = false

  validation {
    condition     = var.key_usage == "ENCRYPT_DECRYPT"
    error_message = "key_usage: SNS needs kms:GenerateDataKey, which only ENCRYPT_DECRYPT keys offer. Remove key_usage or set it to \"ENCRYPT_DECRYPT\"."
  }
}

variable "deletion_window_in_days" {
  description = "Days AWS KMS waits before deleting the key after destroy (7 to 30)."
  type        = number
  default     = 30
  nullable    = false

  validation {
    condition     = var.deletion_window_in_days >= 7 && var.deletion_window_in_days <= 30 && floor(var.deletion_window_in_days) == var.deletion_window_in_days
    error_message = "deletion_window_in_days: use a whole number of days from 7 to 30."
  }
}

variable "rotation_period_in_days" {
  description = "Automatic rotation period in days (90 to 2560). Rotation is always on."
  type        = number
  default     = 365
  nullable    = false

  validation {
    condition     = var.rotation_period_in_days >= 90 && var.rotation_period_in_days <= 2560 && floor(var.rotation_period_in_days) == var.rotation_period_in_days
    error_message = "rotation_period_in_days: use a whole number of days from 90 to 2560."
  }
}

variable "enable_iam_policies" {
  description = "Add the statement that lets IAM policies of this account grant use of the key (the account root principal gets kms:*, as in the AWS default key policy). The channel role's KMS permissions only take effect through it."
  type        = bool
  default     = true
  nullable    = false
}

variable "administrator_arns" {
  description = "IAM principals (role or user ARNs) that administer the key but cannot use it to encrypt or decrypt."
  type        = list(string)
  default     = []
  nullable    = false

  validation {
    condition     = alltrue([for arn in var.administrator_arns : can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:(root|role/.+|user/.+)$", arn))])
    error_message = "administrator_arns: each entry must be an IAM ARN such as arn:aws:iam::111122223333:role/KeyAdmins."
  }
}

variable "sms_voice_source_arns" {
  description = "ARN patterns allowed as aws:SourceArn for sms-voice.amazonaws.com (the phone numbers or pools that publish). Empty means every End User Messaging SMS resource of this account and region: arn:<partition>:sms-voice:<region>:<account>:*."
  type        = list(string)
  default     = []
  nullable    = false

  validation {
    condition     = alltrue([for arn in var.sms_voice_source_arns : can(regex("^arn:aws[a-z-]*:sms-voice:[a-z0-9-]+:[0-9]{12}:.+$", arn))])
    error_message = "sms_voice_source_arns: each entry must be an End User Messaging SMS ARN or pattern such as arn:aws:sms-voice:us-east-1:111122223333:phone-number/*."
  }
}

variable "allow_sns_service" {
  description = "Let sns.amazonaws.com use the key for topics of this account (needed when SNS delivers to SQS queues encrypted with this same key)."
  type        = bool
  default     = true
  nullable    = false
}

variable "additional_statements" {
  description = "Extra key policy statements, appended after the module's own."
  type = list(object({
    sid       = optional(string)
    effect    = optional(string, "Allow")
    actions   = list(string)
    resources = optional(list(string), ["*"])
    principals = optional(list(object({
      type        = string
      identifiers = list(string)
    })), [])
    conditions = optional(list(object({
      test     = string
      variable = string
      values   = list(string)
    })), [])
  }))
  default  = []
  nullable = false

  validation {
    condition     = alltrue([for s in var.additional_statements : contains(["Allow", "Deny"], s.effect)])
    error_message = "additional_statements: effect must be \"Allow\" or \"Deny\"."
  }
}

variable "tags" {
  description = "Tags for the key."
  type        = map(string)
  default     = {}
  nullable    = false
}
