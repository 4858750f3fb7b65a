# Validations of modules/channel-role: one bad input per run, that variable's validation
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


run "role_name_too_long" {
  command   = plan
  providers = { aws = aws.mock }
  module { source = "./modules/channel-role" }
  variables {
    name = "rrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrr"
  }
  expect_failures = [var.name]
}

run "role_name_missing" {
  command   = plan
  providers = { aws = aws.mock }
  module { source = "./modules/channel-role" }
  variables {
  }
  expect_failures = [var.name]
}

run "existing_role_arn_is_a_user" {
  command   = plan
  providers = { aws = aws.mock }
  module { source = "./modules/channel-role" }
  variables {
    create            = false
    existing_role_arn = "arn:aws:iam::123456789012:user/alice"
  }
  expect_failures = [var.existing_role_arn]
}

run "existing_role_arn_is_a_policy" {
  command   = plan
  providers = { aws = aws.mock }
  module { source = "./modules/channel-role" }
  variables {
    create            = false
    existing_role_arn = "arn:aws:iam::123456789012:policy/p"
  }
  expect_failures = [var.existing_role_arn]
}

run "existing_role_arn_while_creating" {
  command   = plan
  providers = { aws = aws.mock }
  module { source = "./modules/channel-role" }
  variables {
    name              = "r"
    existing_role_arn = "arn:aws:iam::123456789012:role/r"
  }
  expect_failures = [var.existing_role_arn]
}

run "path_without_trailing_slash" {
  command   = plan
  providers = { aws = aws.mock }
  module { source = "./modules/channel-role" }
  variables {
    name = "r"
    path = "/messaging"
  }
  expect_failures = [var.path]
}

run "boundary_not_a_policy" {
  command   = plan
  providers = { aws = aws.mock }
  module { source = "./modules/channel-role" }
  variables {
    name                     = "r"
    permissions_boundary_arn = "arn:aws:iam::123456789012:role/b"
  }
  expect_failures = [var.permissions_boundary_arn]
}

run "trust_source_of_another_service" {
  command   = plan
  providers = { aws = aws.mock }
  module { source = "./modules/channel-role" }
  variables {
    name              = "r"
    trust_source_arns = ["arn:aws:sns:us-east-1:123456789012:*"]
  }
  expect_failures = [var.trust_source_arns]
}

run "fifo_topic" {
  command   = plan
  providers = { aws = aws.mock }
  module { source = "./modules/channel-role" }
  variables {
    name           = "r"
    sns_topic_arns = ["arn:aws:sns:us-east-1:123456789012:inbound.fifo"]
  }
  expect_failures = [var.sns_topic_arns]
}

run "key_alias_instead_of_key" {
  command   = plan
  providers = { aws = aws.mock }
  module { source = "./modules/channel-role" }
  variables {
    name         = "r"
    kms_key_arns = ["arn:aws:kms:us-east-1:123456789012:alias/k"]
  }
  expect_failures = [var.kms_key_arns]
}

run "session_too_short" {
  command   = plan
  providers = { aws = aws.mock }
  module { source = "./modules/channel-role" }
  variables {
    name                 = "r"
    max_session_duration = 900
  }
  expect_failures = [var.max_session_duration]
}
