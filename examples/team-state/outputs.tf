output "topic_arn" {
  description = "Topic that receives inbound messages."
  value       = module.two_way_sms.topic_arn
}

output "phone_numbers" {
  description = "The requested numbers."
  value       = module.two_way_sms.phone_numbers
}
