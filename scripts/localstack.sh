#!/usr/bin/env bash
# LocalStack 4.14.0 for this project (host mode, loopback only):
#   scripts/localstack.sh up|down|status|logs [-f]|install
# A thin wrapper around `python -m two_way_sms_tools.localstack` (tools/, never installed).
# That package needs only the standard library and src/two_way_sms/pythons.py, so any
# Python >= 3.11 runs it (the dev venv's when there is one).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
python="${root}/.venv/bin/python"
[ -x "$python" ] || python="$(command -v python3)"
PYTHONPATH="${root}/tools:${root}/src${PYTHONPATH:+:$PYTHONPATH}" exec "$python" -m two_way_sms_tools.localstack "$@"
