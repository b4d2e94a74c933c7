"""The development extensions written in parts by several writers at once (tests/data/dev_extra4_statements.csv
to dev_extra8_statements.csv, built through tests/data/parts_build.py) are what their build scripts write from
their writers' parts, and the scripts refuse repeated, near-repeated and mislabeled rows, and rows too close to a
held-out statement without showing that statement. The files' shape (labels, voices, sectors, no repeats) is checked
with the other extensions' in test_dev_extensions.py (:mod:`extension_checks`).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from corpus_checks import NONE, R, Row, check_sector_row
from extension_checks import EXTENSIONS, build_script

NAMES = ("dev_extra4", "dev_extra5", "dev_extra6", "dev_extra7", "dev_extra8")


@pytest.mark.parametrize("name", NAMES)
def test_the_file_is_what_the_build_script_writes(name: str, tmp_path: Path) -> None:
    out = tmp_path / f"{name}.csv"
    build_script(EXTENSIONS[name]).CORPUS.write_csv(out)
    assert out.read_bytes() == EXTENSIONS[name].path.read_bytes()


@pytest.mark.parametrize("name", NAMES)
def test_every_writers_part_has_sectors_of_its_own(name: str) -> None:
    corpus = build_script(EXTENSIONS[name]).CORPUS
    parts = [set(corpus.part_sectors(part)) for part in corpus.parts]
    assert all(parts)
    assert sum(len(p) for p in parts) == len(set().union(*parts)) == len(EXTENSIONS[name].sectors)


@pytest.mark.parametrize("name", NAMES)
def test_the_build_script_refuses_a_repeated_near_repeated_or_mislabeled_row(name: str) -> None:
    corpus = build_script(EXTENSIONS[name]).CORPUS
    first = next(iter(corpus.all_sectors().values()))[0].text
    with pytest.raises(ValueError, match=r"near-duplicate texts \(Jaccard >= 0\.8\)"):
        list(corpus.build_rows({"  " + first.upper()}))
    with pytest.raises(ValueError, match="five_points_alt"):
        check_sector_row("a sector", R("A text", "5", "4.3", "summary", alt="5"))
    with pytest.raises(ValueError, match="non-evidence"):
        check_sector_row("a sector", Row("Signed by the manager", NONE, NONE, "noise", "plan", "", ""))
    with pytest.raises(ValueError, match=r"cse_subcriterion '6\.1'"):
        check_sector_row("a sector", R("A text", "5", "6.1", "assessor"))


@pytest.mark.parametrize("name", NAMES)
def test_a_text_too_close_to_a_held_out_statement_is_refused_without_showing_it(name: str) -> None:
    corpus = build_script(EXTENSIONS[name]).CORPUS
    first = next(iter(corpus.all_sectors().values()))[0].text
    secret = first + " secret"  # stands for a held-out statement close to a new text
    with pytest.raises(ValueError, match="too close to a held-out statement") as caught:
        list(corpus.build_rows(set(), {secret}))
    assert "secret" not in str(caught.value)
    assert first in str(caught.value)
