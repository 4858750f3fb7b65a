# Validations of modules/two-way-channel: each run sets one bad input for each of several
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
  module { source = "./modules/two-way-channel" }
  variables {
    # phone_number_id: phone number id is e164
    phone_number_id = "+12065550100"
    # sns_topic_arn: fifo topic
    sns_topic_arn = "arn:aws:sns:us-east-1:123456789012:inbound.fifo"
    # channel_role_arn: role arn is a user
    channel_role_arn = "arn:aws:iam::123456789012:user/u"
  }
  expect_failures = [
    var.phone_number_id,
    var.sns_topic_arn,
    var.channel_role_arn,
  ]
}

run "bad_inputs_2" {
  command = plan
  module { source = "./modules/two-way-channel" }
  variables {
    # sns_topic_arn: sns without topic
    # (sns_topic_arn left unset: that is the bad input)
    # context the bad inputs above need
    phone_number_id = "phone-0123456789abcdef0123456789abcdef"
  }
  expect_failures = [var.sns_topic_arn]
}

run "bad_inputs_3" {
  command = plan
  module { source = "./modules/two-way-channel" }
  variables {
    # connect_instance_id: connect instance not a uuid
    connect_instance_id = "my-instance"
    # channel_role_arn: connect without role
    # (channel_role_arn left unset: that is the bad input)
    # context the bad inputs above need
    phone_number_id = "phone-0123456789abcdef0123456789abcdef"
    destination     = "connect"
  }
  expect_failures = [
    var.connect_instance_id,
    var.channel_role_arn,
  ]
}

run "bad_inputs_4" {
  command = plan
  module { source = "./modules/two-way-channel" }
  variables {
    # connect_instance_id: connect without instance
    # (connect_instance_id left unset: that is the bad input)
    # context the bad inputs above need
    phone_number_id  = "phone-0123456789abcdef0123456789abcdef"
    destination      = "connect"
    channel_role_arn = "arn:aws:iam::123456789012:role/r"
  }
  expect_failures = [var.connect_instance_id]
}

run "bad_inputs_5" {
  command = plan
  module { source = "./modules/two-way-channel" }
  variables {
    # destination: unknown destination
    destination = "lex"
    # context the bad inputs above need
    phone_number_id = "phone-0123456789abcdef0123456789abcdef"
  }
  expect_failures = [var.destination]
}
