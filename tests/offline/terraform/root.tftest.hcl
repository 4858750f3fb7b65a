# Validations of the root module: each run sets one bad input for each of several variables (never
# two for one variable), and each of those validations must fail at plan time. One run uses the
# real provider to render the policies through every module.

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

run "bad_inputs_1" {
  command   = plan
  providers = { aws = aws.mock }
  variables {
    # name: name with dot fifo
    name = "inbound.fifo"
    # topic: fifo topic name
    topic = { name = "inbound.fifo" }
    # access: unknown access mode
    access = { mode = "resource-policy" }
    # phone_numbers: no numbers
    phone_numbers = {}
    # keywords: keywords help message empty
    keywords = { help_message = "" }
  }
  expect_failures = [
    var.name,
    var.topic,
    var.access,
    var.phone_numbers,
    var.keywords,
  ]
}

run "bad_inputs_2" {
  command   = plan
  providers = { aws = aws.mock }
  variables {
    # topic: fifo topic arn
    topic = { existing_arn = "arn:aws:sns:us-east-1:123456789012:inbound.fifo" }
    # access: topic policy with role
    access = { mode = "topic-policy", existing_role_arn = "arn:aws:iam::123456789012:role/r" }
    # phone_numbers: bad country
    phone_numbers = { main = { iso_country_code = "United States", number_type = "TOLL_FREE" } }
    # keywords: keywords stop message too long
    keywords = { stop_message = "${join("", [for i in range(800) : "xy"])}z" } # 1601 characters
  }
  expect_failures = [
    var.topic,
    var.access,
    var.phone_numbers,
    var.keywords,
  ]
}

run "bad_inputs_3" {
  command   = plan
  providers = { aws = aws.mock }
  variables {
    # topic: malformed topic arn
    topic = { existing_arn = "inbound" }
    # access: role arn is a user
    access = { existing_role_arn = "arn:aws:iam::123456789012:user/alice" }
    # phone_numbers: unknown number type
    phone_numbers = { main = { iso_country_code = "US", number_type = "VANITY" } }
    # keywords: keywords keyword too long
    keywords = { keywords = { "JOIN THE BETA PROGRAM RIGHT NOW" = { message = "31 characters" } } }
  }
  expect_failures = [
    var.topic,
    var.access,
    var.phone_numbers,
    var.keywords,
  ]
}

run "bad_inputs_4" {
  command   = plan
  providers = { aws = aws.mock }
  variables {
    # topic: topic name and arn
    topic = { name = "a", existing_arn = "arn:aws:sns:us-east-1:123456789012:inbound" }
    # access: role name and role arn
    access = { role_name = "r", existing_role_arn = "arn:aws:iam::123456789012:role/r" }
    # phone_numbers: unknown message type
    phone_numbers = { main = { iso_country_code = "US", number_type = "TOLL_FREE", message_type = "OTP" } }
    # keywords: keywords keyword trailing space
    keywords = { keywords = { "JOIN " = { message = "Hi" } } }
  }
  expect_failures = [
    var.topic,
    var.access,
    var.phone_numbers,
    var.keywords,
  ]
}

run "bad_inputs_5" {
  command   = plan
  providers = { aws = aws.mock }
  variables {
    # encryption: malformed key arn
    encryption = { kms_key_arn = "arn:aws:kms:us-east-1:123456789012:alias/k" }
    # phone_numbers: empty capabilities
    phone_numbers = { main = { iso_country_code = "US", number_type = "TOLL_FREE", number_capabilities = [] } }
    # keywords: keywords keyword with a line break
    keywords = { keywords = { "JOIN\nNOW" = { message = "Hi" } } }
  }
  expect_failures = [
    var.encryption,
    var.phone_numbers,
    var.keywords,
  ]
}

run "bad_inputs_6" {
  command   = plan
  providers = { aws = aws.mock }
  variables {
    # connect: connect instance not a uuid
    connect = { instance_id = "my-instance" }
    # keywords: keywords keyword stop in any case
    keywords = { keywords = { sToP = { message = "Bye", action = "OPT_OUT" } } }
    # context the bad inputs above need
    phone_numbers            = {}
    adopted_phone_number_ids = ["phone-0123456789abcdef0123456789abcdef"]
  }
  expect_failures = [
    var.connect,
    var.keywords,
  ]
}

run "bad_inputs_7" {
  command   = plan
  providers = { aws = aws.mock }
  variables {
    # connect: connect with topic policy
    connect = { instance_id = "12345678-1234-1234-1234-123456789012" }
    # keywords: keywords equal ignoring case
    keywords = { keywords = { Join = { message = "Hi" }, JOIN = { message = "Hello" } } }
    # context the bad inputs above need
    phone_numbers            = {}
    adopted_phone_number_ids = ["phone-0123456789abcdef0123456789abcdef"]
    access                   = { mode = "topic-policy" }
  }
  expect_failures = [
    var.connect,
    var.keywords,
  ]
}

run "bad_inputs_8" {
  command   = plan
  providers = { aws = aws.mock }
  variables {
    # connect: connect with topic settings
    connect = { instance_id = "12345678-1234-1234-1234-123456789012" }
    # keywords: keywords message only whitespace
    keywords = { keywords = { JOIN = { message = "\n\n" } } }
    # context the bad inputs above need
    phone_numbers            = {}
    adopted_phone_number_ids = ["phone-0123456789abcdef0123456789abcdef"]
    topic                    = { name = "inbound" }
  }
  expect_failures = [
    var.connect,
    var.keywords,
  ]
}

run "bad_inputs_9" {
  command   = plan
  providers = { aws = aws.mock }
  variables {
    # connect: connect with requested numbers
    connect = { instance_id = "12345678-1234-1234-1234-123456789012" }
    # keywords: keywords unknown action
    keywords = { keywords = { JOIN = { message = "Hi", action = "opt_in" } } }
  }
  expect_failures = [
    var.connect,
    var.keywords,
  ]
}

run "bad_inputs_10" {
  command   = plan
  providers = { aws = aws.mock }
  variables {
    # encryption: create key and key arn
    encryption = { create_key = true, kms_key_arn = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab" }
    # adopted_phone_number_ids: adopted number not an id
    adopted_phone_number_ids = ["+12065550100"]
    # keywords: keywords twenty nine optional keywords
    keywords = { keywords = { for i in range(29) : "K${i}" => { message = "Keyword ${i}" } } }
  }
  expect_failures = [
    var.encryption,
    var.adopted_phone_number_ids,
    var.keywords,
  ]
}

run "bad_inputs_11" {
  command   = plan
  providers = { aws = aws.mock }
  variables {
    # encryption: key for existing topic
    encryption = { create_key = true }
    # adopted_phone_number_ids: adopted and external
    adopted_phone_number_ids = ["phone-0123456789abcdef0123456789abcdef"]
    # context the bad inputs above need
    topic                     = { existing_arn = "arn:aws:sns:us-east-1:123456789012:inbound" }
    external_phone_number_ids = ["phone-0123456789abcdef0123456789abcdef"]
  }
  expect_failures = [
    var.encryption,
    var.adopted_phone_number_ids,
  ]
}

run "bad_inputs_12" {
  command   = plan
  providers = { aws = aws.mock }
  variables {
    # external_phone_number_ids: external number not an id
    external_phone_number_ids = ["+12065550100"]
  }
  expect_failures = [var.external_phone_number_ids]
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
