output "topic_arn" {
  description = "Topic that receives inbound messages."
  value       = module.two_way_sms.topic_arn
}

output "channel_role_arn" {
  description = "Role that End User Messaging SMS assumes to publish."
  value       = module.two_way_sms.channel_role_arn
}

output "kms_key_arn" {
  description = "Key that encrypts the topic."
  value       = module.two_way_sms.kms_key_arn
}
