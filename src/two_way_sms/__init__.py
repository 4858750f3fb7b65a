"""Two-way SMS for AWS End User Messaging SMS.

Terraform test harness, LocalStack emulator, policy evaluator and operator tools.
"""

__version__ = "0.1.0"
