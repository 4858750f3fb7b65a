"""The LocalStack override writer (two_way_sms_tools.terraform.localstack_override)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from two_way_sms_tools.terraform.localstack_override import (
    DEFAULT_SERVICES,
    OVERRIDE_FILE,
    AwsProviderBlock,
    copy_with_override,
    find_aws_providers,
    render_override,
    write_override,
)

MAIN_TF = r"""
# provider "aws" { alias = "commented" }
// provider "aws" { alias = "also-commented" }
/* provider "aws" {
  alias = "block-commented"
} */
terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = ">= 5.100" }
  }
}

provider "aws" {
  region = var.region
  default_tags {
    tags = {
      alias = "not-an-alias"   # nested: not the block's alias
      note  = "braces { in } strings and ${var.region} templates"
    }
  }
}

provider "aws" {
  alias = "replica"
  assume_role {
    role_arn = "arn:aws:iam::123456789012:role/x"
  }
}

provider "aws" {
  alias  = "west"
  region = "us-west-2"
}

provider "google" {
  alias = "gcp"
}

locals {
  doc = <<-EOT
    provider "aws" {
      alias = "in-a-heredoc"
    }
  EOT
}

resource "aws_sns_topic" "t" {
  provider = aws.replica
  name     = "provider \"aws\" { alias = \"in-a-string\" }"
}
"""


def _blocks(text: str, tmp_path: Path, name: str = "main.tf") -> list[AwsProviderBlock]:
    (tmp_path / name).write_text(text)
    return find_aws_providers(tmp_path)


def test_finds_every_aws_provider_block_and_alias(tmp_path: Path) -> None:
    blocks = _blocks(MAIN_TF, tmp_path)
    assert [(b.alias, b.has_region) for b in blocks] == [
        (None, True),
        ("replica", False),
        ("west", True),
    ]
    assert {b.file for b in blocks} == {"main.tf"}


def test_ignores_override_files_and_reads_json(tmp_path: Path) -> None:
    (tmp_path / "a_override.tf").write_text('provider "aws" {\n  alias = "skip"\n}\n')
    (tmp_path / "override.tf").write_text('provider "aws" {\n  alias = "skip2"\n}\n')
    (tmp_path / "providers.tf.json").write_text(
        json.dumps({"provider": {"aws": [{"alias": "json", "region": "eu-west-1"}, {}]}})
    )
    (tmp_path / "list.tf.json").write_text(json.dumps({"provider": [{"aws": {"alias": "listed"}}]}))
    (tmp_path / "broken.tf.json").write_text("{not json")
    found = {(b.alias, b.has_region, b.file) for b in find_aws_providers(tmp_path)}
    assert found == {
        ("listed", False, "list.tf.json"),
        ("json", True, "providers.tf.json"),
        (None, False, "providers.tf.json"),
    }


def test_root_without_provider_blocks_still_gets_a_default_one(tmp_path: Path) -> None:
    assert _blocks('terraform {\n  required_version = ">= 1.9"\n}\n', tmp_path) == []
    text = render_override([])
    assert text.count('provider "aws" {') == 1
    assert 'region                      = "us-east-1"' in text


def _block_of(text: str, alias: str | None) -> str:
    blocks = re.findall(r'provider "aws" \{.*?\n\}', text, flags=re.DOTALL)
    for block in blocks:
        found = re.search(r'alias\s+= "([^"]+)"', block)
        if (found.group(1) if found else None) == alias:
            return block
    raise AssertionError(f"no block for alias {alias!r} in:\n{text}")


def test_render_one_block_per_alias_with_everything_localstack_needs(tmp_path: Path) -> None:
    text = render_override(
        _blocks(MAIN_TF, tmp_path), endpoint="http://127.0.0.1:4599", region="eu-west-1"
    )
    assert text.count('provider "aws" {') == 3
    for alias in (None, "replica", "west"):
        block = _block_of(text, alias)
        for line in (
            'access_key                  = "test"',
            'secret_key                  = "test"',
            "skip_credentials_validation = true",
            "skip_metadata_api_check     = true",
            "skip_requesting_account_id  = true",
            "s3_use_path_style           = true",
        ):
            assert line in block
        endpoints = dict(re.findall(r'^\s+(\w+)\s+= "(http[^"]+)"$', block, flags=re.MULTILINE))
        assert endpoints == dict.fromkeys(DEFAULT_SERVICES, "http://127.0.0.1:4599")
    # region only where the root does not choose one
    assert "region" not in _block_of(text, None)
    assert "region" not in _block_of(text, "west")
    assert 'region                      = "eu-west-1"' in _block_of(text, "replica")
    assert set(DEFAULT_SERVICES) == {
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
    }


def test_duplicate_aliases_make_one_block(tmp_path: Path) -> None:
    (tmp_path / "a.tf").write_text('provider "aws" {\n  alias = "x"\n}\n')
    (tmp_path / "b.tf.json").write_text(json.dumps({"provider": {"aws": {"alias": "x"}}}))
    text = render_override(find_aws_providers(tmp_path))
    assert text.count('alias                       = "x"') == 1
    assert text.count('provider "aws" {') == 2


def test_write_override_and_copy(tmp_path: Path) -> None:
    source = tmp_path / "source"
    (source / ".terraform" / "providers").mkdir(parents=True)
    (source / "modules" / "m").mkdir(parents=True)
    (source / "main.tf").write_text(MAIN_TF)
    (source / "modules" / "m" / "main.tf").write_text("")
    (source / "terraform.tfstate").write_text("{}")
    (source / OVERRIDE_FILE).write_text("stale")

    written = write_override(source, endpoint="http://localhost:4566")
    assert written == source / OVERRIDE_FILE
    assert "http://localhost:4566" in written.read_text()

    copy = copy_with_override(source, tmp_path / "copy", endpoint="http://127.0.0.1:4566")
    assert (copy / "main.tf").read_text() == MAIN_TF
    assert (copy / "modules" / "m" / "main.tf").exists()
    assert not (copy / ".terraform").exists()
    assert not (copy / "terraform.tfstate").exists()
    override = (copy / OVERRIDE_FILE).read_text()
    assert override.count('provider "aws" {') == 3
    assert "http://localhost:4566" not in override


def test_values_are_escaped_for_hcl() -> None:
    text = render_override([AwsProviderBlock('we"ird${x}', False, "main.tf")])
    assert r'alias                       = "we\"ird$${x}"' in text
