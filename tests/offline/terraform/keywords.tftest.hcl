# Validations of modules/keywords: one bad input per run, that variable's validation must fail
# at plan time; and one good plan whose command request is checked.

# Bad input fails in variable validation, before any provider call, and the module reads
# nothing but the region: every run uses this mock provider.
mock_provider "aws" {
  mock_data "aws_region" {
    defaults = { name = "us-east-1" }
  }
}

variables {
  phone_number_id = "arn:aws:sms-voice:us-east-1:123456789012:phone-number/phone-0123456789abcdef0123456789abcdef"
}

run "plans_the_request_by_phone_number_id" {
  command = plan
  module { source = "./modules/keywords" }
  variables {
    help_message = "Acme support: call 206-555-0199."
    keywords = {
      Join = { message = "Welcome to the beta!" }
      QUIT = { message = "Bye", action = "OPT_OUT" }
    }
  }

  assert {
    condition     = output.journal_parameter_name == "/two-way-sms/keywords/phone-0123456789abcdef0123456789abcdef"
    error_message = "The journal must be named by the phone number ID, also when the ARN is given."
  }

  assert {
    condition     = terraform_data.this.input.phone_number_id == "phone-0123456789abcdef0123456789abcdef" && terraform_data.this.input.journal == output.journal_parameter_name
    error_message = "The command must get the phone number ID and the journal's name."
  }

  assert {
    condition = jsondecode(terraform_data.this.input.keywords) == {
      help_message = "Acme support: call 206-555-0199."
      stop_message = null
      keywords = {
        Join = { message = "Welcome to the beta!", action = "AUTOMATIC_RESPONSE" }
        QUIT = { message = "Bye", action = "OPT_OUT" }
      }
    }
    error_message = "The command must get the keywords with their default action, and no STOP message."
  }

  assert {
    condition     = keys(output.keywords) == ["HELP", "Join", "QUIT"]
    error_message = "Output keywords lists HELP (its message is set) and the optional keywords, not STOP."
  }
}

run "phone_number_id_is_e164" {
  command = plan
  module { source = "./modules/keywords" }
  variables {
    phone_number_id = "+12065550100"
  }
  expect_failures = [var.phone_number_id]
}

run "help_message_empty" {
  command = plan
  module { source = "./modules/keywords" }
  variables {
    help_message = ""
  }
  expect_failures = [var.help_message]
}

run "help_message_too_long" {
  command = plan
  module { source = "./modules/keywords" }
  variables {
    help_message = "${join("", [for i in range(800) : "xy"])}z" # 1601 characters
  }
  expect_failures = [var.help_message]
}

run "stop_message_only_whitespace" {
  command = plan
  module { source = "./modules/keywords" }
  variables {
    stop_message = " \n\t "
  }
  expect_failures = [var.stop_message]
}

run "keyword_too_long" {
  command = plan
  module { source = "./modules/keywords" }
  variables {
    keywords = { "JOIN THE BETA PROGRAM RIGHT NOW" = { message = "31 characters is one too many" } }
  }
  expect_failures = [var.keywords]
}

run "keyword_empty" {
  command = plan
  module { source = "./modules/keywords" }
  variables {
    keywords = { "" = { message = "Hi" } }
  }
  expect_failures = [var.keywords]
}

run "keyword_leading_space" {
  command = plan
  module { source = "./modules/keywords" }
  variables {
    keywords = { " JOIN" = { message = "Hi" } }
  }
  expect_failures = [var.keywords]
}

run "keyword_with_a_tab" {
  command = plan
  module { source = "./modules/keywords" }
  variables {
    keywords = { "JOIN\tNOW" = { message = "Hi" } }
  }
  expect_failures = [var.keywords]
}

run "keyword_help_in_any_case" {
  command = plan
  module { source = "./modules/keywords" }
  variables {
    keywords = { Help = { message = "Call us" } }
  }
  expect_failures = [var.keywords]
}

run "keyword_stop" {
  command = plan
  module { source = "./modules/keywords" }
  variables {
    keywords = { STOP = { message = "Bye", action = "OPT_OUT" } }
  }
  expect_failures = [var.keywords]
}

run "keywords_equal_ignoring_case" {
  command = plan
  module { source = "./modules/keywords" }
  variables {
    keywords = { JOIN = { message = "Hi" }, join = { message = "Hello" } }
  }
  expect_failures = [var.keywords]
}

run "keyword_message_only_whitespace" {
  command = plan
  module { source = "./modules/keywords" }
  variables {
    keywords = { JOIN = { message = "   " } }
  }
  expect_failures = [var.keywords]
}

run "keyword_message_too_long" {
  command = plan
  module { source = "./modules/keywords" }
  variables {
    keywords = { JOIN = { message = "${join("", [for i in range(800) : "xy"])}z" } } # 1601 characters
  }
  expect_failures = [var.keywords]
}

run "keyword_unknown_action" {
  command = plan
  module { source = "./modules/keywords" }
  variables {
    keywords = { JOIN = { message = "Hi", action = "SUBSCRIBE" } }
  }
  expect_failures = [var.keywords]
}

run "twenty_nine_keywords" {
  command = plan
  module { source = "./modules/keywords" }
  variables {
    keywords = { for i in range(29) : "K${i}" => { message = "Keyword ${i}" } }
  }
  expect_failures = [var.keywords]
}
