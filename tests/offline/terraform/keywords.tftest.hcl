# Validations of modules/keywords: each run sets one bad input for each of several variables
# (never two for one variable), and each of those validations must fail at plan time; and one good
# plan whose command request is checked.

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

run "bad_inputs_1" {
  command = plan
  module { source = "./modules/keywords" }
  variables {
    # phone_number_id: phone number id is e164
    phone_number_id = "+12065550100"
    # help_message: help message empty
    help_message = ""
    # stop_message: stop message only whitespace
    stop_message = " \n\t "
    # keywords: keyword too long
    keywords = { "JOIN THE BETA PROGRAM RIGHT NOW" = { message = "31 characters is one too many" } }
  }
  expect_failures = [
    var.phone_number_id,
    var.help_message,
    var.stop_message,
    var.keywords,
  ]
}

run "bad_inputs_2" {
  command = plan
  module { source = "./modules/keywords" }
  variables {
    # help_message: help message too long
    help_message = "${join("", [for i in range(800) : "xy"])}z" # 1601 characters
    # keywords: keyword empty
    keywords = { "" = { message = "Hi" } }
  }
  expect_failures = [
    var.help_message,
    var.keywords,
  ]
}

run "bad_inputs_3" {
  command = plan
  module { source = "./modules/keywords" }
  variables {
    # keywords: keyword leading space
    keywords = { " JOIN" = { message = "Hi" } }
  }
  expect_failures = [var.keywords]
}

run "bad_inputs_4" {
  command = plan
  module { source = "./modules/keywords" }
  variables {
    # keywords: keyword with a tab
    keywords = { "JOIN\tNOW" = { message = "Hi" } }
  }
  expect_failures = [var.keywords]
}

run "bad_inputs_5" {
  command = plan
  module { source = "./modules/keywords" }
  variables {
    # keywords: keyword help in any case
    keywords = { Help = { message = "Call us" } }
  }
  expect_failures = [var.keywords]
}

run "bad_inputs_6" {
  command = plan
  module { source = "./modules/keywords" }
  variables {
    # keywords: keyword stop
    keywords = { STOP = { message = "Bye", action = "OPT_OUT" } }
  }
  expect_failures = [var.keywords]
}

run "bad_inputs_7" {
  command = plan
  module { source = "./modules/keywords" }
  variables {
    # keywords: keywords equal ignoring case
    keywords = { JOIN = { message = "Hi" }, join = { message = "Hello" } }
  }
  expect_failures = [var.keywords]
}

run "bad_inputs_8" {
  command = plan
  module { source = "./modules/keywords" }
  variables {
    # keywords: keyword message only whitespace
    keywords = { JOIN = { message = "   " } }
  }
  expect_failures = [var.keywords]
}

run "bad_inputs_9" {
  command = plan
  module { source = "./modules/keywords" }
  variables {
    # keywords: keyword message too long
    keywords = { JOIN = { message = "${join("", [for i in range(800) : "xy"])}z" } } # 1601 characters
  }
  expect_failures = [var.keywords]
}

run "bad_inputs_10" {
  command = plan
  module { source = "./modules/keywords" }
  variables {
    # keywords: keyword unknown action
    keywords = { JOIN = { message = "Hi", action = "SUBSCRIBE" } }
  }
  expect_failures = [var.keywords]
}

run "bad_inputs_11" {
  command = plan
  module { source = "./modules/keywords" }
  variables {
    # keywords: twenty nine keywords
    keywords = { for i in range(29) : "K${i}" => { message = "Keyword ${i}" } }
  }
  expect_failures = [var.keywords]
}
