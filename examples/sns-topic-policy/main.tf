# A topic you already own receives inbound messages; the topic policy (not a role) lets
# sms-voice.amazonaws.com publish. The module merges its statement into the policy you pass.
provider "aws" {
  region = var.region
}

module "two_way_sms" {
  # Copying this example? Use the published module instead:
  # source = "git::https://github.com/OWNER/terraform-aws-two-way-sms.git?ref=v0.1.0"
  source = "../../"

  name = var.name

  topic = {
    existing_arn         = var.topic_arn
    existing_policy_json = var.topic_policy_json
  }

  access = { mode = "topic-policy" }

  phone_numbers = {
    main = {
      iso_country_code = var.iso_country_code
      number_type      = var.number_type
    }
  }

  tags = var.tags
}
