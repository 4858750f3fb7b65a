variable "name" {
  description = "Name of the function, its role and its log group (`/aws/lambda/<name>`), and prefix of its failure queue (`<name>-failures`). With `existing_function_arn`, it only names the reply policy (`<name>-reply`)."
  type        = string
  nullable    = false

  validation {
    condition     = can(regex("^[A-Za-z0-9_-]{1,64}$", var.name))
    error_message = "name: use 1 to 64 letters, digits, '-' or '_' (a Lambda function name; it also names the role, the log group and the <name>-failures queue)."
  }
}

variable "topic_arn" {
  description = "ARN of the standard SNS topic that receives the inbound messages (the root module's output `topic_arn`). The function is subscribed to it."
  type        = string
  nullable    = false

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:sns:[a-z0-9-]+:[0-9]{12}:[A-Za-z0-9_-]{1,256}(\\.fifo)?$", var.topic_arn))
    error_message = "topic_arn: expected an SNS topic ARN such as arn:aws:sns:us-east-1:111122223333:inbound-sms."
  }

  validation {
    condition     = !endswith(var.topic_arn, ".fifo")
    error_message = "topic_arn: FIFO topics (\".fifo\") never receive two-way SMS (AWS End User Messaging SMS only publishes to standard topics); use the standard topic your numbers are routed to."
  }
}

variable "phone_number_arns" {
  description = "ARNs of the phone numbers routed to the topic (the root module's `phone_numbers[*].arn`). The function may send only from these: the reply leaves from the number that received the message."
  type        = list(string)
  nullable    = false

  validation {
    condition     = length(var.phone_number_arns) > 0
    error_message = "phone_number_arns: list at least one phone number ARN, for example [for n in values(module.two_way_sms.phone_numbers) : n.arn]."
  }

  validation {
    condition     = alltrue([for arn in var.phone_number_arns : can(regex("^arn:aws[a-z-]*:sms-voice:[a-z0-9-]+:[0-9]{12}:phone-number/phone-[0-9a-f]{32}$", arn))])
    error_message = "phone_number_arns: each entry must be a phone number ARN such as arn:aws:sms-voice:us-east-1:111122223333:phone-number/phone-0123456789abcdef0123456789abcdef (not an ID, E.164 number, pool or sender ID)."
  }
}

variable "rules" {
  description = "Replies, tried in order; the first match answers. Each has exactly one of `keyword` (matches the message's first word, case-insensitively; 1 to 30 characters, no spaces) or `pattern` (a regular expression searched anywhere in the message; valid in both RE2 and Python `re`, add `(?i)` to ignore case), and a `reply` of 1 to 1600 characters."
  type = list(object({
    keyword = optional(string)
    pattern = optional(string)
    reply   = string
  }))
  default  = []
  nullable = false

  validation {
    condition     = alltrue([for r in var.rules : (r.keyword == null) != (r.pattern == null)])
    error_message = "rules: give each rule exactly one of keyword (the first word, e.g. \"HOURS\") or pattern (a regular expression, e.g. \"(?i)refund\"), not both and not neither."
  }

  validation {
    condition     = alltrue([for r in var.rules : r.keyword == null || can(regex("^[^\\s]{1,30}$", r.keyword))])
    error_message = "rules: a keyword is 1 to 30 characters without spaces (it is compared with the message's first word); for phrases use a pattern."
  }

  validation {
    condition     = alltrue([for r in var.rules : r.pattern == null || can(regexall(r.pattern, ""))])
    error_message = "rules: a pattern must be a valid regular expression in both RE2 and Python re (no lookarounds or backreferences), for example \"(?i)refund\"."
  }

  validation {
    condition     = alltrue([for r in var.rules : try(length(r.reply) >= 1 && length(r.reply) <= 1600, false)])
    error_message = "rules: each reply is 1 to 1600 characters (the longest text message SendTextMessage sends)."
  }
}

variable "default_reply" {
  description = "Reply to a message no rule matches. Null (the default): no reply to such messages."
  type        = string
  default     = null

  validation {
    condition     = var.default_reply == null || try(length(var.default_reply) >= 1 && length(var.default_reply) <= 1600, false)
    error_message = "default_reply: use 1 to 1600 characters, or null for no reply."
  }
}

variable "configuration_set_name" {
  description = "Configuration set to send the replies with (its event destinations, default message type and protect configuration apply). The reply permission then names it too. Null: none."
  type        = string
  default     = null

  validation {
    condition     = var.configuration_set_name == null || can(regex("^[A-Za-z0-9_-]{1,64}$", var.configuration_set_name))
    error_message = "configuration_set_name: use the configuration set's name (1 to 64 letters, digits, '-' or '_'), not its ARN."
  }
}

variable "log_retention_in_days" {
  description = "Days CloudWatch Logs keeps the function's logs. Null means 30. The logs name inbound message IDs and the last four digits of phone numbers."
  type        = number
  default     = null

  validation {
    condition     = var.log_retention_in_days == null || contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], coalesce(var.log_retention_in_days, 0))
    error_message = "log_retention_in_days: CloudWatch Logs accepts 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288 or 3653."
  }
}

variable "log_kms_key_arn" {
  description = "KMS key that encrypts the log group. Its key policy must let logs.<region>.amazonaws.com use it. Null: CloudWatch Logs' own encryption."
  type        = string
  default     = null

  validation {
    condition     = var.log_kms_key_arn == null || can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[0-9a-f-]+$", var.log_kms_key_arn))
    error_message = "log_kms_key_arn: expected a KMS key ARN such as arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab (CloudWatch Logs takes no alias)."
  }
}

variable "maximum_retry_attempts" {
  description = "Retries of a failed asynchronous invocation (0 to 2) before the event goes to the failure queue. Null means 2."
  type        = number
  default     = null

  validation {
    condition     = var.maximum_retry_attempts == null || try(var.maximum_retry_attempts >= 0 && var.maximum_retry_attempts <= 2 && floor(var.maximum_retry_attempts) == var.maximum_retry_attempts, false)
    error_message = "maximum_retry_attempts: Lambda retries an asynchronous invocation 0, 1 or 2 times."
  }
}

variable "maximum_event_age_in_seconds" {
  description = "How long Lambda keeps retrying an event (60 to 21600 seconds) before it goes to the failure queue. Null means 21600 (6 hours)."
  type        = number
  default     = null

  validation {
    condition     = var.maximum_event_age_in_seconds == null || try(var.maximum_event_age_in_seconds >= 60 && var.maximum_event_age_in_seconds <= 21600 && floor(var.maximum_event_age_in_seconds) == var.maximum_event_age_in_seconds, false)
    error_message = "maximum_event_age_in_seconds: use a whole number of seconds from 60 to 21600."
  }
}

variable "failure_queue_kms_key_arn" {
  description = "KMS key that encrypts the failure queue (SSE-KMS); the role may use it only through SQS. Null: SQS-managed encryption (SSE-SQS)."
  type        = string
  default     = null

  validation {
    condition     = var.failure_queue_kms_key_arn == null || can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[0-9a-f-]+$", var.failure_queue_kms_key_arn))
    error_message = "failure_queue_kms_key_arn: expected a KMS key ARN such as arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab (IAM policies name keys, not aliases)."
  }
}

variable "existing_function_arn" {
  description = "Bring your own function: its ARN. The module subscribes it to the topic, lets SNS invoke it and gives its role (`existing_function_role_name`) the reply permission; it creates no function, role, log group or queue. Null: the module's function answers."
  type        = string
  default     = null

  validation {
    condition     = var.existing_function_arn == null || can(regex("^arn:aws[a-z-]*:lambda:[a-z0-9-]+:[0-9]{12}:function:[A-Za-z0-9_-]{1,64}(:[A-Za-z0-9_$-]{1,128})?$", var.existing_function_arn))
    error_message = "existing_function_arn: expected a Lambda function ARN such as arn:aws:lambda:us-east-1:111122223333:function:my-responder (optionally with :alias or :version)."
  }

  validation {
    condition     = var.existing_function_arn == null || (length(var.rules) == 0 && var.default_reply == null && var.log_retention_in_days == null && var.log_kms_key_arn == null && var.maximum_retry_attempts == null && var.maximum_event_age_in_seconds == null && var.failure_queue_kms_key_arn == null)
    error_message = "existing_function_arn: your function brings its own behaviour; remove the settings of the module's function (rules, default_reply, log_retention_in_days, log_kms_key_arn, maximum_retry_attempts, maximum_event_age_in_seconds, failure_queue_kms_key_arn)."
  }
}

variable "existing_function_role_name" {
  description = "Bring your own function: the name of its execution role, which gets the reply permission (inline policy `<name>-reply`)."
  type        = string
  default     = null

  validation {
    condition     = var.existing_function_role_name == null || can(regex("^[A-Za-z0-9+=,.@_-]{1,64}$", var.existing_function_role_name))
    error_message = "existing_function_role_name: expected an IAM role name (1 to 64 letters, digits or + = , . @ _ -), not its ARN."
  }

  validation {
    condition     = (var.existing_function_arn == null) == (var.existing_function_role_name == null)
    error_message = "existing_function_role_name: set it together with existing_function_arn (your function and its execution role), or neither."
  }
}

variable "tags" {
  description = "Tags for every resource the module creates."
  type        = map(string)
  default     = {}
  nullable    = false
}
