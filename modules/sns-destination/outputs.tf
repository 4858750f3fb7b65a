output "topic_arn" {
  description = "ARN of the destination topic (created or existing). Whatever references it waits until the topic and its policy exist: wire phone numbers to this one."
  value       = local.topic_arn

  depends_on = [aws_sns_topic.this, aws_sns_topic_policy.this]
}

output "planned_topic_arn" {
  description = "The same ARN with no dependency on the topic: use it in policy documents, which then stay known at plan time."
  value       = local.topic_arn
}

output "topic_name" {
  description = "Name of the destination topic."
  value       = local.topic_name
}

output "created" {
  description = "Whether the module created the topic."
  value       = local.create
}

output "encrypted" {
  description = "Whether the topic is encrypted with a KMS key (from the inputs, so known at plan time)."
  value       = var.kms_master_key_id != null || var.existing_topic_encrypted
}

output "topic_policy_json" {
  description = "The topic policy the module applies, or null when it manages none."
  value       = try(data.aws_iam_policy_document.topic_policy[0].json, null)
}

output "sms_voice_statement_json" {
  description = "The topic policy statement that lets sms-voice.amazonaws.com publish, as a policy document, for topics whose policy is managed elsewhere."
  value       = data.aws_iam_policy_document.sms_voice_publish.json
}

output "subscription_arns" {
  description = "ARNs of the subscriptions, by key."
  value       = { for k, s in aws_sns_topic_subscription.this : k => s.arn }
}

output "queue_policy_statements_json" {
  description = "For each sqs subscription, the queue policy that lets this topic send to the queue."
  value       = { for k, d in data.aws_iam_policy_document.queue : k => d.json }
}
