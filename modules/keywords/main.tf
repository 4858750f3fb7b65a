data "aws_region" "current" {}

locals {
  region = data.aws_region.current.name
  # The ID, also when the caller passes the ARN: it names the journal.
  phone_number_id = element(split("/", var.phone_number_id), length(split("/", var.phone_number_id)) - 1)
  journal_name    = "/two-way-sms/keywords/${local.phone_number_id}"

  keywords = { for keyword, k in var.keywords : keyword => { message = k.message, action = k.action } }
  # What keywords.py makes true on the number (HELP and STOP keep their actions). Known at plan
  # time even when the number is not, so a plan shows every message.
  wanted = {
    help_message = var.help_message
    stop_message = var.stop_message
    keywords     = local.keywords
  }
}

# Provider 5.100.0 has no keyword resource (6.x's aws_pinpointsmsvoicev2_keyword leaves HELP
# and STOP with their last message on destroy), so keywords are set through the API: on create,
# keywords.py journals the originals in SSM, then sets the keywords; on destroy it puts the
# originals back, deletes the keywords it added and the journal. A change of the keywords
# replaces the resource: the originals come back, then the new keywords are set.
resource "terraform_data" "this" {
  input = {
    phone_number_id = local.phone_number_id
    region          = local.region
    journal         = local.journal_name
    keywords        = jsonencode(local.wanted)
    tags            = jsonencode(var.tags)
    python          = var.python
    script          = "${path.module}/keywords.py"
  }

  triggers_replace = [local.phone_number_id, local.region, jsonencode(local.wanted)]

  # The messages travel in the environment: no shell quoting of customer-facing text.
  provisioner "local-exec" {
    command = join(" ", [
      self.input.python, self.input.script, "apply",
      "--phone-number-id", self.input.phone_number_id,
      "--region", self.input.region,
      "--journal", self.input.journal,
    ])
    environment = { TWO_WAY_SMS_KEYWORDS = self.input.keywords, TWO_WAY_SMS_KEYWORDS_TAGS = self.input.tags }
  }

  provisioner "local-exec" {
    when = destroy
    command = join(" ", [
      self.input.python, self.input.script, "restore",
      "--phone-number-id", self.input.phone_number_id,
      "--region", self.input.region,
      "--journal", self.input.journal,
    ])
    environment = { TWO_WAY_SMS_KEYWORDS = self.input.keywords }
  }
}
