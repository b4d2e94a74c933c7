"""The third development extension (tests/data/dev_extra3_statements.csv) is what its build script writes, and
the script refuses repeated and mislabeled rows. The file's shape (labels, voices, sectors, no repeats) is checked
with the other extensions' in test_dev_extensions.py (:mod:`extension_checks`).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from corpus_checks import NONE
from extension_checks import EXTENSIONS, build_script

EXTENSION = EXTENSIONS["dev_extra3"]


def test_the_file_is_what_the_build_script_writes(tmp_path: Path) -> None:
    out = tmp_path / "extra3.csv"
    build_script(EXTENSION).write_csv(out)
    assert out.read_bytes() == EXTENSION.path.read_bytes()


def test_the_build_script_refuses_a_repeated_near_repeated_or_mislabeled_row() -> None:
    script = build_script(EXTENSION)
    first = script.POLICE[0].text
    with pytest.raises(ValueError, match=r"near-duplicate texts \(Jaccard >= 0\.8\)"):
        list(script.build_rows({"  " + first.upper()}))
    with pytest.raises(ValueError, match="near-duplicate"):
        list(script.build_rows({first.replace("strong", "firm")}))
    with pytest.raises(ValueError, match="five_points_alt"):
        script.check_row("coroner", script.R("A text", "5", "4.3", "summary", alt="5"))
    with pytest.raises(ValueError, match="non-evidence"):
        script.check_row("coroner", script.Row("Signed by the coroner", NONE, NONE, "noise", "plan", "", ""))
    with pytest.raises(ValueError, match=r"cse_subcriterion '6\.1'"):
        script.check_row("coroner", script.R("A text", "5", "6.1", "assessor"))
