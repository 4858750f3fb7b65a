"""`two-way-sms workspace {init,plan,apply,destroy,output}`: thin commands over
two_way_sms.cli.workspace.Workspace (python-terraform)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from two_way_sms.cli import arguments
from two_way_sms.cli.errors import EXIT_FAILED, EXIT_OK, CliError

# `terraform plan -detailed-exitcode`: 0 no changes, 2 changes present.
EXIT_PLAN_CHANGES = 2

DESCRIPTION = """\
Run Terraform in a root module directory through python-terraform: init (terraform init
-reconfigure with --backend-config, then select or create the workspace), plan (exit 0 no
changes, 2 changes, 1 error), apply and destroy (auto-approved), output (JSON). Every command
but init selects the workspace first, creating it if needed."""


def add_parser(commands: Any) -> None:
    parser: argparse.ArgumentParser = commands.add_parser(
        "workspace",
        help="init/plan/apply/destroy/output a Terraform root",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    helps = {
        "init": "terraform init -reconfigure, then select (or create) the workspace",
        "plan": "terraform plan: exit 0 without changes, 2 with changes",
        "apply": "terraform apply -auto-approve",
        "destroy": "terraform destroy -auto-approve",
        "output": "print the outputs as JSON",
    }
    for action, help_text in helps.items():
        sub = actions.add_parser(action, help=help_text, description=help_text)
        sub.add_argument(
            "--dir", required=True, type=Path, metavar="DIR", help="the Terraform root"
        )
        sub.add_argument("--workspace", default="default", metavar="NAME", help="default: default")
        sub.add_argument(
            "--backend-config", type=Path, metavar="FILE", help="a .tfbackend file for init"
        )
        sub.add_argument(
            "--var-file",
            action="append",
            default=[],
            type=Path,
            metavar="F",
            help="a .tfvars file (repeatable)",
        )
        sub.add_argument(
            "--var",
            action="append",
            default=[],
            type=arguments.key_value,
            metavar="k=v",
            help="a variable (repeatable)",
        )
        sub.set_defaults(run=run)


def _terraform() -> tuple[Any, type[Exception]]:
    """Workspace and WorkspaceError, imported only here: python-terraform is a dev dependency."""
    try:
        from two_way_sms.cli.workspace import Workspace, WorkspaceError
    except ImportError as error:
        raise CliError(
            f"the workspace commands need python-terraform ({error}): pip install python-terraform"
        ) from error
    return Workspace, WorkspaceError


def _workspace(args: argparse.Namespace, workspace_class: Any) -> Any:
    if not args.dir.is_dir():
        raise CliError(f"--dir {args.dir}: no such directory")
    for path in [*args.var_file, *([args.backend_config] if args.backend_config else [])]:
        if not path.is_file():
            raise CliError(f"{path}: no such file")
    return workspace_class(
        working_dir=args.dir,
        name=args.workspace,
        backend_config=args.backend_config,
        var_files=list(args.var_file),
        variables=dict(args.var),
    )


def run(args: argparse.Namespace) -> int:
    workspace_class, workspace_error = _terraform()
    workspace = _workspace(args, workspace_class)
    try:
        return _act(args, workspace)
    except workspace_error as error:
        print(str(error), file=sys.stderr)
        return EXIT_FAILED


def _act(args: argparse.Namespace, workspace: Any) -> int:
    if args.action == "init":
        workspace.init()
        workspace.select()
        print(f"initialized {args.dir} (workspace {args.workspace})")
        return EXIT_OK
    workspace.select()
    if args.action == "plan":
        changes = workspace.plan()
        print(workspace.last_output.rstrip())
        print(f"plan of {args.dir} ({args.workspace}): {'changes' if changes else 'no changes'}")
        return EXIT_PLAN_CHANGES if changes else EXIT_OK
    if args.action == "output":
        print(json.dumps(workspace.outputs(), indent=2, sort_keys=True))
        return EXIT_OK
    if args.action == "apply":
        workspace.apply()
    else:
        workspace.destroy()
    print(workspace.last_output.rstrip())
    print(f"{args.action} of {args.dir} ({args.workspace}): done")
    return EXIT_OK
