"""The command line's boundary with the user: printing (escaped), turning library errors into one line and an
exit code, and the error boundary around every command. Shared by :mod:`cse_migrate.cli` and
:mod:`cse_migrate.cli_rules`.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from cse_migrate.crash import record_crash
from cse_migrate.errors import CseMigrateError, ExitCode
from cse_migrate.safe_text import terminal_safe

T = TypeVar("T")


def echo(message: str, err: bool = False) -> None:
    """Print one message. File names, organisation names and error texts come from the user's files, so a
    terminal escape sequence in them is shown escaped (``\\x1b[2J``), never acted on."""
    click.echo(terminal_safe(str(message), keep="\n\t"), err=err)


def run(action: Callable[[], T]) -> T:
    """Run library code; turn its errors into one clear message and the documented exit code."""
    try:
        return action()
    except CseMigrateError as exc:
        echo(f"cse-migrate: error: {exc}", err=True)
        sys.exit(int(exc.exit_code))
    except KeyboardInterrupt:
        echo("cse-migrate: interrupted", err=True)
        sys.exit(130)


# Parameters that name what a command works on, in the order the error boundary looks for one to cite.
_TARGET_PARAMS = ("inputs", "input_dir", "labels", "elements", "path", "framework_id")


def guard(ctx: click.Context, invoke: Callable[[click.Context], Any]) -> Any:
    """The one error boundary around every command: a library error is one line and its exit code (as in
    :func:`run`); any other exception is one line naming the command and its input, with the traceback in a log
    file in the output folder (and on screen with -v), and exit code 10."""
    try:
        return invoke(ctx)
    except CseMigrateError as exc:
        click.echo(f"cse-migrate: error: {exc}", err=True)
        sys.exit(int(exc.exit_code))
    except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
        raise
    except Exception as exc:
        target = next((ctx.params[p] for p in _TARGET_PARAMS if ctx.params.get(p)), "")
        if isinstance(target, tuple):
            target = ", ".join(map(str, target))
        outdir = ctx.params.get("outdir")
        names: list[str] = []
        node: click.Context | None = ctx
        while node is not None and node.parent is not None:  # the root's own name depends on how it was started
            names.insert(0, node.info_name or "")
            node = node.parent
        folder = outdir if isinstance(outdir, Path) else None
        line, text = record_crash(" ".join(["cse-migrate", *names]), str(target), folder, exc)
        if (ctx.find_root().obj or {}).get("verbosity", 0) >= 1:
            click.echo(text, err=True)
        click.echo(f"cse-migrate: {line}", err=True)
        sys.exit(int(ExitCode.INTERNAL))


class Guarded(click.Command):
    """A command inside the error boundary."""

    def invoke(self, ctx: click.Context) -> Any:
        return guard(ctx, super().invoke)


class GuardedGroup(click.Group):
    """A group whose own callback, commands and sub-groups are all inside the error boundary."""

    command_class = Guarded
    group_class = type  # sub-groups are of this class too

    def invoke(self, ctx: click.Context) -> Any:
        return guard(ctx, super().invoke)


def say(ctx: click.Context, message: str, level: int = 0) -> None:
    """Print unless -q; level 1 messages need -v."""
    if ctx.obj["verbosity"] >= level:
        echo(message)
