"""Batch runs: every sub-folder of a folder is one organisation.

Organisations are independent: one that fails is recorded with its error and the others go on. Each gets its
own report folder (named safely, so no organisation name can write outside OUTDIR) and one row in summary.xlsx.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from cse_migrate.analysis.semantic import Encoder, load_encoder
from cse_migrate.errors import CseMigrateError, InputNotFoundError, stable_message
from cse_migrate.options import RunOptions
from cse_migrate.output import acquire_output_lock, safe_folder_name
from cse_migrate.pipeline import analyse, resolve_frameworks, write_reports
from cse_migrate.reports.summary import OrgOutcome, write_batch_summary
from cse_migrate.rules import Framework, RuleSet
from cse_migrate.safe_text import display_name


def find_organisations(input_dir: Path) -> list[Path]:
    if not input_dir.is_dir():
        shown = display_name(str(input_dir))
        raise InputNotFoundError(f"{shown}: no such folder; give a folder with one sub-folder per "
                                 "organisation")
    orgs = sorted(p for p in input_dir.iterdir() if p.is_dir() and not p.name.startswith("."))
    if not orgs:
        shown = display_name(str(input_dir))
        raise InputNotFoundError(f"{shown}: has no sub-folders; put each organisation's evidence in a "
                                 "folder of its own")
    return orgs


def organisation_name(folder: Path) -> str:
    return display_name(folder.name).replace("-", " ").replace("_", " ").title()


def run_batch(orgs: Sequence[Path], outdir: Path, rules: RuleSet, options: RunOptions,
              progress: Callable[[str], None] = lambda _name: None,
              encoder: Encoder | None = None, pdf: bool = False) -> list[OrgOutcome]:
    """Analyse each organisation and write its reports; then write summary.xlsx. Returns the outcomes.

    Every organisation runs with ``options`` (its own name as the organisation). With ``options.semantic`` the
    encoder is loaded once here, not once per organisation."""
    framework, _legacy = resolve_frameworks(rules, options)  # fail once, before any work, on a wrong id
    if options.semantic and encoder is None:
        encoder = load_encoder()
    with acquire_output_lock(outdir):  # one batch per output folder; each organisation's folder is locked too
        return _run_organisations(orgs, outdir, rules, options, framework, progress, encoder, pdf)


def _run_organisations(orgs: Sequence[Path], outdir: Path, rules: RuleSet, options: RunOptions,
                       framework: Framework, progress: Callable[[str], None],
                       encoder: Encoder | None, pdf: bool) -> list[OrgOutcome]:
    outcomes: list[OrgOutcome] = []
    used: set[str] = set()
    for folder in orgs:
        name = organisation_name(folder)
        target = safe_folder_name(display_name(folder.name))
        while target in used:  # two names that clean to the same folder must not overwrite each other
            target += "_"
        used.add(target)
        try:
            result = analyse([folder], rules, replace(options, organisation=name), encoder)
            write_reports(result, outdir / target, pdf)
            outcomes.append(OrgOutcome(name, target, result, None))
        except CseMigrateError as exc:
            outcomes.append(OrgOutcome(name, target, None, str(exc)))
        except Exception as exc:
            outcomes.append(OrgOutcome(name, target, None,
                                       stable_message(f"internal error ({type(exc).__name__}: {exc})")))
        progress(name)
    # a hierarchical framework shows its criteria and sub-criteria (elements would be too many columns)
    columns = [(c.id, c.title) for c in framework.criteria if framework.level(c.id) <= 2]
    write_batch_summary(outcomes, columns, outdir / "summary.xlsx", [str(p) for p in options.rules_packs])
    return outcomes
