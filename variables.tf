variable "name" {
  description = "Base name of what the module creates: the topic (unless `topic.name`), the role (`<name>-sms-voice`) and the key alias."
  type        = string
  nullable    = false

  validation {
    condition     = can(regex("^[A-Za-z0-9_-]{1,54}$", var.name))
    error_message = "name: use 1 to 54 letters, digits, '-' or '_' (it prefixes topic, role and key alias names; no \".fifo\")."
  }
}

variable "topic" {
  description = "The inbound destination topic: a new standard topic (default, named `name`) or an existing one (`existing_arn`)."
  type = object({
    name                 = optional(string)
    existing_arn         = optional(string)
    existing_encrypted   = optional(bool, false)
    existing_policy_json = optional(string)
    subscriptions = optional(map(object({
      protocol             = string
      endpoint             = string
      raw_message_delivery = optional(bool, false)
      filter_policy        = optional(string)
      queue_url            = optional(string)
    })), {})
  })
  default  = {}
  nullable = false

  validation {
    condition     = !endswith(coalesce(var.topic.name, var.topic.existing_arn, "x"), ".fifo")
    error_message = "topic: FIFO topics (\".fifo\") cannot receive two-way SMS; AWS End User Messaging SMS only publishes to standard topics. Use a standard topic."
  }

  validation {
    condition     = var.topic.existing_arn == null || can(regex("^arn:aws[a-z-]*:sns:[a-z0-9-]+:[0-9]{12}:[A-Za-z0-9_-]{1,256}(\\.fifo)?$", var.topic.existing_arn))
    error_message = "topic.existing_arn: expected an SNS topic ARN such as arn:aws:sns:us-east-1:111122223333:inbound-sms."
  }

  validation {
    condition     = var.topic.name == null || var.topic.existing_arn == null
    error_message = "topic: set either name (create a topic) or existing_arn (use your topic), not both."
  }
}

variable "encryption" {
  description = "KMS encryption of a new topic. By default the module creates a customer managed key whose policy lets sms-voice.amazonaws.com use it; or pass `kms_key_arn` of your own key (add output `kms_key_policy_statements_json` to its policy); or set `create_key = false` for an unencrypted topic."
  type = object({
    create_key              = optional(bool)
    kms_key_arn             = optional(string)
    alias                   = optional(string)
    deletion_window_in_days = optional(number, 30)
    administrator_arns      = optional(list(string), [])
  })
  default  = {}
  nullable = false

  validation {
    condition     = var.encryption.kms_key_arn == null || can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[0-9a-f-]+$", var.encryption.kms_key_arn))
    error_message = "encryption.kms_key_arn: expected a KMS key ARN such as arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab."
  }

  validation {
    condition     = !(coalesce(var.encryption.create_key, false) && var.encryption.kms_key_arn != null)
    error_message = "encryption: set create_key = true or kms_key_arn, not both."
  }

  validation {
    condition     = var.topic.existing_arn == null || (!coalesce(var.encryption.create_key, false) && var.encryption.kms_key_arn == null)
    error_message = "encryption: an existing topic keeps the encryption it has; leave encryption unset and set topic.existing_encrypted = true if it uses a KMS key."
  }
}

variable "access" {
  description = "How the service gets permission to publish: `role` (an IAM channel role, created or existing) or `topic-policy` (a topic policy statement for sms-voice.amazonaws.com, no role)."
  type = object({
    mode                           = optional(string, "role")
    role_name                      = optional(string)
    existing_role_arn              = optional(string)
    attach_policy_to_existing_role = optional(bool, false)
    role_path                      = optional(string, "/")
    permissions_boundary_arn       = optional(string)
    trust_source_arns              = optional(list(string), [])
  })
  default  = {}
  nullable = false

  validation {
    condition     = contains(["role", "topic-policy"], var.access.mode)
    error_message = "access.mode: use \"role\" (IAM channel role) or \"topic-policy\" (topic policy grants sms-voice.amazonaws.com)."
  }

  validation {
    condition     = var.access.mode != "topic-policy" || (var.access.existing_role_arn == null && var.access.role_name == null && !var.access.attach_policy_to_existing_role)
    error_message = "access: topic-policy mode uses no role; remove role_name/existing_role_arn, or set mode = \"role\"."
  }

  validation {
    condition     = var.access.existing_role_arn == null || can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:role/([A-Za-z0-9+=,.@_-]+/)*[A-Za-z0-9+=,.@_-]{1,64}$", var.access.existing_role_arn))
    error_message = "access.existing_role_arn: expected an IAM role ARN such as arn:aws:iam::111122223333:role/sms-voice-two-way (not a user, policy or instance profile ARN)."
  }

  validation {
    condition     = var.access.existing_role_arn == null || var.access.role_name == null
    error_message = "access: set role_name (create a role) or existing_role_arn (use your role), not both."
  }
}

variable "phone_numbers" {
  description = "Numbers to request, by a key of your choice, each routed to the destination."
  type = map(object({
    iso_country_code              = string
    number_type                   = string
    message_type                  = optional(string, "TRANSACTIONAL")
    number_capabilities           = optional(set(string), ["SMS"])
    opt_out_list_name             = optional(string)
    self_managed_opt_outs_enabled = optional(bool, false)
    deletion_protection_enabled   = optional(bool, false)
    registration_id               = optional(string)
    two_way_channel_enabled       = optional(bool, true)
    tags                          = optional(map(string), {})
  }))
  default  = {}
  nullable = false

  validation {
    condition     = length(var.phone_numbers) + length(var.external_phone_number_ids) + length(var.adopted_phone_number_ids) > 0
    error_message = "phone_numbers: add at least one number, for example { main = { iso_country_code = \"US\", number_type = \"TOLL_FREE\" } }, or list numbers you already own in adopted_phone_number_ids or external_phone_number_ids."
  }

  validation {
    condition     = alltrue([for n in values(var.phone_numbers) : can(regex("^[A-Z]{2}$", n.iso_country_code))])
    error_message = "phone_numbers: iso_country_code must be two upper-case ISO 3166-1 alpha-2 letters, for example \"US\"."
  }

  validation {
    condition     = alltrue([for n in values(var.phone_numbers) : contains(["LONG_CODE", "TOLL_FREE", "TEN_DLC", "SIMULATOR"], n.number_type)])
    error_message = "phone_numbers: number_type must be one of \"LONG_CODE\", \"TOLL_FREE\", \"TEN_DLC\", \"SIMULATOR\"."
  }

  validation {
    condition     = alltrue([for n in values(var.phone_numbers) : contains(["TRANSACTIONAL", "PROMOTIONAL"], n.message_type)])
    error_message = "phone_numbers: message_type must be \"TRANSACTIONAL\" or \"PROMOTIONAL\"."
  }

  validation {
    condition     = alltrue([for n in values(var.phone_numbers) : length(n.number_capabilities) > 0 && alltrue([for c in n.number_capabilities : contains(["SMS", "VOICE", "MMS"], c)])])
    error_message = "phone_numbers: number_capabilities must list at least one of \"SMS\", \"VOICE\", \"MMS\"; two-way SMS needs \"SMS\"."
  }
}

variable "external_phone_number_ids" {
  description = "IDs or ARNs of numbers you keep outside Terraform (for example registered long ago). Nothing is changed on them: output `update_phone_number_commands` gives the command that wires each one to this destination."
  type        = list(string)
  default     = []
  nullable    = false

  validation {
    condition     = alltrue([for id in var.external_phone_number_ids : can(regex("^(phone-[0-9a-f]{32}|arn:aws[a-z-]*:sms-voice:[a-z0-9-]+:[0-9]{12}:phone-number/phone-[0-9a-f]{32})$", id))])
    error_message = "external_phone_number_ids: each entry must be a phone number ID (phone-<32 hex>) or its ARN."
  }
}

variable "connect" {
  description = "Route inbound messages to this Amazon Connect instance instead of an SNS topic. The numbers (adopted_phone_number_ids) get two-way set to connect.<region>.amazonaws.com and are imported into the instance by the two-way-channel module's command (Python 3.8+ with boto3 on the machine that runs Terraform)."
  type = object({
    instance_id = string
  })
  default = null

  validation {
    condition     = var.connect == null || can(regex("^([0-9a-f-]{36}|arn:aws[a-z-]*:connect:[a-z0-9-]+:[0-9]{12}:instance/[0-9a-f-]{36})$", try(var.connect.instance_id, "")))
    error_message = "connect.instance_id: expected an Amazon Connect instance ID (a UUID) or instance ARN."
  }

  validation {
    condition     = var.connect == null || var.access.mode == "role"
    error_message = "connect: Amazon Connect destinations need a channel role (connect:SendChatIntegrationEvent); topic-policy mode only applies to SNS topics. Set access.mode = \"role\"."
  }

  validation {
    condition     = var.connect == null || length(var.phone_numbers) == 0
    error_message = "connect: numbers routed to Amazon Connect must be adopted_phone_number_ids. AWS provider 5.x fails to read back a number whose channel is connect.<region>.amazonaws.com (\"Invalid ARN Value\", hashicorp/terraform-provider-aws#44321, fixed in 6.x), so it cannot be a Terraform resource: request it outside Terraform and adopt it."
  }

  validation {
    condition     = var.connect == null || (var.topic.name == null && var.topic.existing_arn == null && length(var.topic.subscriptions) == 0 && var.encryption.create_key == null && var.encryption.kms_key_arn == null)
    error_message = "connect: with an Amazon Connect destination there is no SNS topic; remove the topic and encryption settings."
  }
}

variable "adopted_phone_number_ids" {
  description = "IDs or ARNs of numbers you already own (registered outside Terraform) to route to this destination. Apply turns their two-way SMS on; destroy turns it off and never releases the number."
  type        = list(string)
  default     = []
  nullable    = false

  validation {
    condition     = alltrue([for id in var.adopted_phone_number_ids : can(regex("^(phone-[0-9a-f]{32}|arn:aws[a-z-]*:sms-voice:[a-z0-9-]+:[0-9]{12}:phone-number/phone-[0-9a-f]{32})$", id))])
    error_message = "adopted_phone_number_ids: each entry must be a phone number ID (phone-<32 hex>) or its ARN."
  }

  validation {
    condition     = length(setintersection(var.adopted_phone_number_ids, var.external_phone_number_ids)) == 0
    error_message = "adopted_phone_number_ids: a number is either adopted (Terraform sets its two-way SMS) or external (you run the printed command), not both."
  }
}

variable "keywords" {
  description = "Keywords of every number the module routes (phone_numbers and adopted_phone_number_ids; external numbers are left alone): the answers to HELP and STOP and optional keywords such as JOIN = { message = \"Welcome!\", action = \"AUTOMATIC_RESPONSE\" }. Set through the API by modules/keywords (Python 3.8+ with boto3 on the machine that runs Terraform); destroy puts HELP and STOP back as they were and deletes the keywords it added. Null leaves keywords alone."
  type = object({
    help_message = optional(string)
    stop_message = optional(string)
    keywords = optional(map(object({
      message = string
      action  = optional(string, "AUTOMATIC_RESPONSE")
    })), {})
  })
  default = null

  validation {
    condition     = alltrue([for m in [try(var.keywords.help_message, null)] : try(length(m) <= 1600 && trimspace(m) != "", false) if m != null])
    error_message = "keywords.help_message: use 1 to 1600 characters with some text in them (not only spaces or line breaks), or leave it out to keep HELP as it is."
  }

  validation {
    condition     = alltrue([for m in [try(var.keywords.stop_message, null)] : try(length(m) <= 1600 && trimspace(m) != "", false) if m != null])
    error_message = "keywords.stop_message: use 1 to 1600 characters with some text in them (not only spaces or line breaks), or leave it out to keep STOP as it is."
  }

  validation {
    condition     = alltrue([for k in keys(try(var.keywords.keywords, {})) : length(k) >= 1 && length(k) <= 30])
    error_message = "keywords.keywords: use keywords of 1 to 30 characters (not empty, not longer)."
  }

  validation {
    condition     = alltrue([for k in keys(try(var.keywords.keywords, {})) : trimspace(k) == k])
    error_message = "keywords.keywords: a keyword can't start or end with a space; remove the space (\" JOIN\" -> \"JOIN\")."
  }

  validation {
    condition     = alltrue([for k in keys(try(var.keywords.keywords, {})) : can(regex("^[ \\S]*$", k))])
    error_message = "keywords.keywords: a keyword has printable characters and spaces only: no tabs or line breaks (the API's pattern)."
  }

  validation {
    condition     = alltrue([for k in keys(try(var.keywords.keywords, {})) : !contains(["HELP", "STOP"], upper(k))])
    error_message = "keywords.keywords: HELP and STOP are every number's own keywords and can't be added; set keywords.help_message or keywords.stop_message to change their answers."
  }

  validation {
    condition     = length(distinct([for k in keys(try(var.keywords.keywords, {})) : upper(k)])) == length(try(var.keywords.keywords, {}))
    error_message = "keywords.keywords: keywords are case insensitive, so two keys that differ only in case (\"join\" and \"JOIN\") are the same keyword; keep one."
  }

  validation {
    condition     = alltrue([for v in values(try(var.keywords.keywords, {})) : try(length(v.message) <= 1600 && trimspace(v.message) != "", false)])
    error_message = "keywords.keywords: each message is 1 to 1600 characters with some text in it (not only spaces or line breaks)."
  }

  validation {
    condition     = alltrue([for v in values(try(var.keywords.keywords, {})) : contains(["AUTOMATIC_RESPONSE", "OPT_OUT", "OPT_IN"], v.action)])
    error_message = "keywords.keywords: action must be \"AUTOMATIC_RESPONSE\" (answer with the message), \"OPT_OUT\" or \"OPT_IN\"."
  }

  validation {
    condition     = length(try(var.keywords.keywords, {})) <= 28
    error_message = "keywords.keywords: a number has at most 30 keywords, HELP and STOP included, so at most 28 here; remove some."
  }
}

variable "python" {
  description = "Python 3.8+ with boto3 that runs the two-way-channel and keywords commands, needed for `connect`, `adopted_phone_number_ids` and `keywords`."
  type        = string
  default     = "python3"
  nullable    = false
}

variable "tags" {
  description = "Tags for every resource the module creates."
  type        = map(string)
  default     = {}
  nullable    = false
}
