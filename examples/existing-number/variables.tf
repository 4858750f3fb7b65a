variable "region" {
  description = "AWS Region of the numbers."
  type        = string
  default     = "us-east-1"
}

variable "name" {
  description = "Base name of the topic, role and key alias."
  type        = string
  default     = "two-way-sms-existing"
}

variable "phone_number_ids" {
  description = "IDs or ARNs of the numbers you own."
  type        = list(string)
}

variable "python" {
  description = "Python 3.8+ with boto3 for the two-way-channel command."
  type        = string
  default     = "python3"
}

variable "tags" {
  description = "Tags for every resource."
  type        = map(string)
  default     = { example = "existing-number" }
}
