variable "region" {
  description = "AWS Region of the number, topic, key and function."
  type        = string
  default     = "us-east-1"
}

variable "name" {
  description = "Base name of the topic, role and key alias; the function is `<name>-responder`."
  type        = string
  default     = "support-sms"
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

variable "key_deletion_window_in_days" {
  description = "Days before a destroyed key is deleted."
  type        = number
  default     = 7
}

variable "tags" {
  description = "Tags for every resource."
  type        = map(string)
  default     = { example = "responder" }
}
