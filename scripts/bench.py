"""Benchmark figures (never fail on time): `.venv/bin/python scripts/bench.py [offline]
[routing] [conversation] [e2e]`, or `make bench`. The code is tools/two_way_sms_tools/bench.py."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))

from two_way_sms_tools.bench import main

raise SystemExit(main(sys.argv[1:]))
