"""AWS End User Messaging SMS (`pinpoint-sms-voice-v2`) for LocalStack: the API (`provider.py`,
state in `store.py`, resources in `models.py`) and the inbound messages a customer texts
(`routes.py`, routed by `routing.py` under the delivery rules of `two_way_sms.delivery`)."""
