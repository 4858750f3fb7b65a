variable "region" {
  description = "AWS Region of the number and the Amazon Connect instance."
  type        = string
  default     = "us-east-1"
}

variable "name" {
  description = "Base name of the channel role."
  type        = string
  default     = "two-way-sms-connect"
}

variable "connect_instance_id" {
  description = "ID of the Amazon Connect instance that receives inbound messages."
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

variable "python" {
  description = "Python 3.8+ with boto3 for the two-way-channel command."
  type        = string
  default     = "python3"
}

variable "tags" {
  description = "Tags for every resource."
  type        = map(string)
  default     = { example = "connect" }
}
