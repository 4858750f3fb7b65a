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

run "keywords_reach_requested_and_adopted_numbers" {
  command   = plan
  providers = { aws = aws.mock }
  variables {
    adopted_phone_number_ids  = ["phone-0123456789abcdef0123456789abcdef"]
    external_phone_number_ids = ["phone-fedcba9876543210fedcba9876543210"]
    keywords = {
      stop_message = "Acme: you are opted out. Text START to opt back in."
      keywords     = { JOIN = { message = "Welcome to the beta!" } }
    }
  }

  assert {
    condition     = toset(keys(module.keywords)) == toset(["main", "phone-0123456789abcdef0123456789abcdef"])
    error_message = "Keywords go to every requested and adopted number, never to external ones."
  }

  assert {
    condition     = module.keywords["phone-0123456789abcdef0123456789abcdef"].keywords == { STOP = { message = "Acme: you are opted out. Text START to opt back in.", action = "OPT_OUT" }, JOIN = { message = "Welcome to the beta!", action = "AUTOMATIC_RESPONSE" } }
    error_message = "The adopted number gets STOP's message and JOIN with the default action."
  }
}

run "no_keywords_leaves_them_alone" {
  command   = plan
  providers = { aws = aws.mock }
  variables {
    adopted_phone_number_ids = ["phone-0123456789abcdef0123456789abcdef"]
  }

  assert {
    condition     = length(module.keywords) == 0
    error_message = "Without keywords the module changes no keyword."
  }
}

run "keywords_help_message_empty" {
  command   = plan
  providers = { aws = aws.mock }
  variables {
    keywords = { help_message = "" }
  }
  expect_failures = [var.keywords]
}

run "keywords_stop_message_too_long" {
  command   = plan
  providers = { aws = aws.mock }
  variables {
    keywords = { stop_message = "${join("", [for i in range(800) : "xy"])}z" } # 1601 characters
  }
  expect_failures = [var.keywords]
}

run "keywords_keyword_too_long" {
  command   = plan
  providers = { aws = aws.mock }
  variables {
    keywords = { keywords = { "JOIN THE BETA PROGRAM RIGHT NOW" = { message = "31 characters" } } }
  }
  expect_failures = [var.keywords]
}

run "keywords_keyword_trailing_space" {
  command   = plan
  providers = { aws = aws.mock }
  variables {
    keywords = { keywords = { "JOIN " = { message = "Hi" } } }
  }
  expect_failures = [var.keywords]
}

run "keywords_keyword_with_a_line_break" {
  command   = plan
  providers = { aws = aws.mock }
  variables {
    keywords = { keywords = { "JOIN\nNOW" = { message = "Hi" } } }
  }
  expect_failures = [var.keywords]
}

run "keywords_keyword_stop_in_any_case" {
  command   = plan
  providers = { aws = aws.mock }
  variables {
    keywords = { keywords = { sToP = { message = "Bye", action = "OPT_OUT" } } }
  }
  expect_failures = [var.keywords]
}

run "keywords_equal_ignoring_case" {
  command   = plan
  providers = { aws = aws.mock }
  variables {
    keywords = { keywords = { Join = { message = "Hi" }, JOIN = { message = "Hello" } } }
  }
  expect_failures = [var.keywords]
}

run "keywords_message_only_whitespace" {
  command   = plan
  providers = { aws = aws.mock }
  variables {
    keywords = { keywords = { JOIN = { message = "\n\n" } } }
  }
  expect_failures = [var.keywords]
}

run "keywords_unknown_action" {
  command   = plan
  providers = { aws = aws.mock }
  variables {
    keywords = { keywords = { JOIN = { message = "Hi", action = "opt_in" } } }
  }
  expect_failures = [var.keywords]
}

run "keywords_twenty_nine_optional_keywords" {
  command   = plan
  providers = { aws = aws.mock }
  variables {
    keywords = { keywords = { for i in range(29) : "K${i}" => { message = "Keyword ${i}" } } }
  }
  expect_failures = [var.keywords]
}
