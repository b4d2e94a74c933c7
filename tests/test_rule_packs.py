"""Rules packs as a supplier uses them: stacked, tested, explained, recorded, safe (issue 12)."""

from __future__ import annotations

import json
import shutil
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from cse_migrate.analysis.mapping import Matcher
from cse_migrate.cli import cli
from cse_migrate.errors import ExitCode, RulesError
from cse_migrate.model import EvidenceItem, Source
from cse_migrate.rules import BUNDLED_RULES, RuleSet, load_rules
from cse_migrate.rules.loader import case_files
from cse_migrate.rules.settings import settings_for
from cse_migrate.tools.explain import explain_text
from cse_migrate.tools.rule_tests import COVERS, load_all_cases, run_cases

ROOT = Path(__file__).resolve().parent.parent
PACKS = ROOT / "samples" / "packs"
BASE = PACKS / "acme-housing"
CLIENT = PACKS / "northshire-client"
NORTHSHIRE = ROOT / "samples" / "northshire-revenues-benefits"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def _pack(tmp_path: Path, files: dict[str, str], name: str = "pack") -> Path:
    pack = tmp_path / name
    for rel, text in files.items():
        (pack / rel).parent.mkdir(parents=True, exist_ok=True)
        (pack / rel).write_text(text, encoding="utf-8")
    return pack


@pytest.fixture(scope="module")
def stacked() -> RuleSet:
    return load_rules([BASE, CLIENT])


# --- the bundled cases -------------------------------------------------------------------------------------------


def test_the_bundled_cases_all_pass_and_cover_every_rule_class(rules: RuleSet) -> None:
    files = [(p, f"bundled:{p.relative_to(BUNDLED_RULES).as_posix()}") for p in case_files(BUNDLED_RULES)]
    cases = load_all_cases(files, rules)
    assert len(cases) >= 150
    failures = [f"{o.case.where}: expected {o.case.expect}, got {o.got}: {o.case.text}"
                for o in run_cases(cases, rules) if not o.passed]
    assert failures == []
    expected = {(c.framework, c.expect) for c in cases}
    for fw in rules.targets():
        for criterion in fw.leaves():
            assert (fw.id, criterion.id) in expected, f"no case expects {fw.id} {criterion.id}"
    noise = {c.expect.split(":", 1)[1] for c in cases if c.expect.startswith("noise:")}
    assert {p.id for p in rules.noise} | {"no-words", "criterion-heading"} <= noise
    gaps = {c.expect.split(":", 1)[1] for c in cases if c.expect.startswith("absence:")}
    assert {r.id for r in rules.statements if r.means in ("absence", "plan")} <= gaps
    covered = {name for c in cases for name in c.covers}
    assert {name for name in COVERS if name.startswith("vocabulary.")} <= covered
    assert {"vocabulary.abbreviations", "vocabulary.spellings", "vocabulary.stopwords",
            "vocabulary.not_customer_facing", "vocabulary.number_words"} <= covered


def test_rules_test_prints_failures_with_explanations_and_exits_6(tmp_path: Path) -> None:
    cases = tmp_path / "cases.yaml"
    cases.write_text("kind: rule-tests\nframework: five-points\ncases:\n"
                     "  - {text: Home visits are offered to housebound residents., expect: '1'}\n"
                     "  - {text: All staff completed a customer care course., expect: '5', why: deliberately wrong}\n",
                     encoding="utf-8")
    code, out, _ = run("rules", "test", str(cases))
    assert code == ExitCode.RULE_TESTS_FAILED
    assert "FAIL " in out and "case 2 (five-points): expected 5, got 3" in out
    assert "why it belongs there: deliberately wrong" in out
    assert 'phrase "customer care course"' in out or 'phrase "course"' in out  # the explanation is printed
    assert out.strip().endswith("1 passed, 1 failed")
    code, out, _ = run("rules", "test")
    assert code == ExitCode.OK and out.strip().endswith("230 passed, 0 failed")


def test_case_files_are_checked_naming_file_case_and_key(tmp_path: Path) -> None:
    cases = tmp_path / "bad.yaml"
    cases.write_text("kind: rule-tests\nframework: five-points\ncases:\n  - {text: x, expect: '9'}\n"
                     "  - {text: y, expect: 'noise:nope'}\n  - {expect: '1'}\n", encoding="utf-8")
    code, _, err = run("rules", "test", str(cases))
    assert code == ExitCode.RULES_INVALID
    assert "bad.yaml: cases[1].expect: '9' is not a criterion of five-points" in err
    assert "cases[2].expect: 'nope' is not a noise rule" in err and "cases[3].text: is required" in err


# --- the done-when scenario: a supplier pack of four few-line files under a client pack ----------------------------


def test_a_supplier_pack_under_a_client_pack(stacked: RuleSet, rules: RuleSet) -> None:
    assert [p.id for p in stacked.packs] == ["bundled", "acme-housing", "northshire-client"]
    lexicon = stacked.lexicons["five-points"].criteria
    added = {p.text: p.source for p in lexicon["1"].phrases}
    assert added["choice-based lettings"] == "acme-housing:lexicons/five-points.yaml"
    assert added["home visit"] == "bundled:lexicons/five-points.yaml"  # the bundled phrases are all still there
    assert len(lexicon["1"].phrases) == len(rules.lexicons["five-points"].criteria["1"].phrases) + 2
    assert {p.text for p in lexicon["5"].phrases} >= {"northshire promise"}
    rule = next(r for r in stacked.crosswalks if r.id == "CM3-P1")
    assert (rule.strength, rule.provenance, rule.relationship) == (9, "supplier", "intersects-with")
    assert rule.file == "acme-housing:crosswalks/charter-mark-2003--five-points.yaml"
    assert len(stacked.crosswalks) == len(rules.crosswalks)
    assert stacked.vocabulary.abbreviations["cbl"] == "choice-based lettings"
    assert stacked.vocabulary.abbreviations.keys() - {"cbl"} == rules.vocabulary.abbreviations.keys()
    assert stacked.vocabulary.stopwords == rules.vocabulary.stopwords
    assert [p.id for p in stacked.noise] == [p.id for p in rules.noise] + ["acme-case-reference"]
    code, out, _ = run("rules", "test", "--rules", str(BASE), "--rules", str(CLIENT))
    assert code == ExitCode.OK and out.strip().endswith("6 passed, 0 failed")


def test_the_strength_change_shows_in_the_explanation(stacked: RuleSet, rules: RuleSet) -> None:
    text = "Opening hours were reviewed."
    before = explain_text(text, rules, "five-points", cm_ref="3").as_dict()
    after = explain_text(text, stacked, "five-points", cm_ref="3").as_dict()

    def crosswalk(d: dict[str, object]) -> tuple[float, str]:
        reasons = next(s["reasons"] for s in d["scores"] if s["criterion"] == "1")  # type: ignore[attr-defined]
        found = next(r for r in reasons if r["kind"] == "crosswalk")
        return found["contribution"], found["rule"]

    assert crosswalk(before) == (0.8, "bundled:crosswalks/charter-mark-2003--five-points.yaml")
    assert crosswalk(after) == (0.9, "acme-housing:crosswalks/charter-mark-2003--five-points.yaml")


def test_results_record_each_pack_by_name_version_and_checksum(tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, _, err = run("analyse", str(NORTHSHIRE), "-o", str(out), "--as-of", "2008-06-30",
                       "--rules", str(BASE), "--rules", str(CLIENT))
    assert code == ExitCode.OK, err
    raw = (out / "results.json").read_text(encoding="utf-8")
    packs = json.loads(raw)["rules"]["packs"]
    assert [(p["id"], p["version"]) for p in packs][1:] == [("acme-housing", "1.0.0"), ("northshire-client", "2.1.0")]
    assert packs[0]["id"] == "bundled" and all(len(p["sha256"]) == 64 for p in packs)
    files = [f["path"] for f in json.loads(raw)["rules"]["files"]]
    assert "bundled:lexicons/five-points.yaml" in files and "acme-housing:noise.yaml" in files
    assert not any(str(ROOT) in f for f in files) and str(BUNDLED_RULES) not in raw  # no install path leaks
    from docx import Document

    text = "\n".join(cell.text for table in Document(str(out / "gap-report.docx")).tables
                     for row in table.rows for cell in row.cells)
    assert "acme-housing" in text and "2.1.0" in text and packs[1]["sha256"][:16] in text


def test_batch_summary_lists_the_packs(tmp_path: Path) -> None:
    batch = tmp_path / "in"
    shutil.copytree(NORTHSHIRE, batch / "northshire")
    code, _, err = run("batch", str(batch), "-o", str(tmp_path / "out"), "--as-of", "2008-06-30",
                       "--rules", str(BASE))
    assert code == ExitCode.OK, err
    sheet = load_workbook(tmp_path / "out" / "summary.xlsx")["Rules packs"]
    rows = [[c.value for c in row] for row in sheet.iter_rows(values_only=False)]
    assert rows[0][:2] == ["Pack", "Version"] and [r[0] for r in rows[1:]] == ["bundled", "acme-housing"]
    assert rows[2][1] == "1.0.0" and len(rows[2][5]) == 64


def test_a_client_pack_needs_its_base_first(tmp_path: Path) -> None:
    with pytest.raises(RulesError, match=r"northshire-client:pack.yaml: requires.acme-housing: pack 'acme-housing' "
                                         r"must be given before 'northshire-client'"):
        load_rules(CLIENT)


# --- layering rules and safer loading ---------------------------------------------------------------------------


def test_an_overlay_aimed_at_nothing_is_an_error_naming_it(tmp_path: Path) -> None:
    pack = _pack(tmp_path, {"crosswalks/charter-mark-2003--five-points.yaml":
                            "kind: crosswalk\nrules:\n  - {id: CM9-P9, remove: true}\n",
                            "lexicons/five-points.yaml": "kind: lexicon\ncriteria: {'1': {phrases: {teleport: ~}}}\n"})
    with pytest.raises(RulesError) as info:
        load_rules(pack)
    message = str(info.value)
    assert "pack:crosswalks/charter-mark-2003--five-points.yaml: rules[CM9-P9].remove: there is no entry 'CM9-P9'" \
           in message
    assert "pack:lexicons/five-points.yaml: criteria.1.phrases.teleport: is to be removed" in message


def test_a_second_file_for_the_same_lexicon_is_an_error_not_a_silent_replacement(tmp_path: Path) -> None:
    pack = _pack(tmp_path, {"lexicons/mine.yaml": "kind: lexicon\nframework: five-points\n"
                                                 "criteria: {'2': {phrases: {panel: 3}}}\n"})
    with pytest.raises(RulesError, match=r"pack:lexicons/mine.yaml: framework: a lexicon for 'five-points' is also "
                                         r"in bundled:lexicons/five-points.yaml"):
        load_rules(pack)


def test_replace_true_replaces_on_purpose(tmp_path: Path, rules: RuleSet) -> None:
    text = (BUNDLED_RULES / "vocabulary.yaml").read_text(encoding="utf-8")
    pack = _pack(tmp_path, {"vocabulary.yaml": text.replace("kind: vocabulary", "kind: vocabulary\nreplace: true")
                            .replace("  foi: freedom of information\n", "")})
    replaced = load_rules(pack)
    assert "foi" not in replaced.vocabulary.abbreviations
    assert len(replaced.vocabulary.abbreviations) == len(rules.vocabulary.abbreviations) - 1


def test_duplicate_keys_and_yaml_errors_name_file_line_and_column(tmp_path: Path) -> None:
    pack = _pack(tmp_path, {"lexicons/five-points.yaml": "kind: lexicon\ncriteria:\n  '2':\n    phrases: {panel: 3}\n"
                                                         "  '2':\n    phrases: {forum: 3}\n",
                            "noise.yaml": "kind: noise\npatterns: [\n"})
    with pytest.raises(RulesError) as info:
        load_rules(pack)
    message = str(info.value)
    assert "pack:lexicons/five-points.yaml: (file): not valid YAML at line 5, column 3: duplicate key '2' (first at " \
           "line 3)" in message
    assert "pack:noise.yaml: (file): not valid YAML at line 3, column 1:" in message


def test_files_under_tests_are_cases_not_rules(tmp_path: Path) -> None:
    pack = _pack(tmp_path, {"tests/cases.yaml": "kind: rule-tests\nframework: five-points\ncases: []\n",
                            "pack.yaml": (BASE / "pack.yaml").read_text(encoding="utf-8").replace("acme-housing",
                                                                                                 "tiny")})
    loaded = load_rules(pack)
    assert not any(f.path.startswith("tiny:tests/") for f in loaded.files)


def test_validate_warns_when_the_bundled_rules_changed_since_the_pinned_version(tmp_path: Path) -> None:
    pack = tmp_path / "acme"
    shutil.copytree(BASE, pack)
    manifest = pack / "pack.yaml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace("rules: rules-", "rules: rules-0ld"),
                        encoding="utf-8")
    code, _, err = run("rules", "validate", "--rules", str(pack))
    assert code == ExitCode.OK
    assert "acme-housing:pack.yaml: written_for.rules: the pack was written for bundled rules rules-0ld" in err
    assert "the bundled rules are now rules-" in err and "rules test --rules" in err


# --- no noise pattern can hang a run --------------------------------------------------------------------------------


def test_a_catastrophic_pattern_is_stopped_within_a_second(tmp_path: Path) -> None:
    pack = _pack(tmp_path, {"noise.yaml": "kind: noise\npatterns:\n  - {id: greedy, pattern: '(a+)+$'}\n"})
    evidence = tmp_path / "org"
    evidence.mkdir()
    line = "a" * 49 + "!"
    assert len(line) == 50
    (evidence / "log.txt").write_text(line + "\n", encoding="utf-8")
    start = time.perf_counter()
    code, _, err = run("analyse", str(evidence), "-o", str(tmp_path / "out"), "--rules", str(pack))
    took = time.perf_counter() - start
    assert took < 1.0, f"took {took:.2f} s"
    assert code == ExitCode.RULES_INVALID
    assert "pack:noise.yaml: patterns[greedy].pattern: stopped: '(a+)+$'" in err
    assert not (tmp_path / "out").exists()


def test_validate_warns_about_a_pattern_that_matches_most_lines(tmp_path: Path) -> None:
    pack = _pack(tmp_path, {"noise.yaml": "kind: noise\npatterns:\n  - {id: everything, pattern: '.*'}\n"})
    code, _, err = run("rules", "validate", "--rules", str(pack), "--samples", str(NORTHSHIRE))
    assert code == ExitCode.OK
    assert "pack:noise.yaml: patterns[everything]: matches" in err and "(100%)" in err


# --- explain and diff ---------------------------------------------------------------------------------------------


def test_explain_in_plain_words_and_json() -> None:
    code, out, _ = run("explain", "Applicants can bid through CBL every week.", "--rules", str(BASE), "--framework",
                       "five-points")
    assert code == ExitCode.OK
    assert "Maps to 1 Personalisation of services" in out
    assert 'phrase "choice-based lettings" matched "choice based lettings' in out
    assert "(acme-housing:lexicons/five-points.yaml)" in out
    code, out, _ = run("explain", "Case ref: HSG/2007/0412", "--rules", str(BASE), "--json")
    data = json.loads(out)
    assert data["status"] == "noise" and data["noise_rule"] == "acme-case-reference"
    assert "acme-housing:noise.yaml" in data["noise_detail"]
    code, out, _ = run("explain", "Call answering times are published.", "--framework", "cse-2008", "--cm-ref", "1",
                       "--date", "2007-05-01", "--as-of", "2008-06-30", "--json")
    data = json.loads(out)
    assert data["cm_ref"]["criterion"] == "1" and data["freshness"] == "recent"
    assert len(data["scores"]) == 15 and all(s["reasons"] is not None for s in data["scores"])


def test_rules_diff_shows_what_a_pack_changes(tmp_path: Path) -> None:
    pack = _pack(tmp_path, {"lexicons/five-points.yaml": "kind: lexicon\ncriteria:\n  '5':\n    phrases:\n"
                                                         "      fraud investigation: 6\n"})
    xlsx = tmp_path / "diff.xlsx"
    code, out, err = run("rules", "diff", str(NORTHSHIRE), "--rules", str(pack), "--as-of", "2008-06-30",
                         "--framework", "five-points", "-o", str(xlsx))
    assert code == ExitCode.OK, err
    assert out.startswith("Base rules: bundled\nWith packs: bundled + pack unversioned")
    assert "item(s) change:" in out and "-> mapped to 5" in out and "Shared fraud investigation team" in out
    book = load_workbook(xlsx)
    items = [[c.value for c in row] for row in book["Items"].iter_rows()]
    assert items[0] == ["Item", "Where", "Text", "Base rules", "With packs", "What changed"]
    assert len(items) > 1 and all(row[4] for row in items[1:])
    code, out, _ = run("rules", "diff", str(NORTHSHIRE), "--rules", str(CLIENT), "--base-rules", str(BASE),
                       "--framework", "five-points")
    assert out.startswith("Base rules: bundled + acme-housing 1.0.0\nWith packs: bundled + acme-housing 1.0.0 + "
                          "northshire-client 2.1.0")
    assert "No item and no criterion changes." in out


def test_a_pack_phrase_keeps_its_say_under_a_heavy_classifier(stacked: RuleSet) -> None:
    """The classifier never saw a pack's own words (CBL, the Northshire Promise): where a pack phrase matches it
    stands aside, keeping only its dissent for review, however heavy its weight; elsewhere it adds its points."""
    framework = stacked.frameworks["five-points"]
    settings = replace(settings_for(framework, date(2008, 6, 30), ""), classifier_weight=48.0, not_evidence_at=0.0)
    matcher = Matcher(stacked, framework, settings=settings)
    texts = ["Bids through CBL are acknowledged within a day.", "Bids are acknowledged within a day."]
    items = [EvidenceItem(id=f"E{n}", text=t, source=Source(file="t", extractor="csv")) for n, t in enumerate(texts)]
    with_pack, without = matcher.score(items)
    assert not any(r.kind == "classifier" for reasons in with_pack.reasons.values() for r in reasons)
    assert with_pack.classifier_probability is not None and with_pack.not_evidence is None
    assert any(r.kind == "phrase" and r.rule.startswith("acme-housing:") for r in with_pack.reasons["1"])
    assert matcher.decide(with_pack, settings.map_threshold, settings.secondary_ratio)[0].criterion == "1"
    # the same words without the pack's abbreviation: the classifier's points are there, and decide
    assert any(r.kind == "classifier" for reasons in without.reasons.values() for r in reasons) \
        or without.not_evidence is not None
