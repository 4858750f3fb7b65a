"""Python Lambda functions on LocalStack 4.14 without Docker: a runtime executor plugin.

LocalStack's own Lambda service does everything but run the code; `LAMBDA_RUNTIME_EXECUTOR=
host-python` makes it run each execution environment as a host process (see README.md here).
Only `plugin.py` and `executor.py` import LocalStack; `runtime/bootstrap.py` runs inside the
function's process, on the function's Python, with the standard library only.
"""
