# Numbers you already own (often registered over weeks) are routed to a new encrypted topic.
# Terraform never releases them: apply turns two-way SMS on, destroy turns it off and keeps
# the numbers.
provider "aws" {
  region = var.region
}

module "two_way_sms" {
  # Copying this example? Use the published module instead:
  # source = "git::https://github.com/OWNER/terraform-aws-two-way-sms.git?ref=v0.1.0"
  source = "../../"

  name                     = var.name
  adopted_phone_number_ids = var.phone_number_ids
  python                   = var.python
  tags                     = var.tags
}
