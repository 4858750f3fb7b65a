# Validations of modules/kms-key: each run feeds one bad input for each of several variables and
# expects exactly those validations to fail at plan time.

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

override_data {
  target = data.aws_caller_identity.current
  values = { account_id = "123456789012" }
}

run "bad_inputs_1" {
  command = plan
  module { source = "./modules/kms-key" }
  variables {
    # alias: alias with prefix
    alias = "alias/two-way"
    # key_spec: asymmetric key
    key_spec = "RSA_2048"
    # key_usage: sign verify key
    key_usage = "SIGN_VERIFY"
    # deletion_window_in_days: deletion window too short
    deletion_window_in_days = 3
    # rotation_period_in_days: rotation period too short
    rotation_period_in_days = 30
    # administrator_arns: administrator not an iam arn
    administrator_arns = ["arn:aws:sns:us-east-1:123456789012:topic"]
    # sms_voice_source_arns: sms voice source arn of another service
    sms_voice_source_arns = ["arn:aws:sns:us-east-1:123456789012:*"]
    # additional_statements: additional statement bad effect
    additional_statements = [{ effect = "Permit", actions = ["kms:Decrypt"] }]
  }
  expect_failures = [
    var.alias,
    var.key_spec,
    var.key_usage,
    var.deletion_window_in_days,
    var.rotation_period_in_days,
    var.administrator_arns,
    var.sms_voice_source_arns,
    var.additional_statements,
  ]
}

run "bad_inputs_2" {
  command = plan
  module { source = "./modules/kms-key" }
  variables {
    # alias: alias reserved for aws
    alias = "aws/sns"
    # key_spec: hmac key
    key_spec = "HMAC_256"
  }
  expect_failures = [
    var.alias,
    var.key_spec,
  ]
}
