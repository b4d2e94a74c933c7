"""The commands for rules authors: ``rules validate``, ``rules test``, ``rules export``, ``rules import-crosswalk``,
``rules diff`` and ``explain``. Registered on the command line by :func:`add_rules_commands`.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import click

from cse_migrate.cli_io import Guarded, echo, run, say
from cse_migrate.cli_options import (
    as_of_option,
    framework_option,
    legacy_option,
    limits,
    parse_date,
    reading_options,
    rules_option,
    verbosity,
)
from cse_migrate.errors import ExitCode, UsageError
from cse_migrate.options import RunOptions
from cse_migrate.rules import RuleSet, load_rules


def _load(packs: tuple[Path, ...]) -> RuleSet:
    return run(lambda: load_rules(packs or None))


def _options(ctx: click.Context, framework_id: str, legacy_id: str, as_of: date | None,
             packs: tuple[Path, ...]) -> RunOptions:
    return run(lambda: RunOptions(framework=framework_id, legacy_framework=legacy_id, as_of=as_of,
                                  limits=limits(ctx), password=ctx.obj.get("password"), rules_packs=packs))


@click.command(cls=Guarded, name="validate")
@click.argument("packs", nargs=-1, type=click.Path(path_type=Path, file_okay=False))
@rules_option
@click.option("--samples", "samples", type=click.Path(path_type=Path, exists=True), multiple=True,
              help="Evidence files or folders whose lines the noise patterns are tried on (besides every test "
                   "case's text): a pattern matching most of them is reported.")
@verbosity
@click.pass_context
def rules_validate(ctx: click.Context, packs: tuple[Path, ...], rules_paths: tuple[Path, ...],
                   samples: tuple[Path, ...]) -> None:
    """Check the bundled rules, or the PACKs laid over them in order, and report every problem with its file and
    key. Warnings (exit code 0) cover what loads but is probably not meant: a pack written for bundled rules that
    have changed since, a noise pattern that matches most lines, a phrase stop words reduce to one word."""
    from cse_migrate.tools.rule_tests import noise_share_warnings, sample_lines

    chosen = (*packs, *rules_paths)
    ruleset = _load(chosen)
    lines = run(lambda: sample_lines(ruleset, chosen, samples))
    warnings = [*ruleset.warnings, *noise_share_warnings(ruleset, lines)]
    for warning in warnings:
        if ctx.obj["verbosity"] >= 0:
            echo(f"cse-migrate: warning: {warning}", err=True)
    packs_used = ", ".join(f"{p.id} {p.version}" for p in ruleset.packs[1:])
    say(ctx, f"OK: {len(ruleset.files)} rule file(s), {len(ruleset.frameworks)} framework(s), "
              f"{len(ruleset.crosswalks)} crosswalk rule(s), {len(ruleset.lexicons)} lexicon(s), "
              f"{len(ruleset.noise)} noise pattern(s); rules version {ruleset.version} (bundled rules "
              f"{ruleset.bundled_version}{'; packs: ' + packs_used if packs_used else ''})")


@click.command(cls=Guarded, name="test")
@click.argument("case_files", nargs=-1, type=click.Path(path_type=Path, dir_okay=False, exists=True))
@rules_option
@click.option("--all", "run_all", is_flag=True,
              help="Also run the bundled rules' own cases when packs or case files are given.")
@verbosity
@click.pass_context
def rules_test(ctx: click.Context, case_files: tuple[Path, ...], rules_paths: tuple[Path, ...],
               run_all: bool) -> None:
    """Run test cases (kind: rule-tests) against the bundled rules plus the packs given.

    Runs each pack's tests/ cases and any CASE_FILES; the bundled mappings/tests/ cases when neither is given, or
    with --all. Prints each failure with its explanation and a line "N passed, M failed"; exit code 6 when any
    case fails."""
    from cse_migrate.rules.loader import BUNDLED_RULES
    from cse_migrate.rules.loader import case_files as pack_cases
    from cse_migrate.tools.rule_tests import format_failure, load_all_cases, run_cases, summary_line

    ruleset = _load(rules_paths)
    files: list[tuple[Path, str]] = []
    if run_all or not (rules_paths or case_files):
        files += [(p, f"bundled:{p.relative_to(BUNDLED_RULES).as_posix()}") for p in pack_cases(BUNDLED_RULES)]
    for root, info in zip(rules_paths, ruleset.packs[1:], strict=True):
        files += [(p, f"{info.id}:{p.relative_to(root).as_posix()}") for p in pack_cases(root)]
    files += [(p, str(p)) for p in case_files]
    if not files:
        run(lambda: _no_cases(rules_paths))
    cases = run(lambda: load_all_cases(files, ruleset))
    outcomes = run_cases(cases, ruleset)
    for outcome in outcomes:
        if not outcome.passed:
            echo(format_failure(outcome))
        else:
            say(ctx, f"ok   {outcome.case.where}: {outcome.case.expect}", 1)
    echo(summary_line(outcomes))
    sys.exit(int(ExitCode.OK if all(o.passed for o in outcomes) else ExitCode.RULE_TESTS_FAILED))


def _no_cases(packs: tuple[Path, ...]) -> None:
    where = ", ".join(str(p / "tests") for p in packs) or "mappings/tests"
    raise UsageError(f"no test cases found in {where}; put rule-tests files there or name case files")


@click.command(cls=Guarded, name="export")
@click.option("--format", "fmt", type=click.Choice(["oscal", "olir-csv"]), required=True,
              help="oscal: an OSCAL 1.2.3 mapping-collection (JSON); olir-csv: an OLIR-style CSV.")
@click.option("-o", "--output", "output", required=True, type=click.Path(path_type=Path, dir_okay=False),
              help="The file to write.")
@rules_option
@verbosity
@click.pass_context
def rules_export(ctx: click.Context, fmt: str, output: Path, rules_paths: tuple[Path, ...]) -> None:
    """Write the crosswalks (bundled, plus any packs) in an exchange format."""
    import json

    from cse_migrate.output import atomic_write_text
    from cse_migrate.tools.exchange import olir_csv, oscal_mapping_collection

    ruleset = _load(rules_paths)
    text = (json.dumps(oscal_mapping_collection(ruleset), indent=2, ensure_ascii=False) + "\n" if fmt == "oscal"
            else olir_csv(ruleset))
    run(lambda: atomic_write_text(output, text))
    say(ctx, f"Wrote {len(ruleset.crosswalks)} crosswalk rule(s) to {output} ({fmt})")


@click.command(cls=Guarded, name="import-crosswalk")
@click.argument("csv_file", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.option("-o", "--output", "pack", required=True, type=click.Path(path_type=Path, file_okay=False),
              help="The pack folder to write crosswalks/SOURCE--TARGET.yaml into.")
@click.option("--replace", is_flag=True,
              help="Replace each crosswalk whole (replace: true) instead of changing and adding rules by id.")
@rules_option
@verbosity
@click.pass_context
def rules_import_crosswalk(ctx: click.Context, csv_file: Path, pack: Path, replace: bool,
                           rules_paths: tuple[Path, ...]) -> None:
    """Read an OLIR-style CSV (as 'rules export --format olir-csv' writes) into a pack; every bad row is named
    (exit code 4). The pack is then loaded over the rules to check it."""
    from cse_migrate.tools.exchange import import_crosswalk_csv

    done = run(lambda: import_crosswalk_csv(csv_file, pack, replace))
    _load((*rules_paths, pack))
    say(ctx, f"Imported {done.rules} rule(s) into {len(done.files)} crosswalk file(s) in {pack}:")
    for path in done.files:
        say(ctx, f"  {path}")


@click.command(cls=Guarded, name="diff")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@rules_option
@click.option("--base-rules", "base_paths", type=click.Path(path_type=Path, file_okay=False), multiple=True,
              metavar="PACK", help="Packs the comparison starts from (default: the bundled rules alone).")
@click.option("-o", "--output", "output", type=click.Path(path_type=Path, dir_okay=False),
              help="Also write the changes to this .xlsx file.")
@framework_option
@as_of_option
@legacy_option
@reading_options
@verbosity
@click.pass_context
def rules_diff(ctx: click.Context, inputs: tuple[Path, ...], rules_paths: tuple[Path, ...],
               base_paths: tuple[Path, ...], output: Path | None, framework_id: str, as_of: date | None,
               legacy_id: str) -> None:
    """Show how packs change a portfolio's result: the items whose status, criterion or review flag changes
    (quoted), and the criteria whose status or rating changes, between the base rules and the base plus --rules."""
    from cse_migrate.tools.rules_diff import diff_rules, format_diff, write_diff_workbook

    if not rules_paths:
        raise click.UsageError("give the pack(s) to compare with --rules PACK")
    options = _options(ctx, framework_id, legacy_id, as_of, base_paths)
    base = _load(base_paths)
    new = _load((*base_paths, *rules_paths))
    diff = run(lambda: diff_rules(list(inputs), base, new, options))
    echo(format_diff(diff))
    if output is not None:
        run(lambda: write_diff_workbook(diff, output))
        say(ctx, f"Changes written to {output}")


@click.command(cls=Guarded, name="explain")
@click.argument("text")
@click.option("--cm-ref", "cm_ref", metavar="REF", help="The legacy reference that came with the line (2.1, CM3).")
@click.option("--date", "item_date", callback=parse_date, metavar="YYYY-MM-DD", help="The line's date.")
@framework_option
@legacy_option
@as_of_option
@rules_option
@click.option("--json", "as_json", is_flag=True, help="Print the explanation as JSON.")
def explain_command(text: str, cm_ref: str | None, item_date: date | None, framework_id: str, legacy_id: str,
                    as_of: date | None, rules_paths: tuple[Path, ...], as_json: bool) -> None:
    """Explain how TEXT is judged: every criterion's score and why (phrases matched and the words they met,
    against phrases, the crosswalk rule a reference brings in), noise rules and what the line says (support,
    absence or plan), exactly as a run would judge it."""
    import json

    from cse_migrate.tools.explain import explain_text, format_explanation

    ruleset = _load(rules_paths)
    explanation = run(lambda: explain_text(text, ruleset, framework_id, legacy_id, cm_ref, item_date, as_of))
    echo(json.dumps(explanation.as_dict(), indent=2, ensure_ascii=False) if as_json
               else format_explanation(explanation))


def add_rules_commands(rules_group: click.Group, top: click.Group) -> None:
    """Put the rules authors' commands on the ``rules`` group, and ``explain`` on the top level."""
    for command in (rules_validate, rules_test, rules_export, rules_import_crosswalk, rules_diff):
        rules_group.add_command(command)
    top.add_command(explain_command)
