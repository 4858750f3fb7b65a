variable "region" {
  description = "AWS Region of the number and the topic."
  type        = string
  default     = "us-east-1"
}

variable "name" {
  description = "Base name of the topic and role."
  type        = string
  default     = "two-way-sms-basic"
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
  default     = { example = "sns-basic" }
}
