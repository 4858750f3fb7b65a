"""Point a Terraform root's AWS provider(s) at LocalStack with an override file.

The terraform-local (tflocal) approach: a `localstack_override.tf` next to the root's own files
holds one `provider "aws"` block per provider configuration the root declares (the default one
and each `alias`), with fake credentials, the skips that need no real AWS account, path-style
S3 and an `endpoints` block aiming the services this project uses at LocalStack. Terraform
merges override blocks into the blocks they name, so the root's files stay untouched; work on a
temporary copy (`copy_with_override`) to keep the checkout clean.

Standard library only. The `.tf` scanner understands comments, strings with `${...}`
templates and heredocs, enough to find top-level `provider "aws"` blocks and their `alias` and
`region` arguments; `.tf.json` files are read as JSON.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

OVERRIDE_FILE = "localstack_override.tf"
DEFAULT_ENDPOINT = "http://127.0.0.1:4566"
DEFAULT_REGION = "us-east-1"
# Provider 5.x endpoint names of the services this project's modules and tests use.
DEFAULT_SERVICES = (
    "sns",
    "sqs",
    "kms",
    "iam",
    "sts",
    "s3",
    "pinpointsmsvoicev2",
    "connect",
    "lambda",
    "logs",
)
_COPY_IGNORED = shutil.ignore_patterns(
    ".terraform", "terraform.tfstate*", ".terraform.tfstate.lock.info", "*.tfplan", OVERRIDE_FILE
)


@dataclass(frozen=True)
class AwsProviderBlock:
    """One `provider "aws"` configuration of a root module."""

    alias: str | None
    has_region: bool
    file: str


@dataclass(frozen=True)
class _Token:
    kind: str  # "ident", "string", "punct"
    value: str
    depth: int  # brace depth before the token


def _tokens(text: str) -> Iterator[_Token]:
    """Identifiers, literal strings (without templates) and punctuation of HCL native syntax."""
    i, n, depth = 0, len(text), 0
    while i < n:
        c = text[i]
        if c in " \t\r\n":
            i += 1
        elif c == "#" or text.startswith("//", i):
            end = text.find("\n", i)
            i = n if end < 0 else end + 1
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            i = n if end < 0 else end + 2
        elif c == '"':
            value, i = _string(text, i)
            yield _Token("string", value, depth)
        elif text.startswith("<<", i) and (
            m := re.match(r"<<-?([A-Za-z_][\w-]*)[ \t]*\n", text[i:])
        ):
            marker = m.group(1)
            body_start = i + m.end()
            close = re.compile(rf"^[ \t]*{re.escape(marker)}[ \t]*$", re.MULTILINE)
            found = close.search(text, body_start)
            i = n if found is None else found.end()
            yield _Token("string", "", depth)
        elif c.isalpha() or c == "_":
            m2 = re.match(r"[A-Za-z_][\w-]*", text[i:])
            assert m2 is not None
            yield _Token("ident", m2.group(0), depth)
            i += m2.end()
        elif c == "{":
            yield _Token("punct", c, depth)
            depth += 1
            i += 1
        elif c == "}":
            depth = max(depth - 1, 0)
            yield _Token("punct", c, depth)
            i += 1
        else:
            yield _Token("punct", c, depth)
            i += 1


def _string(text: str, start: int) -> tuple[str, int]:
    """A quoted string starting at text[start] == '"': its literal value (templates make it
    "") and the index after the closing quote. Skips `${...}`/`%{...}` including nested
    strings and braces."""
    i, n = start + 1, len(text)
    out: list[str] = []
    templated = False
    while i < n:
        c = text[i]
        if c == "\\" and i + 1 < n:
            out.append(text[i + 1])
            i += 2
        elif c == '"':
            return ("" if templated else "".join(out)), i + 1
        elif c in "$%" and text.startswith("{", i + 1) and not text.startswith(c * 2, i):
            templated = True
            i = _skip_template(text, i + 2)
        elif c == "\n":  # unterminated: stop at the line end
            return "".join(out), i
        else:
            out.append(c)
            i += 1
    return "".join(out), n


def _skip_template(text: str, i: int) -> int:
    depth, n = 1, len(text)
    while i < n and depth:
        c = text[i]
        if c == '"':
            _, i = _string(text, i)
            continue
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
        i += 1
    return i


def _hcl_aws_providers(text: str, file: str) -> list[AwsProviderBlock]:
    tokens = list(_tokens(text))
    blocks: list[AwsProviderBlock] = []
    i = 0
    while i < len(tokens) - 2:
        t0, t1, t2 = tokens[i], tokens[i + 1], tokens[i + 2]
        if (
            t0.depth == 0
            and (t0.kind, t0.value) == ("ident", "provider")
            and (t1.kind, t1.value) == ("string", "aws")
            and (t2.kind, t2.value) == ("punct", "{")
        ):
            j = i + 3
            alias: str | None = None
            has_region = False
            while j < len(tokens) and not (tokens[j].value == "}" and tokens[j].depth == 0):
                tok = tokens[j]
                if (
                    tok.depth == 1
                    and tok.kind == "ident"
                    and j + 1 < len(tokens)
                    and tokens[j + 1].value == "="
                    and (j == 0 or tokens[j - 1].value not in (".", "="))
                ):
                    if tok.value == "alias" and j + 2 < len(tokens):
                        alias = tokens[j + 2].value if tokens[j + 2].kind == "string" else None
                    elif tok.value == "region":
                        has_region = True
                j += 1
            blocks.append(AwsProviderBlock(alias, has_region, file))
            i = j
        i += 1
    return blocks


def _json_aws_providers(data: Any, file: str) -> list[AwsProviderBlock]:
    if not isinstance(data, dict):
        return []
    providers = data.get("provider")
    configs: Iterable[Any]
    if isinstance(providers, list):  # [{"aws": {...}}, ...]
        configs = [p["aws"] for p in providers if isinstance(p, dict) and "aws" in p]
    elif isinstance(providers, dict) and "aws" in providers:
        aws = providers["aws"]
        configs = aws if isinstance(aws, list) else [aws]
    else:
        return []
    return [
        AwsProviderBlock(
            config.get("alias") if isinstance(config.get("alias"), str) else None,
            "region" in config,
            file,
        )
        for config in configs
        if isinstance(config, dict)
    ]


def find_aws_providers(root: Path) -> list[AwsProviderBlock]:
    """The `provider "aws"` blocks in a root module's own files (override files excluded)."""
    blocks: list[AwsProviderBlock] = []
    for path in sorted(root.iterdir()):
        name = path.name
        if not path.is_file() or name.endswith(("_override.tf", "_override.tf.json")):
            continue
        if name in ("override.tf", "override.tf.json"):
            continue
        if name.endswith(".tf"):
            blocks.extend(_hcl_aws_providers(path.read_text(), name))
        elif name.endswith(".tf.json"):
            try:
                blocks.extend(_json_aws_providers(json.loads(path.read_text()), name))
            except ValueError:
                continue
    return blocks


def _hcl_string(value: str) -> str:
    return json.dumps(value).replace("${", "$${").replace("%{", "%%{")


def render_override(
    blocks: Sequence[AwsProviderBlock],
    *,
    endpoint: str = DEFAULT_ENDPOINT,
    region: str = DEFAULT_REGION,
    services: Sequence[str] = DEFAULT_SERVICES,
) -> str:
    """The override file's text: one block per configuration (the default one always).

    `region` is set only on blocks that don't choose their own, so aliases for other regions
    keep them.
    """
    by_alias: dict[str | None, bool] = {None: False}
    for block in blocks:
        by_alias[block.alias] = by_alias.get(block.alias, False) or block.has_region
    width = max(len(s) for s in services) if services else 0
    endpoint_lines = "\n".join(
        f"    {service.ljust(width)} = {_hcl_string(endpoint)}" for service in services
    )
    parts = [
        "# Written by two_way_sms_tools.terraform.localstack_override: the AWS provider talks to\n"
        f"# LocalStack at {endpoint}. Do not commit (*_override.tf is git-ignored)."
    ]
    for alias, has_region in sorted(by_alias.items(), key=lambda item: item[0] or ""):
        lines = ['provider "aws" {']
        if alias is not None:
            lines.append(f"  alias                       = {_hcl_string(alias)}")
        if not has_region:
            lines.append(f"  region                      = {_hcl_string(region)}")
        lines += [
            '  access_key                  = "test"',
            '  secret_key                  = "test"',
            "  skip_credentials_validation = true",
            "  skip_metadata_api_check     = true",
            "  skip_requesting_account_id  = true",
            "  s3_use_path_style           = true",
            "",
            "  endpoints {",
            endpoint_lines,
            "  }",
            "}",
        ]
        parts.append("\n".join(lines))
    return "\n\n".join(parts) + "\n"


def write_override(
    root: Path,
    *,
    endpoint: str = DEFAULT_ENDPOINT,
    region: str = DEFAULT_REGION,
    services: Sequence[str] = DEFAULT_SERVICES,
    filename: str = OVERRIDE_FILE,
) -> Path:
    """Write the override file into root (a Terraform root module folder); returns its path."""
    target = root / filename
    text = render_override(
        find_aws_providers(root), endpoint=endpoint, region=region, services=services
    )
    target.write_text(text)
    return target


def copy_with_override(
    source: Path,
    destination: Path,
    *,
    endpoint: str = DEFAULT_ENDPOINT,
    region: str = DEFAULT_REGION,
    services: Sequence[str] = DEFAULT_SERVICES,
) -> Path:
    """Copy a root module folder (without .terraform, state or an old override) to destination
    and write the override there; returns destination. Relative module sources pointing
    outside `source` need their targets copied alongside by the caller."""
    shutil.copytree(source, destination, ignore=_COPY_IGNORED, dirs_exist_ok=True)
    write_override(destination, endpoint=endpoint, region=region, services=services)
    return destination
