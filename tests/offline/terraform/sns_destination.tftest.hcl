# Validations of modules/sns-destination: each run sets one bad input for each of several
# variables (never two for one variable), and each of those validations must fail at plan time.

# Bad input fails in variable validation, before any provider call, so every run uses this
# mock provider: a real-provider run starts the 700 MB plugin again (measured: 9 real runs
# 48 s, 1 real + 8 mocked 9 s). The rendered policies are checked by the plan inventories.
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

run "bad_inputs_1" {
  command = plan
  module { source = "./modules/sns-destination" }
  variables {
    # existing_topic_arn: fifo topic arn
    existing_topic_arn = "arn:aws:sns:us-east-1:123456789012:inbound.fifo"
  }
  expect_failures = [var.existing_topic_arn]
}

run "bad_inputs_2" {
  command = plan
  module { source = "./modules/sns-destination" }
  variables {
    # existing_topic_arn: malformed topic arn
    existing_topic_arn = "arn:aws:sqs:us-east-1:123456789012:inbound"
  }
  expect_failures = [var.existing_topic_arn]
}

run "bad_inputs_3" {
  command = plan
  module { source = "./modules/sns-destination" }
  variables {
    # existing_topic_arn: neither name nor arn
    # (existing_topic_arn left unset: that is the bad input)
  }
  expect_failures = [var.existing_topic_arn]
}

run "bad_inputs_4" {
  command = plan
  module { source = "./modules/sns-destination" }
  variables {
    # existing_topic_arn: both name and arn
    existing_topic_arn = "arn:aws:sns:us-east-1:123456789012:inbound"
    # additional_policy_json: additional policy not a policy
    additional_policy_json = "{}"
    # signature_version: signature version 3
    signature_version = 3
    # subscriptions: unknown subscription protocol
    subscriptions = { x = { protocol = "ftp", endpoint = "ftp://x" } }
    # sms_voice_source_arns: source arn of another service
    sms_voice_source_arns = ["arn:aws:sns:us-east-1:123456789012:*"]
    # context the bad inputs above need
    name = "inbound"
  }
  expect_failures = [
    var.existing_topic_arn,
    var.additional_policy_json,
    var.signature_version,
    var.subscriptions,
    var.sms_voice_source_arns,
  ]
}

run "bad_inputs_5" {
  command = plan
  module { source = "./modules/sns-destination" }
  variables {
    # kms_master_key_id: malformed key arn
    kms_master_key_id = "arn:aws:kms:us-east-1:123456789012:secret/x"
    # subscriptions: sqs endpoint not a queue arn
    subscriptions = { x = { protocol = "sqs", endpoint = "https://sqs.us-east-1.amazonaws.com/123456789012/q" } }
    # context the bad inputs above need
    name = "inbound"
  }
  expect_failures = [
    var.kms_master_key_id,
    var.subscriptions,
  ]
}

run "bad_inputs_6" {
  command = plan
  module { source = "./modules/sns-destination" }
  variables {
    # kms_master_key_id: aws managed key
    kms_master_key_id = "alias/aws/sns"
    # subscriptions: queue url on lambda
    subscriptions = { x = { protocol = "lambda", endpoint = "arn:aws:lambda:us-east-1:123456789012:function:f", queue_url = "https://q" } }
    # context the bad inputs above need
    name = "inbound"
  }
  expect_failures = [
    var.kms_master_key_id,
    var.subscriptions,
  ]
}

run "bad_inputs_7" {
  command = plan
  module { source = "./modules/sns-destination" }
  variables {
    # kms_master_key_id: key for existing topic
    kms_master_key_id = "alias/mine"
    # existing_topic_policy_json: existing policy not json
    existing_topic_policy_json = "not json"
    # context the bad inputs above need
    existing_topic_arn      = "arn:aws:sns:us-east-1:123456789012:inbound"
    allow_sms_voice_publish = true
  }
  expect_failures = [
    var.kms_master_key_id,
    var.existing_topic_policy_json,
  ]
}

run "bad_inputs_8" {
  command = plan
  module { source = "./modules/sns-destination" }
  variables {
    # name: fifo topic name
    name = "inbound.fifo"
  }
  expect_failures = [var.name]
}

run "bad_inputs_9" {
  command = plan
  module { source = "./modules/sns-destination" }
  variables {
    # name: topic name with spaces
    name = "in bound"
  }
  expect_failures = [var.name]
}

run "bad_inputs_10" {
  command = plan
  module { source = "./modules/sns-destination" }
  variables {
    # existing_topic_policy_json: existing policy would be overwritten
    # (existing_topic_policy_json left unset: that is the bad input)
    # context the bad inputs above need
    existing_topic_arn      = "arn:aws:sns:us-east-1:123456789012:inbound"
    allow_sms_voice_publish = true
  }
  expect_failures = [var.existing_topic_policy_json]
}
