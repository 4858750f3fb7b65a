data "aws_partition" "current" {}
data "aws_region" "current" {}
data "aws_caller_identity" "current" {}

locals {
  partition = data.aws_partition.current.partition
  region    = data.aws_region.current.name
  account   = data.aws_caller_identity.current.account_id

  sms_voice_source_arns = coalescelist(var.sms_voice_source_arns, ["arn:${local.partition}:sms-voice:${local.region}:${local.account}:*"])
}

# The statements a key needs so that End User Messaging SMS (and SNS itself) can encrypt
# inbound messages on an SNS topic. Rendered on their own so that owners of an existing key
# can paste them into its policy.
data "aws_iam_policy_document" "service_statements" {
  # checkov:skip=CKV_AWS_109:A key policy's Resource "*" means "this key"; the grant is limited by service principal, aws:SourceAccount and aws:SourceArn.
  # checkov:skip=CKV_AWS_111:A key policy's Resource "*" means "this key"; the grant is limited by service principal, aws:SourceAccount and aws:SourceArn.
  # checkov:skip=CKV_AWS_356:A key policy's Resource "*" means "this key"; it cannot name the key's own ARN.
  statement {
    sid       = "AllowSmsVoiceToUseTheKey"
    effect    = "Allow"
    actions   = ["kms:GenerateDataKey*", "kms:Decrypt"]
    resources = ["*"]

    principals {
      type        = "Service"
      identifiers = ["sms-voice.amazonaws.com"]
    }

    # Confused-deputy protection, as the AWS guide recommends for this statement.
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account]
    }

    condition {
      test     = "ArnLike"
      variable = "aws:SourceArn"
      values   = local.sms_voice_source_arns
    }
  }

  dynamic "statement" {
    for_each = var.allow_sns_service ? [1] : []

    content {
      sid       = "AllowSnsToUseTheKeyForThisAccountsTopics"
      effect    = "Allow"
      actions   = ["kms:GenerateDataKey*", "kms:Decrypt"]
      resources = ["*"]

      principals {
        type        = "Service"
        identifiers = ["sns.amazonaws.com"]
      }

      condition {
        test     = "StringEquals"
        variable = "aws:SourceAccount"
        values   = [local.account]
      }

      condition {
        test     = "ArnLike"
        variable = "aws:SourceArn"
        values   = ["arn:${local.partition}:sns:${local.region}:${local.account}:*"]
      }
    }
  }
}

data "aws_iam_policy_document" "key_policy" {
  # checkov:skip=CKV_AWS_109:A key policy's Resource "*" means "this key"; administrators are named principals of this account.
  # checkov:skip=CKV_AWS_111:A key policy's Resource "*" means "this key"; administrators are named principals of this account.
  # checkov:skip=CKV_AWS_356:A key policy's Resource "*" means "this key"; it cannot name the key's own ARN.
  source_policy_documents = [data.aws_iam_policy_document.service_statements.json]

  dynamic "statement" {
    for_each = var.enable_iam_policies ? [1] : []

    content {
      sid       = "EnableIamPoliciesOfThisAccount"
      effect    = "Allow"
      actions   = ["kms:*"]
      resources = ["*"]

      principals {
        type        = "AWS"
        identifiers = ["arn:${local.partition}:iam::${local.account}:root"]
      }
    }
  }

  dynamic "statement" {
    for_each = length(var.administrator_arns) > 0 ? [1] : []

    content {
      sid    = "AllowKeyAdministration"
      effect = "Allow"
      actions = [
        "kms:CancelKeyDeletion",
        "kms:Create*",
        "kms:Delete*",
        "kms:Describe*",
        "kms:Disable*",
        "kms:Enable*",
        "kms:Get*",
        "kms:List*",
        "kms:Put*",
        "kms:Revoke*",
        "kms:ScheduleKeyDeletion",
        "kms:TagResource",
        "kms:UntagResource",
        "kms:Update*",
      ]
      resources = ["*"]

      principals {
        type        = "AWS"
        identifiers = var.administrator_arns
      }
    }
  }

  dynamic "statement" {
    for_each = var.additional_statements

    content {
      sid       = statement.value.sid
      effect    = statement.value.effect
      actions   = statement.value.actions
      resources = statement.value.resources

      dynamic "principals" {
        for_each = statement.value.principals

        content {
          type        = principals.value.type
          identifiers = principals.value.identifiers
        }
      }

      dynamic "condition" {
        for_each = statement.value.conditions

        content {
          test     = condition.value.test
          variable = condition.value.variable
          values   = condition.value.values
        }
      }
    }
  }
}

resource "aws_kms_key" "this" {
  count = var.create ? 1 : 0

  description              = var.description
  customer_master_key_spec = var.key_spec
  key_usage                = var.key_usage
  enable_key_rotation      = true
  rotation_period_in_days  = var.rotation_period_in_days
  deletion_window_in_days  = var.deletion_window_in_days
  policy                   = data.aws_iam_policy_document.key_policy.json
  tags                     = var.tags
}

resource "aws_kms_alias" "this" {
  count = var.create && var.alias != null ? 1 : 0

  name          = "alias/${var.alias}"
  target_key_id = aws_kms_key.this[0].key_id
}
