# Validations of modules/responder: each run sets one bad input for each of several variables
# (never two for one variable), and each of those validations (or the resource's precondition)
# must fail at plan time; then inputs at the edges of every range, and both modes (the module's
# function, your own), must plan.

# Every run uses the mock provider (the rendered policies are checked by the plan inventories
# in tests/offline/inventories/modules/responder, with the real provider).
mock_provider "aws" {
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

run "bad_inputs_1" {
  command = plan
  module { source = "./modules/responder" }
  variables {
    # name: name too long
    name = "rrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrr"
    # topic_arn: topic arn is a queue
    topic_arn = "arn:aws:sqs:us-east-1:123456789012:inbound"
    # phone_number_arns: no phone numbers
    phone_number_arns = []
    # rules: rule with keyword and pattern
    rules = [{ keyword = "HOURS", pattern = "(?i)hours", reply = "9 to 5." }]
    # default_reply: empty default reply
    default_reply = ""
    # configuration_set_name: configuration set arn instead of name
    configuration_set_name = "arn:aws:sms-voice:us-east-1:123456789012:configuration-set/replies"
    # log_retention_in_days: log retention cloudwatch refuses
    log_retention_in_days = 10
    # log_kms_key_arn: log key is an alias
    log_kms_key_arn = "arn:aws:kms:us-east-1:123456789012:alias/logs"
    # maximum_retry_attempts: three retries
    maximum_retry_attempts = 3
    # maximum_event_age_in_seconds: event age below a minute
    maximum_event_age_in_seconds = 59
    # failure_queue_kms_key_arn: queue key is an alias name
    failure_queue_kms_key_arn = "alias/failures"
  }
  expect_failures = [
    var.name,
    var.topic_arn,
    var.phone_number_arns,
    var.rules,
    var.default_reply,
    var.configuration_set_name,
    var.log_retention_in_days,
    var.log_kms_key_arn,
    var.maximum_retry_attempts,
    var.maximum_event_age_in_seconds,
    var.failure_queue_kms_key_arn,
  ]
}

run "bad_inputs_2" {
  command = plan
  module { source = "./modules/responder" }
  variables {
    # topic_arn: topic is fifo
    topic_arn = "arn:aws:sns:us-east-1:123456789012:inbound.fifo"
    # phone_number_arns: phone number id instead of arn
    phone_number_arns = ["phone-0123456789abcdef0123456789abcdef"]
    # rules: rule with neither keyword nor pattern
    rules = [{ reply = "9 to 5." }]
    # maximum_event_age_in_seconds: event age above six hours
    maximum_event_age_in_seconds = 21601
  }
  expect_failures = [
    var.topic_arn,
    var.phone_number_arns,
    var.rules,
    var.maximum_event_age_in_seconds,
  ]
}

run "bad_inputs_3" {
  command = plan
  module { source = "./modules/responder" }
  variables {
    # rules: keyword with a space
    rules = [{ keyword = "OPENING HOURS", reply = "9 to 5." }]
  }
  expect_failures = [var.rules]
}

run "bad_inputs_4" {
  command = plan
  module { source = "./modules/responder" }
  variables {
    # rules: keyword too long
    rules = [{ keyword = "KKKKKKKKKKKKKKKKKKKKKKKKKKKKKKK", reply = "31 characters." }]
  }
  expect_failures = [var.rules]
}

run "bad_inputs_5" {
  command = plan
  module { source = "./modules/responder" }
  variables {
    # rules: pattern with a lookahead
    rules = [{ pattern = "refund(?!ed)", reply = "Python accepts this; RE2 does not." }]
  }
  expect_failures = [var.rules]
}

run "bad_inputs_6" {
  command = plan
  module { source = "./modules/responder" }
  variables {
    # rules: empty reply
    rules = [{ keyword = "HOURS", reply = "" }]
  }
  expect_failures = [var.rules]
}

run "bad_inputs_7" {
  command = plan
  module { source = "./modules/responder" }
  variables {
    # rules: reply too long
    rules = [{ keyword = "HOURS", reply = format("%1601s", "x") }]
  }
  expect_failures = [var.rules]
}

run "bad_inputs_8" {
  command = plan
  module { source = "./modules/responder" }
  variables {
    # existing_function_arn: existing function arn is a name
    existing_function_arn = "my-responder"
    # context the bad inputs above need
    rules                       = []
    existing_function_role_name = "my-responder-role"
  }
  expect_failures = [var.existing_function_arn]
}

run "bad_inputs_9" {
  command = plan
  module { source = "./modules/responder" }
  variables {
    # existing_function_arn: existing function with the modules rules
    existing_function_arn = "arn:aws:lambda:us-east-1:123456789012:function:my-responder"
    # context the bad inputs above need
    existing_function_role_name = "my-responder-role"
  }
  expect_failures = [var.existing_function_arn]
}

run "bad_inputs_10" {
  command = plan
  module { source = "./modules/responder" }
  variables {
    # existing_function_arn: existing function with a retry setting
    existing_function_arn = "arn:aws:lambda:us-east-1:123456789012:function:my-responder"
    # context the bad inputs above need
    rules                       = []
    maximum_retry_attempts      = 0
    existing_function_role_name = "my-responder-role"
  }
  expect_failures = [var.existing_function_arn]
}

run "bad_inputs_11" {
  command = plan
  module { source = "./modules/responder" }
  variables {
    # existing_function_role_name: existing function role arn instead of name
    existing_function_role_name = "arn:aws:iam::123456789012:role/my-responder-role"
    # context the bad inputs above need
    rules                 = []
    existing_function_arn = "arn:aws:lambda:us-east-1:123456789012:function:my-responder"
  }
  expect_failures = [var.existing_function_role_name]
}

run "bad_inputs_12" {
  command = plan
  module { source = "./modules/responder" }
  variables {
    # existing_function_role_name: existing function without its role
    # (existing_function_role_name left unset: that is the bad input)
    # context the bad inputs above need
    rules                 = []
    existing_function_arn = "arn:aws:lambda:us-east-1:123456789012:function:my-responder"
  }
  expect_failures = [var.existing_function_role_name]
}

run "bad_inputs_13" {
  command = plan
  module { source = "./modules/responder" }
  variables {
    # existing_function_role_name: role without its function
    existing_function_role_name = "my-responder-role"
  }
  expect_failures = [var.existing_function_role_name]
}

run "phone_number_in_another_region" {
  command = plan
  module { source = "./modules/responder" }
  variables {
    phone_number_arns = ["arn:aws:sms-voice:eu-west-1:123456789012:phone-number/phone-0123456789abcdef0123456789abcdef"]
  }
  expect_failures = [aws_iam_role_policy.reply]
}

run "rules_larger_than_the_environment_holds" {
  command = plan
  module { source = "./modules/responder" }
  variables {
    rules = [for k in ["A", "B", "C"] : { keyword = k, reply = format("%1500s", "x") }]
  }
  expect_failures = [aws_lambda_function.this]
}

run "every_range_at_its_edges" {
  command = plan
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
  command = plan
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
  command = plan
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
