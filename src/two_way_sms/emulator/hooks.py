"""LocalStack start-up hook: adds the emulator's inbound/outbound-message HTTP endpoints.

plux finds hooks through entry points; pyproject.toml must declare
    [project.entry-points."localstack.hooks.on_infra_start"]
    register_inbound_routes = "two_way_sms.emulator.hooks:register_inbound_routes"
Without it the endpoints still appear, but only once the pinpoint-sms-voice-v2 provider is first
loaded (its on_after_init registers them too).
"""

from __future__ import annotations

from localstack.runtime import hooks


@hooks.on_infra_start()
def register_inbound_routes() -> None:
    from two_way_sms.emulator.routes import register_routes

    register_routes()
