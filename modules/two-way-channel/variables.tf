variable "phone_number_id" {
  description = "ID (phone-...) or ARN of the number whose two-way settings this module manages. The number itself is never released."
  type        = string
  nullable    = false

  validation {
    condition     = can(regex("^(phone-[0-9a-f]{32}|arn:aws[a-z-]*:sms-voice:[a-z0-9-]+:[0-9]{12}:phone-number/phone-[0-9a-f]{32})$", var.phone_number_id))
    error_message = "phone_number_id: expected a phone number ID (phone-<32 hex>) or its ARN."
  }
}

variable "destination" {
  description = "Where inbound messages go: \"sns\" (set `sns_topic_arn`) or \"connect\" (set `connect_instance_id`)."
  type        = string
  default     = "sns"
  nullable    = false

  validation {
    condition     = contains(["sns", "connect"], var.destination)
    error_message = "destination: use \"sns\" or \"connect\"."
  }
}

variable "sns_topic_arn" {
  description = "Standard SNS topic that receives inbound messages (destination \"sns\")."
  type        = string
  default     = null

  validation {
    condition     = var.sns_topic_arn == null || can(regex("^arn:aws[a-z-]*:sns:[a-z0-9-]+:[0-9]{12}:[A-Za-z0-9_-]{1,256}$", var.sns_topic_arn))
    error_message = "sns_topic_arn: expected a standard SNS topic ARN such as arn:aws:sns:us-east-1:111122223333:inbound-sms (FIFO topics are not supported)."
  }

  validation {
    condition     = (var.destination == "sns") == (var.sns_topic_arn != null)
    error_message = "sns_topic_arn: set it when destination = \"sns\", and only then."
  }
}

variable "connect_instance_id" {
  description = "Amazon Connect instance (ID or ARN) that receives inbound messages (destination \"connect\"); the number is imported into it."
  type        = string
  default     = null

  validation {
    condition     = var.connect_instance_id == null || can(regex("^([0-9a-f-]{36}|arn:aws[a-z-]*:connect:[a-z0-9-]+:[0-9]{12}:instance/[0-9a-f-]{36})$", var.connect_instance_id))
    error_message = "connect_instance_id: expected an Amazon Connect instance ID (a UUID) or instance ARN."
  }

  validation {
    condition     = (var.destination == "connect") == (var.connect_instance_id != null)
    error_message = "connect_instance_id: set it when destination = \"connect\", and only then."
  }
}

variable "channel_role_arn" {
  description = "IAM role the service assumes (see the channel-role module). Required for Amazon Connect; null for an SNS topic whose policy grants sms-voice.amazonaws.com."
  type        = string
  default     = null

  validation {
    condition     = var.channel_role_arn == null || can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:role/([A-Za-z0-9+=,.@_-]+/)*[A-Za-z0-9+=,.@_-]{1,64}$", var.channel_role_arn))
    error_message = "channel_role_arn: expected an IAM role ARN such as arn:aws:iam::111122223333:role/sms-voice-two-way."
  }

  validation {
    condition     = var.destination != "connect" || var.channel_role_arn != null
    error_message = "channel_role_arn: Amazon Connect destinations need a channel role allowed connect:SendChatIntegrationEvent (channel-role module with connect_enabled = true)."
  }
}

variable "python" {
  description = "Python 3.8+ with boto3 that runs the module's command (on the machine that runs Terraform)."
  type        = string
  default     = "python3"
  nullable    = false
}
