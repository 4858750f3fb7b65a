"""Drive Terraform for tests and benchmarks: toolchain set-up, source copies, offline plans."""
