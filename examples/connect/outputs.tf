output "channel_role_arn" {
  description = "Role that End User Messaging SMS assumes to send chat integration events."
  value       = module.two_way_sms.channel_role_arn
}

output "two_way_channel_arn" {
  description = "The channel the number is routed to."
  value       = module.two_way_sms.two_way_channel_arn
}
