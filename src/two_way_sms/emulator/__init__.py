"""LocalStack 4.14 community plugins: AWS End User Messaging SMS (`pinpoint-sms-voice-v2`), a
minimal Amazon Connect, and Python Lambda functions without Docker. See README.md here.

One sub-package per emulated service (`sms_voice/`, `connect/`), each with its provider, store,
models and routes; what they share sits here: `plugin.py` (the provider plugins), `hooks.py`
(start-up hooks), `dispatch.py` and `dispatch_rules.py` (one validating dispatch),
`validation.py` and `wire.py` (requests checked against the service model as sent),
`paging.py` and `clock.py`. Delivery decisions are not made here: inbound routing
(`sms_voice/routing.py`) runs the rule table of `two_way_sms.delivery`.
"""
