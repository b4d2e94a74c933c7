"""The command line. The only module that prints for the user and the only one that exits.

Every command funnels library errors through :func:`_run`, which prints one line naming the file and what to
do, and exits with the error's code from :class:`~cse_migrate.errors.ExitCode`.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

import click

from cse_migrate.analysis.semantic import Encoder
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
from cse_migrate.crash import record_crash
from cse_migrate.errors import CseMigrateError, ExitCode
from cse_migrate.model import RunResult
from cse_migrate.options import RunOptions
from cse_migrate.rules import RuleSet, load_rules
from cse_migrate.safe_text import terminal_safe
from cse_migrate.version import __version__

T = TypeVar("T")


def _echo(message: str, err: bool = False) -> None:
    """Print one message. File names, organisation names and error texts come from the user's files, so a
    terminal escape sequence in them is shown escaped (``\\x1b[2J``), never acted on."""
    click.echo(terminal_safe(str(message), keep="\n\t"), err=err)


def _run(action: Callable[[], T]) -> T:
    """Run library code; turn its errors into one clear message and the documented exit code."""
    try:
        return action()
    except CseMigrateError as exc:
        _echo(f"cse-migrate: error: {exc}", err=True)
        sys.exit(int(exc.exit_code))
    except KeyboardInterrupt:
        _echo("cse-migrate: interrupted", err=True)
        sys.exit(130)


# Parameters that name what a command works on, in the order the error boundary looks for one to cite.
_TARGET_PARAMS = ("inputs", "input_dir", "labels", "elements", "path", "framework_id")


def _guard(ctx: click.Context, invoke: Callable[[click.Context], Any]) -> Any:
    """The one error boundary around every command: a library error is one line and its exit code (as in
    :func:`_run`); any other exception is one line naming the command and its input, with the traceback in a log
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


class _Guarded(click.Command):
    """A command inside the error boundary."""

    def invoke(self, ctx: click.Context) -> Any:
        return _guard(ctx, super().invoke)


class _GuardedGroup(click.Group):
    """A group whose own callback, commands and sub-groups are all inside the error boundary."""

    command_class = _Guarded
    group_class = type  # sub-groups are of this class too

    def invoke(self, ctx: click.Context) -> Any:
        return _guard(ctx, super().invoke)


def _say(ctx: click.Context, message: str, level: int = 0) -> None:
    """Print unless -q; level 1 messages need -v."""
    if ctx.obj["verbosity"] >= level:
        _echo(message)


@click.group(cls=_GuardedGroup, context_settings={"help_option_names": ["-h", "--help"]})
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
             stale_months: int | None, semantic: bool, rules_path: Path | None) -> RunOptions:
    """The run's options from the command line, validated once (a bad value is a usage error, exit 2)."""
    return _run(lambda: RunOptions(framework=framework_id, legacy_framework=legacy_id, as_of=as_of,
                                   organisation=organisation, stale_months=stale_months, limits=limits(ctx),
                                   password=ctx.obj.get("password"), semantic=semantic,
                                   rules_packs=(rules_path,) if rules_path is not None else ()))


def _encoder(semantic: bool) -> Encoder | None:
    """The sentence encoder for --semantic, loaded once per command."""
    if not semantic:
        return None
    from cse_migrate.analysis.semantic import load_encoder

    return _run(load_encoder)


def _load(packs: Path | tuple[Path, ...] | None) -> RuleSet:
    return _run(lambda: load_rules(packs))


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


def _describe_review(ctx: click.Context, result: RunResult, prefix: str = "") -> None:
    """One line on the decisions applied; a warning for each decision whose item is gone (never applied)."""
    review = result.review
    if review is None:
        return
    n = review.counts(r.review for r in result.items)
    _say(ctx, f"{prefix}Review {review.file}: {n['applied']} decision(s) applied ({n['confirmed']} confirmed, "
              f"{n['moved']} moved, {n['rejected']} rejected, {n['absence']} absence), {n['unmatched']} not "
              "applied")
    for u in review.unmatched:
        _echo(f"cse-migrate: warning: {prefix}review file {review.file}: sheet Review row {u.row}: item {u.item} "
              f"('{u.text[:60]}', {u.source}) is no longer in the evidence; "
              f"{f'decision {u.decision!r}' if u.decision else 'comment'} not applied",
              err=True)


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
            organisation: str, rules_path: Path | None, stale_months: int | None, legacy_id: str,
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
                       semantic, rules_path)
    options = replace(options, review=review)
    rules = _load(options.rules_packs)
    encoder = _encoder(semantic)
    # the output folder is locked before the analysis, so a second run into it stops at once, naming this one
    with _run(lambda: acquire_output_lock(outdir)):
        result = _run(lambda: run_analysis(list(inputs), rules, options, encoder))
        _run(lambda: write_reports(result, outdir, pdf))
    _describe_run(ctx, result, outdir)
    sys.exit(int(ExitCode.SOME_FILES_UNREADABLE if result.errors else ExitCode.OK))


def _default_org(inputs: tuple[Path, ...]) -> str:
    first = inputs[0].resolve()
    name = first.name if first.is_dir() else first.parent.name
    return name.replace("-", " ").replace("_", " ").title() if name else "Unnamed organisation"


@cli.command()
@click.argument("input_dir", type=click.Path(path_type=Path, file_okay=False))
@click.option("-o", "--output", "outdir", required=True, type=click.Path(path_type=Path, file_okay=False),
              help="Folder for one report folder per organisation and summary.xlsx.")
@framework_option
@as_of_option
@rules_option
@stale_option
@legacy_option
@semantic_option
@pdf_option
@reading_options
@verbosity
@click.pass_context
def batch(ctx: click.Context, input_dir: Path, outdir: Path, framework_id: str, as_of: date | None,
          rules_path: Path | None, stale_months: int | None, legacy_id: str, semantic: bool, pdf: bool) -> None:
    """Analyse every sub-folder of INPUT_DIR as one organisation.

    Writes OUTDIR/<organisation>/ (the three reports) and OUTDIR/summary.xlsx. One failing organisation does not
    stop the others. Exit code 0 when everything was read, 1 when some files or organisations failed.
    """
    from cse_migrate.batch import find_organisations, run_batch

    options = _options(ctx, framework_id, legacy_id, as_of, "", stale_months, semantic, rules_path)
    rules = _load(options.rules_packs)
    orgs = _run(lambda: find_organisations(input_dir))
    encoder = _encoder(semantic)  # loaded once for every organisation
    show = ctx.obj["verbosity"] >= 0
    with click.progressbar(length=len(orgs), label="Organisations", file=sys.stderr,
                           hidden=not show, item_show_func=lambda o: terminal_safe(o) if o else o) as bar:
        def progress(name: str) -> None:
            bar.update(1, name)

        outcomes = _run(lambda: run_batch(orgs, outdir, rules, options, progress, encoder, pdf))
    failed = [o for o in outcomes if o.error]
    partial = [o for o in outcomes if o.result is not None and o.result.errors]
    for o in failed:
        _echo(f"cse-migrate: error: organisation '{o.name}': {o.error}", err=True)
    for o in partial:
        for e in o.result.errors if o.result else ():
            _echo(f"cse-migrate: warning: {o.name}: {e.file}: {e.message}", err=True)
    for o in outcomes:
        if o.result is not None:
            _describe_review(ctx, o.result, f"{o.name}: ")
    _say(ctx, f"{len(outcomes) - len(failed)} of {len(outcomes)} organisation(s) analysed; "
              f"summary written to {outdir / 'summary.xlsx'}")
    sys.exit(int(ExitCode.SOME_FILES_UNREADABLE if failed or partial else ExitCode.OK))


@cli.group()
def rules() -> None:
    """Work with mapping rules (frameworks, crosswalks, lexicons)."""


@rules.command("validate")
@click.argument("path", required=False, type=click.Path(path_type=Path, file_okay=False))
@verbosity
@click.pass_context
def rules_validate(ctx: click.Context, path: Path | None) -> None:
    """Check the bundled rules, or PATH laid over them, and report every problem with its file and key."""
    ruleset = _load(path)
    for warning in ruleset.warnings:
        if ctx.obj["verbosity"] >= 0:
            _echo(f"cse-migrate: warning: {warning}", err=True)
    _say(ctx, f"OK: {len(ruleset.files)} rule file(s), {len(ruleset.frameworks)} framework(s), "
              f"{len(ruleset.crosswalks)} crosswalk rule(s), {len(ruleset.lexicons)} lexicon(s), "
              f"{len(ruleset.noise)} noise pattern(s); rules version {ruleset.version}")


@cli.group(invoke_without_command=True)
@rules_option
@click.pass_context
def frameworks(ctx: click.Context, rules_path: Path | None) -> None:
    """List the frameworks available (targets can be given to --framework); 'show' and 'import' below."""
    ctx.ensure_object(dict)["rules_path"] = rules_path
    if ctx.invoked_subcommand is not None:
        return
    ruleset = _load(rules_path)
    for fw in sorted(ruleset.frameworks.values(), key=lambda f: (f.role != "target", f.id)):
        based = f" (extends {fw.extends})" if fw.extends else ""
        _echo(f"{fw.id:<22} {fw.role:<7} {len(fw.criteria):>3} criteria  {fw.title}{based}")


@frameworks.command("show")
@click.argument("framework_id", metavar="ID")
@rules_option
@click.pass_context
def frameworks_show(ctx: click.Context, framework_id: str, rules_path: Path | None) -> None:
    """Print framework ID as a tree: criteria, sub-criteria and elements, with ids, titles and counts."""
    from cse_migrate.rules.tree import framework_tree

    ruleset = _load(rules_path or ctx.obj.get("rules_path"))
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
                      rules_path: Path | None) -> None:
    """Turn your own element list (ELEMENTS.xlsx or .csv: id and text columns) into a framework pack.

    Ids are checked against the base structure (1.1.1 belongs under 1.1); every problem names its row (exit
    code 4). Then analyse with: --rules PACK --framework ID.
    """
    from cse_migrate.rules.elements import import_elements

    rules_path = rules_path or ctx.obj.get("rules_path")
    ruleset = _load(rules_path)
    done = _run(lambda: import_elements(elements, ruleset, base_id, outdir, framework_id, title, limits(ctx),
                                        ctx.obj.get("password")))
    if rules_path is None:  # the pack must load over the bundled rules exactly as the user will use it
        _load(outdir)
    per_parent = done.per_parent()
    _say(ctx, f"Imported {len(done.elements)} element(s) under {len(per_parent)} sub-criteria into {outdir} "
              f"as framework '{done.framework_id}' (extends {done.base_id}):")
    for path in done.files:
        _say(ctx, f"  {path}")
    _say(ctx, f"Analyse with: cse-migrate analyse INPUT -o OUTDIR --rules {outdir} --framework {done.framework_id}")


@cli.command("eval")
@click.argument("labels", nargs=-1, required=True, type=click.Path(path_type=Path, dir_okay=False, exists=True))
@framework_option
@click.option("--split", type=click.Choice(["all", "dev", "heldout", "fresh"]), default="all", show_default=True,
              help="Which part of a split corpus to measure (rows whose 'split' column matches).")
@click.option("--per-file", is_flag=True, help="With several LABELS files: a full report for each file as well.")
@click.option("--level", type=click.IntRange(1, 3), default=1, show_default=True,
              help="Compare at this level of a hierarchical framework: 1 criteria, 2 sub-criteria.")
@click.option("--ablation", is_flag=True, help="Also measure with each signal switched off, as a Markdown table.")
@rules_option
@semantic_option
def evaluate_command(labels: tuple[Path, ...], framework_id: str, split: str, per_file: bool, level: int,
                     ablation: bool, rules_path: Path | None, semantic: bool) -> None:
    """Measure mapping accuracy on LABELS.csv files (columns: text, cm_ref, split, and per-framework labels).

    Prints top-1 accuracy (a second acceptable label counts), macro-F1, precision and recall per criterion and
    for NONE, a confusion matrix, the needs-review band (share of mappings flagged, accuracy of those not
    flagged) and calibration (accuracy per score band). Several files are measured together (with accuracy per
    file); --per-file adds a full report for each.
    """
    from cse_migrate.tools.ablation import format_ablation, run_ablation
    from cse_migrate.tools.evaluate import evaluate, format_report

    options = _run(lambda: RunOptions(framework=framework_id, semantic=semantic,
                                      rules_packs=(rules_path,) if rules_path is not None else ()))
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


@cli.group()
def review() -> None:
    """Work with a reviewer's decisions (the Review sheet of evidence.xlsx)."""


@review.command("export")
@click.argument("path", type=click.Path(path_type=Path, dir_okay=False, exists=True), metavar="REVIEWED.xlsx")
@click.option("-o", "--output", "output", required=True, type=click.Path(path_type=Path, dir_okay=False),
              help="The rule-tests file to write (YAML).")
@rules_option
@reading_options
@verbosity
@click.pass_context
def review_export(ctx: click.Context, path: Path, output: Path, rules_path: Path | None) -> None:
    """Turn a reviewed workbook's decisions into rules-pack test cases (kind: rule-tests), so that a rules
    supplier can learn from a reviewer's corrections. Decisions a test case cannot express are listed."""
    from cse_migrate.tools.review_export import export_cases

    ruleset = _load(rules_path)
    done = _run(lambda: export_cases(path, ruleset, output, limits(ctx), ctx.obj.get("password")))
    for line in done.skipped:
        _echo(f"cse-migrate: warning: {line}", err=True)
    _say(ctx, f"{len(done.cases)} test case(s) written to {output} ({len(done.skipped)} decision(s) not "
              f"exportable); run them with: cse-migrate rules test {output}")


def main(argv: list[str] | None = None) -> Any:
    """Console entry point (every command's errors are handled by :func:`_guard`)."""
    return cli.main(args=argv, prog_name="cse-migrate", standalone_mode=True)


if __name__ == "__main__":
    main()
