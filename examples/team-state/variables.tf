variable "region" {
  description = "AWS Region of the numbers and the topic."
  type        = string
  default     = "us-east-1"
}

variable "name" {
  description = "Base name; the workspace name is appended."
  type        = string
  default     = "two-way-sms"
}

variable "encrypted" {
  description = "Encrypt the topic with a new customer managed key."
  type        = bool
  default     = true
}

variable "phone_numbers" {
  description = "Numbers to request, by key."
  type = map(object({
    iso_country_code = string
    number_type      = string
  }))
  default = { main = { iso_country_code = "US", number_type = "TOLL_FREE" } }
}

variable "tags" {
  description = "Tags for every resource."
  type        = map(string)
  default     = { example = "team-state" }
}
