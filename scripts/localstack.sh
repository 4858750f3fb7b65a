#!/usr/bin/env bash
# LocalStack 4.14.0 for this project (host mode, loopback only):
#   scripts/localstack.sh up|down|status|logs [-f]|install
# A thin wrapper around `python -m two_way_sms.localstack`; that module needs only the standard
# library, so any Python >= 3.11 runs it (the dev venv's when there is one).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
python="${root}/.venv/bin/python"
[ -x "$python" ] || python="$(command -v python3)"
export TWO_WAY_SMS_ROOT="$root"
PYTHONPATH="${root}/src${PYTHONPATH:+:$PYTHONPATH}" exec "$python" -m two_way_sms.localstack "$@"
