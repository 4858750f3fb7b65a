"""Two-way SMS for AWS End User Messaging: Terraform test harness, LocalStack emulator, operator tools."""

__version__ = "0.1.0"
