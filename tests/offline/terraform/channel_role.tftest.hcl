# Validations of modules/channel-role: each run sets one bad input for each of several variables
# (never two for one variable), and each of those validations must fail at plan time.

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
  module { source = "./modules/channel-role" }
  variables {
    # existing_role_arn: existing role arn is a user
    existing_role_arn = "arn:aws:iam::123456789012:user/alice"
    # path: path without trailing slash
    path = "/messaging"
    # permissions_boundary_arn: boundary not a policy
    permissions_boundary_arn = "arn:aws:iam::123456789012:role/b"
    # trust_source_arns: trust source of another service
    trust_source_arns = ["arn:aws:sns:us-east-1:123456789012:*"]
    # sns_topic_arns: fifo topic
    sns_topic_arns = ["arn:aws:sns:us-east-1:123456789012:inbound.fifo"]
    # kms_key_arns: key alias instead of key
    kms_key_arns = ["arn:aws:kms:us-east-1:123456789012:alias/k"]
    # max_session_duration: session too short
    max_session_duration = 900
    # context the bad inputs above need
    create = false
    name   = "r"
  }
  expect_failures = [
    var.existing_role_arn,
    var.path,
    var.permissions_boundary_arn,
    var.trust_source_arns,
    var.sns_topic_arns,
    var.kms_key_arns,
    var.max_session_duration,
  ]
}

run "bad_inputs_2" {
  command = plan
  module { source = "./modules/channel-role" }
  variables {
    # existing_role_arn: existing role arn is a policy
    existing_role_arn = "arn:aws:iam::123456789012:policy/p"
    # context the bad inputs above need
    create = false
  }
  expect_failures = [var.existing_role_arn]
}

run "bad_inputs_3" {
  command = plan
  module { source = "./modules/channel-role" }
  variables {
    # name: role name too long
    name = "rrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrr"
    # existing_role_arn: existing role arn while creating
    existing_role_arn = "arn:aws:iam::123456789012:role/r"
  }
  expect_failures = [
    var.name,
    var.existing_role_arn,
  ]
}

run "bad_inputs_4" {
  command = plan
  module { source = "./modules/channel-role" }
  variables {
    # name: role name missing
    # (name left unset: that is the bad input)
  }
  expect_failures = [var.name]
}
