output "id" {
  description = "ID of the number (phone-...)."
  value       = local.number.id
}

output "arn" {
  description = "ARN of the number."
  value       = local.number.arn
}

output "phone_number" {
  description = "The number in E.164 format."
  value       = local.number.phone_number
}

output "two_way_channel_enabled" {
  description = "Whether two-way SMS is on."
  value       = local.number.two_way_channel_enabled
}

output "two_way_channel_arn" {
  description = "Where inbound messages go."
  value       = local.number.two_way_channel_arn
}

output "two_way_channel_role" {
  description = "Role the service assumes to deliver inbound messages, or null."
  value       = local.number.two_way_channel_role
}
