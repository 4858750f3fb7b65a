"""LocalStack start-up hooks: the emulator's HTTP endpoints and its Amazon Connect routing.

plux finds hooks through entry points; pyproject.toml must declare
    [project.entry-points."localstack.hooks.on_infra_start"]
    register_inbound_routes = "two_way_sms.emulator.hooks:register_inbound_routes"
    register_connect_routes = "two_way_sms.emulator.hooks:register_connect_routes"
Without the first, the inbound/outbound-message endpoints still appear, but only once the
pinpoint-sms-voice-v2 provider is first loaded (its on_after_init registers them too). Without
the second, requests signed for `connect` from a client pointed at 127.0.0.1:4566 are routed by
LocalStack's fallback rules (GETs to S3), so the Connect emulator needs it (connect_routes.py).
"""

from __future__ import annotations

from localstack.runtime import hooks


@hooks.on_infra_start()
def register_inbound_routes() -> None:
    from two_way_sms.emulator.routes import register_routes

    register_routes()


@hooks.on_infra_start()
def register_connect_routes() -> None:
    from two_way_sms.emulator.connect_routes import register_connect_routes as register

    register()
