output "function_arn" {
  description = "ARN of the function subscribed to the topic (the module's, or yours)."
  value       = local.function_arn
}

output "function_name" {
  description = "Name of the module's function, or null with `existing_function_arn`."
  value       = local.own_function ? var.name : null
}

output "role_arn" {
  description = "ARN of the module's execution role, or null with `existing_function_arn`."
  value       = local.own_function ? local.role_arn : null
}

output "role_name" {
  description = "The role that holds the reply permission: the module's, or `existing_function_role_name`."
  value       = local.role_name
}

output "reply_policy_json" {
  description = "The reply permission (sms-voice:SendTextMessage on the routed numbers and the configuration set), attached as inline policy `<name>-reply`."
  value       = data.aws_iam_policy_document.reply.json
}

output "runtime_policy_json" {
  description = "The rest of the module's role permissions (its own logs, its failure queue and that queue's key), or null with `existing_function_arn`."
  value       = local.own_function ? data.aws_iam_policy_document.runtime.json : null
}

output "trust_policy_json" {
  description = "Trust policy of the module's role (lambda.amazonaws.com, this account only), or null with `existing_function_arn`."
  value       = local.own_function ? data.aws_iam_policy_document.trust.json : null
}

output "failure_queue_arn" {
  description = "SQS queue that receives the events whose invocation failed after the last retry, or null with `existing_function_arn`."
  value       = local.own_function ? local.queue_arn : null
}

output "failure_queue_url" {
  description = "URL of the failure queue, or null with `existing_function_arn`."
  value       = try(aws_sqs_queue.failures[0].url, null)
}

output "log_group_name" {
  description = "The function's log group, or null with `existing_function_arn`."
  value       = local.own_function ? local.log_group_name : null
}

output "config_json" {
  description = "The rules, default reply and configuration set as the module's function reads them (environment variable RESPONDER_CONFIG), or null with `existing_function_arn`."
  value       = local.own_function ? local.config_json : null
}

output "subscription_arn" {
  description = "ARN of the function's subscription to the topic."
  value       = aws_sns_topic_subscription.this.arn
}
