output "channel_arn" {
  description = "The two-way channel the number is routed to: the topic ARN, or connect.<region>.amazonaws.com."
  value       = local.channel_arn
}

output "phone_number_id" {
  description = "The number whose two-way settings this module manages."
  value       = terraform_data.this.output.phone_number_id
}
