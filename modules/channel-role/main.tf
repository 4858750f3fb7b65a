data "aws_partition" "current" {}
data "aws_region" "current" {}
data "aws_caller_identity" "current" {}

locals {
  partition = data.aws_partition.current.partition
  region    = data.aws_region.current.name
  account   = data.aws_caller_identity.current.account_id

  topic_accounts = distinct([for arn in var.sns_topic_arns : split(":", arn)[4]])
  kms_key_arns   = coalescelist(var.kms_key_arns, ["arn:${local.partition}:kms:${local.region}:${local.account}:key/*"])

  existing_role_name = var.existing_role_arn == null ? null : element(split("/", var.existing_role_arn), length(split("/", var.existing_role_arn)) - 1)
  manage_policy      = (length(var.sns_topic_arns) > 0 || var.connect_enabled) && (var.create || var.attach_policy_to_existing_role)
}

data "aws_iam_policy_document" "trust" {
  statement {
    sid     = "SMSVoice"
    effect  = "Allow"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["sms-voice.amazonaws.com"]
    }

    # Confused-deputy protection: the service may only assume the role for this account.
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account]
    }

    dynamic "condition" {
      for_each = length(var.trust_source_arns) > 0 ? [1] : []

      content {
        test     = "ArnLike"
        variable = "aws:SourceArn"
        values   = var.trust_source_arns
      }
    }
  }
}

data "aws_iam_policy_document" "permissions" {
  # checkov:skip=CKV_AWS_356:connect:SendChatIntegrationEvent takes no resource ARN in the AWS guide's policy; only that one action is granted.
  # checkov:skip=CKV_AWS_111:connect:SendChatIntegrationEvent takes no resource ARN in the AWS guide's policy; only that one action is granted.
  dynamic "statement" {
    for_each = var.connect_enabled ? [1] : []

    content {
      sid       = "SMSVoiceAllowConnectChatIntegrationEvents"
      effect    = "Allow"
      actions   = ["connect:SendChatIntegrationEvent"]
      resources = ["*"]
    }
  }

  dynamic "statement" {
    for_each = length(var.sns_topic_arns) > 0 ? [1] : []

    content {
      sid       = "SMSVoiceAllowSNSPublish"
      effect    = "Allow"
      actions   = ["sns:Publish"]
      resources = var.sns_topic_arns

      condition {
        test     = "StringEquals"
        variable = "aws:ResourceAccount"
        values   = local.topic_accounts
      }
    }
  }

  dynamic "statement" {
    for_each = var.sns_topics_encrypted && length(var.sns_topic_arns) > 0 ? [1] : []

    content {
      sid       = "SMSVoiceAllowEncryptedSNSTopics"
      effect    = "Allow"
      actions   = ["kms:Decrypt", "kms:GenerateDataKey*"]
      resources = local.kms_key_arns

      # Only for data keys SNS asks for on behalf of these topics.
      condition {
        test     = "StringEquals"
        variable = "kms:EncryptionContext:aws:sns:topicArn"
        values   = var.sns_topic_arns
      }

      condition {
        test     = "StringEquals"
        variable = "aws:CalledViaLast"
        values   = ["sns.amazonaws.com"]
      }
    }
  }
}

resource "aws_iam_role" "this" {
  count = var.create ? 1 : 0

  name                 = var.name
  path                 = var.path
  description          = "Assumed by AWS End User Messaging SMS to deliver inbound two-way SMS"
  assume_role_policy   = data.aws_iam_policy_document.trust.json
  permissions_boundary = var.permissions_boundary_arn
  max_session_duration = var.max_session_duration
  tags                 = var.tags
}

resource "aws_iam_role_policy" "this" {
  count = local.manage_policy ? 1 : 0

  name   = "two-way-sms-destination"
  role   = var.create ? aws_iam_role.this[0].id : local.existing_role_name
  policy = data.aws_iam_policy_document.permissions.json
}
