# Validations of modules/sns-destination: one bad input per run, that variable's validation
# must fail at plan time.

provider "aws" {
  region                      = "us-east-1"
  access_key                  = "offline"
  secret_key                  = "offline"
  skip_credentials_validation = true
  skip_metadata_api_check     = true
  skip_requesting_account_id  = true
  max_retries                 = 1

  endpoints {
    iam                = "http://127.0.0.1:9"
    kms                = "http://127.0.0.1:9"
    sns                = "http://127.0.0.1:9"
    sqs                = "http://127.0.0.1:9"
    sts                = "http://127.0.0.1:9"
    pinpointsmsvoicev2 = "http://127.0.0.1:9"
  }
}

# Bad input fails in variable validation, before any provider call, so those runs use a mock
# provider: each real-provider run starts the 700 MB plugin again (measured: 9 real runs 48 s,
# 1 real + 8 mocked 9 s). Runs that assert on rendered policies use the real provider.
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


run "fifo_topic_name" {
  command   = plan
  providers = { aws = aws.mock }
  module { source = "./modules/sns-destination" }
  variables {
    name = "inbound.fifo"
  }
  expect_failures = [var.name]
}

run "topic_name_with_spaces" {
  command   = plan
  providers = { aws = aws.mock }
  module { source = "./modules/sns-destination" }
  variables {
    name = "in bound"
  }
  expect_failures = [var.name]
}

run "fifo_topic_arn" {
  command   = plan
  providers = { aws = aws.mock }
  module { source = "./modules/sns-destination" }
  variables {
    existing_topic_arn = "arn:aws:sns:us-east-1:123456789012:inbound.fifo"
  }
  expect_failures = [var.existing_topic_arn]
}

run "malformed_topic_arn" {
  command   = plan
  providers = { aws = aws.mock }
  module { source = "./modules/sns-destination" }
  variables {
    existing_topic_arn = "arn:aws:sqs:us-east-1:123456789012:inbound"
  }
  expect_failures = [var.existing_topic_arn]
}

run "neither_name_nor_arn" {
  command   = plan
  providers = { aws = aws.mock }
  module { source = "./modules/sns-destination" }
  variables {
  }
  expect_failures = [var.existing_topic_arn]
}

run "both_name_and_arn" {
  command   = plan
  providers = { aws = aws.mock }
  module { source = "./modules/sns-destination" }
  variables {
    name               = "inbound"
    existing_topic_arn = "arn:aws:sns:us-east-1:123456789012:inbound"
  }
  expect_failures = [var.existing_topic_arn]
}

run "malformed_key_arn" {
  command   = plan
  providers = { aws = aws.mock }
  module { source = "./modules/sns-destination" }
  variables {
    name              = "inbound"
    kms_master_key_id = "arn:aws:kms:us-east-1:123456789012:secret/x"
  }
  expect_failures = [var.kms_master_key_id]
}

run "aws_managed_key" {
  command   = plan
  providers = { aws = aws.mock }
  module { source = "./modules/sns-destination" }
  variables {
    name              = "inbound"
    kms_master_key_id = "alias/aws/sns"
  }
  expect_failures = [var.kms_master_key_id]
}

run "key_for_existing_topic" {
  command   = plan
  providers = { aws = aws.mock }
  module { source = "./modules/sns-destination" }
  variables {
    existing_topic_arn = "arn:aws:sns:us-east-1:123456789012:inbound"
    kms_master_key_id  = "alias/mine"
  }
  expect_failures = [var.kms_master_key_id]
}

run "existing_policy_not_json" {
  command   = plan
  providers = { aws = aws.mock }
  module { source = "./modules/sns-destination" }
  variables {
    existing_topic_arn         = "arn:aws:sns:us-east-1:123456789012:inbound"
    allow_sms_voice_publish    = true
    existing_topic_policy_json = "not json"
  }
  expect_failures = [var.existing_topic_policy_json]
}

run "existing_policy_would_be_overwritten" {
  command   = plan
  providers = { aws = aws.mock }
  module { source = "./modules/sns-destination" }
  variables {
    existing_topic_arn      = "arn:aws:sns:us-east-1:123456789012:inbound"
    allow_sms_voice_publish = true
  }
  expect_failures = [var.existing_topic_policy_json]
}

run "additional_policy_not_a_policy" {
  command   = plan
  providers = { aws = aws.mock }
  module { source = "./modules/sns-destination" }
  variables {
    name                   = "inbound"
    additional_policy_json = "{}"
  }
  expect_failures = [var.additional_policy_json]
}

run "signature_version_3" {
  command   = plan
  providers = { aws = aws.mock }
  module { source = "./modules/sns-destination" }
  variables {
    name              = "inbound"
    signature_version = 3
  }
  expect_failures = [var.signature_version]
}

run "unknown_subscription_protocol" {
  command   = plan
  providers = { aws = aws.mock }
  module { source = "./modules/sns-destination" }
  variables {
    name          = "inbound"
    subscriptions = { x = { protocol = "ftp", endpoint = "ftp://x" } }
  }
  expect_failures = [var.subscriptions]
}

run "sqs_endpoint_not_a_queue_arn" {
  command   = plan
  providers = { aws = aws.mock }
  module { source = "./modules/sns-destination" }
  variables {
    name          = "inbound"
    subscriptions = { x = { protocol = "sqs", endpoint = "https://sqs.us-east-1.amazonaws.com/123456789012/q" } }
  }
  expect_failures = [var.subscriptions]
}

run "queue_url_on_lambda" {
  command   = plan
  providers = { aws = aws.mock }
  module { source = "./modules/sns-destination" }
  variables {
    name          = "inbound"
    subscriptions = { x = { protocol = "lambda", endpoint = "arn:aws:lambda:us-east-1:123456789012:function:f", queue_url = "https://q" } }
  }
  expect_failures = [var.subscriptions]
}

run "source_arn_of_another_service" {
  command   = plan
  providers = { aws = aws.mock }
  module { source = "./modules/sns-destination" }
  variables {
    name                  = "inbound"
    sms_voice_source_arns = ["arn:aws:sns:us-east-1:123456789012:*"]
  }
  expect_failures = [var.sms_voice_source_arns]
}
