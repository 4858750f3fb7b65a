# The root module applied by several people or pipelines against one shared state: an S3
# backend with native locking, one Terraform workspace per environment.
provider "aws" {
  region = var.region
}

module "two_way_sms" {
  # Copying this example? Use the published module instead:
  # source = "git::https://github.com/OWNER/terraform-aws-two-way-sms.git?ref=v0.1.0"
  source = "../../"

  name          = "${var.name}-${terraform.workspace}"
  encryption    = { create_key = var.encrypted }
  phone_numbers = var.phone_numbers
  tags          = merge(var.tags, { workspace = terraform.workspace })
}
