"""Absence, lapse, plan and intention (issue 9): statement rules as data, what they recognise and what they must
not, how absence and plan items become gap findings, dates after the as-of date, and the bundled samples.

Every run names its framework explicitly, so that a change of the default framework changes nothing here.
"""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from cse_migrate.analysis.statements import StatementJudge, split_clauses
from cse_migrate.errors import RulesError
from cse_migrate.model import EvidenceItem, ItemResult, Mapping, RunResult, Source
from cse_migrate.options import RunOptions
from cse_migrate.patterns import RulePatternSet
from cse_migrate.pipeline import analyse
from cse_migrate.reports.actions import draft_actions
from cse_migrate.reports.docx.report import build_gap_document
from cse_migrate.reports.docx.words import finding
from cse_migrate.reports.json_report import to_results_dict
from cse_migrate.rules import RuleSet, StatementRule, load_rules
from cse_migrate.text import fold
from cse_migrate.tools.evaluate import load_labels
from cse_migrate.tools.train import DATA

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
ORGS = ("northshire-revenues-benefits", "riverside-outpatients", "eastmoor-libraries")
AS_OF = date(2008, 6, 30)


@pytest.fixture(scope="module")
def judge(rules: RuleSet) -> StatementJudge:
    return StatementJudge(rules)


@pytest.mark.parametrize(("text", "kind"), [
    ("No customer panel since the 2005 panel lapsed - to be re-established 2008", "absence"),
    ("We have not yet profiled who uses our front counters and who does not.", "absence"),
    ("Fire safety inspections have not taken place at 40% of high-risk premises.", "absence"),
    ("The after-the-incident survey has lapsed.", "absence"),
    ("Duty managers are no longer trained in handling complaints.", "absence"),
    ("There is no written complaints procedure for patients to see.", "absence"),
    ("Results from the victim satisfaction survey are not published locally.", "absence"),
    ("We plan to set up a reference group of disabled residents.", "plan"),
    ("The governors intend to set up a parents' forum from September.", "plan"),
    ("Self-service machines will be installed at the five largest branches.", "plan"),
    ("Nationality checking service to be offered at the register office from next year", "plan"),
    ("A single enquiry line for all campuses is proposed for the 2009/10 enrolment period.", "plan"),
])
def test_absence_and_plan_are_recognised(judge: StatementJudge, text: str, kind: str) -> None:
    judged = judge.judge(text)
    assert (judged.kind, judged.gap) == (kind, "")
    assert judged.rule


@pytest.mark.parametrize("text", [
    "No complaints were upheld by the Ombudsman in 2007.",
    "No waiting: callers at the one-stop shop are seen at once.",
    "Not only do we answer 90% of calls within 20 seconds, but callers can now book online.",
    "Library membership is free of charge, and there is no charge for reservations.",
    "Customers wait no more than 15 minutes at reception.",
    "Customers no longer need to visit the office: claims can be made by phone.",
    "Telephone switch in the server room replaced (no change to public numbers)",
    "Non-user survey of lapsed library members found opening hours were the main barrier",
    "The panel planned in 2006 met four times in 2007.",
    "Calls are to be answered within 20 seconds.",
    "We will answer your letter within ten working days.",
    "We aim to answer 90% of telephone calls within 20 seconds.",
    "The council aims to respond to all complaints within 10 working days.",
])
def test_negations_that_state_a_good_result_are_support(judge: StatementJudge, text: str) -> None:
    judged = judge.judge(text)
    assert (judged.kind, judged.gap) == ("support", ""), judged


def test_a_fact_with_a_plan_keeps_the_fact_and_raises_the_plan(judge: StatementJudge) -> None:
    text = ("We carry out an annual satisfaction survey of benefit claimants, and in 2006 81% were satisfied. We "
            "intend to re-establish a panel during 2008.")
    judged = judge.judge(text)
    assert judged.kind == "support"
    assert judged.fact.startswith("We carry out an annual satisfaction survey") and "intend" not in judged.fact
    assert judged.gap == "We intend to re-establish a panel during 2008."
    assert judged.rule == "we-intend"


def test_an_aim_to_improve_a_result_is_still_a_plan(judge: StatementJudge) -> None:
    assert judge.judge("We aim to bring the average re-let time down to 21 days.").kind == "plan"
    judged = judge.judge("Void properties are re-let in 26 days on average, and we aim to bring this down to 21 days.")
    assert (judged.kind, judged.rule) == ("support", "we-intend")
    assert judged.fact == "Void properties are re-let in 26 days on average" and "aim to bring" in judged.gap


def test_clauses_after_the_gap_belong_to_it(judge: StatementJudge) -> None:
    judged = judge.judge("There is no breakfast club, and working parents have told us this makes mornings hard.")
    assert judged.kind == "absence"
    assert split_clauses("Results are reported to the Board but are not published. We plan to publish them.") \
        == ["Results are reported to the Board", "are not published", "We plan to publish them"]


def test_bundled_statement_rules_have_ids_and_meanings(rules: RuleSet) -> None:
    """Every rule has a unique id and one of the three meanings; the patterns run on RE2 (linear time), and
    tests/test_linear_regex.py feeds each of them adversarial lines."""
    assert {r.means for r in rules.statements} == {"support", "absence", "plan"}
    assert len({r.id for r in rules.statements}) == len(rules.statements)


def test_a_bad_statement_rule_is_refused_on_load_naming_file_and_key(tmp_path: Path) -> None:
    (tmp_path / "statements.yaml").write_text(
        "kind: statements\nrules:\n  - id: bad\n    means: gap\n    pattern: 'no(?! complaints)'\n"
        "  - id: empty\n    means: plan\n  - id: refers\n    means: absence\n    pattern: '(no)\\s\\1'\n",
        encoding="utf-8")
    with pytest.raises(RulesError) as caught:
        load_rules(tmp_path)
    text = "\n".join(caught.value.problems)
    assert "statements.yaml: rules[bad].means: 'gap' is not one of: support, absence, plan" in text
    assert "statements.yaml: rules[bad].pattern: not a valid regular expression" in text
    assert "statements.yaml: rules[empty]: needs a pattern or phrases" in text
    assert "statements.yaml: rules[refers].pattern: not a valid regular expression" in text


def test_kind_detection_on_the_development_statements(judge: StatementJudge) -> None:
    """Precision and recall of absence+plan detection on the development extension (its ``kind`` column); the
    rules were written with these statements in view, so these are development figures, not an accuracy claim.
    Measured 2026-11-30: precision 1.00, recall 1.00 (63 of 63), mixed lines split 23 of 23."""
    rows = list(csv.DictReader((ROOT / "tests/data/dev_extra_statements.csv").open(encoding="utf-8")))
    found = {r["id"]: judge.judge(r["text"]) for r in rows}
    gold = {r["id"] for r in rows if r["kind"] in ("absence", "plan")}
    said = {i for i, j in found.items() if j.kind != "support"}
    mixed = [r["id"] for r in rows if r["kind"] == "mixed"]
    precision = len(gold & said) / len(said)
    recall = len(gold & said) / len(gold)
    split = sum(1 for i in mixed if found[i].kind == "support" and found[i].gap)
    print(f"\nkind on dev_extra: absence+plan precision {precision:.3f}, recall {recall:.3f} "
          f"({len(gold & said)}/{len(gold)}); mixed split {split}/{len(mixed)}")
    assert precision >= 0.95 and recall >= 0.95 and split >= 0.9 * len(mixed)


def test_kind_detection_on_every_development_corpus(judge: StatementJudge) -> None:
    """The same over the rows of every development file with a kind label and a criterion (12,961 evidence rows).
    Development figures: the rules added on 2026-12-02 (not-since, told-to-do, few-have,
    could-not-show, will-do, from-a-date, planned-note, the two future-worded standards, list markers and
    "topic: gap" notes) were written from these statements' misses. Measured then: precision 0.900 (0.904 before),
    recall 0.916 (0.662 before; 2,181 of 2,382), mixed lines split 702 of 878 (621 before)."""
    files = ["labeled_statements.csv", *(f"dev_extra{n}_statements.csv" for n in ("", "2", "3", "4", "5", "6", "7",
                                                                                "8")), "fresh_statements.csv"]
    rows = [r for name in files for r in csv.DictReader((ROOT / "tests/data" / name).open(encoding="utf-8"))
            if r["split"] == "dev" and r.get("kind") and r["five_points"] != "NONE"]
    said = {r["id"] + r["text"]: judge.judge(r["text"]) for r in rows}
    gaps = ("absence", "plan")
    gold = [r for r in rows if r["kind"] in gaps]
    flagged = [r for r in rows if said[r["id"] + r["text"]].kind in gaps]
    found = [r for r in gold if said[r["id"] + r["text"]].kind in gaps]
    mixed = [r for r in rows if r["kind"] == "mixed"]
    split = sum(1 for r in mixed if said[r["id"] + r["text"]].kind == "support" and said[r["id"] + r["text"]].gap)
    assert len(gold) >= 2300
    assert len(found) / len(flagged) >= 0.89 and len(found) / len(gold) >= 0.91 and split >= 0.79 * len(mixed)


def test_a_log_note_with_a_short_gap_is_a_gap_and_a_list_marker_is_layout(judge: StatementJudge) -> None:
    note = judge.judge("- Tenants' newsletter in Somali: not yet produced")
    assert note.kind == "absence" and not note.fact
    # a fact before the gap, joined by a conjunction, is still a fact with a gap
    mixed = judge.judge("Tenants' newsletter produced in Somali in 2007, and we intend to add Polish")
    assert mixed.kind == "support" and mixed.gap.endswith("we intend to add Polish")
    # a long gap after a topic is not a note: the topic may be a fact
    long_gap = judge.judge("Newsletter sent to all 4,000 tenants: the Polish edition has not yet been produced "
                           "because no translator could be found in time for the spring issue")
    assert long_gap.kind == "support" and long_gap.gap
    assert judge.judge("• No tenants' panel since 2006").kind == "absence"
    assert judge.judge("1) Our charter promises that every caller will be told the officer's name").kind == "support"


# --- runs on the bundled samples ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sample_runs(rules: RuleSet) -> dict[tuple[str, str], RunResult]:
    return {(org, fw): analyse([SAMPLES / org], rules, RunOptions(framework=fw, as_of=AS_OF))
            for org in ORGS for fw in ("five-points", "cse-2008")}


def test_no_absence_or_plan_counts_as_evidence_in_any_sample(sample_runs: dict[tuple[str, str], RunResult]) -> None:
    for (org, fw), result in sample_runs.items():
        items = result.item_by_id()
        gap_items = {r.item.id for r in result.items if r.kind != "support"}
        assert gap_items, f"{org}: the samples plant absence and plan statements"
        for criterion in result.criteria:
            evidence = {i for i, _ in criterion.evidence}
            assert not evidence & gap_items, (org, fw, criterion.id)
            assert all(items[i].kind == "support" for i in evidence)
        data = to_results_dict(result)
        kinds = {i["id"]: i["kind"] for i in data["items"]}
        assert {i for i, k in kinds.items() if k != "support"} == gap_items


def test_planted_weak_points_show_with_their_reason(sample_runs: dict[tuple[str, str], RunResult]) -> None:
    weak = {"northshire-revenues-benefits": "2", "riverside-outpatients": "5", "eastmoor-libraries": "3"}
    for org, cid in weak.items():
        criterion = next(c for c in sample_runs[(org, "five-points")].criteria if c.id == cid)
        assert criterion.status in ("Partially met", "Gap"), (org, cid)
        assert criterion.findings, (org, cid)
        assert any(g.startswith("The evidence itself records a gap") for g in criterion.gaps)
    northshire = next(c for c in sample_runs[("northshire-revenues-benefits", "five-points")].criteria
                      if c.id == "2")
    assert any("panel lapsed" in g and "northshire_self_assessment_2007.xlsx" in g for g in northshire.gaps)


def test_cse2008_parts_are_not_compliant_on_absence_or_plan(sample_runs: dict[tuple[str, str], RunResult]) -> None:
    riverside = {c.id: c for c in sample_runs[("riverside-outpatients", "cse-2008")].criteria}
    for cid in ("4.2", "5.3"):
        assert riverside[cid].rating not in ("Compliance", "Compliance Plus"), (cid, riverside[cid].rating_reasons)
    assert riverside["5.3"].findings


# Riverside's achieved-time evidence, with one more log line of achieved times beside it: its own statement that
# clinic waiting times are not yet published to patients is then the only thing holding 5.3 back. (Without that
# line, whether the sample's own 5.3 has two strong items turns on whether its clinic standards statement also
# files there, which a retrained classifier changes.)
ACHIEVED_TIMES = "Ref,Evidence,Date\n,98% of clinic letters reached GPs within 5 working days in 2007-08,2008\n"


def test_a_part_held_back_only_by_its_own_gap_says_so_and_is_not_told_to_find_more(
        rules: RuleSet, tmp_path: Path) -> None:
    (tmp_path / "achieved_times.csv").write_text(ACHIEVED_TIMES, encoding="utf-8")
    result = analyse([SAMPLES / "riverside-outpatients", tmp_path], rules,
                     RunOptions(framework="cse-2008", as_of=AS_OF))
    part = next(c for c in result.criteria if c.id == "5.3")
    assert part.strong_count >= result.settings.compliance_min_strong and part.holding_back
    sentence = finding(result, part)
    assert "the evidence itself records a gap here: \u201cClinic waiting time performance not yet published" in sentence
    actions = [a for a in draft_actions(result) if a.part == "5.3"]
    assert any(a.kind == "gap" or a.text.startswith("Close the gap") for a in actions)
    assert not any(a.kind == "thin" for a in actions)  # two strong items: the gap is what to close


def test_items_dated_after_as_of_are_flagged_and_never_count(sample_runs: dict[tuple[str, str], RunResult]) -> None:
    result = sample_runs[("riverside-outpatients", "five-points")]
    future = {r.item.id for r in result.items if r.freshness == "future"}
    assert future
    data = to_results_dict(result)
    assert {i["id"] for i in data["items"] if i.get("dated_after_as_of")} == future
    for entry, criterion in zip(data["criteria"], result.criteria, strict=True):
        assert set(entry["dated_after_as_of"]) == set(criterion.future) <= future
        assert criterion.fresh_count + criterion.stale_count + criterion.undated_count + len(criterion.future) \
            == criterion.evidence_count


def test_future_item_does_not_make_met(tmp_path: Path, rules: RuleSet) -> None:
    log = tmp_path / "log.csv"
    log.write_text("Evidence,Date\n"
                   "Customer panel of 40 residents meets quarterly and reviews our service standards,2008-03-01\n"
                   "Residents' forum and customer panel consulted on the new opening hours,2008-12-01\n",
                   encoding="utf-8")
    result = analyse([log], rules, RunOptions(framework="five-points", as_of=AS_OF))
    collaboration = next(c for c in result.criteria if c.id == "2")
    assert collaboration.strong_count == 2 and len(collaboration.future) == 1
    assert collaboration.status == "Partially met"
    assert any("dated after the as-of date" in g for g in collaboration.gaps)


# --- noise: authorship, sign-off and title lines ------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Prepared by Paul Gresham, Outpatients Manager, on behalf of Dr Miriam Kaur, Clinical Director, for the Trust "
    "Board and the Patients' Forum, March 2008",
    "Approved by the Trust Board on 26 March 2008 – Version 2.1 – Review date March 2009",
    "Signed on behalf of the partners: Dr A. Khan (Senior Partner), Dr J. Morris and Mrs S. Taylor, 14 July 2008",
    "Compiled by the Patient Experience Team, Riverside NHS Trust, for the Board of Directors",
    "Riverside NHS Trust – annual review 2008",
    "Westdale Homes – Customer Service Excellence – Application for Assessment",
    "Eastshire Fire and Rescue Service – Customer Service Excellence evidence portfolio – Volume 2",
])
def test_authorship_and_title_lines_are_noise(rules: RuleSet, text: str) -> None:
    from cse_migrate.analysis.noise import NoiseDetector
    assert NoiseDetector(rules).detect(text) is not None


@pytest.mark.parametrize("text", [
    "Annual report 2007 published on the website and in every library",
    "Complaints procedure reviewed annually with the Patients' Forum",
    "Revenues & Benefits Service Plan 2007/08 approved by Cabinet",
])
def test_evidence_that_names_a_document_is_not_a_title(rules: RuleSet, text: str) -> None:
    from cse_migrate.analysis.noise import NoiseDetector
    assert NoiseDetector(rules).detect(text) is None


def test_no_authorship_or_title_line_is_mapped_in_any_sample(sample_runs: dict[tuple[str, str], RunResult]) -> None:
    starts = ("prepared by", "approved by", "signed", "compiled by")
    for (org, _), result in sample_runs.items():
        for r in result.items:
            if r.status in ("mapped", "unmapped"):
                lowered = r.item.text.lower()
                assert not lowered.startswith(starts), (org, r.item.text)
                assert "annual review 2008" not in lowered, (org, r.item.text)


def test_the_header_cell_of_a_one_column_sheet_is_not_an_item(tmp_path: Path, rules: RuleSet) -> None:
    from openpyxl import Workbook
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for text in ("Evidence", "Customer panel meets quarterly", "Staff trained in deaf awareness"):
        sheet.append([text])
    book.save(tmp_path / "one.xlsx")
    (tmp_path / "one.csv").write_text("Evidence\nCustomer panel meets quarterly\n", encoding="utf-8")
    result = analyse([tmp_path], rules, RunOptions(framework="five-points", as_of=AS_OF))
    assert "Evidence" not in {r.item.text for r in result.items}
    assert len(result.items) == 3


def test_eval_reports_statement_kinds(tmp_path: Path, rules: RuleSet) -> None:
    from cse_migrate.tools.evaluate import evaluate, format_report
    labels = tmp_path / "labels.csv"
    labels.write_text(
        "id,text,five_points,kind\n"
        "a,There is no customer panel since the 2005 panel lapsed,2,absence\n"
        "b,We intend to publish our complaint figures from next year,5,plan\n"
        "c,\"81% of customers were satisfied in the 2007 survey, and we plan to set up a customer panel\",2,mixed\n"
        "d,No complaints were upheld by the Ombudsman in 2007,5,support\n", encoding="utf-8")
    report = evaluate(labels, rules, RunOptions(framework="five-points", as_of=AS_OF))
    assert report.kind_scores() == (1.0, 1.0, 2, 2, 1, 1)
    assert "absence or plan recognised with precision 1.000, recall 1.000 (2 of 2)" in format_report(report)


def test_every_mapped_item_is_in_the_workbook_as_evidence_or_gap_finding(
        sample_runs: dict[tuple[str, str], RunResult]) -> None:
    """Nothing is silently dropped: an absence or plan item is on no criterion sheet, so the Gap findings sheet
    lists it, quoted, under each criterion it concerns."""
    from cse_migrate.reports.xlsx.report import build_evidence_workbook
    for (org, fw), result in sample_runs.items():
        book = build_evidence_workbook(result)
        listed: set[str] = set()
        for sheet in book.worksheets:
            header = [c.value for c in sheet[1]]
            if "Item" in header and sheet.title not in ("Unmapped", "Duplicates", "Noise"):
                column = header.index("Item")
                listed |= {str(row[column]) for row in sheet.iter_rows(min_row=2, values_only=True) if row[column]}
        mapped = {r.item.id for r in result.items if r.status == "mapped"}
        assert mapped <= listed, (org, fw, sorted(mapped - listed))
        findings = [row for row in book["Gap findings"].iter_rows(min_row=2, values_only=True)]
        assert len(findings) == sum(len(c.findings) for c in result.criteria if not c.children)


def test_a_gap_finding_holds_back_the_part_it_is_mainly_about_however_sure() -> None:
    item = EvidenceItem(id="E00001", text="Waiting time performance not yet published to patients",
                        source=Source(file="t.csv", extractor="csv"))
    finding = ItemResult(item, "mapped", (Mapping("5.3", 0.66, ()), Mapping("5.2", 0.61, ())), kind="absence")
    assert finding.holds_back({"5.3"}, strong=0.70)  # its best mapping, below strong: it is what the gap is about
    assert not finding.holds_back({"5.2"}, strong=0.70)  # touched in passing, weakly
    assert finding.holds_back({"5", "5.1", "5.2", "5.3"}, strong=0.70)  # a criterion and the parts below it
    wider = ItemResult(item, "mapped", (Mapping("4.1", 0.85, ()), Mapping("4.2", 0.72, ())), kind="plan")
    assert wider.holds_back({"4.2"}, strong=0.70)  # touched in passing, but strongly
    support = ItemResult(item, "mapped", (Mapping("5.3", 0.66, ()),))
    assert not support.holds_back({"5.3"}, strong=0.70)  # a statement of a practice in place is no finding


def test_one_pass_says_when_no_rule_meets_a_clause_and_the_rules_judge_the_rest_as_one_by_one(
        rules: RuleSet) -> None:
    # the judge first asks one set of all the rules whether any occurs in a clause; the answers must be exactly
    # those of trying every rule in order, on every clause of three labelled statement files
    judge = StatementJudge(rules)

    def one_by_one(clause: str) -> StatementRule | None:
        folded = fold(clause)
        for rule in judge.support:
            folded = rule.pattern.sub(" ", folded)
        folded = folded.strip()
        absence = next((r for r in judge.gaps if r.means == "absence" and r.pattern.search(folded)), None)
        return absence or next((r for r in judge.gaps if r.means == "plan" and r.pattern.search(folded)), None)

    texts = [case.text for name in ("labeled_statements.csv", "dev_extra2_statements.csv", "dev_extra3_statements.csv")
             for case in load_labels(DATA / name, "five-points", 1) if case.split != "heldout"]
    clauses = [c for t in texts for c in split_clauses(" ".join(t.split()))]
    assert len(clauses) > 1000
    assert sum(one_by_one(c) is not None for c in clauses) > 50  # both kinds of clause are there
    assert all(judge.clause_rule(c) is one_by_one(c) for c in clauses)
    # a clause longer than the set matcher takes is searched rule by rule
    long_clause = "x " * 3000 + "we have not yet consulted residents"
    assert judge.clause_rule(long_clause) is one_by_one(long_clause) is not None


def test_a_pattern_set_searches_anywhere_only_when_made_to() -> None:
    found = RulePatternSet([r"not yet", r"\bplan"], anywhere=True)
    assert found.any_found("we do not yet publish it") and found.any_found("a PLAN for 2009")
    assert not found.any_found("published monthly")
    assert not RulePatternSet([], anywhere=True).any_found("anything")
    with pytest.raises(ValueError, match="anywhere=True"):
        RulePatternSet([r"x"]).any_found("x")


def test_readiness_and_held_back_read_as_words(sample_runs: dict[tuple[str, str], RunResult]) -> None:
    document = build_gap_document(sample_runs[("riverside-outpatients", "cse-2008")])
    text = "\n".join(p.text for p in document.paragraphs)
    # a criterion that passes, and a readiness rule that allows no part without evidence, in words for a client
    assert "Nothing holds it back." in text and "Held back by: -." not in text
    assert "none allowed" in text and "at most 0 allowed" not in text
