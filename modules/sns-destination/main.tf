data "aws_partition" "current" {}
data "aws_region" "current" {}
data "aws_caller_identity" "current" {}

locals {
  partition = data.aws_partition.current.partition
  region    = data.aws_region.current.name
  account   = data.aws_caller_identity.current.account_id
  create    = var.existing_topic_arn == null

  # Built from names, not read from the resource, so that every policy naming the topic is
  # known at plan time and reviewers read it in `terraform plan`.
  topic_arn  = local.create ? "arn:${local.partition}:sns:${local.region}:${local.account}:${var.name}" : var.existing_topic_arn
  topic_name = local.create ? var.name : element(split(":", var.existing_topic_arn), 5)

  sms_voice_source_arns = coalescelist(var.sms_voice_source_arns, ["arn:${local.partition}:sms-voice:${local.region}:${local.account}:*"])

  manage_topic_policy = var.allow_sms_voice_publish || var.additional_policy_json != null
  sqs_subscriptions   = { for k, s in var.subscriptions : k => s if s.protocol == "sqs" }
}

resource "aws_sns_topic" "this" {
  # checkov:skip=CKV_AWS_26:Encryption is the caller's choice (kms_master_key_id); the root module and the sns-kms example turn it on. The AWS managed key cannot be used because its policy cannot grant sms-voice.amazonaws.com.
  count = local.create ? 1 : 0

  name              = var.name
  kms_master_key_id = var.kms_master_key_id
  signature_version = var.signature_version
  tags              = var.tags
}

data "aws_iam_policy_document" "sms_voice_publish" {
  statement {
    sid       = "AllowSmsVoicePublish"
    effect    = "Allow"
    actions   = ["sns:Publish"]
    resources = [local.topic_arn]

    principals {
      type        = "Service"
      identifiers = ["sms-voice.amazonaws.com"]
    }

    # Confused-deputy protection: only this account's numbers may publish through the service.
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
}

data "aws_iam_policy_document" "topic_policy" {
  count = local.manage_topic_policy ? 1 : 0

  # Later documents win on equal Sids, so the module's statement replaces an older copy of
  # itself in the existing policy instead of being added twice.
  source_policy_documents = compact([
    var.existing_topic_policy_json,
    var.additional_policy_json,
    var.allow_sms_voice_publish ? data.aws_iam_policy_document.sms_voice_publish.json : null,
  ])
}

resource "aws_sns_topic_policy" "this" {
  count = local.manage_topic_policy ? 1 : 0

  arn    = local.create ? aws_sns_topic.this[0].arn : var.existing_topic_arn
  policy = data.aws_iam_policy_document.topic_policy[0].json
}

resource "aws_sns_topic_subscription" "this" {
  for_each = var.subscriptions

  topic_arn            = local.create ? aws_sns_topic.this[0].arn : var.existing_topic_arn
  protocol             = each.value.protocol
  endpoint             = each.value.endpoint
  raw_message_delivery = contains(["sqs", "https", "http", "firehose"], each.value.protocol) ? each.value.raw_message_delivery : null
  filter_policy        = each.value.filter_policy

  depends_on = [aws_sqs_queue_policy.this]
}

data "aws_iam_policy_document" "queue" {
  for_each = local.sqs_subscriptions

  statement {
    sid       = "AllowTopicToSendInboundSms"
    effect    = "Allow"
    actions   = ["sqs:SendMessage"]
    resources = [each.value.endpoint]

    principals {
      type        = "Service"
      identifiers = ["sns.amazonaws.com"]
    }

    condition {
      test     = "ArnEquals"
      variable = "aws:SourceArn"
      values   = [local.topic_arn]
    }
  }
}

resource "aws_sqs_queue_policy" "this" {
  for_each = { for k, s in local.sqs_subscriptions : k => s if s.queue_url != null }

  queue_url = each.value.queue_url
  policy    = data.aws_iam_policy_document.queue[each.key].json
}
