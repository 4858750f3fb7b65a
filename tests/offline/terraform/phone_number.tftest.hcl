# Validations of modules/phone-number: each run sets one bad input for each of several variables
# (never two for one variable), and each of those validations must fail at plan time. The
# file-level variables are a valid number.

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

variables {
  iso_country_code    = "US"
  number_type         = "TOLL_FREE"
  two_way_channel_arn = "arn:aws:sns:us-east-1:123456789012:inbound"
}

run "bad_inputs_1" {
  command = plan
  module { source = "./modules/phone-number" }
  variables {
    # iso_country_code: lower case country
    iso_country_code = "us"
    # message_type: unknown message type
    message_type = "MARKETING"
    # number_type: unknown number type
    number_type = "SHORT_CODE"
    # number_capabilities: empty capabilities
    number_capabilities = []
    # opt_out_list_name: opt out list with spaces
    opt_out_list_name = "my list"
    # two_way_channel_arn: fifo destination
    two_way_channel_arn = "arn:aws:sns:us-east-1:123456789012:inbound.fifo"
    # two_way_channel_role: role arn is a user
    two_way_channel_role = "arn:aws:iam::123456789012:user/alice"
  }
  expect_failures = [
    var.iso_country_code,
    var.message_type,
    var.number_type,
    var.number_capabilities,
    var.opt_out_list_name,
    var.two_way_channel_arn,
    var.two_way_channel_role,
  ]
}

run "bad_inputs_2" {
  command = plan
  module { source = "./modules/phone-number" }
  variables {
    # iso_country_code: three letter country
    iso_country_code = "USA"
    # number_capabilities: unknown capability
    number_capabilities = ["SMS", "FAX"]
    # two_way_channel_arn: destination not a topic
    two_way_channel_arn = "arn:aws:sqs:us-east-1:123456789012:inbound"
  }
  expect_failures = [
    var.iso_country_code,
    var.number_capabilities,
    var.two_way_channel_arn,
  ]
}

run "bad_inputs_3" {
  command = plan
  module { source = "./modules/phone-number" }
  variables {
    # number_capabilities: two way without sms
    number_capabilities = ["VOICE"]
    # two_way_channel_arn: two way without destination
    two_way_channel_arn = null
  }
  expect_failures = [
    var.number_capabilities,
    var.two_way_channel_arn,
  ]
}
