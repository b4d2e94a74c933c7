"""The first development extension (tests/data/dev_extra_statements.csv) is what its build script
(tests/data/build_dev_extra.py) writes, and the script refuses repeated and mislabeled rows. The file's shape
(columns, labels, every kind and sector, no text repeated from the first corpus) is checked with the other
extensions' in test_dev_extensions.py (:mod:`extension_checks`).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from corpus_checks import text_key
from extension_checks import DATA, EXTENSIONS, build_script, read

EXTENSION = EXTENSIONS["dev_extra"]


def test_the_file_is_what_the_build_script_writes(tmp_path: Path) -> None:
    out = tmp_path / "extra.csv"
    build_script(EXTENSION).write_csv(out)
    assert out.read_bytes() == EXTENSION.path.read_bytes()


def test_the_build_script_refuses_a_repeated_or_mislabeled_row() -> None:
    builder = build_script(EXTENSION)
    first_text = read(DATA / EXTENSION.earlier[0])[0]["text"]
    with pytest.raises(ValueError, match="already in labeled_statements"):
        list(builder.build_rows({text_key(first_text)} | {text_key("  " + builder.POLICE[0].text.upper())}))
    with pytest.raises(ValueError, match="five_points_alt"):
        builder.check_row("police", builder.R("A text", "2", "1.2", "narrative", alt="2"))
    with pytest.raises(ValueError, match="non-evidence"):
        builder.check_row("police", builder.Row("Prepared by the clerk", "NONE", "NONE", "noise", "absence", "", ""))
    with pytest.raises(ValueError, match="kind"):
        builder.check_row("police", builder.R("A text", "2", "1.2", "narrative", "maybe"))
