"""The one exception the policy evaluator raises for bad input."""


class PolicyError(ValueError):
    """A policy document is malformed.

    The message names the policy (by ``NamedPolicy.name``), the statement and the element,
    e.g. ``statement 2 of key policy of key/x: Effect must be Allow or Deny``.
    """
