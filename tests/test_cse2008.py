"""The official CSE structure (cse-2008): framework, lexicon, crosswalks, element packs, ratings, reports.

The element list used here (tests/data/elements_invented.csv) is written for the tests: its texts are invented
and are not the standard's (which are the standard owner's material and are never bundled).
"""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from openpyxl import Workbook, load_workbook

from cse_migrate.analysis.crosswalk import project_result
from cse_migrate.analysis.mapping import Matcher
from cse_migrate.analysis.ratings import rate_criteria
from cse_migrate.cli import cli
from cse_migrate.errors import ExitCode, RulesError
from cse_migrate.limits import Limits
from cse_migrate.model import CMRef, CriterionResult, EvidenceItem, ItemResult, Mapping, Source
from cse_migrate.pipeline import make_settings, map_evidence
from cse_migrate.rules import RuleSet, load_rules
from cse_migrate.rules.elements import import_elements
from cse_migrate.rules.tree import framework_tree

DATA = Path(__file__).resolve().parent / "data"
ELEMENTS = DATA / "elements_invented.csv"
BAD_ELEMENTS = DATA / "elements_invented_bad.csv"
AS_OF = date(2008, 6, 30)

CSE_TITLES = {
    "1": "Customer Insight", "1.1": "Customer Identification", "1.2": "Engagement and Consultation",
    "1.3": "Customer Satisfaction", "2": "The Culture of the Organisation",
    "2.1": "Leadership, Policy and Culture", "2.2": "Staff Professionalism and Attitude",
    "3": "Information and Access", "3.1": "Range of Information", "3.2": "Quality of Information",
    "3.3": "Access", "3.4": "Co-operative working with other providers, partners and communities",
    "4": "Delivery", "4.1": "Delivery standards", "4.2": "Achieved Delivery and Outcomes",
    "4.3": "Deal effectively with problems", "5": "Timeliness and Quality of Service",
    "5.1": "Standards for Timeliness and Quality", "5.2": "Timely Outcomes", "5.3": "Achieved Timely Delivery",
}

# Evidence for a small organisation: one statement per invented element, plus others. Dated inside the window.
EVIDENCE_CSV = """Ref,Evidence,Date
3,Customer profile refreshed from booking records and neighbourhood census statistics,2008-01-10
3,Non-user survey found what stops residents who never contact us,2008-02-10
2,Residents' panel meets quarterly to review leaflets and tell us how to change things,2008-03-01
4,Annual satisfaction survey: 84% satisfied; scores published with what we will change,2008-03-15
,All counter staff completed customer care training on behaviour standards,2008-01-20
3,Opening hours extended to Saturday mornings and Thursday evenings,2008-02-01
3,Home visits for housebound claimants who cannot travel to the office,2008-02-15
4,Complaints procedure reviewed; lessons learned from every complaint reported to managers,2008-04-01
1,Published standard: letters answered within 10 working days,2007-11-01
1,92% of calls answered within 20 seconds against a target of 90%,2008-05-01
5,Staff car park resurfaced and relined,2008-05-02
6,Community litter-pick day run by the parish council,2008-05-03
"""


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def pack(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pack")
    code, stdout, stderr = run("frameworks", "import", str(ELEMENTS), "--base", "cse-2008", "-o", str(out),
                               "--id", "invented")
    assert code == ExitCode.OK, stderr
    assert "Imported 10 element(s) under 8 sub-criteria" in stdout
    return out


@pytest.fixture(scope="module")
def pack_rules(pack: Path) -> RuleSet:
    return load_rules(pack)


@pytest.fixture(scope="module")
def evidence(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("evidence") / "westby-council"
    folder.mkdir()
    (folder / "log.csv").write_text(EVIDENCE_CSV, encoding="utf-8")
    return folder


# --- the bundled framework, lexicon and crosswalks ------------------------------------------------------


def test_cse_2008_has_the_official_structure(rules: RuleSet) -> None:
    fw = rules.frameworks["cse-2008"]
    assert {c.id: c.title for c in fw.criteria} == CSE_TITLES
    assert [c.id for c in fw.roots()] == ["1", "2", "3", "4", "5"]
    assert len(fw.leaves()) == 15 and fw.is_hierarchical
    assert fw.role == "target" and fw.provenance == "official"
    assert [c.id for c in fw.children("3")] == ["3.1", "3.2", "3.3", "3.4"]
    assert fw.ancestors("3.4") == ["3"] and fw.level("3.4") == 2 and fw.top("3.4") == "3"
    assert fw.leaves_under("5") == ["5.1", "5.2", "5.3"] and fw.leaves_under("5.2") == ["5.2"]
    assert all(c.description for c in fw.criteria)
    assert not rules.frameworks["five-points"].is_hierarchical


def test_rating_settings_are_labelled_analyst_choices(rules: RuleSet) -> None:
    fw = rules.frameworks["cse-2008"]
    for name in ("stale_months", "compliance_plus_min_strong", "compliance_plus_min_sources",
                 "compliance_min_strong", "readiness_min_compliance_share", "readiness_max_partial",
                 "readiness_max_not_evidenced"):
        assert name in fw.settings
        assert fw.settings_provenance[name].startswith("analyst")


def test_lexicon_covers_every_sub_criterion(rules: RuleSet) -> None:
    lex = rules.lexicons["cse-2008"]
    for leaf in rules.frameworks["cse-2008"].leaves():
        entry = lex.criteria[leaf.id]
        assert len(entry.phrases) >= 20, leaf.id
        assert entry.actions and entry.expected_evidence


def test_crosswalks_into_and_out_of_cse_2008(rules: RuleSet) -> None:
    for source, target in (("charter-mark-2003", "cse-2008"), ("service-first-1998", "cse-2008"),
                           ("five-points", "cse-2008"), ("cse-2008", "five-points")):
        found = rules.crosswalk_rules(source, target)
        assert found, (source, target)
        assert all(r.provenance == "analyst" and r.note for r in found)
    cm = {(r.source, r.target): r.strength for r in rules.crosswalk_rules("charter-mark-2003", "cse-2008")}
    assert cm[("1", "4.1")] > cm[("1", "4.2")]  # main stronger than secondary
    assert max(s for (src, _), s in cm.items() if src == "5") <= 3  # criterion 5: no direct CSE home
    forward = {(r.source, r.target) for r in rules.crosswalk_rules("five-points", "cse-2008")}
    back = {(r.target, r.source) for r in rules.crosswalk_rules("cse-2008", "five-points")}
    assert forward == back


@pytest.fixture(scope="module")
def cse_matcher(rules: RuleSet) -> Matcher:
    return Matcher(rules, rules.frameworks["cse-2008"])


def top(matcher: Matcher, text: str, ref: str | None = None) -> str | None:
    cm = CMRef(ref, ref.split(".")[0], ref) if ref else None
    item = EvidenceItem("E00001", text, Source("t.csv", "csv", row=1), cm_ref=cm)
    result = map_evidence([item], matcher, make_settings(matcher.framework, AS_OF))[0]
    return result.mappings[0].criterion if result.status == "mapped" else None


@pytest.mark.parametrize(("text", "expected"), [
    ("Complaints handling course for 22 front-line staff", "4.3"),  # training dedicated to complaints
    ("Plain English training for staff who draft standard letters", "3.2"),  # ... to plain English
    ("Deaf awareness training for all reception staff", "3.3"),  # ... to access
    ("All advisers completed the NVQ Level 2 in Customer Service", "2.2"),  # general training
    ("Equality and diversity policy adopted by the Council", "2.1"),  # equality policy
    ("Equality impact assessment found older claimants under-represented in take-up", "1.1"),  # unmet needs
    ("Average wait at reception down from 12 to 6 minutes", "5.2"),  # a speed gain
    ("Calls answered within 20 seconds: 93% against a target of 90%", "5.3"),  # achieved time
    ("Complaints procedure with a route to the Ombudsman published on the website", "4.3"),
    ("Customer panel consulted on the new leaflet", "1.2"),
    ("Satisfaction survey of 1,200 residents: 82% satisfied", "1.3"),
    ("Shared reception with Jobcentre Plus and the Citizens Advice Bureau", "3.4"),
])
def test_tie_breaks_of_the_labeling_spec(cse_matcher: Matcher, text: str, expected: str) -> None:
    assert top(cse_matcher, text) == expected


def test_legacy_reference_gives_a_crosswalk_prior(cse_matcher: Matcher) -> None:
    item = EvidenceItem("E00001", "Tenants' forum consulted on repairs", Source("t.csv", "csv", row=1),
                        cm_ref=CMRef("2", "2", "2"))
    mapping = map_evidence([item], cse_matcher, make_settings(cse_matcher.framework, AS_OF))[0].mappings[0]
    assert mapping.criterion == "1.2"
    assert any(r.kind == "crosswalk" and r.detail == "CM2-C1.2" for r in mapping.reasons)


def test_projection_five_points_to_cse_and_back(rules: RuleSet) -> None:
    five = rules.frameworks["five-points"]
    results = tuple(CriterionResult(c.id, c.title, "Met" if c.id == "3" else "Gap", "none", 0, 0, 0, 0, 0, (), (),
                                    (("E1", 0.9),) if c.id == "3" else (), (), (), ()) for c in five.criteria)
    projection = project_result(rules, five, results)
    assert projection is not None and projection.target == "cse-2008"
    by_id = {p.id: p for p in projection.criteria}
    assert by_id["2.2"].indicative == "Met" and by_id["2.2"].evidence == ("E1",)
    assert by_id["5.1"].indicative == "Not covered"
    cse = rules.frameworks["cse-2008"]
    assert project_result(rules, cse, ()) is not None


# --- extends: an element pack on top of cse-2008 -------------------------------------------------------


def _write(root: Path, rel: str, text: str) -> Path:
    (root / rel).parent.mkdir(parents=True, exist_ok=True)
    (root / rel).write_text(text, encoding="utf-8")
    return root


@pytest.mark.parametrize(("text", "expected"), [
    ("kind: framework\nid: x\ntitle: X\nextends: nowhere\nprovenance: user\ncriteria: [{id: '1.1.1', parent: '1.1', "
     "title: A}]\n", "extends: framework 'nowhere' is not defined"),
    ("kind: framework\nid: x\ntitle: X\nextends: cse-2008\nprovenance: user\ncriteria: [{id: '1.1', parent: '1', "
     "title: A}]\n", "extends: criteria 1.1 are already criteria of 'cse-2008'"),
    ("kind: framework\nid: x\ntitle: X\nextends: cse-2008\nprovenance: user\ncriteria: [{id: '1.9.1', parent: '1.9', "
     "title: A}]\n", "criteria[1.9.1].parent: '1.9' is not a criterion of this framework"),
    ("kind: framework\nid: x\ntitle: X\nextends: cse-2008\nprovenance: user\nsettings_provenance: {colour: blue}\n"
     "criteria: [{id: '1.1.1', parent: '1.1', title: A}]\n", "settings_provenance.colour: unknown setting"),
    ("kind: framework\nid: x\ntitle: X\nextends: cse-2008\nprovenance: user\nnot_evidence_from: charter-mark-2003\n"
     "criteria: [{id: '1.1.1', parent: '1.1', title: A}]\n", "not_evidence_from: 'charter-mark-2003' is not another "
     "target framework"),
])
def test_broken_extensions_name_file_and_key(tmp_path: Path, text: str, expected: str) -> None:
    with pytest.raises(RulesError) as info:
        load_rules(_write(tmp_path, "frameworks/x.yaml", text))
    assert "x.yaml" in str(info.value) and expected in str(info.value)


def test_pack_extends_cse_2008(pack: Path, pack_rules: RuleSet) -> None:
    fw = pack_rules.frameworks["invented"]
    assert fw.extends == "cse-2008" and fw.role == "target" and fw.provenance == "user"
    elements = [c for c in fw.criteria if fw.level(c.id) == 3]
    assert [c.id for c in elements] == ["1.1.1", "1.1.2", "1.2.1", "1.3.1", "2.2.1", "3.3.1", "3.3.2", "4.3.1",
                                        "5.1.1", "5.3.1"]
    assert {c.id: c.parent for c in elements}["3.3.2"] == "3.3"
    assert next(c for c in elements if c.id == "1.1.1").title == "Knowing our users"
    assert fw.settings["compliance_min_strong"] == 1  # element-level thresholds, with provenance
    assert fw.settings_provenance["compliance_min_strong"].startswith("analyst")
    assert fw.settings["stale_months"] == 36  # inherited from cse-2008
    lexicon = pack_rules.lexicons["invented"]
    assert "1.2" in lexicon.criteria  # the base lexicon is inherited ...
    assert any(p.text == "panels forums" for p in lexicon.criteria["1.2.1"].phrases)  # ... plus own words
    assert "3.1" in [c.id for c in fw.leaves()] and "3.3" not in [c.id for c in fw.leaves()]
    text = (pack / "frameworks" / "invented.yaml").read_text(encoding="utf-8")
    assert "We visit people at home" in text  # the user's element text lives in their own pack


def test_import_reports_every_bad_row(tmp_path: Path) -> None:
    code, _, stderr = run("frameworks", "import", str(BAD_ELEMENTS), "-o", str(tmp_path / "p"))
    assert code == ExitCode.RULES_INVALID
    assert "elements_invented_bad.csv: row 3: element 1.9.1 belongs under sub-criterion 1.9" in stderr
    assert "row 4: duplicate element id 1.1.1 (first on row 2)" in stderr
    assert "row 5: 'one.two' is not an element id" in stderr
    assert "row 6: element 2.2.9 has no text" in stderr
    assert "row 7: no element id" in stderr
    assert not (tmp_path / "p").exists()  # nothing written when the list is wrong


def test_import_reads_xlsx_with_a_title_block_and_loose_headers(tmp_path: Path, rules: RuleSet) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["Our copy of the elements (invented for this test)"])
    sheet.append([])
    sheet.append(["Element ref.", "Descripton"])
    sheet.append(["4.3.1", "We say sorry and put things right quickly."])
    sheet.append([1.2, "An id that Excel turned into a number."])
    path = tmp_path / "elements.xlsx"
    book.save(path)
    with pytest.raises(RulesError) as info:
        import_elements(path, rules, "cse-2008", tmp_path / "pack")
    assert "elements.xlsx: row 5: '1.2' is not an element id" in str(info.value)
    assert "format the id column as text" in str(info.value)
    sheet.delete_rows(5)
    book.save(path)
    done = import_elements(path, rules, "cse-2008", tmp_path / "pack", "mine")
    assert [e.id for e in done.elements] == ["4.3.1"] and done.elements[0].row == 4
    assert load_rules(tmp_path / "pack").frameworks["mine"].criterion("4.3.1") is not None


def test_frameworks_show_prints_the_tree(pack: Path) -> None:
    code, out, _ = run("frameworks", "show", "cse-2008")
    assert code == 0
    assert "1        Customer Insight  [3 sub-criteria]" in out
    assert "  3.4      Co-operative working with other providers, partners and communities" in out
    code, out, _ = run("frameworks", "show", "invented", "--rules", str(pack))
    assert "5 criteria, 15 sub-criteria, 10 elements" in out
    assert "  3.3      Access  [2 elements]" in out and "    3.3.2    Reaching homes" in out
    code, _, err = run("frameworks", "show", "nope")
    assert code == ExitCode.USAGE and "unknown framework 'nope'" in err
    code, out, _ = run("frameworks")
    assert "cse-2008" in out and "five-points" in out


def test_tree_of_a_flat_framework(rules: RuleSet) -> None:
    assert framework_tree(rules.frameworks["five-points"]).count("\n") == 6


# --- per-element mapping, ratings, readiness ------------------------------------------------------------


def test_items_map_to_the_element_their_words_fit(pack_rules: RuleSet) -> None:
    fw = pack_rules.frameworks["invented"]
    matcher = Matcher(pack_rules, fw)
    assert "3.3" not in matcher.criteria and "3.3.1" in matcher.criteria and "3.1" in matcher.criteria
    expected = {
        # the element's own words ("open ... evenings") must stand close together: phrases are not bags of words
        "Opening hours extended: open in the evenings and on Saturday mornings": "3.3.1",
        "Home visits for housebound claimants who cannot travel to the office": "3.3.2",
        "Customer profile refreshed from booking records and neighbourhood census statistics": "1.1.1",
        "Complaints procedure reviewed; lessons learned from every complaint": "4.3.1",
        "Plain English review of all standard letters": "3.2",  # a sub-criterion without elements
    }
    items = [EvidenceItem(f"E{n:05d}", text, Source("t.csv", "csv", row=n)) for n, text in enumerate(expected, 1)]
    results = map_evidence(items, matcher, make_settings(fw, AS_OF))
    assert [r.mappings[0].criterion for r in results] == list(expected.values())
    # siblings compete: the opening-hours item supports its element, not every element of 3.3
    assert [m.criterion for m in results[0].mappings] == ["3.3.1"]


def _leaf(cid: str, evidence: tuple[tuple[str, float], ...], parent: str) -> CriterionResult:
    return CriterionResult(cid, cid, "Met", "strong", len(evidence), 0, 0, 0, 0, (), (), evidence, (), (), (),
                           level=2, parent=parent)


def test_rating_rules(rules: RuleSet) -> None:
    fw = rules.frameworks["cse-2008"]
    settings = make_settings(fw, AS_OF)

    def item(n: int, file: str, when: date | None) -> ItemResult:
        return ItemResult(EvidenceItem(f"E{n}", "x", Source(file, "csv", row=n), date=when), "mapped",
                          (Mapping("1.1", 0.9, ()),))

    fresh, old = date(2008, 1, 1), date(2001, 1, 1)
    items = [item(1, "a.csv", fresh), item(2, "b.csv", fresh), item(3, "a.csv", fresh), item(4, "a.csv", old),
             item(5, "a.csv", None)]
    evidence = {
        "1.1": (("E1", 0.9), ("E2", 0.9), ("E3", 0.9)),  # 3 strong, fresh, 2 files: Compliance Plus
        "1.2": (("E1", 0.9), ("E3", 0.9)),  # 2 strong, fresh: Compliance
        "1.3": (("E1", 0.5), ("E4", 0.9), ("E5", 0.9)),  # weak, stale, undated: Partial Compliance
    }
    criteria = [CriterionResult("1", "Customer Insight", "Met", "strong", 0, 0, 0, 0, 0, (), (), (), (), (), (),
                                children=("1.1", "1.2", "1.3"))]
    criteria += [_leaf(cid, evidence.get(cid, ()), "1") for cid in ("1.1", "1.2", "1.3")]
    for root in ("2", "3", "4", "5"):
        children = tuple(c.id for c in fw.children(root))
        criteria.append(CriterionResult(root, root, "Gap", "none", 0, 0, 0, 0, 0, (), (), (), (), (), (),
                                        children=children))
        criteria += [_leaf(cid, (), root) for cid in children]
    rated, readiness = rate_criteria(fw, criteria, items, settings)
    by_id = {c.id: c for c in rated}
    assert [by_id[c].rating for c in ("1.1", "1.2", "1.3", "2.1")] == [
        "Compliance Plus", "Compliance", "Partial Compliance", "Not evidenced"]
    assert by_id["1"].rating == "Partial Compliance" and "1.3 Partial Compliance" in by_id["1"].rating_reasons[0]
    assert by_id["2"].rating == "Not evidenced"
    assert "from 2 files" in by_id["1.1"].rating_reasons[0]
    assert not readiness.ready
    one = readiness.criteria[0]
    assert one.counts == (("Compliance Plus", 1), ("Compliance", 1), ("Partial Compliance", 1),
                          ("Not evidenced", 0))
    assert "67% of parts at Compliance or better; at least 70% needed." in one.reasons
    assert {u.name for u in readiness.settings} >= {"readiness_max_partial", "stale_months"}
    assert all(u.provenance.startswith("analyst") for u in readiness.settings)


# --- end to end: results.json, the report, the workbook, batch ------------------------------------------


@pytest.fixture(scope="module")
def element_run(pack: Path, evidence: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("element-run")
    code, _, stderr = run("analyse", str(evidence), "-o", str(out), "--rules", str(pack), "--framework", "invented",
                          "--as-of", AS_OF.isoformat())
    assert code == ExitCode.OK, stderr
    return out


def test_results_json_gains_the_hierarchy(element_run: Path) -> None:
    data = json.loads((element_run / "results.json").read_text(encoding="utf-8"))
    assert data["framework"]["id"] == "invented"
    criteria = {c["id"]: c for c in data["criteria"]}
    # the foundation contract is kept ...
    for c in data["criteria"]:
        assert c["status"] in {"Met", "Partially met", "Gap"} and c["evidence_count"] == len(c["evidence"])
    s = data["summary"]
    assert s["read"] == s["mapped"] + s["unmapped"] + s["noise"] + s["duplicate"] == len(data["items"])
    # ... and the hierarchy is added
    assert criteria["3.3"]["children"] == ["3.3.1", "3.3.2"] and criteria["3.3.1"]["parent"] == "3.3"
    assert criteria["3.3.1"]["level"] == 3 and criteria["3"]["level"] == 1
    assert criteria["3.3.1"]["rating"] in {"Compliance Plus", "Compliance"}
    assert criteria["3.3.1"]["rating_reasons"]
    assert [n["id"] for n in data["hierarchy"]] == ["1", "2", "3", "4", "5"]
    access = next(n for n in data["hierarchy"][2]["children"] if n["id"] == "3.3")
    assert [n["id"] for n in access["children"]] == ["3.3.1", "3.3.2"]
    assert data["readiness"]["ready"] is False
    assert {u["name"] for u in data["readiness"]["settings"]} >= {"readiness_min_compliance_share"}
    assert data["projection"]["target"] == "five-points"
    mapped_to = {m["criterion"] for i in data["items"] for m in i["mappings"]}
    assert {"3.3.1", "3.3.2", "1.2.1", "4.3.1"} <= mapped_to and "3.3" not in mapped_to
    # the items citing Charter Mark 5 and 6 are still there, whatever became of them
    legacy = {i["cm_ref"]["criterion"]: i["status"] for i in data["items"] if "cm_ref" in i}
    assert {"5", "6"} <= set(legacy)


def test_report_reads_back_with_ratings_and_readiness(element_run: Path) -> None:
    document = docx.Document(str(element_run / "gap-report.docx"))
    heads = {level: [p.text for p in document.paragraphs if p.style is not None and p.style.name == f"Heading {level}"]
             for level in (1, 2, 3)}
    assert heads[1][0] == "Executive summary"
    assert "3 Information and Access" in heads[1] and "3.3 Access" in heads[2]
    assert "3.3.1 Opening times" in heads[3] and "3.3.2 Reaching homes" in heads[3]  # all evidence, by element
    assert any(h.endswith("Where the Charter Mark evidence went") for h in heads[1])
    assert any("against Customer Service Excellence – the five points" in h for h in heads[1])
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Estimated reading: " in text and "Not yet ready for assessment." in text
    assert "Readiness: not yet" in text  # each criterion says what stops it
    tables = {t.rows[0].cells[0].text + "|" + t.rows[0].cells[-1].text: t for t in document.tables}
    settings = tables["Setting|Where the value comes from"]
    provenance = {r.cells[0].text.split("\n")[-1]: r.cells[3].text for r in settings.rows[1:]}
    assert provenance["readiness_max_partial"].startswith("analyst")
    summary = tables["Criterion|Held back by"]
    assert summary.rows[0].cells[3].text == "Estimated reading"
    assert len(summary.rows) == 1 + 5  # the criteria; the heat map and each criterion's table show the rest
    parts = [r.cells[0].text.split()[0] for t in document.tables if t.rows[0].cells[0].text == "Part"
             for r in t.rows[1:]]
    assert len(parts) == 15 and "3.3" in parts
    legacy = tables["Charter Mark criterion|Not filed"]
    rows = {r.cells[0].text.split()[0]: [c.text for c in r.cells] for r in legacy.rows[1:]}
    assert rows["5"][1] == "1" and rows["6"][1] == "1"  # criteria 5 and 6 accounted for, not dropped
    assert "Evidence|Note" in tables  # the unmatched evidence


def test_workbook_has_a_ratings_sheet_and_a_sheet_per_criterion(element_run: Path) -> None:
    book = load_workbook(element_run / "evidence.xlsx")
    assert book.sheetnames[:7] == ["Review", "Ratings", "1 Customer Insight", "2 The Culture of the Organisat…",
                                   "3 Information and Access", "4 Delivery", "5 Timeliness and Quality of Se…"]
    ratings = [[c.value for c in row] for row in book["Ratings"].iter_rows()]
    assert ratings[0][:5] == ["Id", "Level", "Title", "Parent", "Estimated rating"]
    assert ratings[[r[0] for r in ratings].index("3.3.2")][:2] == ["3.3.2", "element"]
    access = [[c.value for c in row] for row in book["3 Information and Access"].iter_rows()]
    assert access[0][:3] == ["Part", "Part title", "Item"]
    assert {"3.3.1", "3.3.2"} <= {r[0] for r in access[1:]}


def test_five_points_run_is_unchanged_but_gains_a_projection(evidence: Path, tmp_path: Path) -> None:
    code, _, _ = run("analyse", str(evidence), "-o", str(tmp_path), "--as-of", AS_OF.isoformat(),
                     "--framework", "five-points")
    assert code == ExitCode.OK
    data = json.loads((tmp_path / "results.json").read_text(encoding="utf-8"))
    assert "hierarchy" not in data and "readiness" not in data
    assert all("rating" not in c for c in data["criteria"])
    assert data["projection"]["target"] == "cse-2008"
    assert len(data["projection"]["criteria"]) == 15


def test_batch_with_cse_2008(evidence: Path, tmp_path: Path) -> None:
    batch_in = tmp_path / "in"
    shutil.copytree(evidence, batch_in / evidence.name)
    code, _, _ = run("batch", str(batch_in), "-o", str(tmp_path / "out"), "--framework", "cse-2008",
                     "--as-of", AS_OF.isoformat(), "-q")
    assert code == ExitCode.OK
    sheet = load_workbook(tmp_path / "out" / "summary.xlsx")["Summary"]
    header = [c.value for c in sheet[1]]
    assert "1 Customer Insight" in header and "3.3 Access" in header
    assert "Ready (this framework)" in header
    row = [c.value for c in sheet[2]]
    assert row[header.index("3.3 Access")] in {"Compliance Plus", "Compliance", "Partial Compliance"}
    assert row[header.index("Ready (this framework)")] == "not yet"


def test_import_reads_through_the_evidence_readers(tmp_path: Path, rules: RuleSet) -> None:
    # content decides the format, as for evidence: a workbook saved under a misleading name is still read
    book = Workbook()
    book.active.append(["Element", "Text"])
    book.active.append(["4.3.1", "We say sorry and put things right quickly."])
    path = tmp_path / "elements.dat"
    book.save(path)
    done = import_elements(path, rules, "cse-2008", tmp_path / "pack", "mine")
    assert [e.id for e in done.elements] == ["4.3.1"]
    # and the evidence limits apply: a list longer than --max-rows is refused with the file's name
    rows = "Element,Text\n" + "".join(f"1.1.{n},Element text number {n}\n" for n in range(1, 8))
    (tmp_path / "long.csv").write_text(rows, encoding="utf-8")
    with pytest.raises(RulesError, match=r"long\.csv.*--max-rows"):
        import_elements(tmp_path / "long.csv", rules, "cse-2008", tmp_path / "pack2", "mine2",
                        limits=Limits(max_rows=3))
    code, _, stderr = run("frameworks", "import", str(tmp_path / "long.csv"), "-o", str(tmp_path / "pack3"),
                          "--max-rows", "3")
    assert code == ExitCode.RULES_INVALID and "long.csv" in stderr
