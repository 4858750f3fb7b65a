output "phone_number_id" {
  description = "The number whose keywords this module manages (its ID)."
  value       = terraform_data.this.output.phone_number_id
}

output "journal_parameter_name" {
  description = "SSM parameter that journals the number's original keywords until destroy."
  value       = local.journal_name
}

output "keywords" {
  description = "The keywords this module sets, by keyword: message and action (HELP and STOP when their messages are set)."
  value = merge(
    var.help_message == null ? {} : { HELP = { message = var.help_message, action = "AUTOMATIC_RESPONSE" } },
    var.stop_message == null ? {} : { STOP = { message = var.stop_message, action = "OPT_OUT" } },
    local.keywords,
  )
}
