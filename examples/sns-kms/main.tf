# A number whose inbound messages go to a KMS-encrypted topic through an IAM channel role. The
# module creates the customer managed key with the key policy sms-voice.amazonaws.com needs.
provider "aws" {
  region = var.region
}

module "two_way_sms" {
  # Copying this example? Use the published module instead:
  # source = "git::https://github.com/OWNER/terraform-aws-two-way-sms.git?ref=v0.1.0"
  source = "../../"

  name = var.name

  encryption = {
    create_key              = true
    alias                   = "${var.name}-topic"
    deletion_window_in_days = var.key_deletion_window_in_days
  }

  access = {
    mode      = "role"
    role_name = "${var.name}-channel"
  }

  phone_numbers = {
    support = {
      iso_country_code            = var.iso_country_code
      number_type                 = var.number_type
      deletion_protection_enabled = var.deletion_protection_enabled
    }
  }

  tags = var.tags
}
