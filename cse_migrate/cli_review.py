"""The reviewer's command: ``review export``, which turns a reviewed workbook's decisions into rules-pack test
cases (``kind: rule-tests``), so that a rules supplier can learn from consultants' corrections."""

from __future__ import annotations

from pathlib import Path

import click

from cse_migrate.cli_io import Guarded, GuardedGroup, echo, run, say
from cse_migrate.cli_options import limits, reading_options, rules_option, verbosity
from cse_migrate.rules import load_rules


@click.group(cls=GuardedGroup, name="review")
def review() -> None:
    """Work with a reviewer's decisions (the Review sheet of evidence.xlsx)."""


@review.command("export", cls=Guarded)
@click.argument("path", type=click.Path(path_type=Path, dir_okay=False, exists=True), metavar="REVIEWED.xlsx")
@click.option("-o", "--output", "output", required=True, type=click.Path(path_type=Path, dir_okay=False),
              help="The rule-tests file to write (YAML).")
@rules_option
@reading_options
@verbosity
@click.pass_context
def review_export(ctx: click.Context, path: Path, output: Path, rules_paths: tuple[Path, ...]) -> None:
    """Turn a reviewed workbook's decisions into rules-pack test cases (kind: rule-tests), so that a rules
    supplier can learn from a reviewer's corrections. Decisions a test case cannot express are listed."""
    from cse_migrate.tools.review_export import export_cases

    ruleset = run(lambda: load_rules(rules_paths))
    done = run(lambda: export_cases(path, ruleset, output, limits(ctx), ctx.obj.get("password")))
    for line in done.skipped:
        echo(f"cse-migrate: warning: {line}", err=True)
    say(ctx, f"{len(done.cases)} test case(s) written to {output} ({len(done.skipped)} decision(s) not "
             f"exportable); run them with: cse-migrate rules test {output}")


def add_review_commands(top: click.Group) -> None:
    """Put the ``review`` group on the top level."""
    top.add_command(review)
