"""Two-way SMS for AWS End User Messaging SMS.

The operator CLI and its delivery checks, the IAM policy evaluator, and the LocalStack emulator
plugin. Test, demo and benchmark tooling lives outside the package (tools/ in the checkout).
"""

__version__ = "0.1.0"
