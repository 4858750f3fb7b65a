"""AWS End User Messaging SMS (`pinpoint-sms-voice-v2`) for LocalStack 4.14 community.

`plugin.py` registers the provider (`provider.py`: the API operations, state in `store.py`,
resources in `models.py`); `hooks.py` and `routes.py` add the inbound-message endpoints, routed
by `routing.py` under the delivery rules of `two_way_sms.delivery`. See README.md here.
Only plugin, provider, api, store, routes, hooks and localstack_aws import LocalStack; the
other modules are plain Python.
"""
