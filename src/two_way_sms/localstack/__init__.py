"""LocalStack for this project: lifecycle (`runtime`) and Terraform override files
(`terraform_override`). Standard library only; nothing here imports LocalStack itself."""
