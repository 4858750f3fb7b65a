# Inbound messages go to an Amazon Connect instance you already run. The number is requested
# by Terraform; its two-way channel (connect.<region>.amazonaws.com) and the import into the
# instance are set by the two-way-channel module's command (Python 3.8+ with boto3), because
# AWS provider 5.x rejects that channel value and has no resource for ImportPhoneNumber.
provider "aws" {
  region = var.region
}

module "two_way_sms" {
  # Copying this example? Use the published module instead:
  # source = "git::https://github.com/OWNER/terraform-aws-two-way-sms.git?ref=v0.1.0"
  source = "../../"

  name    = var.name
  connect = { instance_id = var.connect_instance_id }
  python  = var.python

  phone_numbers = {
    contact-center = {
      iso_country_code = var.iso_country_code
      number_type      = var.number_type
    }
  }

  tags = var.tags
}
