output "key_arn" {
  description = "ARN of the key, or null when `create` is false."
  value       = try(aws_kms_key.this[0].arn, null)
}

output "key_id" {
  description = "ID of the key, or null when `create` is false."
  value       = try(aws_kms_key.this[0].key_id, null)
}

output "alias_arn" {
  description = "ARN of the alias, or null when there is none."
  value       = try(aws_kms_alias.this[0].arn, null)
}

output "alias_name" {
  description = "Name of the alias (`alias/...`), or null when there is none."
  value       = try(aws_kms_alias.this[0].name, null)
}

output "policy_json" {
  description = "The full key policy the module renders (applied to the key when `create` is true)."
  value       = data.aws_iam_policy_document.key_policy.json
}

output "service_statements_json" {
  description = "Only the statements End User Messaging SMS and SNS need, as a policy document: merge them into the policy of a key you already own."
  value       = data.aws_iam_policy_document.service_statements.json
}
