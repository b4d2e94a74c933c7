"""The checked rules and compiled matcher kept between runs (cse_migrate.rules_cache): used only when nothing
they depend on changed and nobody else could have written them; the same results as loading the rules afresh."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from conftest import SAMPLES

from cse_migrate.analysis import compiled
from cse_migrate.analysis.mapping import Matcher
from cse_migrate.options import RunOptions
from cse_migrate.pipeline import analyse
from cse_migrate.rules import RuleSet, load_rules
from cse_migrate.rules_cache import CACHE_VARIABLE, entry_path, load_compiled_rules, read_entry

OPTIONS = RunOptions(framework="cse-2008", as_of=date(2008, 6, 30))


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(CACHE_VARIABLE, str(folder))
    return folder


def _mappings(rules: RuleSet) -> list[tuple[str, str, tuple[tuple[str, float], ...]]]:
    result = analyse([SAMPLES / "riverside-outpatients"], rules, OPTIONS)
    return [(i.item.text, i.status, tuple((m.criterion, m.score) for m in i.mappings)) for i in result.items]


def test_a_second_run_takes_the_rules_and_matcher_kept_and_maps_the_same(cache: Path, rules: RuleSet,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    first = load_compiled_rules(OPTIONS)
    path = entry_path(())
    assert path is not None and path.parent == cache and path.is_file()
    assert path.stat().st_mode & 0o077 == 0 and cache.stat().st_mode & 0o077 == 0  # the owner's alone

    def no_compiling(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the matcher was compiled again")

    monkeypatch.setattr(Matcher, "__init__", no_compiling)
    second = load_compiled_rules(OPTIONS)
    assert second is not first and second.version == first.version == rules.version
    assert second.warnings == first.warnings and second.files == first.files
    assert _mappings(second) == _mappings(first)  # the kept matcher, not a new one
    monkeypatch.undo()
    assert _mappings(second) == _mappings(rules)  # as the rules loaded afresh


def test_another_framework_adds_its_matcher_to_the_same_entry(cache: Path) -> None:
    load_compiled_rules(OPTIONS)
    load_compiled_rules(RunOptions(framework="five-points"))
    path = entry_path(())
    assert path is not None
    entry = read_entry(path)
    assert entry is not None and sorted(key[0] for key in entry.matchers) == ["cse-2008", "five-points"]
    assert len(list(cache.iterdir())) == 1


def test_a_changed_rules_file_or_another_pack_is_another_entry(cache: Path, tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    (pack / "lexicons").mkdir(parents=True)
    lexicon = pack / "lexicons" / "extra.yaml"
    lexicon.write_text("kind: lexicon\n", encoding="utf-8")
    before = entry_path((pack,))
    lexicon.write_text("kind: lexicon\n# edited\n", encoding="utf-8")
    after = entry_path((pack,))
    assert len({before, after, entry_path(())}) == 3


def test_an_entry_others_could_have_written_is_not_used(cache: Path) -> None:
    load_compiled_rules(OPTIONS)
    path = entry_path(())
    assert path is not None and read_entry(path) is not None
    path.chmod(0o666)
    assert read_entry(path) is None
    path.chmod(0o600)
    cache.chmod(0o777)
    assert read_entry(path) is None
    cache.chmod(0o700)
    assert read_entry(path) is not None


def test_a_corrupt_entry_is_made_again(cache: Path, rules: RuleSet) -> None:
    path = entry_path(())
    assert path is not None
    cache.mkdir(mode=0o700)
    path.write_bytes(b"not a pickle")
    path.chmod(0o600)
    assert load_compiled_rules(OPTIONS).version == rules.version
    assert read_entry(path) is not None


def test_the_cache_can_be_turned_off_and_is_not_used_with_the_semantic_matcher(
        cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(CACHE_VARIABLE, "off")
    assert entry_path(()) is None
    load_compiled_rules(OPTIONS)
    monkeypatch.setenv(CACHE_VARIABLE, str(cache))
    load_compiled_rules(RunOptions(semantic=True))  # its model is not kept, so neither are the rules
    assert not cache.exists()


def test_the_matcher_kept_must_be_compiled_from_the_rules_it_is_kept_with(rules: RuleSet) -> None:
    assert read_entry(Path(os.devnull)) is None  # not an entry
    framework = rules.frameworks["five-points"]
    matcher = compiled.compiled_matcher(rules, framework)
    with pytest.raises(ValueError, match="another rule set"):
        compiled.keep_matcher(load_rules(), framework, "charter-mark-2003", None, matcher)
