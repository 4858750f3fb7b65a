output "topic_arn" {
  description = "Topic that receives every number's inbound messages."
  value       = module.two_way_sms.topic_arn
}

output "phone_numbers" {
  description = "The requested numbers by key."
  value       = module.two_way_sms.phone_numbers
}

output "update_phone_number_commands" {
  description = "Commands that wire the external numbers to the topic."
  value       = module.two_way_sms.update_phone_number_commands
}
