# Validations of modules/two-way-channel: one bad input per run, that variable's validation
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

run "phone_number_id_is_e164" {
  command   = plan
  providers = { aws = aws.mock }
  module { source = "./modules/two-way-channel" }
  variables {
    phone_number_id = "+12065550100"
    sns_topic_arn   = "arn:aws:sns:us-east-1:123456789012:inbound"
  }
  expect_failures = [var.phone_number_id]
}

run "unknown_destination" {
  command   = plan
  providers = { aws = aws.mock }
  module { source = "./modules/two-way-channel" }
  variables {
    phone_number_id = "phone-0123456789abcdef0123456789abcdef"
    destination     = "lex"
  }
  expect_failures = [var.destination]
}

run "fifo_topic" {
  command   = plan
  providers = { aws = aws.mock }
  module { source = "./modules/two-way-channel" }
  variables {
    phone_number_id = "phone-0123456789abcdef0123456789abcdef"
    sns_topic_arn   = "arn:aws:sns:us-east-1:123456789012:inbound.fifo"
  }
  expect_failures = [var.sns_topic_arn]
}

run "sns_without_topic" {
  command   = plan
  providers = { aws = aws.mock }
  module { source = "./modules/two-way-channel" }
  variables {
    phone_number_id = "phone-0123456789abcdef0123456789abcdef"
  }
  expect_failures = [var.sns_topic_arn]
}

run "connect_instance_not_a_uuid" {
  command   = plan
  providers = { aws = aws.mock }
  module { source = "./modules/two-way-channel" }
  variables {
    phone_number_id     = "phone-0123456789abcdef0123456789abcdef"
    destination         = "connect"
    connect_instance_id = "my-instance"
    channel_role_arn    = "arn:aws:iam::123456789012:role/r"
  }
  expect_failures = [var.connect_instance_id]
}

run "connect_without_instance" {
  command   = plan
  providers = { aws = aws.mock }
  module { source = "./modules/two-way-channel" }
  variables {
    phone_number_id  = "phone-0123456789abcdef0123456789abcdef"
    destination      = "connect"
    channel_role_arn = "arn:aws:iam::123456789012:role/r"
  }
  expect_failures = [var.connect_instance_id]
}

run "role_arn_is_a_user" {
  command   = plan
  providers = { aws = aws.mock }
  module { source = "./modules/two-way-channel" }
  variables {
    phone_number_id  = "phone-0123456789abcdef0123456789abcdef"
    sns_topic_arn    = "arn:aws:sns:us-east-1:123456789012:inbound"
    channel_role_arn = "arn:aws:iam::123456789012:user/u"
  }
  expect_failures = [var.channel_role_arn]
}

run "connect_without_role" {
  command   = plan
  providers = { aws = aws.mock }
  module { source = "./modules/two-way-channel" }
  variables {
    phone_number_id     = "phone-0123456789abcdef0123456789abcdef"
    destination         = "connect"
    connect_instance_id = "12345678-1234-1234-1234-123456789012"
  }
  expect_failures = [var.channel_role_arn]
}
