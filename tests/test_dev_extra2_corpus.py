"""The second development extension (tests/data/dev_extra2_statements.csv) is what its build script writes, and
the script refuses repeated and mislabeled rows. The file's shape (labels, voices, sectors, no repeats) is checked
with the other extensions' in test_dev_extensions.py (:mod:`extension_checks`).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from corpus_checks import NONE, text_key
from extension_checks import DATA, EXTENSIONS, build_script, read

EXTENSION = EXTENSIONS["dev_extra2"]


def test_the_file_is_what_the_build_script_writes(tmp_path: Path) -> None:
    out = tmp_path / "extra2.csv"
    build_script(EXTENSION).write_csv(out)
    assert out.read_bytes() == EXTENSION.path.read_bytes()


def test_the_build_script_refuses_a_repeated_or_mislabeled_row() -> None:
    script = build_script(EXTENSION)
    earlier_text = read(DATA / EXTENSION.earlier[1])[0]["text"]
    with pytest.raises(ValueError, match=r"already in labeled_statements\.csv or dev_extra_statements\.csv"):
        list(script.build_rows({text_key(earlier_text), text_key("  " + script.POLICE[0].text.upper())}))
    with pytest.raises(ValueError, match="five_points_alt"):
        script.check_row("courts", script.R("A text", "5", "4.3", "summary", alt="5"))
    with pytest.raises(ValueError, match="non-evidence"):
        script.check_row("courts", script.Row("Signed by the clerk", NONE, NONE, "noise", "plan", "", ""))
    with pytest.raises(ValueError, match="style 'memo' unknown"):
        script.check_row("courts", script.R("A text", "5", "4.3", "memo"))
    with pytest.raises(ValueError, match=r"cse_subcriterion '6\.1'"):
        script.check_row("courts", script.R("A text", "5", "6.1", "assessor"))
