variable "phone_number_id" {
  description = "ID (phone-...) or ARN of the number whose keywords this module manages."
  type        = string
  nullable    = false

  validation {
    condition     = can(regex("^(phone-[0-9a-f]{32}|arn:aws[a-z-]*:sms-voice:[a-z0-9-]+:[0-9]{12}:phone-number/phone-[0-9a-f]{32})$", var.phone_number_id))
    error_message = "phone_number_id: expected a phone number ID (phone-<32 hex>) or its ARN."
  }
}

variable "help_message" {
  description = "The answer to HELP (its action stays AUTOMATIC_RESPONSE). Null leaves HELP as it is; destroy puts the original answer back."
  type        = string
  default     = null

  validation {
    condition     = var.help_message == null || try(length(var.help_message) <= 1600 && trimspace(var.help_message) != "", false)
    error_message = "help_message: use 1 to 1600 characters with some text in them (not only spaces or line breaks), or null to leave HELP as it is."
  }
}

variable "stop_message" {
  description = "The answer to STOP (its action stays OPT_OUT). Null leaves STOP as it is; destroy puts the original answer back. US toll-free numbers: the carrier answers STOP, not this message."
  type        = string
  default     = null

  validation {
    condition     = var.stop_message == null || try(length(var.stop_message) <= 1600 && trimspace(var.stop_message) != "", false)
    error_message = "stop_message: use 1 to 1600 characters with some text in them (not only spaces or line breaks), or null to leave STOP as it is."
  }
}

variable "keywords" {
  description = "Keywords to add, by keyword (case insensitive): the answer and the action, AUTOMATIC_RESPONSE (default), OPT_OUT or OPT_IN. Destroy deletes the ones this module added and puts back the ones it changed."
  type = map(object({
    message = string
    action  = optional(string, "AUTOMATIC_RESPONSE")
  }))
  default  = {}
  nullable = false

  validation {
    condition     = alltrue([for k in keys(var.keywords) : length(k) >= 1 && length(k) <= 30])
    error_message = "keywords: use keywords of 1 to 30 characters (not empty, not longer)."
  }

  validation {
    condition     = alltrue([for k in keys(var.keywords) : trimspace(k) == k])
    error_message = "keywords: a keyword can't start or end with a space; remove the space (\" JOIN\" -> \"JOIN\")."
  }

  validation {
    condition     = alltrue([for k in keys(var.keywords) : can(regex("^[ \\S]*$", k))])
    error_message = "keywords: a keyword has printable characters and spaces only: no tabs or line breaks (the API's pattern)."
  }

  validation {
    condition     = alltrue([for k in keys(var.keywords) : !contains(["HELP", "STOP"], upper(k))])
    error_message = "keywords: HELP and STOP are every number's own keywords and can't be added; set help_message or stop_message to change their answers."
  }

  validation {
    condition     = length(distinct([for k in keys(var.keywords) : upper(k)])) == length(var.keywords)
    error_message = "keywords: keywords are case insensitive, so two keys that differ only in case (\"join\" and \"JOIN\") are the same keyword; keep one."
  }

  validation {
    condition     = alltrue([for v in values(var.keywords) : try(length(v.message) <= 1600 && trimspace(v.message) != "", false)])
    error_message = "keywords: each message is 1 to 1600 characters with some text in it (not only spaces or line breaks)."
  }

  validation {
    condition     = alltrue([for v in values(var.keywords) : contains(["AUTOMATIC_RESPONSE", "OPT_OUT", "OPT_IN"], v.action)])
    error_message = "keywords: action must be \"AUTOMATIC_RESPONSE\" (answer with the message), \"OPT_OUT\" or \"OPT_IN\"."
  }

  validation {
    condition     = length(var.keywords) <= 28
    error_message = "keywords: a number has at most 30 keywords, HELP and STOP included, so at most 28 here; remove some."
  }
}

variable "python" {
  description = "Python 3.8+ with boto3 that runs the module's command (on the machine that runs Terraform)."
  type        = string
  default     = "python3"
  nullable    = false
}

variable "tags" {
  description = "Tags for the SSM parameter that journals the number's original keywords."
  type        = map(string)
  default     = {}
  nullable    = false
}
