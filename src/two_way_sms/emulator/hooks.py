"""LocalStack start-up hooks: the emulator's HTTP endpoints, its Amazon Connect routing, and the
guard of its shared dispatch.

plux finds hooks through entry points; pyproject.toml must declare
    [project.entry-points."localstack.hooks.on_infra_start"]
    register_inbound_routes = "two_way_sms.emulator.hooks:register_inbound_routes"
    register_connect_routes = "two_way_sms.emulator.hooks:register_connect_routes"
Without the first, the inbound/outbound-message endpoints still appear, but only once the
pinpoint-sms-voice-v2 provider is first loaded (its on_after_init registers them too). Without
the second, requests signed for `connect` from a client pointed at 127.0.0.1:4566 are routed by
LocalStack's fallback rules (GETs to S3), so the Connect emulator needs it (connect/routes.py).

Each hook also installs the request guard of dispatch.py for its service: a request LocalStack's
parser cannot read (unknown X-Amz-Target or path, a body that is not JSON) never loads the
provider, so the provider's on_after_init would come too late for it.
"""

from __future__ import annotations

from localstack.runtime import hooks


@hooks.on_infra_start()
def register_inbound_routes() -> None:
    from two_way_sms.emulator.dispatch import guard
    from two_way_sms.emulator.sms_voice.provider import SMS_VOICE
    from two_way_sms.emulator.sms_voice.routes import register_routes

    register_routes()
    guard(SMS_VOICE)


@hooks.on_infra_start()
def register_connect_routes() -> None:
    from two_way_sms.emulator.connect.provider import CONNECT
    from two_way_sms.emulator.connect.routes import register_connect_routes as register
    from two_way_sms.emulator.dispatch import guard

    register()
    guard(CONNECT)
