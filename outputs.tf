output "topic_arn" {
  description = "ARN of the topic that receives inbound messages, or null for Amazon Connect."
  value       = try(module.destination[0].planned_topic_arn, null)
}

output "topic_name" {
  description = "Name of the topic that receives inbound messages, or null for Amazon Connect."
  value       = try(module.destination[0].topic_name, null)
}

output "topic_policy_json" {
  description = "The topic policy the module applies (topic-policy mode or merged statements), or null."
  value       = try(module.destination[0].topic_policy_json, null)
}

output "two_way_channel_arn" {
  description = "The channel every number is routed to: the topic ARN, or connect.<region>.amazonaws.com."
  value       = local.connect ? "connect.${data.aws_region.current.name}.amazonaws.com" : try(module.destination[0].planned_topic_arn, null)
}

output "kms_key_arn" {
  description = "ARN of the key that encrypts the topic (created or given), or null when the topic is unencrypted or existing."
  value       = local.create_key ? try(module.kms_key[0].key_arn, null) : var.encryption.kms_key_arn
}

output "kms_key_policy_json" {
  description = "The key policy of the created key, or null."
  value       = local.create_key ? try(module.kms_key[0].policy_json, null) : null
}

output "kms_key_policy_statements_json" {
  description = "For a key you bring (`encryption.kms_key_arn`): the statements to merge into its key policy so sms-voice.amazonaws.com and SNS can use it. Null otherwise."
  value       = var.encryption.kms_key_arn != null ? try(module.kms_key[0].service_statements_json, null) : null
}

output "channel_role_arn" {
  description = "ARN of the IAM channel role, or null in topic-policy mode."
  value       = local.role_arn
}

output "channel_role_trust_policy_json" {
  description = "Trust policy of the channel role, or null in topic-policy mode."
  value       = try(module.channel_role[0].trust_policy_json, null)
}

output "channel_role_permission_policy_json" {
  description = "Permission policy of the channel role, or null in topic-policy mode."
  value       = try(module.channel_role[0].permission_policy_json, null)
}

output "phone_numbers" {
  description = "Each requested number by key: ID, ARN and E.164 number."
  value = {
    for k, n in module.phone_number : k => {
      id           = n.id
      arn          = n.arn
      phone_number = n.phone_number
    }
  }
}

output "update_phone_number_commands" {
  description = "For each number in `external_phone_number_ids`, the AWS CLI command that turns two-way SMS on and routes it to this destination."
  value = {
    for id in var.external_phone_number_ids : id => join(" ", compact([
      "aws pinpoint-sms-voice-v2 update-phone-number",
      "--region ${data.aws_region.current.name}",
      "--phone-number-id ${id}",
      "--two-way-enabled",
      "--two-way-channel-arn ${local.connect ? "connect.${data.aws_region.current.name}.amazonaws.com" : module.destination[0].planned_topic_arn}",
      local.role_arn == null ? null : "--two-way-channel-role ${local.role_arn}",
    ]))
  }
}
