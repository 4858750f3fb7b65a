output "topic_policy_json" {
  description = "The merged topic policy now on your topic."
  value       = module.two_way_sms.topic_policy_json
}

output "phone_numbers" {
  description = "The requested number."
  value       = module.two_way_sms.phone_numbers
}
