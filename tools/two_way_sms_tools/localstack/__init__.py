"""LocalStack 4.14.0 as a managed part of the project: its own venv, host mode, loopback only.

One module per job, each calling the ones before it:

- `settings`: endpoint, per-port state folder, and the environment LocalStack runs with;
- `venv`: `.venv-localstack` on a Python >= 3.12 (found by `two_way_sms.pythons`), with the
  pinned constraints and this project installed editable so the emulator's entry points load;
- `health`: the health document and the services this project needs;
- `process`: start (or reuse) detached in its own process group, wait until ready, stop;
- `leases`: `up`/`down` for a person, `lease()` for test sessions (xdist workers share one
  instance, the last one stops what a lease started);
- `cli`: `python -m two_way_sms_tools.localstack up|down|status|logs|install`;
- `clients`: boto3 clients of LocalStack and an SQS subscriber, for tests, demo and benchmark.

Standard library only (but `clients`): this runs on the project's Python 3.11 too.
"""
