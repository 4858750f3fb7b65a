data "aws_region" "current" {}

locals {
  region = data.aws_region.current.name
  # Provider 5.100.0 rejects this value in two_way_channel_arn (fixed in 6.x), so the module
  # sets it through the API itself.
  channel_arn = var.destination == "connect" ? "connect.${local.region}.amazonaws.com" : var.sns_topic_arn
}

# Sets the number's two-way settings on create (and imports it into Amazon Connect), turns
# them off on destroy. A change of any input replaces it: off with the old, on with the new.
resource "terraform_data" "this" {
  input = {
    phone_number_id     = var.phone_number_id
    channel_arn         = local.channel_arn
    channel_role_arn    = var.channel_role_arn == null ? "" : var.channel_role_arn
    connect_instance_id = var.connect_instance_id == null ? "" : var.connect_instance_id
    region              = local.region
    python              = var.python
    script              = "${path.module}/two_way_channel.py"
  }

  triggers_replace = [var.phone_number_id, local.channel_arn, var.channel_role_arn, var.connect_instance_id, local.region]

  provisioner "local-exec" {
    command = join(" ", [
      self.input.python, self.input.script, "enable",
      "--region", self.input.region,
      "--phone-number-id", self.input.phone_number_id,
      "--channel-arn", self.input.channel_arn,
      "--channel-role", "'${self.input.channel_role_arn}'",
      "--connect-instance-id", "'${self.input.connect_instance_id}'",
    ])
  }

  provisioner "local-exec" {
    when = destroy
    command = join(" ", [
      self.input.python, self.input.script, "disable",
      "--region", self.input.region,
      "--phone-number-id", self.input.phone_number_id,
      "--connect-instance-id", "'${self.input.connect_instance_id}'",
    ])
  }
}
