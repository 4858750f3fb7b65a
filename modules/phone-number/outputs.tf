output "id" {
  description = "ID of the number (phone-...)."
  value       = aws_pinpointsmsvoicev2_phone_number.this.id
}

output "arn" {
  description = "ARN of the number."
  value       = aws_pinpointsmsvoicev2_phone_number.this.arn
}

output "phone_number" {
  description = "The number in E.164 format."
  value       = aws_pinpointsmsvoicev2_phone_number.this.phone_number
}

output "two_way_channel_enabled" {
  description = "Whether two-way SMS is on."
  value       = aws_pinpointsmsvoicev2_phone_number.this.two_way_channel_enabled
}

output "two_way_channel_arn" {
  description = "Where inbound messages go."
  value       = aws_pinpointsmsvoicev2_phone_number.this.two_way_channel_arn
}

output "two_way_channel_role" {
  description = "Role the service assumes to deliver inbound messages, or null."
  value       = aws_pinpointsmsvoicev2_phone_number.this.two_way_channel_role
}
