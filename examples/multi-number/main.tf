# Several numbers in several countries share one destination: the module's defaults (new
# topic encrypted with a new customer managed key, IAM channel role). Numbers you registered
# outside Terraform get the command that wires them to the same topic.
provider "aws" {
  region = var.region
}

module "two_way_sms" {
  # Copying this example? Use the published module instead:
  # source = "git::https://github.com/OWNER/terraform-aws-two-way-sms.git?ref=v0.1.0"
  source = "../../"

  name                      = var.name
  phone_numbers             = var.phone_numbers
  external_phone_number_ids = var.external_phone_number_ids
  topic                     = { subscriptions = var.subscriptions }
  tags                      = var.tags
}
