# Validations of modules/phone-number: one bad input per run, that variable's validation
# must fail at plan time. The file-level variables are a valid number.

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

variables {
  iso_country_code    = "US"
  number_type         = "TOLL_FREE"
  two_way_channel_arn = "arn:aws:sns:us-east-1:123456789012:inbound"
}

run "lower_case_country" {
  command   = plan
  providers = { aws = aws.mock }
  module { source = "./modules/phone-number" }
  variables {
    iso_country_code = "us"
  }
  expect_failures = [var.iso_country_code]
}

run "three_letter_country" {
  command   = plan
  providers = { aws = aws.mock }
  module { source = "./modules/phone-number" }
  variables {
    iso_country_code = "USA"
  }
  expect_failures = [var.iso_country_code]
}

run "unknown_message_type" {
  command   = plan
  providers = { aws = aws.mock }
  module { source = "./modules/phone-number" }
  variables {
    message_type = "MARKETING"
  }
  expect_failures = [var.message_type]
}

run "unknown_number_type" {
  command   = plan
  providers = { aws = aws.mock }
  module { source = "./modules/phone-number" }
  variables {
    number_type = "SHORT_CODE"
  }
  expect_failures = [var.number_type]
}

run "empty_capabilities" {
  command   = plan
  providers = { aws = aws.mock }
  module { source = "./modules/phone-number" }
  variables {
    number_capabilities = []
  }
  expect_failures = [var.number_capabilities]
}

run "unknown_capability" {
  command   = plan
  providers = { aws = aws.mock }
  module { source = "./modules/phone-number" }
  variables {
    number_capabilities = ["SMS", "FAX"]
  }
  expect_failures = [var.number_capabilities]
}

run "two_way_without_sms" {
  command   = plan
  providers = { aws = aws.mock }
  module { source = "./modules/phone-number" }
  variables {
    number_capabilities = ["VOICE"]
  }
  expect_failures = [var.number_capabilities]
}

run "opt_out_list_with_spaces" {
  command   = plan
  providers = { aws = aws.mock }
  module { source = "./modules/phone-number" }
  variables {
    opt_out_list_name = "my list"
  }
  expect_failures = [var.opt_out_list_name]
}

run "fifo_destination" {
  command   = plan
  providers = { aws = aws.mock }
  module { source = "./modules/phone-number" }
  variables {
    two_way_channel_arn = "arn:aws:sns:us-east-1:123456789012:inbound.fifo"
  }
  expect_failures = [var.two_way_channel_arn]
}

run "destination_not_a_topic" {
  command   = plan
  providers = { aws = aws.mock }
  module { source = "./modules/phone-number" }
  variables {
    two_way_channel_arn = "arn:aws:sqs:us-east-1:123456789012:inbound"
  }
  expect_failures = [var.two_way_channel_arn]
}

run "two_way_without_destination" {
  command   = plan
  providers = { aws = aws.mock }
  module { source = "./modules/phone-number" }
  variables {
    two_way_channel_arn = null
  }
  expect_failures = [var.two_way_channel_arn]
}

run "role_arn_is_a_user" {
  command   = plan
  providers = { aws = aws.mock }
  module { source = "./modules/phone-number" }
  variables {
    two_way_channel_role = "arn:aws:iam::123456789012:user/alice"
  }
  expect_failures = [var.two_way_channel_role]
}
