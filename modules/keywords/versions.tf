terraform {
  # 1.9: variable validations that refer to other variables. terraform_data needs 1.4.
  required_version = ">= 1.9"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.100, < 7.0"
    }
  }
}
