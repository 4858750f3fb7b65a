data "aws_region" "current" {}

locals {
  connect        = var.connect != null
  existing_topic = var.topic.existing_arn != null
  topic_policy   = var.access.mode == "topic-policy"

  # A new topic is encrypted with a new key unless the caller brings a key or opts out.
  create_key = !local.connect && coalesce(var.encryption.create_key, !local.existing_topic && var.encryption.kms_key_arn == null)
  encrypted  = !local.connect && (local.create_key || var.encryption.kms_key_arn != null || (local.existing_topic && var.topic.existing_encrypted))

  topic_arn = local.connect ? null : module.destination[0].topic_arn
  role_arn  = local.topic_policy ? null : module.channel_role[0].role_arn

  # Numbers the caller already owns get their two-way settings through the API, never as a
  # Terraform resource: Terraform must not release them, and provider 5.x can neither set nor
  # read back the Amazon Connect channel on the resource.
  routed_by_command = { for id in var.adopted_phone_number_ids : id => id }

  # Keywords go to every number this module routes, requested or adopted (by map key or ID).
  keyword_numbers = var.keywords == null ? {} : merge(
    { for key in keys(var.phone_numbers) : key => module.phone_number[key].id },
    local.routed_by_command,
  )
}

module "kms_key" {
  source = "./modules/kms-key"
  count  = local.encrypted && !local.existing_topic ? 1 : 0

  create                  = local.create_key
  alias                   = local.create_key ? coalesce(var.encryption.alias, var.name) : null
  deletion_window_in_days = var.encryption.deletion_window_in_days
  administrator_arns      = var.encryption.administrator_arns
  tags                    = var.tags
}

module "destination" {
  source = "./modules/sns-destination"
  count  = local.connect ? 0 : 1

  name                       = local.existing_topic ? null : coalesce(var.topic.name, var.name)
  existing_topic_arn         = var.topic.existing_arn
  existing_topic_encrypted   = var.topic.existing_encrypted
  existing_topic_policy_json = var.topic.existing_policy_json
  kms_master_key_id          = local.create_key ? module.kms_key[0].key_arn : var.encryption.kms_key_arn
  allow_sms_voice_publish    = local.topic_policy
  subscriptions              = var.topic.subscriptions
  tags                       = var.tags
}

module "channel_role" {
  source = "./modules/channel-role"
  count  = local.topic_policy ? 0 : 1

  create                         = var.access.existing_role_arn == null
  name                           = var.access.existing_role_arn == null ? coalesce(var.access.role_name, "${var.name}-sms-voice") : null
  existing_role_arn              = var.access.existing_role_arn
  attach_policy_to_existing_role = var.access.attach_policy_to_existing_role
  path                           = var.access.role_path
  permissions_boundary_arn       = var.access.permissions_boundary_arn
  trust_source_arns              = var.access.trust_source_arns
  sns_topic_arns                 = local.connect ? [] : [module.destination[0].planned_topic_arn]
  sns_topics_encrypted           = local.encrypted
  kms_key_arns                   = compact([var.encryption.kms_key_arn])
  connect_enabled                = local.connect
  tags                           = var.tags
}

module "phone_number" {
  source   = "./modules/phone-number"
  for_each = var.phone_numbers

  iso_country_code              = each.value.iso_country_code
  number_type                   = each.value.number_type
  message_type                  = each.value.message_type
  number_capabilities           = each.value.number_capabilities
  opt_out_list_name             = each.value.opt_out_list_name
  self_managed_opt_outs_enabled = each.value.self_managed_opt_outs_enabled
  deletion_protection_enabled   = each.value.deletion_protection_enabled
  registration_id               = each.value.registration_id
  two_way_channel_enabled       = each.value.two_way_channel_enabled
  two_way_channel_arn           = local.topic_arn
  two_way_channel_role          = local.role_arn
  tags                          = merge(var.tags, each.value.tags)
}

module "two_way_channel" {
  source   = "./modules/two-way-channel"
  for_each = local.routed_by_command

  phone_number_id     = each.value
  destination         = local.connect ? "connect" : "sns"
  sns_topic_arn       = local.topic_arn
  connect_instance_id = try(var.connect.instance_id, null)
  channel_role_arn    = local.role_arn
  python              = var.python
}

module "keywords" {
  source   = "./modules/keywords"
  for_each = local.keyword_numbers

  phone_number_id = each.value
  help_message    = var.keywords.help_message
  stop_message    = var.keywords.stop_message
  keywords        = var.keywords.keywords
  python          = var.python
  tags            = var.tags
}
