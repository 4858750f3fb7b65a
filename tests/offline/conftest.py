"""Offline tier: real-provider plans against a loopback STS, no network, no credentials."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.inventories import SCENARIOS
from two_way_sms_tools.terraform.combined_plan import CombinedPlan, combined_plan


@pytest.fixture(scope="session")
def plan_of_all_scenarios(project_root: Path) -> Iterator[CombinedPlan]:
    """One plan for every inventory: the provider starts once for all of them."""
    with combined_plan(project_root, SCENARIOS) as combined:
        yield combined
