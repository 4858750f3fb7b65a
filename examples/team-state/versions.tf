terraform {
  # Shared state for a team: S3 with native locking (use_lockfile, Terraform >= 1.10), settings
  # in a backend file: terraform init -backend-config=team.s3.tfbackend
  backend "s3" {}

  # 1.10: S3 native state locking (use_lockfile).
  required_version = ">= 1.10"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.100, < 7.0"
    }
  }
}
