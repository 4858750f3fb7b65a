# Validations of modules/kms-key: each run feeds one bad input and expects exactly that
# variable's validation to fail at plan time. Endpoints point at a closed loopback port.

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

override_data {
  target = data.aws_caller_identity.current
  values = { account_id = "123456789012" }
}

run "alias_with_prefix" {
  command   = plan
  providers = { aws = aws.mock }
  module { source = "./modules/kms-key" }
  variables {
    alias = "alias/two-way"
  }
  expect_failures = [var.alias]
}

run "alias_reserved_for_aws" {
  command   = plan
  providers = { aws = aws.mock }
  module { source = "./modules/kms-key" }
  variables {
    alias = "aws/sns"
  }
  expect_failures = [var.alias]
}

run "asymmetric_key" {
  command   = plan
  providers = { aws = aws.mock }
  module { source = "./modules/kms-key" }
  variables {
    key_spec = "RSA_2048"
  }
  expect_failures = [var.key_spec]
}

run "hmac_key" {
  command   = plan
  providers = { aws = aws.mock }
  module { source = "./modules/kms-key" }
  variables {
    key_spec = "HMAC_256"
  }
  expect_failures = [var.key_spec]
}

run "sign_verify_key" {
  command   = plan
  providers = { aws = aws.mock }
  module { source = "./modules/kms-key" }
  variables {
    key_usage = "SIGN_VERIFY"
  }
  expect_failures = [var.key_usage]
}

run "deletion_window_too_short" {
  command   = plan
  providers = { aws = aws.mock }
  module { source = "./modules/kms-key" }
  variables {
    deletion_window_in_days = 3
  }
  expect_failures = [var.deletion_window_in_days]
}

run "rotation_period_too_short" {
  command   = plan
  providers = { aws = aws.mock }
  module { source = "./modules/kms-key" }
  variables {
    rotation_period_in_days = 30
  }
  expect_failures = [var.rotation_period_in_days]
}

run "administrator_not_an_iam_arn" {
  command   = plan
  providers = { aws = aws.mock }
  module { source = "./modules/kms-key" }
  variables {
    administrator_arns = ["arn:aws:sns:us-east-1:123456789012:topic"]
  }
  expect_failures = [var.administrator_arns]
}

run "sms_voice_source_arn_of_another_service" {
  command   = plan
  providers = { aws = aws.mock }
  module { source = "./modules/kms-key" }
  variables {
    sms_voice_source_arns = ["arn:aws:sns:us-east-1:123456789012:*"]
  }
  expect_failures = [var.sms_voice_source_arns]
}

run "additional_statement_bad_effect" {
  command   = plan
  providers = { aws = aws.mock }
  module { source = "./modules/kms-key" }
  variables {
    additional_statements = [{ effect = "Permit", actions = ["kms:Decrypt"] }]
  }
  expect_failures = [var.additional_statements]
}
