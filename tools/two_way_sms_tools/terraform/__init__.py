"""Drive Terraform for tests, the demo and benchmarks: toolchain set-up, source copies, combined
offline plans, native `terraform test`, applies to LocalStack and README tables."""
