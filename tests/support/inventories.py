"""The offline tier's plan inventories (tests/offline/inventories/**.yaml), loaded once: the
combined plan and every test that reads a scenario's part of it use this list."""

from __future__ import annotations

from two_way_sms_tools.project import PROJECT_ROOT
from two_way_sms_tools.terraform.inventory import INVENTORY_DIR, Scenario, load_scenarios

SCENARIOS: list[Scenario] = load_scenarios(PROJECT_ROOT / INVENTORY_DIR)
