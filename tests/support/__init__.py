"""What the test tiers share: fixtures and fakes live here, once (not shipped)."""
