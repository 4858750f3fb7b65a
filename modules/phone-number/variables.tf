variable "iso_country_code" {
  description = "Two-letter ISO 3166-1 alpha-2 country code of the number to request, for example \"US\"."
  type        = string
  nullable    = false

  validation {
    condition     = can(regex("^[A-Z]{2}$", var.iso_country_code))
    error_message = "iso_country_code: use the two upper-case letters of ISO 3166-1 alpha-2, for example \"US\" or \"GB\"."
  }
}

variable "message_type" {
  description = "TRANSACTIONAL (critical or time-sensitive) or PROMOTIONAL (marketing)."
  type        = string
  default     = "TRANSACTIONAL"
  nullable    = false

  validation {
    condition     = contains(["TRANSACTIONAL", "PROMOTIONAL"], var.message_type)
    error_message = "message_type: use \"TRANSACTIONAL\" or \"PROMOTIONAL\"."
  }
}

variable "number_type" {
  description = "LONG_CODE, TOLL_FREE, TEN_DLC or SIMULATOR."
  type        = string
  nullable    = false

  validation {
    condition     = contains(["LONG_CODE", "TOLL_FREE", "TEN_DLC", "SIMULATOR"], var.number_type)
    error_message = "number_type: use one of \"LONG_CODE\", \"TOLL_FREE\", \"TEN_DLC\" or \"SIMULATOR\"."
  }
}

variable "number_capabilities" {
  description = "What the number can do: any of SMS, VOICE, MMS. Two-way SMS needs SMS."
  type        = set(string)
  default     = ["SMS"]
  nullable    = false

  validation {
    condition     = length(var.number_capabilities) > 0
    error_message = "number_capabilities: list at least one capability; two-way SMS needs [\"SMS\"]."
  }

  validation {
    condition     = alltrue([for c in var.number_capabilities : contains(["SMS", "VOICE", "MMS"], c)])
    error_message = "number_capabilities: each entry must be \"SMS\", \"VOICE\" or \"MMS\"."
  }

  validation {
    condition     = !var.two_way_channel_enabled || contains(var.number_capabilities, "SMS")
    error_message = "number_capabilities: two-way SMS needs the SMS capability; add \"SMS\" (or set two_way_channel_enabled = false)."
  }
}

variable "opt_out_list_name" {
  description = "Opt-out list that collects numbers that reply STOP. Null keeps the account's Default list."
  type        = string
  default     = null

  validation {
    condition     = var.opt_out_list_name == null || can(regex("^[A-Za-z0-9_:/-]{1,256}$", var.opt_out_list_name))
    error_message = "opt_out_list_name: use a list name (letters, digits, _ : / -) or its ARN."
  }
}

variable "self_managed_opt_outs_enabled" {
  description = "Handle opt-out keywords yourself: STOP replies reach your destination and are not added to the opt-out list by AWS."
  type        = bool
  default     = false
  nullable    = false
}

variable "deletion_protection_enabled" {
  description = "Refuse to release the number while on (destroy then fails until you turn it off)."
  type        = bool
  default     = false
  nullable    = false
}

variable "registration_id" {
  description = "Registration to associate with the number (for example a toll-free or 10DLC registration)."
  type        = string
  default     = null
}

variable "two_way_channel_enabled" {
  description = "Turn two-way SMS on for the number."
  type        = bool
  default     = true
  nullable    = false
}

variable "two_way_channel_arn" {
  description = "Where inbound messages go: the ARN of a standard SNS topic."
  type        = string
  default     = null

  validation {
    condition     = var.two_way_channel_arn == null || !endswith(coalesce(var.two_way_channel_arn, "x"), ".fifo")
    error_message = "two_way_channel_arn: FIFO topics (.fifo) cannot receive two-way SMS; use a standard topic."
  }

  validation {
    condition     = var.two_way_channel_arn == null || can(regex("^arn:aws[a-z-]*:sns:[a-z0-9-]+:[0-9]{12}:[A-Za-z0-9_-]{1,256}$", var.two_way_channel_arn))
    error_message = "two_way_channel_arn: expected an SNS topic ARN such as arn:aws:sns:us-east-1:111122223333:inbound-sms."
  }

  validation {
    condition     = !var.two_way_channel_enabled || var.two_way_channel_arn != null
    error_message = "two_way_channel_arn: two-way SMS is enabled, so set the destination topic ARN (or set two_way_channel_enabled = false)."
  }
}

variable "two_way_channel_role" {
  description = "ARN of the IAM role the service assumes to publish. Null when the topic policy grants sms-voice.amazonaws.com instead."
  type        = string
  default     = null

  validation {
    condition     = var.two_way_channel_role == null || can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:role/([A-Za-z0-9+=,.@_-]+/)*[A-Za-z0-9+=,.@_-]{1,64}$", var.two_way_channel_role))
    error_message = "two_way_channel_role: expected an IAM role ARN such as arn:aws:iam::111122223333:role/sms-voice-two-way."
  }
}

variable "tags" {
  description = "Tags for the number."
  type        = map(string)
  default     = {}
  nullable    = false
}
