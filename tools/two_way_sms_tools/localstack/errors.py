"""The one error of the LocalStack lifecycle."""


class LocalStackError(RuntimeError):
    """LocalStack cannot be set up, started or stopped; the message says what to do."""
