"""The development extensions (tests/data/dev_extra_statements.csv to dev_extra8_statements.csv) keep their shape:
the checks of :mod:`extension_checks`, for each. Their build scripts' own refusals are tested in
test_dev_extra_corpus.py to test_dev_extra3_corpus.py and test_parts_corpora.py."""

from __future__ import annotations

import pytest
from extension_checks import EXTENSIONS, check_labels, check_no_repeats, check_presence, check_shape, read

NAMES = sorted(EXTENSIONS)


@pytest.mark.parametrize("name", NAMES)
def test_the_file_has_its_columns_and_its_development_rows(name: str) -> None:
    check_shape(EXTENSIONS[name], read(EXTENSIONS[name].path))


@pytest.mark.parametrize("name", NAMES)
def test_every_label_is_known_and_consistent(name: str) -> None:
    check_labels(read(EXTENSIONS[name].path))


@pytest.mark.parametrize("name", NAMES)
def test_every_kind_label_sector_and_failing_voice_is_present(name: str) -> None:
    check_presence(EXTENSIONS[name], read(EXTENSIONS[name].path))


@pytest.mark.parametrize("name", NAMES)
def test_no_text_repeats_the_file_or_the_earlier_corpora(name: str) -> None:
    check_no_repeats(EXTENSIONS[name], read(EXTENSIONS[name].path))
