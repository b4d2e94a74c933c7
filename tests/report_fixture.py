"""A hand-built, realistic RunResult for the report writers' tests.

Nine items from three files cover every fate an item can meet: mapped (strong, partial, stale, undated, to
two criteria), unmapped, noise and duplicate. One file could not be read. One text looks like a spreadsheet
formula and one carries a control character, to prove the writers neutralise both.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from cse_migrate.ages import freshness_of
from cse_migrate.analysis.coverage import flat_coverage, held_back
from cse_migrate.model import (
    CMRef,
    CriterionNode,
    CriterionResult,
    EvidenceItem,
    FileError,
    FileRead,
    FrameworkSnapshot,
    ItemResult,
    Mapping,
    RawItem,
    Reason,
    RuleFileInfo,
    RunResult,
    Settings,
    Source,
)
from cse_migrate.rules.settings import build_settings

AS_OF = date(2009, 3, 31)
ORGANISATION = "Northshire District Council - Revenues & Benefits"
LEXICON = "rules/lexicons/five-points.yaml"
CROSSWALK = "rules/crosswalks/charter-mark-2008.yaml"

CRITERIA: tuple[tuple[str, str], ...] = (
    ("1", "Personalisation of services"),
    ("2", "Collaboration with public"),
    ("3", "Retraining staff"),
    ("4", "Leadership and commitment"),
    ("5", "Accountability to the public"),
)

FORMULA_TEXT = "=SUM(B2:B9) customer contacts logged at the front desk each week"
CONTROL_TEXT = "Opening hours extended to Saturday mornings after customer consultation\x07"
SURVEY_TEXT = ("Customer satisfaction survey 2008 showed 87% of claimants satisfied; results published on "
               "the website and in the residents' newsletter.")

PORTFOLIO = "Charter Mark portfolio.xlsx"
LOG = "evidence_log.csv"
NARRATIVE = "narrative.docx"
UNREADABLE = "old_portfolio.xls"
HEADER_NOTE = "2 header and footer paragraph(s) with text not read: page headers and footers are page furniture"


def ref(full: str) -> CMRef:
    """A Charter Mark reference as the pipeline would normalise it."""
    return CMRef(raw=f"CM {full}", criterion=full.split(".")[0], full=full)


def phrase(detail: str, matched: str, points: float) -> Reason:
    """A lexicon phrase reason."""
    return Reason(kind="phrase", detail=detail, matched=matched, contribution=points, rule=LEXICON)


def crosswalk(rule_id: str, points: float) -> Reason:
    """A crosswalk prior reason."""
    return Reason(kind="crosswalk", detail=rule_id, matched="", contribution=points, rule=CROSSWALK)


def make_items() -> tuple[ItemResult, ...]:
    """The nine items, in input order."""
    survey_dup_source = Source(file=NARRATIVE, extractor="docx", paragraph=14)
    survey = EvidenceItem("E0001", SURVEY_TEXT, Source(PORTFOLIO, "xlsx", sheet="Crit 5", row=4, column="B"),
                          cm_ref=ref("5.1.2"), date=date(2008, 6, 30), owner="Customer Services Manager")
    retraining = EvidenceItem("E0002", "Staff received retraining in complaint handling after the 2005 "
                              "review of complaints.", Source(PORTFOLIO, "xlsx", sheet="Crit 3", row=2),
                              cm_ref=ref("3.2.1"), ref_from_context=True, date=date(2005, 2, 1),
                              owner="Training Officer")
    home_visits = EvidenceItem("E0003", "Home visits offered to housebound claimants; forms available in "
                               "large print and Welsh.", Source(LOG, "csv", row=12), cm_ref=ref("1.1.1"),
                               date=date(2008, 11, 3), owner="Visiting Team Leader")
    formula = EvidenceItem("E0004", FORMULA_TEXT, Source(LOG, "csv", row=13), cm_ref=ref("2.3.1"))
    hours = EvidenceItem("E0005", CONTROL_TEXT, Source(NARRATIVE, "docx", paragraph=9), date=date(2007, 9, 1),
                         date_text="Sept 2007")
    misc = EvidenceItem("E0006", "Misc. filing notes for the office move", Source(LOG, "csv", row=14),
                        cm_ref=ref("6.1.1"), date_text="spring")
    footer = EvidenceItem("E0007", "Page 3 of 12", Source(NARRATIVE, "docx", paragraph=20))
    duplicate = EvidenceItem("E0008", SURVEY_TEXT, survey_dup_source)
    report = EvidenceItem("E0009", "Annual report to the public on service standards and performance against "
                          "published targets.", Source(PORTFOLIO, "xlsx", sheet="Old 5", row=3, hidden=True),
                          cm_ref=ref("5.2.1"), date=date(2008, 5, 1))
    return (
        ItemResult(survey, "mapped", mappings=(
            Mapping("5", 0.82, (phrase("customer satisfaction survey", "Customer satisfaction survey", 0.4),
                                phrase("results published", "results published", 0.25),
                                crosswalk("CW-5.1", 0.3))),
            Mapping("2", 0.5, (phrase("survey", "survey", 0.2), crosswalk("CW-5.1-secondary", 0.1))),
        ), also_found_in=(survey_dup_source,)),
        ItemResult(retraining, "mapped", mappings=(
            Mapping("3", 0.74, (phrase("retraining", "retraining", 0.45), crosswalk("CW-3.2", 0.3))),)),
        ItemResult(home_visits, "mapped", mappings=(
            Mapping("1", 0.68, (phrase("home visits", "Home visits", 0.35),
                                phrase("large print", "large prnt", 0.2))),)),
        ItemResult(formula, "mapped", mappings=(
            Mapping("2", 0.41, (phrase("customer contacts", "customer contacts", 0.25),
                                Reason("against", "internal", "front desk", -0.05, LEXICON))),)),
        ItemResult(hours, "mapped", mappings=(
            Mapping("1", 0.63, (phrase("after customer consultation", "after customer consultation", 0.4),
                                phrase("opening hours", "Opening hours", 0.2))),)),
        ItemResult(misc, "unmapped", mappings=(Mapping("2", 0.12, (phrase("notes", "notes", 0.05),)),),
                   note="no phrase or crosswalk rule reached the map threshold (best: 2 at 0.12)"),
        ItemResult(footer, "noise", noise_rule="noise.page-number"),
        ItemResult(duplicate, "duplicate", duplicate_of="E0001"),
        ItemResult(report, "mapped", mappings=(
            Mapping("5", 0.7, (phrase("annual report", "Annual report", 0.3),
                               phrase("performance against published targets",
                                      "performance against published targets", 0.3))),)),
    )


def make_criteria() -> tuple[CriterionResult, ...]:
    """Two criteria met, two partially met, one gap."""
    return (
        CriterionResult("1", "Personalisation of services", "Met", "strong", 2, 2, 2, 0, 0,
                        best=("E0003", "E0005"), stale=(), evidence=(("E0003", 0.68), ("E0005", 0.63)),
                        actions=("Record how service changes for individual needs are reviewed.",),
                        expected_evidence=("Examples of services tailored to individual customers.",
                                           "Take-up of alternative formats and home visits."),
                        gaps=()),
        CriterionResult("2", "Collaboration with public", "Partially met", "partial", 2, 0, 1, 0, 1,
                        best=("E0001", "E0004"), stale=(), evidence=(("E0001", 0.5), ("E0004", 0.41)),
                        actions=("Set up a customer panel and minute its meetings.",),
                        expected_evidence=("Minutes of customer forums showing decisions taken.",),
                        gaps=("No strong evidence of involving customers in designing services.",)),
        CriterionResult("3", "Retraining staff", "Partially met", "strong", 1, 1, 0, 1, 0,
                        best=("E0002",), stale=("E0002",), evidence=(("E0002", 0.74),),
                        actions=("Show training since 2006: records, dates, attendance.",),
                        expected_evidence=("Training plan and records of customer-service training.",),
                        gaps=("The only evidence is stale.",)),
        CriterionResult("4", "Leadership and commitment", "Gap", "none", 0, 0, 0, 0, 0,
                        best=(), stale=(), evidence=(),
                        actions=("Ask senior managers for board minutes on customer service.",),
                        expected_evidence=("Leadership commitment statements and their follow-up.",),
                        gaps=("No evidence was found for this criterion.",)),
        CriterionResult("5", "Accountability to the public", "Met", "strong", 2, 2, 2, 0, 0,
                        best=("E0001", "E0009"), stale=(), evidence=(("E0001", 0.82), ("E0009", 0.7)),
                        actions=(), expected_evidence=("Published performance against standards.",),
                        gaps=()),
    )


def raw(item: ItemResult) -> RawItem:
    """The raw item a reader would have emitted for ``item``."""
    e = item.item
    return RawItem(e.text, e.source, date=e.date, date_text=e.date_text, owner=e.owner)


def make_files(items: tuple[ItemResult, ...]) -> tuple[FileRead, ...]:
    """Per-file accounting consistent with the items."""
    def of(name: str) -> tuple[RawItem, ...]:
        return tuple(raw(r) for r in items if r.item.source.file == name)

    return (
        FileRead(PORTFOLIO, "xlsx", of(PORTFOLIO), units_read=9, skipped_blank=4, skipped_other=2),
        FileRead(LOG, "csv", of(LOG), units_read=4, skipped_blank=1),
        FileRead(NARRATIVE, "docx", of(NARRATIVE), units_read=22, skipped_blank=12, skipped_other=7,
                 notes=(HEADER_NOTE,), not_read=2),
    )


def make_settings(organisation: str = ORGANISATION) -> Settings:
    """Settings as the five-points framework would default them."""
    return build_settings({"map_threshold": 0.35, "strong_threshold": 0.6, "secondary_ratio": 0.6,
                           "stale_months": 36, "met_min_strong": 2, "duplicate_similarity": 0.92},
                          AS_OF, organisation)


def make_run_result(organisation: str = ORGANISATION) -> RunResult:
    """The whole run, as the pipeline would hand it to the report writers."""
    # each item's freshness as the pipeline records it (36 months before the as-of date)
    items = tuple(replace(r, freshness=freshness_of(r.item.date, AS_OF, 36)) for r in make_items())
    return RunResult(
        tool_version="0.1.0",
        framework_id="five-points",
        framework_title="Five points of customer service (test framework)",
        criteria_titles=CRITERIA,
        rules_version="2009.1",
        rule_files=(
            RuleFileInfo("rules/frameworks/five-points.yaml", "a" * 64),
            RuleFileInfo(CROSSWALK, "b" * 64),
            RuleFileInfo(LEXICON, "c" * 64),
        ),
        settings=make_settings(organisation),
        inputs=("evidence/northshire",),
        files=make_files(items),
        errors=(FileError(UNREADABLE, "not a readable workbook (encrypted or corrupt); save it again as "
                                      ".xlsx"),),
        items=items,
        criteria=with_coverage(make_criteria(), make_settings(organisation)),
        framework=FrameworkSnapshot("five-points", "Five points of customer service (test framework)",
                                    tuple(CriterionNode(cid, title, None, 1) for cid, title in CRITERIA)),
    )


def with_coverage(criteria: tuple[CriterionResult, ...], settings: Settings) -> tuple[CriterionResult, ...]:
    """The coverage axis as the pipeline's coverage stage adds it for a flat framework."""
    out = []
    for c in criteria:
        coverage = flat_coverage(c, settings)
        out.append(replace(c, coverage=coverage, held_back=held_back(c.status, coverage)))
    return tuple(out)
