"""The story of one run: find the files, read them, number the evidence, set noise aside, fold duplicates,
map what is left, judge what each item states (a practice in place, missing or only planned), analyse the gaps.
Each stage is a small function; :func:`analyse` calls them in order.

Writing the reports is separate (:func:`write_reports`) so that a batch run, a test or another tool can
analyse without writing, or write the same result in other ways.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path

from cse_migrate.ages import freshness_of
from cse_migrate.analysis.compiled import compiled_matcher, compiled_noise_detector, compiled_statement_judge
from cse_migrate.analysis.coverage import assess_coverage
from cse_migrate.analysis.crosswalk import project_result
from cse_migrate.analysis.dedupe import find_duplicates
from cse_migrate.analysis.gaps import analyse_gaps
from cse_migrate.analysis.mapping import Matcher, Scored
from cse_migrate.analysis.noise import NoiseDetector
from cse_migrate.analysis.ratings import rate_if_hierarchical
from cse_migrate.analysis.review import ReviewForm, apply_review, fits_run, read_review_form
from cse_migrate.analysis.semantic import Encoder, load_encoder
from cse_migrate.analysis.statements import Judgement, StatementJudge
from cse_migrate.discovery import InputFile, discover_files, find_review_file, leave_out
from cse_migrate.errors import InputFileError, UsageError, stable_message
from cse_migrate.limits import DEFAULT_LIMITS, Limits
from cse_migrate.model import (
    NOT_EVIDENCE_NOTE,
    EvidenceItem,
    FileError,
    FileRead,
    ItemResult,
    Mapping,
    RunResult,
    Settings,
)
from cse_migrate.options import RunOptions
from cse_migrate.output import acquire_output_lock, replace_set
from cse_migrate.readers.common import parse_date
from cse_migrate.readers.worker import ReadingWorker
from cse_migrate.refs import parse_ref
from cse_migrate.reviewing import ReviewSummary
from cse_migrate.rules import Framework, RuleSet
from cse_migrate.rules.settings import settings_for
from cse_migrate.safe_text import display_name
from cse_migrate.version import __version__


def make_settings(framework: Framework, as_of: date | None = None, organisation: str = "",
                  stale_months: int | None = None) -> Settings:
    """The typed settings of a run on ``framework`` (library callers and tests; a run uses :func:`run_settings`)."""
    return settings_for(framework, as_of or date.today(), organisation or "Unnamed organisation", stale_months)


def read_inputs(files: Sequence[InputFile], limits: Limits = DEFAULT_LIMITS, password: str | None = None,
                reader: ReadingWorker | None = None) -> tuple[list[FileRead], list[FileError]]:
    """Read every file; an unreadable file is recorded with its reason and the run goes on.

    Each file is read in a child process stopped at --timeout: ``reader``'s when given (a batch worker keeps one
    for all its organisations), else one started for these files."""
    reads: list[FileRead] = []
    errors: list[FileError] = []
    with contextlib.ExitStack() as stack:
        worker = reader if reader is not None else stack.enter_context(ReadingWorker())
        for f in files:
            if f.skipped is not None:
                continue  # cse-migrate's own output: noted by the run, never read
            if f.problem is not None:
                errors.append(FileError(f.name, f.problem))
                continue
            read_one(worker, f, limits, password, reads, errors)
    return reads, errors


def read_one(worker: ReadingWorker, f: InputFile, limits: Limits, password: str | None, reads: list[FileRead],
             errors: list[FileError]) -> None:
    """Read one file into ``reads``, or record in ``errors`` why it could not be read."""
    try:
        reads.append(worker.read(f.path, f.name, limits, password))
    except InputFileError as exc:
        # no memory addresses from a library's exception text: the same input gives the same report
        errors.append(FileError(f.name, stable_message(exc.reason)))


def number_evidence(reads: Sequence[FileRead], legacy: Framework) -> list[EvidenceItem]:
    """Give every raw item an id in input order and normalise its reference and date."""
    max_criterion = len(legacy.criteria)
    items: list[EvidenceItem] = []
    for raw in (item for read in reads for item in read.items):
        ref = parse_ref(raw.cm_ref, max_criterion)
        from_context = False
        if ref is None and raw.context_ref is not None:
            ref = parse_ref(raw.context_ref, max_criterion)
            from_context = ref is not None
        item_date, date_text = raw.date, raw.date_text
        if item_date is None and not date_text:
            item_date = parse_date(raw.text)  # a date written inside the evidence text
        items.append(EvidenceItem(id=f"E{len(items) + 1:05d}", text=raw.text, source=raw.source, cm_ref=ref,
                                  ref_from_context=from_context, date=item_date, date_text=date_text,
                                  owner=raw.owner))
    return items


def set_aside_noise(items: Sequence[EvidenceItem], detector: NoiseDetector) -> dict[str, str]:
    """Item id -> the noise rule that recognised it."""
    return {i.id: rule for i in items if (rule := detector.detect(i.text)) is not None}


def map_evidence(items: Sequence[EvidenceItem], matcher: Matcher, settings: Settings) -> list[ItemResult]:
    """Score in bulk, then map or leave unmapped with a note saying why."""
    results = []
    for item, scored in zip(items, matcher.iter_scores(items), strict=True):
        reading = scored.not_evidence  # set by the matcher only when its settings leave the item unmapped
        mappings = () if reading else decide_and_flag(matcher, scored, settings)
        if mappings:
            results.append(ItemResult(item, "mapped", mappings))
            continue
        if reading:
            # whatever the lexicon found: title, sign-off and filing lines share its words without being evidence
            chance, pulled = reading
            at = settings.not_evidence_from_at if scored.not_evidence_by else settings.not_evidence_at
            by = f", by {scored.not_evidence_by}" if scored.not_evidence_by else ""
            note = (f"{NOT_EVIDENCE_NOTE} (probability {chance:.2f}, at least {at:.2f}{by}), pulled by "
                    f"{pulled or 'no word in particular'}")
        elif scored.text_signal <= 0:
            note = "no words of any criterion's lexicon were found"
        else:
            best = max(scored.raw.items(), key=lambda kv: kv[1], default=("", 0.0))
            note = (f"best score {matcher.to_score(best[1]):.2f} for criterion {best[0]} is below the threshold "
                    f"{settings.map_threshold:.2f}")
        if item.cm_ref is not None:
            note += f"; legacy reference {item.cm_ref.full} kept"
        top = tuple(m for m in matcher.decide(scored, 0.0, 1.0) if m.score > 0)[:1]
        results.append(ItemResult(item, "unmapped", top, note=note))
    return results


def judge_statements(results: Sequence[ItemResult], judge: StatementJudge, matcher: Matcher,
                     settings: Settings) -> list[ItemResult]:
    """Say what each kept item states (``mappings/statements.yaml``): support, absence or plan.

    An absence or plan item keeps its mappings, which now say which criterion the gap concerns; it is no longer
    evidence. A support item with a gap clause ("81% satisfied ... and we intend to re-establish a panel") is
    mapped again on its fact alone (keeping the whole line's mappings when the fact alone maps nowhere), and its
    gap clause is scored on its own to find where the gap belongs (the item's first criterion when the clause
    names none)."""
    out = list(results)
    mixed: list[tuple[int, Judgement]] = []
    for n, r in enumerate(results):
        if r.status not in ("mapped", "unmapped"):
            continue
        judged = judge.judge(r.item.text)
        if judged.kind == "support" and not judged.gap:
            continue
        if judged.kind != "support" or r.status != "mapped":
            out[n] = replace(r, kind=judged.kind, gap_text=judged.gap, kind_rule=judged.rule)
        else:
            mixed.append((n, judged))
    # score every mixed item's fact and gap clause in one pass, as map_evidence scores the items
    scored = matcher.score([replace(out[n].item, text=part) for n, j in mixed for part in (j.fact, j.gap)])
    for (n, judged), fact, gap in zip(mixed, scored[::2], scored[1::2], strict=True):
        r = out[n]
        # a fact too short for the lexicons on its own keeps the mappings of the whole line
        fact_maps = decide_and_flag(matcher, fact, settings) or r.mappings
        gap_maps = matcher.decide(gap, settings.map_threshold, settings.secondary_ratio) or r.mappings[:1]
        out[n] = replace(r, mappings=fact_maps, gap_text=judged.gap, kind_rule=judged.rule, gap_mappings=gap_maps)
    return out


def decide_and_flag(matcher: Matcher, scored: Scored, settings: Settings) -> tuple[Mapping, ...]:
    """An item's mappings (:meth:`Matcher.decide`), flagged for review, the best one with its estimated chance of
    being right; the runner-up both need is worked out once."""
    decided = matcher.decide(scored, settings.map_threshold, settings.secondary_ratio)
    if not decided:
        return decided
    runner_up = matcher.runner_up(scored)
    return flag_for_review(decided, runner_up, settings, scored.classifier_top,
                           matcher.chance_right(decided, scored, runner_up))


def flag_for_review(mappings: tuple[Mapping, ...], runner_up: float, settings: Settings,
                    classifier_top: frozenset[str] | None = None, chance: float | None = None
                    ) -> tuple[Mapping, ...]:
    """Flag mappings in the band where measured accuracy drops (see README, "needs review"): a low score, a
    top mapping barely ahead of the next criterion, or a top mapping the trained classifier disagrees with. The top
    mapping carries its estimated ``chance`` of being right, when there is one
    (:mod:`cse_migrate.analysis.confidence`)."""
    flagged = []
    for rank, m in enumerate(mappings):
        if rank == 0 and chance is not None:
            m = replace(m, confidence=round(chance, 3))
        close = rank == 0 and m.score - runner_up < settings.review_margin
        disagrees = rank == 0 and classifier_top is not None and m.criterion not in classifier_top
        flagged.append(replace(m, needs_review=m.score < settings.review_below or close or disagrees))
    return tuple(flagged)


def assemble(items: Sequence[EvidenceItem], noise: dict[str, str], duplicates: dict[str, str],
             mapped: Sequence[ItemResult]) -> list[ItemResult]:
    """Put every item back in input order with its final status; kept items list their copies' places."""
    by_id = {r.item.id: r for r in mapped}
    item_by_id = {i.id: i for i in items}
    copies: dict[str, list[EvidenceItem]] = {}
    for dup, kept in duplicates.items():
        copies.setdefault(kept, []).append(item_by_id[dup])
    out = []
    for item in items:
        if item.id in noise:
            out.append(ItemResult(item, "noise", noise_rule=noise[item.id]))
        elif item.id in duplicates:
            out.append(ItemResult(item, "duplicate", duplicate_of=duplicates[item.id]))
        else:
            result = by_id[item.id]
            places = tuple(c.source for c in sorted(copies.get(item.id, []), key=lambda c: c.id))
            out.append(replace(result, also_found_in=places))
    return out


def resolve_frameworks(rules: RuleSet, options: RunOptions) -> tuple[Framework, Framework]:
    """The target and legacy frameworks the options name: the one place a framework id is looked up.

    Only a framework with ``role: target`` can be mapped onto; a legacy id given as the target is a usage error
    that lists the targets (and the legacy framework must be a legacy one, since references cite it)."""
    targets = ", ".join(sorted(f.id for f in rules.targets()))
    if options.framework not in rules.frameworks:
        raise UsageError(f"unknown framework '{options.framework}'; choose a target framework: {targets}")
    framework = rules.frameworks[options.framework]
    if framework.role != "target":
        raise UsageError(f"--framework {framework.id}: is a legacy framework (evidence cites it; it is not "
                         f"mapped onto); choose a target framework: {targets}")
    legacy = rules.framework(options.legacy_framework)
    if legacy.role != "legacy":
        known = ", ".join(sorted(f.id for f in rules.frameworks.values() if f.role == "legacy"))
        raise UsageError(f"--legacy-framework {legacy.id}: is a target framework, not one legacy references "
                         f"cite; choose one of: {known}")
    return framework, legacy


def run_settings(rules: RuleSet, framework: Framework, options: RunOptions) -> Settings:
    """The run's typed settings: the framework's values with the options' as-of date, organisation and stale
    months, each recorded with its source (bundled, pack or command line), and whether --semantic is on."""
    return settings_for(framework, options.as_of or date.today(), options.organisation or "Unnamed organisation",
                        options.stale_months, options.semantic, rules.from_pack)


def date_evidence(results: Sequence[ItemResult], settings: Settings) -> list[ItemResult]:
    """Record how old each item is at the as-of date, so that no report writer works it out again."""
    return [replace(r, freshness=freshness_of(r.item.date, settings.as_of, settings.stale_months))
            for r in results]


def settle_items(items: Sequence[EvidenceItem], rules: RuleSet, framework: Framework, legacy: Framework,
                 settings: Settings, encoder: Encoder | None = None,
                 matcher: Matcher | None = None) -> list[ItemResult]:
    """Give every numbered item its fate: set noise aside, fold duplicates, map the rest, judge what each states
    (support, absence, plan), date them all.

    The part of a run after reading; :mod:`cse_migrate.tools.evaluate` runs labelled statements through it too,
    so that accuracy is measured on exactly what a run does (cross-validation passes its own ``matcher``, whose
    learned layers were trained without the statements it scores)."""
    noise = set_aside_noise(items, compiled_noise_detector(rules))
    candidates = [i for i in items if i.id not in noise]
    duplicates = find_duplicates(candidates, settings.duplicate_similarity)
    unique = [i for i in candidates if i.id not in duplicates]
    matcher = matcher or compiled_matcher(rules, framework, legacy.id, encoder, settings)
    mapped = judge_statements(map_evidence(unique, matcher, settings), compiled_statement_judge(rules), matcher,
                              settings)
    return date_evidence(assemble(items, noise, duplicates, mapped), settings)


def analyse(inputs: Sequence[Path], rules: RuleSet, options: RunOptions | None = None,
            encoder: Encoder | None = None, exclude: Path | None = None,
            reader: ReadingWorker | None = None) -> RunResult:
    """Run the whole analysis on files and folders and return everything it found.

    ``options`` holds the user's choices (:class:`~cse_migrate.options.RunOptions`; the defaults when None).
    With ``options.semantic`` the optional semantic matcher is used: ``encoder`` if given (a batch loads it
    once for every organisation), otherwise loaded here (:func:`cse_migrate.analysis.semantic.load_encoder`).
    ``exclude`` is the output folder: never read, even when it lies inside an input (see :func:`discover_files`).
    ``reader`` is a file-reading child process to reuse (see :func:`read_inputs`)."""
    options = options or RunOptions()
    framework, legacy = resolve_frameworks(rules, options)
    settings = run_settings(rules, framework, options)
    if options.semantic and encoder is None:
        encoder = load_encoder()
    form = read_review(inputs, framework, settings, options)  # refused before any evidence is read
    files = leave_out(discover_files(inputs, exclude), options.review)
    reads, errors = read_inputs(files, options.limits, options.password, reader)
    items = number_evidence(reads, legacy)
    results = settle_items(items, rules, framework, legacy, settings, encoder if options.semantic else None)
    results, review = apply_reviewer_decisions(results, form)
    criteria = analyse_gaps(framework, rules.lexicons[framework.id], results, settings)
    criteria, readiness = rate_if_hierarchical(framework, criteria, results, settings)
    criteria = assess_coverage(framework, criteria, results, settings)
    return RunResult(
        tool_version=__version__, framework_id=framework.id, framework_title=framework.title,
        criteria_titles=tuple((c.id, c.title) for c in framework.criteria), rules_version=rules.version,
        rule_files=rules.files, settings=settings, inputs=tuple(display_name(str(p)) for p in inputs),
        files=tuple(reads),
        errors=tuple(errors), items=tuple(results), criteria=criteria, framework=framework.snapshot(),
        extra={"legacy_framework": legacy.id, **options.limits.as_settings()}, readiness=readiness,
        legacy_titles=tuple((c.id, c.title) for c in legacy.criteria),
        projection=project_result(rules, framework, criteria), rule_packs=rules.packs, review=review,
        skipped=tuple(f"{f.name}: {f.skipped}" for f in files if f.skipped is not None))


def read_review(inputs: Sequence[Path], framework: Framework, settings: Settings,
                options: RunOptions) -> ReviewForm | None:
    """Read and check the review workbook, if there is one: made for this organisation and framework, every
    decision word and criterion id known (else :class:`~cse_migrate.errors.ReviewError`, nothing applied)."""
    path = find_review_file(inputs, options)
    if path is None:
        return None
    return read_review_form(path, fits_run(settings.organisation, framework), options.limits, options.password)


def apply_reviewer_decisions(results: list[ItemResult], form: ReviewForm | None,
                             ) -> tuple[list[ItemResult], ReviewSummary | None]:
    """After mapping, before gap analysis: the reviewer's decisions override the matcher's."""
    if form is None:
        return results, None
    return apply_review(results, form)


REPORT_NAMES = {"json": "results.json", "xlsx": "evidence.xlsx", "docx": "gap-report.docx"}


def write_reports(result: RunResult, outdir: Path, pdf: bool = False) -> dict[str, Path]:
    """Write results.json, evidence.xlsx and gap-report.docx into ``outdir`` as one set (with ``pdf``, also
    gap-report.pdf through LibreOffice): all replace the previous ones, or (on a full disk, a failing writer) none
    does. Holds the folder's lock while writing, so two runs never mix their reports (see
    :func:`~cse_migrate.output.replace_set` and :class:`~cse_migrate.output.OutputLock`)."""
    names, writers = report_writers(result, pdf)
    with acquire_output_lock(outdir):
        written = replace_set(outdir, writers)
    return {key: written[name] for key, name in names.items()}


def report_writers(result: RunResult, pdf: bool = False) -> tuple[dict[str, str], dict[str, Callable[[Path], None]]]:
    """The reports' file names by kind, and a writer per file name, in the order they must be written (the PDF is
    made from the Word report beside it). A batch writes them straight into an organisation's new folder, itself
    staged and moved into place whole (:func:`cse_migrate.workers.run_organisation`)."""
    from cse_migrate.reports.docx.report import write_gap_report
    from cse_migrate.reports.json_report import write_results_json
    from cse_migrate.reports.xlsx.report import write_evidence_workbook

    names = dict(REPORT_NAMES)
    writers: dict[str, Callable[[Path], None]] = {
        names["json"]: lambda path: write_results_json(result, path),
        names["xlsx"]: lambda path: write_evidence_workbook(result, path),
        names["docx"]: lambda path: write_gap_report(result, path),
    }
    if pdf:
        from cse_migrate.reports.pdf import write_pdf

        names["pdf"] = "gap-report.pdf"
        # the staged Word report sits beside the staged PDF: writers run in order, the docx first
        writers[names["pdf"]] = lambda path: write_pdf(path.with_name(names["docx"]), path)
    return names, writers


def write_new_folder(folder: Path, writers: dict[str, Callable[[Path], None]]) -> None:
    """Make ``folder`` and write the reports straight into it: for a folder no one sees until it is moved into
    place whole (a batch's organisation, staged by :func:`~cse_migrate.output.replace_set`), where staging them
    again inside it cost two folders made and removed per organisation."""
    folder.mkdir()
    for name, write in writers.items():
        write(folder / name)
