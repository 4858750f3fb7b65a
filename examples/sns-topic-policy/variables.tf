variable "region" {
  description = "AWS Region of the number and the topic."
  type        = string
  default     = "us-east-1"
}

variable "name" {
  description = "Base name for what the module creates."
  type        = string
  default     = "two-way-sms-topic-policy"
}

variable "topic_arn" {
  description = "ARN of your existing standard topic."
  type        = string
}

variable "topic_policy_json" {
  description = "The policy now on that topic: aws sns get-topic-attributes --topic-arn ARN --query Attributes.Policy --output text"
  type        = string
}

variable "iso_country_code" {
  description = "Country of the number to request."
  type        = string
  default     = "US"
}

variable "number_type" {
  description = "Type of number to request."
  type        = string
  default     = "TOLL_FREE"
}

variable "tags" {
  description = "Tags for every resource."
  type        = map(string)
  default     = { example = "sns-topic-policy" }
}
