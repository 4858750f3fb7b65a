"""Inputs and outputs tables of a Terraform module's README, generated from its sources.

`python -m two_way_sms_tools.terraform.readme_tables [--check] DIR...` rewrites the part of each
DIR/README.md between the BEGIN_TF_DOCS and END_TF_DOCS markers (terraform-docs' markers, so
either tool can maintain it); `--check` only reports READMEs that are out of date.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

BEGIN, END = "<!-- BEGIN_TF_DOCS -->", "<!-- END_TF_DOCS -->"
BEGIN_CHECKS, END_CHECKS = "<!-- BEGIN_VALIDATIONS -->", "<!-- END_VALIDATIONS -->"
_BLOCK = re.compile(r'^(variable|output)\s+"([^"]+)"\s*\{', re.MULTILINE)
_DESCRIPTION = re.compile(r'^\s*description\s*=\s*"((?:[^"\\]|\\.)*)"', re.MULTILINE)
_ERROR_MESSAGE = re.compile(r'^\s*error_message\s*=\s*"((?:[^"\\]|\\.)*)"', re.MULTILINE)


@dataclass(frozen=True)
class Item:
    kind: str
    name: str
    description: str
    type: str = ""
    default: str | None = None  # HCL text; None when the input is required
    errors: tuple[str, ...] = ()  # error messages of the validation blocks


def _balanced(text: str, start: int) -> int:
    """Index just past the expression starting at `start` (brackets and strings balanced)."""
    depth, i, quoted = 0, start, False
    while i < len(text):
        char = text[i]
        if quoted:
            if char == "\\":
                i += 1
            elif char == '"':
                quoted = False
        elif char == '"':
            quoted = True
        elif char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
        elif char == "\n" and depth == 0:
            return i
        i += 1
    return i


def _attribute(body: str, name: str) -> str | None:
    match = re.search(rf"^  {name}\s*=\s*", body, re.MULTILINE)
    if match is None:
        return None
    value = body[match.end() : _balanced(body, match.end())].strip()
    return re.sub(r"\s+", " ", value)


def parse(path: Path) -> list[Item]:
    text = path.read_text()
    items = []
    for match in _BLOCK.finditer(text):
        end = _balanced(text, match.end() - 1)
        body = text[match.end() : end]
        description = _DESCRIPTION.search(body)
        items.append(
            Item(
                kind=match[1],
                name=match[2],
                description=description[1].replace('\\"', '"') if description else "",
                type=_attribute(body, "type") or "",
                default=_attribute(body, "default"),
                errors=tuple(m.replace('\\"', '"') for m in _ERROR_MESSAGE.findall(body)),
            )
        )
    return items


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def tables(module_dir: Path) -> str:
    inputs = [i for i in parse(module_dir / "variables.tf") if i.kind == "variable"]
    outputs = [i for i in parse(module_dir / "outputs.tf") if i.kind == "output"]
    lines = ["## Inputs", "", "| Name | Description | Type | Default | Required |"]
    lines.append("|------|-------------|------|---------|:--------:|")
    for i in sorted(inputs, key=lambda item: (item.default is not None, item.name)):
        default = "n/a" if i.default is None else f"`{_cell(i.default)}`"
        required = "yes" if i.default is None else "no"
        row = (
            f"| `{i.name}` | {_cell(i.description)} | `{_cell(i.type)}` | {default} | {required} |"
        )
        lines.append(row)
    lines += ["", "## Outputs", "", "| Name | Description |", "|------|-------------|"]
    lines += [
        f"| `{o.name}` | {_cell(o.description)} |" for o in sorted(outputs, key=lambda o: o.name)
    ]
    return "\n".join(lines)


def validations_table(project_root: Path) -> str:
    """Every validation of the root module and the modules: where, and the error it gives."""
    lines = ["| Module | Input | Error (what is wrong and the fix) |", "|---|---|---|"]
    folders = [project_root, *sorted((project_root / "modules").iterdir())]
    for folder in folders:
        label = "root" if folder == project_root else f"`{folder.relative_to(project_root)}`"
        for item in parse(folder / "variables.tf"):
            lines += [f"| {label} | `{item.name}` | {_cell(e)} |" for e in item.errors]
    return "\n".join(lines)


def _replace_between(text: str, begin: str, end: str, body: str, where: Path) -> str:
    if begin not in text or end not in text:
        raise ValueError(f"{where}: add the markers {begin} and {end} where the table goes")
    head, rest = text.split(begin, 1)
    _, tail = rest.split(end, 1)
    return f"{head}{begin}\n{body}\n{end}{tail}"


def updated_readme(module_dir: Path) -> tuple[str, str]:
    readme = module_dir / "README.md"
    current = readme.read_text()
    wanted = _replace_between(current, BEGIN, END, tables(module_dir), readme)
    if BEGIN_CHECKS in current:  # the project README also lists every validation
        wanted = _replace_between(
            wanted, BEGIN_CHECKS, END_CHECKS, validations_table(module_dir), readme
        )
    return current, wanted


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    check = "--check" in args
    stale = []
    for directory in (Path(a) for a in args if a != "--check"):
        current, wanted = updated_readme(directory)
        if current != wanted:
            stale.append(str(directory / "README.md"))
            if not check:
                (directory / "README.md").write_text(wanted)
    if check and stale:
        print("out of date (run `make docs`): " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
