# Validations of modules/responder: one bad input per run, that variable's validation (or the
# resource's precondition) must fail at plan time; then inputs at the edges of every range, and
# both modes (the module's function, your own), must plan.

provider "aws" {
  region                      = "us-east-1"
  access_key                  = "offline"
  secret_key                  = "offline"
  skip_credentials_validation = true
  skip_metadata_api_check     = true
  skip_requesting_account_id  = true
  max_retries                 = 1

  endpoints {
    iam    = "http://127.0.0.1:9"
    lambda = "http://127.0.0.1:9"
    logs   = "http://127.0.0.1:9"
    sns    = "http://127.0.0.1:9"
    sqs    = "http://127.0.0.1:9"
    sts    = "http://127.0.0.1:9"
  }
}

# Every run uses the mock provider (the rendered policies are checked by the plan inventories
# in tests/offline/inventories/modules/responder, with the real provider).
mock_provider "aws" {
  alias = "mock"

  mock_data "aws_partition" {
    defaults = { partition = "aws" }
  }

  mock_data "aws_region" {
    defaults = { name = "us-east-1" }
  }

  mock_data "aws_caller_identity" {
    defaults = { account_id = "123456789012" }
  }

  mock_data "aws_iam_policy_document" {
    defaults = { json = "{\"Version\":\"2012-10-17\",\"Statement\":[]}" }
  }
}

variables {
  name              = "support-responder"
  topic_arn         = "arn:aws:sns:us-east-1:123456789012:inbound"
  phone_number_arns = ["arn:aws:sms-voice:us-east-1:123456789012:phone-number/phone-0123456789abcdef0123456789abcdef"]
  rules             = [{ keyword = "HOURS", reply = "9 to 5." }]
}

# ---- name ----------------------------------------------------------------------------------

run "name_too_long" {
  command   = plan
  providers = { aws = aws.mock }
  module { source = "./modules/responder" }
  variables {
    name = "rrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrr"
  }
  expect_failures = [var.name]
}

# ---- topic_arn -----------------------------------------------------------------------------

run "topic_arn_is_a_queue" {
  command   = plan
  providers = { aws = aws.mock }
  module { source = "./modules/responder" }
  variables {
    topic_arn = "arn:aws:sqs:us-east-1:123456789012:inbound"
  }
  expect_failures = [var.topic_arn]
}

run "topic_is_fifo" {
  command   = plan
  providers = { aws = aws.mock }
  module { source = "./modules/responder" }
  variables {
    topic_arn = "arn:aws:sns:us-east-1:123456789012:inbound.fifo"
  }
  expect_failures = [var.topic_arn]
}

# ---- phone_number_arns ---------------------------------------------------------------------

run "no_phone_numbers" {
  command   = plan
  providers = { aws = aws.mock }
  module { source = "./modules/responder" }
  variables {
    phone_number_arns = []
  }
  expect_failures = [var.phone_number_arns]
}

run "phone_number_id_instead_of_arn" {
  command   = plan
  providers = { aws = aws.mock }
  module { source = "./modules/responder" }
  variables {
    phone_number_arns = ["phone-0123456789abcdef0123456789abcdef"]
  }
  expect_failures = [var.phone_number_arns]
}

run "phone_number_in_another_region" {
  command   = plan
  providers = { aws = aws.mock }
  module { source = "./modules/responder" }
  variables {
    phone_number_arns = ["arn:aws:sms-voice:eu-west-1:123456789012:phone-number/phone-0123456789abcdef0123456789abcdef"]
  }
  expect_failures = [aws_iam_role_policy.reply]
}

# ---- rules ---------------------------------------------------------------------------------

run "rule_with_keyword_and_pattern" {
  command   = plan
  providers = { aws = aws.mock }
  module { source = "./modules/responder" }
  variables {
    rules = [{ keyword = "HOURS", pattern = "(?i)hours", reply = "9 to 5." }]
  }
  expect_failures = [var.rules]
}

run "rule_with_neither_keyword_nor_pattern" {
  command   = plan
  providers = { aws = aws.mock }
  module { source = "./modules/responder" }
  variables {
    rules = [{ reply = "9 to 5." }]
  }
  expect_failures = [var.rules]
}

run "keyword_with_a_space" {
  command   = plan
  providers = { aws = aws.mock }
  module { source = "./modules/responder" }
  variables {
    rules = [{ keyword = "OPENING HOURS", reply = "9 to 5." }]
  }
  expect_failures = [var.rules]
}

run "keyword_too_long" {
  command   = plan
  providers = { aws = aws.mock }
  module { source = "./modules/responder" }
  variables {
    rules = [{ keyword = "KKKKKKKKKKKKKKKKKKKKKKKKKKKKKKK", reply = "31 characters." }]
  }
  expect_failures = [var.rules]
}

run "pattern_with_a_lookahead" {
  command   = plan
  providers = { aws = aws.mock }
  module { source = "./modules/responder" }
  variables {
    rules = [{ pattern = "refund(?!ed)", reply = "Python accepts this; RE2 does not." }]
  }
  expect_failures = [var.rules]
}

run "empty_reply" {
  command   = plan
  providers = { aws = aws.mock }
  module { source = "./modules/responder" }
  variables {
    rules = [{ keyword = "HOURS", reply = "" }]
  }
  expect_failures = [var.rules]
}

run "reply_too_long" {
  command   = plan
  providers = { aws = aws.mock }
  module { source = "./modules/responder" }
  variables {
    rules = [{ keyword = "HOURS", reply = format("%1601s", "x") }]
  }
  expect_failures = [var.rules]
}

run "rules_larger_than_the_environment_holds" {
  command   = plan
  providers = { aws = aws.mock }
  module { source = "./modules/responder" }
  variables {
    rules = [for k in ["A", "B", "C"] : { keyword = k, reply = format("%1500s", "x") }]
  }
  expect_failures = [aws_lambda_function.this]
}

# ---- default_reply and configuration_set_name ----------------------------------------------

run "empty_default_reply" {
  command   = plan
  providers = { aws = aws.mock }
  module { source = "./modules/responder" }
  variables {
    default_reply = ""
  }
  expect_failures = [var.default_reply]
}

run "configuration_set_arn_instead_of_name" {
  command   = plan
  providers = { aws = aws.mock }
  module { source = "./modules/responder" }
  variables {
    configuration_set_name = "arn:aws:sms-voice:us-east-1:123456789012:configuration-set/replies"
  }
  expect_failures = [var.configuration_set_name]
}

# ---- logs, retries, event age, failure queue -----------------------------------------------

run "log_retention_cloudwatch_refuses" {
  command   = plan
  providers = { aws = aws.mock }
  module { source = "./modules/responder" }
  variables {
    log_retention_in_days = 10
  }
  expect_failures = [var.log_retention_in_days]
}

run "log_key_is_an_alias" {
  command   = plan
  providers = { aws = aws.mock }
  module { source = "./modules/responder" }
  variables {
    log_kms_key_arn = "arn:aws:kms:us-east-1:123456789012:alias/logs"
  }
  expect_failures = [var.log_kms_key_arn]
}

run "three_retries" {
  command   = plan
  providers = { aws = aws.mock }
  module { source = "./modules/responder" }
  variables {
    maximum_retry_attempts = 3
  }
  expect_failures = [var.maximum_retry_attempts]
}

run "event_age_below_a_minute" {
  command   = plan
  providers = { aws = aws.mock }
  module { source = "./modules/responder" }
  variables {
    maximum_event_age_in_seconds = 59
  }
  expect_failures = [var.maximum_event_age_in_seconds]
}

run "event_age_above_six_hours" {
  command   = plan
  providers = { aws = aws.mock }
  module { source = "./modules/responder" }
  variables {
    maximum_event_age_in_seconds = 21601
  }
  expect_failures = [var.maximum_event_age_in_seconds]
}

run "queue_key_is_an_alias_name" {
  command   = plan
  providers = { aws = aws.mock }
  module { source = "./modules/responder" }
  variables {
    failure_queue_kms_key_arn = "alias/failures"
  }
  expect_failures = [var.failure_queue_kms_key_arn]
}

# ---- bring your own function ---------------------------------------------------------------

run "existing_function_arn_is_a_name" {
  command   = plan
  providers = { aws = aws.mock }
  module { source = "./modules/responder" }
  variables {
    rules                       = []
    existing_function_arn       = "my-responder"
    existing_function_role_name = "my-responder-role"
  }
  expect_failures = [var.existing_function_arn]
}

run "existing_function_with_the_modules_rules" {
  command   = plan
  providers = { aws = aws.mock }
  module { source = "./modules/responder" }
  variables {
    existing_function_arn       = "arn:aws:lambda:us-east-1:123456789012:function:my-responder"
    existing_function_role_name = "my-responder-role"
  }
  expect_failures = [var.existing_function_arn]
}

run "existing_function_with_a_retry_setting" {
  command   = plan
  providers = { aws = aws.mock }
  module { source = "./modules/responder" }
  variables {
    rules                       = []
    maximum_retry_attempts      = 0
    existing_function_arn       = "arn:aws:lambda:us-east-1:123456789012:function:my-responder"
    existing_function_role_name = "my-responder-role"
  }
  expect_failures = [var.existing_function_arn]
}

run "existing_function_role_arn_instead_of_name" {
  command   = plan
  providers = { aws = aws.mock }
  module { source = "./modules/responder" }
  variables {
    rules                       = []
    existing_function_arn       = "arn:aws:lambda:us-east-1:123456789012:function:my-responder"
    existing_function_role_name = "arn:aws:iam::123456789012:role/my-responder-role"
  }
  expect_failures = [var.existing_function_role_name]
}

run "existing_function_without_its_role" {
  command   = plan
  providers = { aws = aws.mock }
  module { source = "./modules/responder" }
  variables {
    rules                 = []
    existing_function_arn = "arn:aws:lambda:us-east-1:123456789012:function:my-responder"
  }
  expect_failures = [var.existing_function_role_name]
}

run "role_without_its_function" {
  command   = plan
  providers = { aws = aws.mock }
  module { source = "./modules/responder" }
  variables {
    existing_function_role_name = "my-responder-role"
  }
  expect_failures = [var.existing_function_role_name]
}

# ---- good input plans ----------------------------------------------------------------------

run "every_range_at_its_edges" {
  command   = plan
  providers = { aws = aws.mock }
  module { source = "./modules/responder" }
  variables {
    name = "rrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrr"
    rules = [
      { keyword = "KKKKKKKKKKKKKKKKKKKKKKKKKKKKKK", reply = "x" },
      { pattern = "(?i)\\b(refund|return)s?\\b", reply = format("%1600s", "x") },
    ]
    default_reply                = "x"
    maximum_retry_attempts       = 0
    maximum_event_age_in_seconds = 60
    log_retention_in_days        = 3653
  }

  assert {
    condition     = aws_lambda_function_event_invoke_config.this[0].maximum_retry_attempts == 0 && aws_lambda_function_event_invoke_config.this[0].maximum_event_age_in_seconds == 60
    error_message = "Retries and event age are passed to the event invoke config as given."
  }

  assert {
    condition     = jsondecode(output.config_json).rules[1].pattern == "(?i)\\b(refund|return)s?\\b" && jsondecode(output.config_json).default_reply == "x"
    error_message = "The function's configuration carries the rules as given."
  }
}

run "defaults" {
  command   = plan
  providers = { aws = aws.mock }
  module { source = "./modules/responder" }

  assert {
    condition     = aws_lambda_function_event_invoke_config.this[0].maximum_retry_attempts == 2 && aws_lambda_function_event_invoke_config.this[0].maximum_event_age_in_seconds == 21600 && aws_cloudwatch_log_group.this[0].retention_in_days == 30
    error_message = "Defaults: 2 retries, 6 hours of event age, 30 days of logs."
  }

  assert {
    condition     = aws_lambda_function.this[0].runtime == "python3.12" && aws_lambda_function.this[0].handler == "responder.handler" && aws_cloudwatch_log_group.this[0].name == "/aws/lambda/support-responder"
    error_message = "The function runs responder.handler on python3.12 and logs to /aws/lambda/<name>."
  }

  assert {
    condition     = aws_lambda_function_event_invoke_config.this[0].destination_config[0].on_failure[0].destination == "arn:aws:sqs:us-east-1:123456789012:support-responder-failures" && aws_sqs_queue.failures[0].sqs_managed_sse_enabled == true
    error_message = "Failed events go to the <name>-failures queue, encrypted with SSE-SQS by default."
  }

  assert {
    condition     = aws_lambda_permission.sns.principal == "sns.amazonaws.com" && aws_lambda_permission.sns.source_arn == var.topic_arn && aws_lambda_permission.sns.source_account == "123456789012"
    error_message = "Only the topic, of its own account, may invoke the function."
  }
}

run "bring_your_own_function" {
  command   = plan
  providers = { aws = aws.mock }
  module { source = "./modules/responder" }
  variables {
    rules                       = []
    existing_function_arn       = "arn:aws:lambda:us-east-1:123456789012:function:my-responder:live"
    existing_function_role_name = "my-responder-role"
  }

  assert {
    condition     = length(aws_lambda_function.this) == 0 && length(aws_iam_role.this) == 0 && length(aws_sqs_queue.failures) == 0 && length(aws_cloudwatch_log_group.this) == 0
    error_message = "With your own function the module creates no function, role, queue or log group."
  }

  assert {
    condition     = aws_iam_role_policy.reply.role == "my-responder-role" && aws_sns_topic_subscription.this.endpoint == var.existing_function_arn && aws_lambda_permission.sns.function_name == var.existing_function_arn
    error_message = "Your function is subscribed, SNS may invoke it, and its role gets the reply permission."
  }
}
