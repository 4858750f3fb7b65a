output "role_arn" {
  description = "ARN of the channel role (created or existing). Known at plan time; whatever references it waits until the role and its policy exist."
  value       = var.create ? "arn:${local.partition}:iam::${local.account}:role${var.path}${var.name}" : var.existing_role_arn

  # A phone number wired to the role must not be updated before the role can be assumed.
  depends_on = [aws_iam_role.this, aws_iam_role_policy.this]
}

output "role_name" {
  description = "Name of the channel role."
  value       = var.create ? var.name : local.existing_role_name
}

output "trust_policy_json" {
  description = "The trust policy: applied to a created role; for an existing role, the policy its trust should match."
  value       = data.aws_iam_policy_document.trust.json
}

output "permission_policy_json" {
  description = "The permission policy: attached to a created role (or to an existing one with attach_policy_to_existing_role); otherwise what to attach yourself."
  value       = data.aws_iam_policy_document.permissions.json
}

output "role_unique_id" {
  description = "Unique ID of the created role, or null."
  value       = try(aws_iam_role.this[0].unique_id, null)
}
