"""The README keeps up with the code: every command, option, exit code and setting is documented."""

from __future__ import annotations

from pathlib import Path

import click
import pytest

from cse_migrate.cli import cli
from cse_migrate.errors import ExitCode
from cse_migrate.rules import SETTING_SPECS

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def _commands(group: click.Group, prefix: str = "") -> list[tuple[str, click.Command]]:
    out = []
    for name, command in sorted(group.commands.items()):
        out.append((f"{prefix}{name}", command))
        if isinstance(command, click.Group):
            out += _commands(command, f"{prefix}{name} ")
    return out


@pytest.mark.parametrize(("name", "command"), _commands(cli))
def test_every_command_and_option_is_in_the_readme(name: str, command: click.Command) -> None:
    assert f"cse-migrate {name}" in README, f"command '{name}' is not documented"
    for param in command.params:
        if isinstance(param, click.Option):
            if set(param.opts) & {"--help", "--verbose", "--quiet"}:
                continue
            assert any(opt in README for opt in param.opts), f"option {param.opts} of '{name}' is not documented"


def test_every_exit_code_is_in_the_table() -> None:
    for code in ExitCode:
        assert f"| {int(code)} |" in README, f"exit code {int(code)} ({code.name}) is not in the README table"


def test_the_quick_start_is_two_commands() -> None:
    section = README.split("## Quick start", 1)[1].split("##", 1)[0]
    block = section.split("```sh", 1)[1].split("```", 1)[0]
    assert len([line for line in block.strip().splitlines() if line.strip()]) == 2


@pytest.mark.parametrize("setting", sorted(SETTING_SPECS))
def test_every_framework_setting_is_documented(setting: str) -> None:
    assert setting in README, f"framework setting '{setting}' is not documented"
