"""Draft plan inventories from the current plan: `.venv/bin/python scripts/draft_inventory.py
tests/offline/inventories/<...>.yaml ...`, then review the diff line by line. The code is
tools/two_way_sms_tools/terraform/draft_inventory.py."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))

from two_way_sms_tools.terraform.draft_inventory import main

raise SystemExit(main(sys.argv[1:]))
