"""Terraform's aws provider (5.100.0) against the emulator: apply, update, re-plan, destroy.

Covers every call `aws_pinpointsmsvoicev2_phone_number`, `aws_pinpointsmsvoicev2_opt_out_list`
and `aws_pinpointsmsvoicev2_configuration_set` make, through a root that has an aliased
provider too, reached via `two_way_sms_tools.terraform.localstack_override`.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from two_way_sms_tools.terraform.localstack_override import write_override
from two_way_sms_tools.terraform.toolchain import process_env, terraform_env

pytestmark = pytest.mark.e2e

ROOT_TF = """
terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "5.100.0" }
  }
}

provider "aws" {
  region = "us-east-1"
}

provider "aws" {
  alias  = "west"
  region = "us-west-2"
}

variable "name" { type = string }
variable "env" { type = string }
variable "message_type" {
  type    = string
  default = null
}
variable "protect" { type = bool }

resource "aws_sns_topic" "inbound" {
  name = "${var.name}-inbound"
}

resource "aws_iam_role" "two_way" {
  name = "${var.name}-two-way"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "sms-voice.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_pinpointsmsvoicev2_opt_out_list" "list" {
  name = var.name
  tags = { env = var.env }
}

resource "aws_pinpointsmsvoicev2_configuration_set" "set" {
  name                 = var.name
  default_message_type = var.message_type
  tags                 = { env = var.env }
}

resource "aws_pinpointsmsvoicev2_phone_number" "main" {
  iso_country_code            = "US"
  message_type                = "TRANSACTIONAL"
  number_type                 = "TOLL_FREE"
  number_capabilities         = ["SMS"]
  opt_out_list_name           = aws_pinpointsmsvoicev2_opt_out_list.list.name
  two_way_channel_enabled     = true
  two_way_channel_arn         = aws_sns_topic.inbound.arn
  two_way_channel_role        = aws_iam_role.two_way.arn
  deletion_protection_enabled = var.protect
  tags                        = { env = var.env }
}

resource "aws_pinpointsmsvoicev2_phone_number" "west" {
  provider            = aws.west
  iso_country_code    = "GB"
  message_type        = "PROMOTIONAL"
  number_type         = "LONG_CODE"
  number_capabilities = ["SMS", "VOICE"]
}

output "main" { value = aws_pinpointsmsvoicev2_phone_number.main }
output "west" { value = aws_pinpointsmsvoicev2_phone_number.west }
output "topic" { value = aws_sns_topic.inbound.arn }
output "role" { value = aws_iam_role.two_way.arn }
"""


def _terraform(root: Path, env: dict[str, str], *args: str, check: bool = True) -> str:
    done = subprocess.run(
        ["terraform", *args, "-no-color"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    if check and done.returncode != 0:
        raise AssertionError(f"terraform {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout


def _vars(**values: Any) -> list[str]:
    flags = []
    for key, value in values.items():
        rendered = json.dumps(value) if isinstance(value, bool) else str(value)
        flags += ["-var", f"{key}={rendered}"]
    return flags


def test_terraform_applies_updates_and_destroys(
    tmp_path: Path,
    project_root: Path,
    localstack_endpoint: str,
    client_factory: Callable[..., Any],
) -> None:
    assert shutil.which("terraform"), "terraform is needed on PATH for this test"
    root = tmp_path / "root"
    root.mkdir()
    (root / "main.tf").write_text(ROOT_TF)
    override = write_override(root, endpoint=localstack_endpoint)
    assert 'alias                       = "west"' in override.read_text()
    env = process_env(terraform_env(project_root), {"AWS_EC2_METADATA_DISABLED": "true"})
    name = f"tf-{uuid.uuid4().hex[:8]}"
    sms = client_factory("pinpoint-sms-voice-v2")
    sms_west = client_factory("pinpoint-sms-voice-v2", region="us-west-2")

    _terraform(root, env, "init", "-input=false")
    apply = ["apply", "-auto-approve", "-input=false"]
    _terraform(root, env, *apply, *_vars(name=name, env="test", protect=True))
    main: dict[str, Any] = {}
    try:
        outputs = json.loads(_terraform(root, env, "output", "-json"))
        main, west = outputs["main"]["value"], outputs["west"]["value"]
        described = sms.describe_phone_numbers(PhoneNumberIds=[main["id"]])["PhoneNumbers"][0]
        assert described["PhoneNumber"] == main["phone_number"]
        assert described["TwoWayEnabled"] is True
        assert described["TwoWayChannelArn"] == outputs["topic"]["value"]
        assert described["TwoWayChannelRole"] == outputs["role"]["value"]
        assert described["OptOutListName"] == name
        assert described["DeletionProtectionEnabled"] is True
        assert main["monthly_leasing_price"] == "2.00"
        assert sms.list_tags_for_resource(ResourceArn=main["arn"])["Tags"] == [
            {"Key": "env", "Value": "test"}
        ]
        assert west["arn"].startswith("arn:aws:sms-voice:us-west-2:")
        assert sms_west.describe_phone_numbers(PhoneNumberIds=[west["id"]])["PhoneNumbers"]

        plan = ["plan", "-detailed-exitcode", "-input=false"]
        settings = {"name": name, "env": "test", "protect": True}
        assert "No changes" in _terraform(root, env, *plan, *_vars(**settings))

        # Update in place: tags, a configuration-set default, deletion protection off.
        changed = {"name": name, "env": "prod", "message_type": "PROMOTIONAL", "protect": False}
        _terraform(root, env, *apply, *_vars(**changed))
        assert "No changes" in _terraform(root, env, *plan, *_vars(**changed))
        config_set = sms.describe_configuration_sets(ConfigurationSetNames=[name])
        assert config_set["ConfigurationSets"][0]["DefaultMessageType"] == "PROMOTIONAL"
        assert sms.list_tags_for_resource(ResourceArn=main["arn"])["Tags"] == [
            {"Key": "env", "Value": "prod"}
        ]
    finally:
        if main:  # a failed update may have left deletion protection on
            sms.update_phone_number(PhoneNumberId=main["id"], DeletionProtectionEnabled=False)
        destroy = ["destroy", "-auto-approve", "-input=false"]
        _terraform(root, env, *destroy, *_vars(name=name, env="x", protect=False))

    with pytest.raises(sms.exceptions.ResourceNotFoundException):
        sms.describe_phone_numbers(PhoneNumberIds=[main["id"]])
    with pytest.raises(sms_west.exceptions.ResourceNotFoundException):
        sms_west.describe_phone_numbers(PhoneNumberIds=[west["id"]])
    with pytest.raises(sms.exceptions.ResourceNotFoundException):
        sms.describe_opt_out_lists(OptOutListNames=[name])
    with pytest.raises(sms.exceptions.ResourceNotFoundException):
        sms.describe_configuration_sets(ConfigurationSetNames=[name])
