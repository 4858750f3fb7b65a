# Validations of the root module: one bad input per run, that variable's validation must fail
# at plan time. One run uses the real provider to render the policies through every module.

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
  name          = "inbound"
  phone_numbers = { main = { iso_country_code = "US", number_type = "TOLL_FREE" } }
}

run "defaults_render_the_guide_policies" {
  command = plan

  override_data {
    target = module.kms_key[0].data.aws_caller_identity.current
    values = { account_id = "123456789012" }
  }
  override_data {
    target = module.destination[0].data.aws_caller_identity.current
    values = { account_id = "123456789012" }
  }
  override_data {
    target = module.channel_role[0].data.aws_caller_identity.current
    values = { account_id = "123456789012" }
  }

  assert {
    condition = jsondecode(output.channel_role_trust_policy_json).Statement == [{
      Sid       = "SMSVoice"
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "sms-voice.amazonaws.com" }
      Condition = { StringEquals = { "aws:SourceAccount" = "123456789012" } }
    }]
    error_message = "The channel role must trust sms-voice.amazonaws.com for this account only."
  }

  assert {
    condition     = jsondecode(output.channel_role_permission_policy_json).Statement[1].Condition.StringEquals["aws:CalledViaLast"] == "sns.amazonaws.com"
    error_message = "The KMS statement of the channel role must be limited to calls made by SNS."
  }

  assert {
    condition     = output.kms_key_policy_json != null && output.channel_role_arn == "arn:aws:iam::123456789012:role/inbound-sms-voice"
    error_message = "The default is an encrypted topic and a role named <name>-sms-voice."
  }
}

run "name_with_dot_fifo" {
  command   = plan
  providers = { aws = aws.mock }
  variables {
    name = "inbound.fifo"
  }
  expect_failures = [var.name]
}

run "fifo_topic_name" {
  command   = plan
  providers = { aws = aws.mock }
  variables {
    topic = { name = "inbound.fifo" }
  }
  expect_failures = [var.topic]
}

run "fifo_topic_arn" {
  command   = plan
  providers = { aws = aws.mock }
  variables {
    topic = { existing_arn = "arn:aws:sns:us-east-1:123456789012:inbound.fifo" }
  }
  expect_failures = [var.topic]
}

run "malformed_topic_arn" {
  command   = plan
  providers = { aws = aws.mock }
  variables {
    topic = { existing_arn = "inbound" }
  }
  expect_failures = [var.topic]
}

run "topic_name_and_arn" {
  command   = plan
  providers = { aws = aws.mock }
  variables {
    topic = { name = "a", existing_arn = "arn:aws:sns:us-east-1:123456789012:inbound" }
  }
  expect_failures = [var.topic]
}

run "malformed_key_arn" {
  command   = plan
  providers = { aws = aws.mock }
  variables {
    encryption = { kms_key_arn = "arn:aws:kms:us-east-1:123456789012:alias/k" }
  }
  expect_failures = [var.encryption]
}

run "create_key_and_key_arn" {
  command   = plan
  providers = { aws = aws.mock }
  variables {
    encryption = { create_key = true, kms_key_arn = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab" }
  }
  expect_failures = [var.encryption]
}

run "key_for_existing_topic" {
  command   = plan
  providers = { aws = aws.mock }
  variables {
    topic      = { existing_arn = "arn:aws:sns:us-east-1:123456789012:inbound" }
    encryption = { create_key = true }
  }
  expect_failures = [var.encryption]
}

run "unknown_access_mode" {
  command   = plan
  providers = { aws = aws.mock }
  variables {
    access = { mode = "resource-policy" }
  }
  expect_failures = [var.access]
}

run "topic_policy_with_role" {
  command   = plan
  providers = { aws = aws.mock }
  variables {
    access = { mode = "topic-policy", existing_role_arn = "arn:aws:iam::123456789012:role/r" }
  }
  expect_failures = [var.access]
}

run "role_arn_is_a_user" {
  command   = plan
  providers = { aws = aws.mock }
  variables {
    access = { existing_role_arn = "arn:aws:iam::123456789012:user/alice" }
  }
  expect_failures = [var.access]
}

run "role_name_and_role_arn" {
  command   = plan
  providers = { aws = aws.mock }
  variables {
    access = { role_name = "r", existing_role_arn = "arn:aws:iam::123456789012:role/r" }
  }
  expect_failures = [var.access]
}

run "no_numbers" {
  command   = plan
  providers = { aws = aws.mock }
  variables {
    phone_numbers = {}
  }
  expect_failures = [var.phone_numbers]
}

run "bad_country" {
  command   = plan
  providers = { aws = aws.mock }
  variables {
    phone_numbers = { main = { iso_country_code = "United States", number_type = "TOLL_FREE" } }
  }
  expect_failures = [var.phone_numbers]
}

run "unknown_number_type" {
  command   = plan
  providers = { aws = aws.mock }
  variables {
    phone_numbers = { main = { iso_country_code = "US", number_type = "VANITY" } }
  }
  expect_failures = [var.phone_numbers]
}

run "unknown_message_type" {
  command   = plan
  providers = { aws = aws.mock }
  variables {
    phone_numbers = { main = { iso_country_code = "US", number_type = "TOLL_FREE", message_type = "OTP" } }
  }
  expect_failures = [var.phone_numbers]
}

run "empty_capabilities" {
  command   = plan
  providers = { aws = aws.mock }
  variables {
    phone_numbers = { main = { iso_country_code = "US", number_type = "TOLL_FREE", number_capabilities = [] } }
  }
  expect_failures = [var.phone_numbers]
}

run "external_number_not_an_id" {
  command   = plan
  providers = { aws = aws.mock }
  variables {
    external_phone_number_ids = ["+12065550100"]
  }
  expect_failures = [var.external_phone_number_ids]
}

run "connect_instance_not_a_uuid" {
  command   = plan
  providers = { aws = aws.mock }
  variables {
    phone_numbers            = {}
    adopted_phone_number_ids = ["phone-0123456789abcdef0123456789abcdef"]
    connect                  = { instance_id = "my-instance" }
  }
  expect_failures = [var.connect]
}

run "connect_with_topic_policy" {
  command   = plan
  providers = { aws = aws.mock }
  variables {
    phone_numbers            = {}
    adopted_phone_number_ids = ["phone-0123456789abcdef0123456789abcdef"]
    connect                  = { instance_id = "12345678-1234-1234-1234-123456789012" }
    access                   = { mode = "topic-policy" }
  }
  expect_failures = [var.connect]
}

run "connect_with_topic_settings" {
  command   = plan
  providers = { aws = aws.mock }
  variables {
    phone_numbers            = {}
    adopted_phone_number_ids = ["phone-0123456789abcdef0123456789abcdef"]
    connect                  = { instance_id = "12345678-1234-1234-1234-123456789012" }
    topic                    = { name = "inbound" }
  }
  expect_failures = [var.connect]
}

run "adopted_number_not_an_id" {
  command   = plan
  providers = { aws = aws.mock }
  variables {
    adopted_phone_number_ids = ["+12065550100"]
  }
  expect_failures = [var.adopted_phone_number_ids]
}

run "adopted_and_external" {
  command   = plan
  providers = { aws = aws.mock }
  variables {
    adopted_phone_number_ids  = ["phone-0123456789abcdef0123456789abcdef"]
    external_phone_number_ids = ["phone-0123456789abcdef0123456789abcdef"]
  }
  expect_failures = [var.adopted_phone_number_ids]
}

run "connect_with_requested_numbers" {
  command   = plan
  providers = { aws = aws.mock }
  variables {
    connect = { instance_id = "12345678-1234-1234-1234-123456789012" }
  }
  expect_failures = [var.connect]
}
