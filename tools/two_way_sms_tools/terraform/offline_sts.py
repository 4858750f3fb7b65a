"""A loopback AWS endpoint so real-provider plans run with no network and no credentials.

The AWS provider asks STS who the caller is when it starts and for `aws_caller_identity`.
moto's threaded server answers that (account 123456789012) on 127.0.0.1; every service
endpoint points there, so nothing can leave the machine.
"""

from __future__ import annotations

import logging
import socket
from collections.abc import Iterator
from contextlib import contextmanager

OFFLINE_ACCOUNT_ID = "123456789012"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def offline_aws_env(endpoint: str, region: str = "us-east-1") -> dict[str, str]:
    return {
        "AWS_ACCESS_KEY_ID": "offline-test",
        "AWS_SECRET_ACCESS_KEY": "offline-test",
        "AWS_REGION": region,
        "AWS_DEFAULT_REGION": region,
        "AWS_ENDPOINT_URL": endpoint,
        "AWS_EC2_METADATA_DISABLED": "true",
        "AWS_CONFIG_FILE": "/dev/null",
        "AWS_SHARED_CREDENTIALS_FILE": "/dev/null",
    }


@contextmanager
def offline_aws(region: str = "us-east-1") -> Iterator[dict[str, str]]:
    """Run moto on a free loopback port; yield the environment that points AWS clients at it."""
    try:
        from moto.server import ThreadedMotoServer
    except ImportError as error:  # a dev dependency: say how to get it
        raise RuntimeError(
            "moto is needed for offline plans: run `make venv` (installs the dev dependencies)"
        ) from error
    # moto logs every request through werkzeug; a plan makes hundreds.
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    port = _free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    try:
        yield offline_aws_env(f"http://127.0.0.1:{port}", region)
    finally:
        server.stop()
