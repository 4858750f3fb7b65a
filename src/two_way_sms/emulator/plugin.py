"""The LocalStack provider plugin of the `pinpoint-sms-voice-v2` emulator.

Registered under the plux entry-point group `localstack.aws.provider` as
`pinpoint-sms-voice-v2:default` (pyproject.toml), which is how LocalStack 4.14 community finds
service providers. LocalStack imports this module when it discovers plugins; the provider itself
is built only when the service is first used.
"""

from __future__ import annotations

from localstack.services.plugins import Service, aws_provider


@aws_provider(api="pinpoint-sms-voice-v2")
def sms_voice_provider() -> Service:
    from two_way_sms.emulator.provider import SmsVoiceProvider, validating_dispatch_table

    provider = SmsVoiceProvider()
    return Service.for_provider(provider, dispatch_table_factory=validating_dispatch_table)
