"""Terraform CLI set-up: find a local provider mirror, else use the registry.

Real users have registry access; offline machines (like CI here) have a filesystem mirror.
We write our own CLI configuration file under the project's `.cache/` and point
TF_CLI_CONFIG_FILE at it for the processes we start, leaving the machine's own file alone.
"""

from __future__ import annotations

import os
import platform
import sys
from collections.abc import Iterable
from pathlib import Path

MIRROR_ENV = "TWO_WAY_SMS_PROVIDER_MIRROR"
AWS_PROVIDER_VERSION = "5.100.0"

# Terraform's implied mirror folders on Unix, then places offline images tend to use.
_CANDIDATE_MIRRORS = (
    "~/.terraform.d/plugins",
    "~/.local/share/terraform/plugins",
    "/usr/local/share/terraform/plugins",
    "/usr/share/terraform/plugins",
    "/opt/tf-plugins",
    "/opt/terraform/plugins",
    "/opt/terraform-plugins",
)
_SHALLOW_SEARCH_ROOTS = ("/opt", "/usr/local/share", "/srv")


class ToolchainError(RuntimeError):
    """The Terraform toolchain cannot be set up; the message says what to do."""


def platform_dir() -> str:
    machine = platform.machine().lower()
    arch = {"x86_64": "amd64", "amd64": "amd64", "aarch64": "arm64", "arm64": "arm64"}.get(
        machine, machine
    )
    return f"{sys.platform.replace('linux2', 'linux')}_{arch}"


def _has_aws_provider(mirror: Path) -> bool:
    provider = mirror / "registry.terraform.io" / "hashicorp" / "aws" / AWS_PROVIDER_VERSION
    return (provider / platform_dir()).is_dir() or any(
        p.name.startswith(f"terraform-provider-aws_{AWS_PROVIDER_VERSION}_{platform_dir()}")
        for p in provider.parent.glob("*.zip")
    )


def _shallow_candidates(roots: Iterable[str]) -> Iterable[Path]:
    for root in roots:
        base = Path(root)
        if not base.is_dir():
            continue
        for child in sorted(base.iterdir()):
            if child.is_dir() and (child / "registry.terraform.io").is_dir():
                yield child


def find_provider_mirror(environ: dict[str, str] | None = None) -> Path | None:
    """The mirror folder to use, or None for the registry.

    A mirror named in TWO_WAY_SMS_PROVIDER_MIRROR must hold the provider; otherwise we look in
    the usual places and use the first that does.
    """
    env = os.environ if environ is None else environ
    named = env.get(MIRROR_ENV)
    if named:
        mirror = Path(named).expanduser()
        if not _has_aws_provider(mirror):
            raise ToolchainError(
                f"{MIRROR_ENV}={named} holds no registry.terraform.io/hashicorp/aws/"
                f"{AWS_PROVIDER_VERSION}/{platform_dir()}; point it at a filesystem mirror "
                "(terraform providers mirror <dir>) or unset it to use the registry."
            )
        return mirror
    candidates = [Path(c).expanduser() for c in _CANDIDATE_MIRRORS]
    candidates += list(_shallow_candidates(_SHALLOW_SEARCH_ROOTS))
    return next((c for c in candidates if _has_aws_provider(c)), None)


def cli_config_text(mirror: Path | None, plugin_cache: Path) -> str:
    lines = [f'plugin_cache_dir = "{plugin_cache.as_posix()}"', ""]
    if mirror is not None:
        lines += [
            "provider_installation {",
            "  filesystem_mirror {",
            f'    path    = "{mirror.as_posix()}"',
            '    include = ["registry.terraform.io/hashicorp/aws"]',
            "  }",
            "  direct {",
            '    exclude = ["registry.terraform.io/hashicorp/aws"]',
            "  }",
            "}",
        ]
    return "\n".join(lines) + "\n"


def terraform_env(project_root: Path, environ: dict[str, str] | None = None) -> dict[str, str]:
    """Environment variables for every Terraform process the project starts."""
    cache = project_root / ".cache" / "terraform"
    plugin_cache = cache / "plugins"
    plugin_cache.mkdir(parents=True, exist_ok=True)
    config = cache / "terraformrc"
    text = cli_config_text(find_provider_mirror(environ), plugin_cache)
    if not config.exists() or config.read_text() != text:
        config.write_text(text)
    return {
        "TF_CLI_CONFIG_FILE": str(config),
        "TF_PLUGIN_CACHE_DIR": str(plugin_cache),
        "TF_IN_AUTOMATION": "1",
        "CHECKPOINT_DISABLE": "1",
    }


def process_env(*layers: dict[str, str]) -> dict[str, str]:
    """The caller's environment without its AWS and Terraform settings, plus the given layers.

    A developer's AWS_PROFILE or TF_CLI_CONFIG_FILE must not leak into offline tests.
    """
    base = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("AWS_", "TF_VAR_", "TF_CLI_", "TF_PLUGIN_", "TF_LOG"))
    }
    for layer in layers:
        base.update(layer)
    return base


def main(argv: list[str] | None = None) -> int:
    """`python -m two_way_sms_tools.terraform.toolchain [ROOT]` prints shell exports."""
    args = sys.argv[1:] if argv is None else argv
    root = Path(args[0]) if args else Path.cwd()
    try:
        env = terraform_env(root.resolve())
    except ToolchainError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    for key, value in env.items():
        print(f"export {key}='{value}'")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
