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

variable "phone_numbers" {
  description = "Numbers to request, by a key of your choice; the function answers from whichever was texted."
  type = map(object({
    iso_country_code = string
    number_type      = string
  }))
  default  = { support = { iso_country_code = "US", number_type = "TOLL_FREE" } }
  nullable = false
}

variable "help_message" {
  description = "What a customer who texts HELP gets back (the number answers it; the function does not)."
  type        = string
  default     = "Example Co. support: text us your question or HOURS. Call (206) 555-0100. Reply STOP to opt out."
}

variable "join_message" {
  description = "The auto-response to a message that begins with JOIN."
  type        = string
  default     = "Welcome to the Example Co. beta! Reply HOURS for our opening hours, STOP to opt out."
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
