# A number whose inbound messages go to a KMS-encrypted topic, its keywords (HELP's answer and
# a JOIN auto-response), and a Lambda function on that topic that answers each message from the
# number that received it: rules first, then a default reply. Messages the number already
# answered (HELP, STOP, JOIN) get no second answer.
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

  phone_numbers = var.phone_numbers

  keywords = {
    help_message = var.help_message
    keywords = {
      JOIN = { message = var.join_message }
    }
  }

  tags = var.tags
}

module "responder" {
  # source = "git::https://github.com/OWNER/terraform-aws-two-way-sms.git//modules/responder?ref=v0.1.0"
  source = "../../modules/responder"

  name              = "${var.name}-responder"
  topic_arn         = module.two_way_sms.topic_arn
  phone_number_arns = [for number in values(module.two_way_sms.phone_numbers) : number.arn]

  rules = [
    { keyword = "HOURS", reply = "We are open Monday to Friday, 9am to 5pm Eastern." },
    { keyword = "ADDRESS", reply = "Find us at 123 Main Street, Springfield." },
    { pattern = "(?i)\\b(refund|return)s?\\b", reply = "To return an item, reply with your order number and we will text you a prepaid label." },
  ]
  default_reply = "Thanks for your message. An agent will text you back within one business day. Reply HOURS for our opening hours."

  tags = var.tags
}
