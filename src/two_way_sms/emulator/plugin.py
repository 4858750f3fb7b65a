"""The LocalStack provider plugins of the emulator: `pinpoint-sms-voice-v2` and `connect`.

Registered under the plux entry-point group `localstack.aws.provider` as
`pinpoint-sms-voice-v2:default` and `connect:default` (pyproject.toml), which is how LocalStack
4.14 community finds service providers. LocalStack imports this module when it discovers plugins;
each provider itself is built only when its service is first used. Both dispatch through the
emulator's shared validating dispatch (dispatch.py).
"""

from __future__ import annotations

from localstack.services.plugins import Service, aws_provider


@aws_provider(api="pinpoint-sms-voice-v2")
def sms_voice_provider() -> Service:
    from two_way_sms.emulator.sms_voice.provider import SMS_VOICE, SmsVoiceProvider

    provider = SmsVoiceProvider()
    return Service.for_provider(provider, dispatch_table_factory=SMS_VOICE.dispatch_table)


@aws_provider(api="connect")
def connect_provider() -> Service:
    from two_way_sms.emulator.connect.provider import CONNECT, ConnectProvider

    provider = ConnectProvider()
    return Service.for_provider(provider, dispatch_table_factory=CONNECT.dispatch_table)
