"""What only tests, the demo and the benchmarks need: never installed, never in the wheel.

`terraform/` drives Terraform (toolchain, source copies, inventories, combined plans, native
tests, applies to LocalStack, README tables); `localstack/` runs LocalStack 4.14.0 for the
project (settings, its venv, health, process control, leases, the `up|down|...` command).
pytest puts this folder on the path (`pythonpath` in pyproject.toml), the Makefile sets
PYTHONPATH=tools, and `scripts/` are thin entry points into it.
"""
