"""What more than one test module needs, in one place (cloud-foundation-fabric keeps a single
fixtures module): test modules import from here, never from each other.

- `deployments`: fake deployments for the unit tests of the delivery rules, the doctor and the
  emulator's routing (one account, the guide's statements filled in for it, `FakeAws`);
- `inbound`: what an inbound SMS payload must hold (the AWS guide's example) and reading it off
  a queue, for every end-to-end test that texts a number;
- `guide`: the AWS guide's policy statements (`tests/offline/guide_policies.yaml`), loaded and
  filled in for an account, Region and topic;
- `inventories`: the plan inventories of the offline tier, loaded once;
- `wheel`: the wheel built from a copy of the checkout and installed into fresh venvs.

Helpers that the demo and the benchmark need too live in the tooling package
(`tools/two_way_sms_tools`): LocalStack clients and subscribers, the LocalStack lifecycle.
"""
