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

variable "phone_number_ids" {
  description = "IDs or ARNs of the numbers (requested outside Terraform) to route to the instance."
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
  default     = { example = "connect" }
}
