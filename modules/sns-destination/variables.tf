variable "name" {
  description = "Name of the topic to create. Leave null and set `existing_topic_arn` to use a topic you already have."
  type        = string
  default     = null

  validation {
    condition     = var.name == null || !endswith(coalesce(var.name, "x"), ".fifo")
    error_message = "name: FIFO topics (names ending in \".fifo\") cannot receive two-way SMS; AWS End User Messaging SMS only publishes to standard topics. Drop the \".fifo\" suffix."
  }

  validation {
    condition     = var.name == null || can(regex("^[A-Za-z0-9_-]{1,256}$", var.name))
    error_message = "name: a topic name is 1 to 256 letters, digits, '-' or '_'."
  }
}

variable "existing_topic_arn" {
  description = "ARN of a standard topic you already own (same account and Region as the phone numbers). Null to create one from `name`."
  type        = string
  default     = null

  validation {
    condition     = var.existing_topic_arn == null || !endswith(coalesce(var.existing_topic_arn, "x"), ".fifo")
    error_message = "existing_topic_arn: FIFO topics (ARNs ending in \".fifo\") cannot receive two-way SMS; AWS End User Messaging SMS only publishes to standard topics. Use a standard topic."
  }

  validation {
    condition     = var.existing_topic_arn == null || can(regex("^arn:aws[a-z-]*:sns:[a-z0-9-]+:[0-9]{12}:[A-Za-z0-9_-]{1,256}$", var.existing_topic_arn))
    error_message = "existing_topic_arn: expected an SNS topic ARN such as arn:aws:sns:us-east-1:111122223333:inbound-sms."
  }

  validation {
    condition     = (var.name == null) != (var.existing_topic_arn == null)
    error_message = "existing_topic_arn: set exactly one of `name` (create a topic) and `existing_topic_arn` (use your topic)."
  }
}

variable "kms_master_key_id" {
  description = "Key that encrypts a new topic: a key ARN, an alias ARN or `alias/<name>`. Its policy must allow sms-voice.amazonaws.com (see the kms-key module). Null leaves the topic unencrypted."
  type        = string
  default     = null

  validation {
    condition     = var.kms_master_key_id == null || can(regex("^(arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:(key/[0-9a-f-]{36}|key/mrk-[0-9a-f]{32}|alias/[A-Za-z0-9/_-]+)|alias/[A-Za-z0-9/_-]+)$", var.kms_master_key_id))
    error_message = "kms_master_key_id: expected a KMS key ARN (arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab), an alias ARN or \"alias/<name>\"."
  }

  validation {
    condition     = var.kms_master_key_id == null || !startswith(coalesce(var.kms_master_key_id, "x"), "alias/aws/") && !can(regex(":alias/aws/", coalesce(var.kms_master_key_id, "x")))
    error_message = "kms_master_key_id: the AWS managed key alias/aws/sns cannot be used, because its policy cannot grant sms-voice.amazonaws.com. Use a customer managed key (see the kms-key module)."
  }

  validation {
    condition     = var.kms_master_key_id == null || var.existing_topic_arn == null
    error_message = "kms_master_key_id: encryption of an existing topic is managed where the topic is defined; leave kms_master_key_id null and set `existing_topic_encrypted` instead."
  }
}

variable "existing_topic_encrypted" {
  description = "Whether the existing topic is encrypted with a KMS key (informational: callers use it to add KMS permissions to the channel role)."
  type        = bool
  default     = false
  nullable    = false
}

variable "allow_sms_voice_publish" {
  description = "Topic-policy access: let sms-voice.amazonaws.com publish through the topic policy, with aws:SourceAccount and aws:SourceArn conditions. Use this instead of a channel role, not with one."
  type        = bool
  default     = false
  nullable    = false
}

variable "sms_voice_source_arns" {
  description = "ARN patterns allowed as aws:SourceArn in the topic policy statement. Empty means every End User Messaging SMS resource of this account and Region."
  type        = list(string)
  default     = []
  nullable    = false

  validation {
    condition     = alltrue([for arn in var.sms_voice_source_arns : can(regex("^arn:aws[a-z-]*:sms-voice:[a-z0-9-]+:[0-9]{12}:.+$", arn))])
    error_message = "sms_voice_source_arns: each entry must be an End User Messaging SMS ARN or pattern such as arn:aws:sms-voice:us-east-1:111122223333:phone-number/*."
  }
}

variable "existing_topic_policy_json" {
  description = "For an existing topic with `allow_sms_voice_publish`: the policy currently on the topic (`aws sns get-topic-attributes --topic-arn ARN --query Attributes.Policy --output text`). The module merges its statement into it, so nothing already granted is lost."
  type        = string
  default     = null

  validation {
    condition     = var.existing_topic_policy_json == null || can(jsondecode(var.existing_topic_policy_json).Statement)
    error_message = "existing_topic_policy_json: expected a JSON policy document with a Statement element."
  }

  validation {
    condition     = !(var.existing_topic_arn != null && var.allow_sms_voice_publish && var.existing_topic_policy_json == null)
    error_message = "existing_topic_policy_json: an existing topic's policy would be overwritten. Pass the policy now on the topic (aws sns get-topic-attributes --topic-arn ARN --query Attributes.Policy --output text) so the sms-voice statement is merged into it."
  }
}

variable "additional_policy_json" {
  description = "Extra topic policy statements (a JSON policy document) merged into the topic policy."
  type        = string
  default     = null

  validation {
    condition     = var.additional_policy_json == null || can(jsondecode(var.additional_policy_json).Statement)
    error_message = "additional_policy_json: expected a JSON policy document with a Statement element."
  }
}

variable "signature_version" {
  description = "Signature version of a new topic's deliveries: 2 (SHA256) or 1 (SHA1)."
  type        = number
  default     = 2
  nullable    = false

  validation {
    condition     = contains([1, 2], var.signature_version)
    error_message = "signature_version: use 2 (SHA256, recommended) or 1 (SHA1)."
  }
}

variable "subscriptions" {
  description = "Subscriptions to the topic, by a key of your choice. For `sqs`, set `queue_url` to let the module write the queue policy that lets this topic send to the queue (it replaces that queue's policy); otherwise merge `queue_policy_statements_json` into it yourself."
  type = map(object({
    protocol             = string
    endpoint             = string
    raw_message_delivery = optional(bool, false)
    filter_policy        = optional(string)
    queue_url            = optional(string)
  }))
  default  = {}
  nullable = false

  validation {
    condition     = alltrue([for s in values(var.subscriptions) : contains(["sqs", "lambda", "https", "http", "email", "email-json", "sms", "application", "firehose"], s.protocol)])
    error_message = "subscriptions: protocol must be one of sqs, lambda, https, http, email, email-json, sms, application, firehose."
  }

  validation {
    condition     = alltrue([for s in values(var.subscriptions) : s.protocol != "sqs" || can(regex("^arn:aws[a-z-]*:sqs:[a-z0-9-]+:[0-9]{12}:[A-Za-z0-9_-]+$", s.endpoint))])
    error_message = "subscriptions: an sqs subscription's endpoint must be a standard queue ARN such as arn:aws:sqs:us-east-1:111122223333:inbound-sms (FIFO queues cannot subscribe to a standard topic)."
  }

  validation {
    condition     = alltrue([for s in values(var.subscriptions) : s.queue_url == null || s.protocol == "sqs"])
    error_message = "subscriptions: queue_url only applies to sqs subscriptions."
  }
}

variable "tags" {
  description = "Tags for the topic."
  type        = map(string)
  default     = {}
  nullable    = false
}
