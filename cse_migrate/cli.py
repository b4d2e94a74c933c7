"""The command line. The only module that prints for the user and the only one that exits.

Every command funnels library errors through :func:`_run`, which prints one line naming the file and what to
do, and exits with the error's code from :class:`~cse_migrate.errors.ExitCode`.
"""

from __future__ import annotations

import contextlib
import sys
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from cse_migrate.analysis.semantic import Encoder
from cse_migrate.cli_io import GuardedGroup
from cse_migrate.cli_io import echo as _echo
from cse_migrate.cli_io import run as _run
from cse_migrate.cli_io import say as _say
from cse_migrate.cli_options import (
    as_of_option,
    framework_option,
    legacy_option,
    limits,
    pdf_option,
    reading_options,
    rules_option,
    semantic_option,
    stale_option,
    verbosity,
)
from cse_migrate.cli_review import add_review_commands
from cse_migrate.cli_rules import add_rules_commands
from cse_migrate.errors import ExitCode
from cse_migrate.model import RunResult
from cse_migrate.options import DEFAULT_ORG_TIMEOUT, RunOptions
from cse_migrate.rules import RuleSet, load_rules
from cse_migrate.safe_text import terminal_safe
from cse_migrate.version import __version__

if TYPE_CHECKING:
    from cse_migrate.workers import OrgDone

T = TypeVar("T")

@click.group(cls=GuardedGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="cse-migrate")
@click.option("-v", "--verbose", count=True, help="Say more (per file accounting, every criterion's evidence).")
@click.option("-q", "--quiet", is_flag=True, help="Print errors only.")
@click.pass_context
def cli(ctx: click.Context, verbose: int, quiet: bool) -> None:
    """Carry Charter Mark evidence to the Customer Service Excellence standard.

    Reads legacy evidence (Excel, Word, PDF, OpenDocument, RTF, CSV and text files, judged by their content),
    maps it onto the target criteria with data-driven rules and writes a Word gap-analysis report, results.json
    and an evidence workbook.
    """
    ctx.ensure_object(dict)
    ctx.obj["verbosity"] = -1 if quiet else verbose


def _options(ctx: click.Context, framework_id: str, legacy_id: str, as_of: date | None, organisation: str,
             stale_months: int | None, semantic: bool, rules_paths: tuple[Path, ...]) -> RunOptions:
    """The run's options from the command line, validated once (a bad value is a usage error, exit 2)."""
    return _run(lambda: RunOptions(framework=framework_id, legacy_framework=legacy_id, as_of=as_of,
                                   organisation=organisation, stale_months=stale_months, limits=limits(ctx),
                                   password=ctx.obj.get("password"), semantic=semantic,
                                   rules_packs=rules_paths))


def _encoder(semantic: bool) -> Encoder | None:
    """The sentence encoder for --semantic, loaded once per command."""
    if not semantic:
        return None
    from cse_migrate.analysis.semantic import load_encoder

    return _run(load_encoder)


def _load(packs: Path | tuple[Path, ...] | None) -> RuleSet:
    return _run(lambda: load_rules(packs or None))


def _load_compiled(options: RunOptions) -> RuleSet:
    """The rules with the run's matcher compiled, kept between runs (see cse_migrate.rules_cache)."""
    from cse_migrate.rules_cache import load_compiled_rules

    return _run(lambda: load_compiled_rules(options))


def _describe_run(ctx: click.Context, result: RunResult, outdir: Path) -> None:
    counts = result.counts()
    _say(ctx, f"{result.settings.organisation}: {counts['read']} items from {counts['files_read']} file(s): "
              f"{counts['mapped']} mapped, {counts['unmapped']} unmapped, {counts['noise']} noise, "
              f"{counts['duplicate']} duplicates")
    for c in result.criteria:
        # hierarchical frameworks are judged on the CSE rating scale; flat ones on Met / Partially met / Gap
        verdict = c.rating or c.status
        _say(ctx, f"  {c.id:>6} {c.title[:44]:<44} {verdict:<18} {c.evidence_count:>3} item(s), "
                  f"{c.stale_count} stale")
    if result.readiness is not None:
        _say(ctx, f"Readiness: {result.readiness.summary}")
    if ctx.obj["verbosity"] >= 1:
        for f in result.files:
            _say(ctx, f"  read {f.file}: {f.units_read} rows/paragraphs, {f.skipped_blank} blank, "
                      f"{f.skipped_other} headers/structure, {len(f.items)} items", 1)
            for note in f.notes:
                _say(ctx, f"    note: {note}", 1)
    for e in result.errors:
        _echo(f"cse-migrate: warning: {e.file}: {e.message}", err=True)
    _describe_review(ctx, result)
    _say(ctx, f"Reports written to {outdir}/ (gap-report.docx, results.json, evidence.xlsx)")


def _describe_review(ctx: click.Context, result: RunResult) -> None:
    """One line on the decisions applied; a warning for each decision whose item is gone (never applied)."""
    from cse_migrate.analysis.review import describe_review

    summary, warnings = describe_review(result)
    if summary:
        _say(ctx, summary)
    for warning in warnings:
        _echo(f"cse-migrate: warning: {warning}", err=True)


@cli.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", "outdir", required=True, type=click.Path(path_type=Path, file_okay=False),
              help="Folder for gap-report.docx, results.json and evidence.xlsx.")
@framework_option
@as_of_option
@click.option("--org", "organisation", default="", help="Organisation name for the report (default: the "
                                                        "input folder's name).")
@rules_option
@stale_option
@legacy_option
@semantic_option
@click.option("--review", "review", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="A reviewed evidence.xlsx (its Review sheet's decisions override the mapping); default: "
                   "review.xlsx in the input folder, if there is one.")
@pdf_option
@reading_options
@verbosity
@click.pass_context
def analyse(ctx: click.Context, inputs: tuple[Path, ...], outdir: Path, framework_id: str, as_of: date | None,
            organisation: str, rules_paths: tuple[Path, ...], stale_months: int | None, legacy_id: str,
            semantic: bool, review: Path | None, pdf: bool) -> None:
    """Analyse evidence files and folders (searched recursively) and write the reports to OUTDIR.

    Exit code 0 when every file was read, 1 when the reports were written but some files could not be read,
    7 when the review file cannot be applied (nothing is written).
    """
    from dataclasses import replace

    from cse_migrate.output import acquire_output_lock
    from cse_migrate.pipeline import analyse as run_analysis
    from cse_migrate.pipeline import write_reports

    options = _options(ctx, framework_id, legacy_id, as_of, organisation or _default_org(inputs), stale_months,
                       semantic, rules_paths)
    options = replace(options, review=review)
    rules = _load_compiled(options)
    encoder = _encoder(semantic)
    # the output folder is locked before the analysis, so a second run into it stops at once, naming this one
    with _run(lambda: acquire_output_lock(outdir)):
        result = _run(lambda: run_analysis(list(inputs), rules, options, encoder, exclude=outdir))
        _run(lambda: write_reports(result, outdir, pdf))
    for note in result.skipped:  # the output folder, or an earlier run's reports, inside the inputs
        _say(ctx, f"cse-migrate: note: {note}")
    _describe_run(ctx, result, outdir)
    sys.exit(int(ExitCode.SOME_FILES_UNREADABLE if result.errors else ExitCode.OK))


def _default_org(inputs: tuple[Path, ...]) -> str:
    first = inputs[0].resolve()
    name = first.name if first.is_dir() else first.parent.name
    return name.replace("-", " ").replace("_", " ").title() if name else "Unnamed organisation"


@cli.command()
@click.argument("input_dir", type=click.Path(path_type=Path, file_okay=False))
@click.option("-o", "--output", "outdir", required=True, type=click.Path(path_type=Path, file_okay=False),
              help="Folder for one report folder per organisation, summary.xlsx and the manifest.")
@framework_option
@as_of_option
@rules_option
@stale_option
@legacy_option
@semantic_option
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Organisations analysed at once, each in a worker process of its own [default: one per CPU].")
@click.option("--force", is_flag=True,
              help="Analyse every organisation again, also those unchanged since the last run into OUTDIR.")
@click.option("--org-timeout", type=click.FloatRange(min=0, min_open=True), default=DEFAULT_ORG_TIMEOUT,
              show_default=True, metavar="SECONDS",
              help="Time one organisation may take: its worker process is then ended, and the organisation is "
                   "recorded as failed while the others go on.")
@click.option("--scheduler", metavar="ADDRESS",
              help="Run the organisations on the Dask cluster at ADDRESS (tcp://HOST:8786; pip install "
                   "'cse-migrate[distributed]'). INPUT_DIR and OUTDIR must be on a path every worker sees.")
@pdf_option
@reading_options
@verbosity
@click.pass_context
def batch(ctx: click.Context, input_dir: Path, outdir: Path, framework_id: str, as_of: date | None,
          rules_paths: tuple[Path, ...], stale_months: int | None, legacy_id: str, semantic: bool, jobs: int | None,
          force: bool, org_timeout: float, scheduler: str | None, pdf: bool) -> None:
    """Analyse every sub-folder of INPUT_DIR as one organisation.

    Writes OUTDIR/<organisation>/ (the three reports, each set moved into place whole), OUTDIR/summary.xlsx (a row
    for every organisation) and a manifest: a re-run analyses only organisations whose files, rules or settings
    changed (and those that failed), and rewrites nothing else. One failing organisation does not stop the
    others. Exit code 0 when everything was read, 1 when some files or organisations failed.
    """
    from cse_migrate.batch import find_organisations, run_batch
    from cse_migrate.distributed import dask_executor
    from cse_migrate.workers import worker_encoder

    options = _options(ctx, framework_id, legacy_id, as_of, "", stale_months, semantic, rules_paths)
    rules = _load_compiled(options)
    orgs, notes = _run(lambda: find_organisations(input_dir, outdir))
    for note in notes:
        _say(ctx, f"cse-migrate: note: {note}")
    # fail now, not once per organisation, when the semantic extra is missing; worker processes forked from this
    # one inherit the loaded encoder
    _run(lambda: worker_encoder(options))
    show = ctx.obj["verbosity"] >= 0
    bar_shown = show and sys.stderr.isatty()
    with contextlib.ExitStack() as stack:
        executor = _run(lambda: stack.enter_context(dask_executor(scheduler))) if scheduler else None
        bar = stack.enter_context(click.progressbar(length=len(orgs), label="Organisations", file=sys.stderr,
                                                    hidden=not bar_shown,
                                                    item_show_func=lambda o: terminal_safe(o) if o else o))

        def progress(done: OrgDone) -> None:
            if bar_shown:
                bar.update(1, done.name)
            else:  # a log, not a terminal: one plain line per organisation
                _say(ctx, f"{done.name}: {_outcome_text(done)}")

        result = _run(lambda: run_batch(orgs, outdir, rules, options, jobs=jobs, executor=executor, force=force,
                                        org_timeout=org_timeout, pdf=pdf, progress=progress))
    for note in result.notes:
        _say(ctx, f"cse-migrate: note: {note}")
    for o in result.failed:
        _echo(f"cse-migrate: error: organisation '{o.name}': {o.error}", err=True)
    for o in result.organisations:
        for note in o.notes:
            _say(ctx, f"{o.name}: {note}")
        for warning in o.warnings:
            _echo(f"cse-migrate: warning: {o.name}: {warning}", err=True)
    total, failed = len(result.organisations), len(result.failed)
    unchanged = sum(1 for o in result.organisations if o.state == "unchanged")
    _say(ctx, f"{total - failed} of {total} organisation(s) done ({unchanged} unchanged since the last run); "
              f"summary written to {outdir / 'summary.xlsx'}")
    sys.exit(int(ExitCode.SOME_FILES_UNREADABLE if result.failed or result.partial else ExitCode.OK))


def _outcome_text(done: OrgDone) -> str:
    """What became of one organisation, in a few words."""
    if done.state == "unchanged":
        return "unchanged, not analysed again"
    if done.state == "failed":
        return f"failed: {done.error}"
    return "analysed" if done.row.status == "ok" else f"analysed; {done.row.status}"


@cli.group()
def rules() -> None:
    """Work with mapping rules (frameworks, crosswalks, lexicons)."""


@cli.group(invoke_without_command=True)
@rules_option
@click.pass_context
def frameworks(ctx: click.Context, rules_paths: tuple[Path, ...]) -> None:
    """List the frameworks available (targets can be given to --framework); 'show' and 'import' below."""
    ctx.ensure_object(dict)["rules_paths"] = rules_paths
    if ctx.invoked_subcommand is not None:
        return
    ruleset = _load(rules_paths)
    for fw in sorted(ruleset.frameworks.values(), key=lambda f: (f.role != "target", f.id)):
        based = f" (extends {fw.extends})" if fw.extends else ""
        _echo(f"{fw.id:<22} {fw.role:<7} {len(fw.criteria):>3} criteria  {fw.title}{based}")


@frameworks.command("show")
@click.argument("framework_id", metavar="ID")
@rules_option
@click.pass_context
def frameworks_show(ctx: click.Context, framework_id: str, rules_paths: tuple[Path, ...]) -> None:
    """Print framework ID as a tree: criteria, sub-criteria and elements, with ids, titles and counts."""
    from cse_migrate.rules.tree import framework_tree

    ruleset = _load(rules_paths or ctx.obj.get("rules_paths"))
    framework = _run(lambda: ruleset.framework(framework_id))
    _echo(framework_tree(framework))


@frameworks.command("import")
@click.argument("elements", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--base", "base_id", default="cse-2008", show_default=True,
              help="The framework the elements extend (their sub-criteria must be its criteria).")
@click.option("-o", "--output", "outdir", required=True, type=click.Path(path_type=Path, file_okay=False),
              help="The pack folder to write (frameworks/ID.yaml and lexicons/ID.yaml).")
@click.option("--id", "framework_id", default="", help="Id of the new framework (default: BASE-elements).")
@click.option("--title", default="", help="Title of the new framework.")
@rules_option
@reading_options
@verbosity
@click.pass_context
def frameworks_import(ctx: click.Context, elements: Path, base_id: str, outdir: Path, framework_id: str, title: str,
                      rules_paths: tuple[Path, ...]) -> None:
    """Turn your own element list (ELEMENTS.xlsx or .csv: id and text columns) into a framework pack.

    Ids are checked against the base structure (1.1.1 belongs under 1.1); every problem names its row (exit
    code 4). Then analyse with: --rules PACK --framework ID.
    """
    from cse_migrate.rules.elements import import_elements

    rules_paths = rules_paths or ctx.obj.get("rules_paths") or ()
    ruleset = _load(rules_paths)
    done = _run(lambda: import_elements(elements, ruleset, base_id, outdir, framework_id, title, limits(ctx),
                                        ctx.obj.get("password")))
    _load((*rules_paths, outdir))  # the pack must load over the rules below it exactly as the user will use it
    per_parent = done.per_parent()
    _say(ctx, f"Imported {len(done.elements)} element(s) under {len(per_parent)} sub-criteria into {outdir} "
              f"as framework '{done.framework_id}' (extends {done.base_id}):")
    for path in done.files:
        _say(ctx, f"  {path}")
    _say(ctx, f"Analyse with: cse-migrate analyse INPUT -o OUTDIR --rules {outdir} --framework {done.framework_id}")


@cli.command("eval")
@click.argument("labels", nargs=-1, required=True, type=click.Path(path_type=Path, dir_okay=False, exists=True))
@framework_option
@click.option("--split", type=click.Choice(["all", "dev", "heldout", "fresh", "fresh2"]), default="all",
              show_default=True,
              help="Which part of a split corpus to measure (rows whose 'split' column matches).")
@click.option("--per-file", is_flag=True, help="With several LABELS files: a full report for each file as well.")
@click.option("--level", type=click.IntRange(1, 3), default=1, show_default=True,
              help="Compare at this level of a hierarchical framework: 1 criteria, 2 sub-criteria.")
@click.option("--ablation", is_flag=True, help="Also measure with each signal switched off, as a Markdown table.")
@rules_option
@semantic_option
def evaluate_command(labels: tuple[Path, ...], framework_id: str, split: str, per_file: bool, level: int,
                     ablation: bool, rules_paths: tuple[Path, ...], semantic: bool) -> None:
    """Measure mapping accuracy on LABELS.csv files (columns: text, cm_ref, split, and per-framework labels).

    Prints top-1 accuracy (a second acceptable label counts), macro-F1, precision and recall per criterion and
    for NONE, a confusion matrix, the needs-review band (share of mappings flagged, accuracy of those not
    flagged) and calibration (accuracy per score band). Several files are measured together (with accuracy per
    file); --per-file adds a full report for each.
    """
    from cse_migrate.tools.ablation import format_ablation, run_ablation
    from cse_migrate.tools.evaluate import evaluate, format_report

    options = _run(lambda: RunOptions(framework=framework_id, semantic=semantic,
                                      rules_packs=rules_paths))
    ruleset = _load(options.rules_packs)
    chosen = "" if split == "all" else split
    encoder = _encoder(semantic)  # loaded once, for the evaluation and every ablation variant
    if per_file and len(labels) > 1:
        for path in labels:
            single = _run(partial(evaluate, path, ruleset, options, chosen, level, encoder))
            click.echo(f"== {path.name}\n{format_report(single)}\n")
        click.echo("== all files together")
    report = _run(lambda: evaluate(labels, ruleset, options, chosen, level, encoder))
    _echo(format_report(report))
    if ablation:
        _echo("\nablation (each signal switched off in the rules)\n")
        _echo(_run(lambda: format_ablation(run_ablation(labels, ruleset, options, chosen, level, encoder))))


add_rules_commands(rules, cli)
add_review_commands(cli)


def main(argv: list[str] | None = None) -> Any:
    """Console entry point (every command's errors are handled by :func:`_guard`)."""
    return cli.main(args=argv, prog_name="cse-migrate", standalone_mode=True)


if __name__ == "__main__":
    main()
