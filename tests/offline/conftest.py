"""Offline tier: real-provider plans against a loopback STS, no network, no credentials."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from two_way_sms.harness.combined_plan import CombinedPlan, combined_plan
from two_way_sms.harness.inventory import Scenario, load_scenarios

INVENTORIES = Path(__file__).parent / "inventories"
SCENARIOS: list[Scenario] = load_scenarios(INVENTORIES)


@pytest.fixture(scope="session")
def plan_of_all_scenarios(project_root: Path) -> Iterator[CombinedPlan]:
    """One plan for every inventory: the provider starts once for all of them."""
    with combined_plan(project_root, SCENARIOS) as combined:
        yield combined
