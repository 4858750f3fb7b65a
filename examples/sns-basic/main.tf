# One toll-free number; inbound messages go to a new standard topic through an IAM channel role.
provider "aws" {
  region = var.region
}

module "two_way_sms" {
  # Copying this example? Use the published module instead:
  # source = "git::https://github.com/OWNER/terraform-aws-two-way-sms.git?ref=v0.1.0"
  source = "../../"

  name = var.name

  # Unencrypted topic: the smallest setup. See examples/sns-kms for the encrypted default.
  encryption = { create_key = false }

  phone_numbers = {
    main = {
      iso_country_code = var.iso_country_code
      number_type      = var.number_type
    }
  }

  tags = var.tags
}
