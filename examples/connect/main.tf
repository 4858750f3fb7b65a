# Inbound messages go to an Amazon Connect instance you already run, from numbers you already
# own. Their two-way channel (connect.<region>.amazonaws.com) and the import into the instance
# are set by the two-way-channel module's command (Python 3.8+ with boto3): AWS provider 5.x
# rejects that channel value on the number resource, fails to read it back, and has no
# resource for ImportPhoneNumber. Destroy removes the import, turns two-way off and keeps the
# numbers.
provider "aws" {
  region = var.region
}

module "two_way_sms" {
  # Copying this example? Use the published module instead:
  # source = "git::https://github.com/OWNER/terraform-aws-two-way-sms.git?ref=v0.1.0"
  source = "../../"

  name                     = var.name
  connect                  = { instance_id = var.connect_instance_id }
  adopted_phone_number_ids = var.phone_number_ids
  python                   = var.python
  tags                     = var.tags
}
