data "aws_partition" "current" {}
data "aws_region" "current" {}
data "aws_caller_identity" "current" {}

locals {
  partition = data.aws_partition.current.partition
  region    = data.aws_region.current.name
  account   = data.aws_caller_identity.current.account_id

  own_function = var.existing_function_arn == null

  # ARNs built from known parts, so every policy below can be read at plan time.
  log_group_name        = "/aws/lambda/${var.name}"
  log_group_arn         = "arn:${local.partition}:logs:${local.region}:${local.account}:log-group:${local.log_group_name}"
  queue_name            = "${var.name}-failures"
  queue_arn             = "arn:${local.partition}:sqs:${local.region}:${local.account}:${local.queue_name}"
  role_arn              = "arn:${local.partition}:iam::${local.account}:role/${var.name}"
  configuration_set_arn = var.configuration_set_name == null ? null : "arn:${local.partition}:sms-voice:${local.region}:${local.account}:configuration-set/${var.configuration_set_name}"

  log_retention_in_days        = coalesce(var.log_retention_in_days, 30)
  maximum_retry_attempts       = coalesce(var.maximum_retry_attempts, 2)
  maximum_event_age_in_seconds = coalesce(var.maximum_event_age_in_seconds, 21600)

  # What the function reads from RESPONDER_CONFIG (function/responder.py, load_config).
  config_json = jsonencode({
    rules                  = var.rules
    default_reply          = var.default_reply
    configuration_set_name = var.configuration_set_name
  })
  # Lambda allows 4 KB of environment variables in all, names included.
  config_bytes = length(base64encode(local.config_json)) * 3 / 4

  function_arn = local.own_function ? aws_lambda_function.this[0].arn : var.existing_function_arn
  role_name    = local.own_function ? aws_iam_role.this[0].name : var.existing_function_role_name
}

# ---- the reply permission (the module's role, or the role of your function) ----------------

data "aws_iam_policy_document" "reply" {
  # SendTextMessage authorizes each resource of the request: the origination identity (here a
  # phone number) and, when given, the configuration set. The Service Authorization Reference
  # lists no other resource type this function uses (see README).
  statement {
    sid       = "ReplyFromRoutedNumbers"
    effect    = "Allow"
    actions   = ["sms-voice:SendTextMessage"]
    resources = concat(var.phone_number_arns, compact([local.configuration_set_arn]))
  }
}

resource "aws_iam_role_policy" "reply" {
  name   = "${var.name}-reply"
  role   = local.role_name
  policy = data.aws_iam_policy_document.reply.json

  lifecycle {
    precondition {
      condition     = alltrue([for arn in var.phone_number_arns : split(":", arn)[3] == local.region])
      error_message = "phone_number_arns: the function replies through End User Messaging SMS in ${local.region}, so every number must be in ${local.region}; deploy one responder per Region."
    }
  }
}

# ---- the module's own function -----------------------------------------------------------

data "aws_iam_policy_document" "trust" {
  statement {
    sid     = "LambdaForThisAccount"
    effect  = "Allow"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }

    # Confused-deputy protection: Lambda may assume the role only for this account.
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account]
    }
  }
}

data "aws_iam_policy_document" "runtime" {
  statement {
    sid       = "WriteOwnLogs"
    effect    = "Allow"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${local.log_group_arn}:*"]
  }

  # Lambda sends the record of a failed asynchronous invocation with the function's role.
  statement {
    sid       = "RecordFailedEvents"
    effect    = "Allow"
    actions   = ["sqs:SendMessage"]
    resources = [local.queue_arn]
  }

  dynamic "statement" {
    for_each = var.failure_queue_kms_key_arn == null ? [] : [var.failure_queue_kms_key_arn]

    content {
      sid       = "EncryptFailedEvents"
      effect    = "Allow"
      actions   = ["kms:GenerateDataKey", "kms:Decrypt"]
      resources = [statement.value]

      condition {
        test     = "StringEquals"
        variable = "kms:ViaService"
        values   = ["sqs.${local.region}.amazonaws.com"]
      }
    }
  }
}

resource "aws_iam_role" "this" {
  count = local.own_function ? 1 : 0

  name               = var.name
  description        = "Execution role of the two-way SMS responder function ${var.name}"
  assume_role_policy = data.aws_iam_policy_document.trust.json
  tags               = var.tags
}

resource "aws_iam_role_policy" "runtime" {
  count = local.own_function ? 1 : 0

  name   = "${var.name}-runtime"
  role   = aws_iam_role.this[0].name
  policy = data.aws_iam_policy_document.runtime.json
}

resource "aws_cloudwatch_log_group" "this" {
  # checkov:skip=CKV_AWS_338:Retention is an input (default 30 days): the logs hold message IDs and the last digits of customers' numbers, so keeping them a year by default is not the safer choice.
  # checkov:skip=CKV_AWS_158:A KMS key is optional (log_kms_key_arn); without one CloudWatch Logs still encrypts the group with its own keys.
  count = local.own_function ? 1 : 0

  name              = local.log_group_name
  retention_in_days = local.log_retention_in_days
  kms_key_id        = var.log_kms_key_arn
  tags              = var.tags
}

resource "aws_sqs_queue" "failures" {
  count = local.own_function ? 1 : 0

  name                              = local.queue_name
  message_retention_seconds         = 1209600 # 14 days, SQS's longest: time to look at a failure
  sqs_managed_sse_enabled           = var.failure_queue_kms_key_arn == null ? true : null
  kms_master_key_id                 = var.failure_queue_kms_key_arn
  kms_data_key_reuse_period_seconds = var.failure_queue_kms_key_arn == null ? null : 300
  tags                              = var.tags
}

resource "aws_lambda_function" "this" {
  # checkov:skip=CKV_AWS_116:Failed asynchronous invocations go to the on-failure destination (aws_lambda_function_event_invoke_config), which keeps the error with the event; a dead-letter queue would only duplicate it.
  # checkov:skip=CKV_AWS_117:The function only calls public AWS APIs (End User Messaging SMS, CloudWatch Logs, SQS); a VPC would add NAT or endpoints without isolating anything.
  # checkov:skip=CKV_AWS_115:Concurrency follows inbound SMS volume; a reserved limit would throttle replies into retries and take capacity from the account. Set one on the function if your account needs it.
  # checkov:skip=CKV_AWS_173:The only variable holds the reply rules (no secrets); Lambda encrypts it at rest with its AWS managed key.
  # checkov:skip=CKV_AWS_272:The code is the module's own, rebuilt byte for byte from its sources in tests and pinned by source_code_hash; code signing adds a signer profile with no extra assurance here.
  count = local.own_function ? 1 : 0

  function_name    = var.name
  description      = "Answers inbound two-way SMS from the number that received them"
  role             = aws_iam_role.this[0].arn
  runtime          = "python3.12"
  handler          = "responder.handler"
  architectures    = ["arm64"]
  filename         = "${path.module}/responder.zip"
  source_code_hash = filebase64sha256("${path.module}/responder.zip")
  timeout          = 10
  memory_size      = 128

  environment {
    variables = {
      RESPONDER_CONFIG = local.config_json
    }
  }

  tracing_config {
    mode = "PassThrough"
  }

  tags = var.tags

  # The log group exists before the first log line (else Lambda would create one that never
  # expires), and the role can log and record failures before the first invocation.
  depends_on = [aws_cloudwatch_log_group.this, aws_iam_role_policy.runtime, aws_iam_role_policy.reply]

  lifecycle {
    precondition {
      condition     = local.config_bytes <= 4000
      error_message = "rules: the rules and default reply take ${local.config_bytes} bytes as JSON, but Lambda holds at most 4 KB of environment variables; shorten the replies or use fewer rules."
    }
  }
}

resource "aws_lambda_function_event_invoke_config" "this" {
  count = local.own_function ? 1 : 0

  function_name                = aws_lambda_function.this[0].function_name
  maximum_retry_attempts       = local.maximum_retry_attempts
  maximum_event_age_in_seconds = local.maximum_event_age_in_seconds

  destination_config {
    on_failure {
      destination = local.queue_arn # known at plan; the queue is a dependency below
    }
  }

  depends_on = [aws_sqs_queue.failures, aws_iam_role_policy.runtime]
}

# ---- subscription (either function) ---------------------------------------------------------

resource "aws_lambda_permission" "sns" {
  statement_id   = "AllowInboundSmsTopic"
  action         = "lambda:InvokeFunction"
  function_name  = local.function_arn
  principal      = "sns.amazonaws.com"
  source_arn     = var.topic_arn
  source_account = split(":", var.topic_arn)[4]
}

resource "aws_sns_topic_subscription" "this" {
  topic_arn = var.topic_arn
  protocol  = "lambda"
  endpoint  = local.function_arn

  # No message reaches the function before SNS may invoke it, it may reply, and failures have
  # somewhere to go.
  depends_on = [
    aws_lambda_permission.sns,
    aws_iam_role_policy.reply,
    aws_lambda_function_event_invoke_config.this,
  ]
}
