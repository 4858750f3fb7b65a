variable "region" {
  description = "AWS Region of the numbers and the topic."
  type        = string
  default     = "us-east-1"
}

variable "name" {
  description = "Base name of the topic, role and key alias."
  type        = string
  default     = "two-way-sms-multi"
}

variable "phone_numbers" {
  description = "Numbers to request, by key."
  type = map(object({
    iso_country_code    = string
    number_type         = string
    message_type        = optional(string, "TRANSACTIONAL")
    number_capabilities = optional(set(string), ["SMS"])
  }))
  default = {
    us-support = { iso_country_code = "US", number_type = "TOLL_FREE" }
    us-alerts  = { iso_country_code = "US", number_type = "TEN_DLC" }
    gb-support = { iso_country_code = "GB", number_type = "LONG_CODE", number_capabilities = ["SMS", "VOICE"] }
  }
}

variable "external_phone_number_ids" {
  description = "Numbers kept outside Terraform that should route to the same topic."
  type        = list(string)
  default     = []
}

variable "subscriptions" {
  description = "Subscriptions to the topic (for example an SQS queue of your application)."
  type = map(object({
    protocol             = string
    endpoint             = string
    raw_message_delivery = optional(bool, false)
    queue_url            = optional(string)
  }))
  default = {}
}

variable "tags" {
  description = "Tags for every resource."
  type        = map(string)
  default     = { example = "multi-number" }
}
