resource "aws_pinpointsmsvoicev2_phone_number" "this" {
  iso_country_code              = var.iso_country_code
  message_type                  = var.message_type
  number_type                   = var.number_type
  number_capabilities           = var.number_capabilities
  opt_out_list_name             = var.opt_out_list_name
  self_managed_opt_outs_enabled = var.self_managed_opt_outs_enabled
  deletion_protection_enabled   = var.deletion_protection_enabled
  registration_id               = var.registration_id

  two_way_channel_enabled = var.two_way_channel_enabled
  two_way_channel_arn     = var.two_way_channel_enabled ? var.two_way_channel_arn : null
  two_way_channel_role    = var.two_way_channel_enabled ? var.two_way_channel_role : null

  tags = var.tags
}
