output "topic_arn" {
  description = "Encrypted topic that receives inbound messages."
  value       = module.two_way_sms.topic_arn
}

output "kms_key_arn" {
  description = "Key that encrypts the topic."
  value       = module.two_way_sms.kms_key_arn
}

output "channel_role_arn" {
  description = "Role that End User Messaging SMS assumes to publish."
  value       = module.two_way_sms.channel_role_arn
}

output "phone_numbers" {
  description = "The requested number."
  value       = module.two_way_sms.phone_numbers
}

output "function_arn" {
  description = "The responder function subscribed to the topic."
  value       = module.responder.function_arn
}

output "responder_role_arn" {
  description = "Execution role of the responder function."
  value       = module.responder.role_arn
}

output "failure_queue_url" {
  description = "Queue of the events the function failed to answer after its retries."
  value       = module.responder.failure_queue_url
}

output "log_group_name" {
  description = "Log group of the responder function."
  value       = module.responder.log_group_name
}

output "subscription_arn" {
  description = "The function's subscription to the topic."
  value       = module.responder.subscription_arn
}
