"""The checked rules and their compiled matcher, kept between runs in the user's cache folder.

Before it reads a file, every command loads and checks the rules (the bundled YAML, the packs laid over it, the
hollow-phrase checks: about 70 ms) and compiles the matcher (about 50 ms). A consultant runs the same rules
again and again, so the result of both is kept as one pickle, named by a digest of everything it depends on:

* the program: its version, the Python version, and the name, size and modification time of every file of the
  package (code and trained models), so an upgrade or an edited checkout never uses an old entry;
* the rules: the folder of the bundled rules and of each pack, and the name and SHA-256 of every YAML file in
  them (more than the loader reads, never less);
* inside the entry, one matcher per framework, legacy framework and settings (the settings come from the rules
  and the run's options).

Loading an entry takes about 10 ms. The semantic matcher (``--semantic``) holds a model that is not kept: with it,
the rules are loaded as usual.

A pickle runs code when it is loaded, so an entry is used only when the entry and its folder belong to the user
running the command and nobody else can write to them; the folder is made readable by its owner alone. Anything
wrong with an entry (unreadable, corrupt, from another program) makes the command load the rules as usual and
write the entry again; a cache that cannot be written is no error. The folder is ``$CSE_MIGRATE_CACHE``, else
``$XDG_CACHE_HOME/cse-migrate``, else ``~/.cache/cse-migrate``; ``CSE_MIGRATE_CACHE=off`` turns the cache off.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import stat
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from cse_migrate.analysis.compiled import compiled_matcher, keep_matcher, matcher_key
from cse_migrate.analysis.mapping import Matcher
from cse_migrate.options import RunOptions
from cse_migrate.pipeline import resolve_frameworks, run_settings
from cse_migrate.rules import RuleSet, load_rules
from cse_migrate.rules.loader import BUNDLED_RULES
from cse_migrate.version import __version__

CACHE_VARIABLE = "CSE_MIGRATE_CACHE"
_FORMAT = 1  # the layout of an entry; part of its name


@dataclass
class Entry:
    """What one cache file holds: the checked rules and the matchers compiled from them."""

    rules: RuleSet
    matchers: dict[tuple[object, ...], Matcher] = field(default_factory=dict)


def load_compiled_rules(options: RunOptions) -> RuleSet:
    """The rules of ``options`` (bundled and packs), checked, with the matcher ``options`` needs compiled into
    :func:`~cse_migrate.analysis.compiled.compiled_matcher`'s cache: both from the cache folder when nothing they
    depend on has changed, else made (and kept for the next run). With the cache off, or ``--semantic``, only the
    rules are loaded (the run compiles its matcher as before). Raises as :func:`load_rules` does."""
    path = None if options.semantic else entry_path(options.rules_packs)
    entry = read_entry(path) if path is not None else None
    if entry is None:
        entry = Entry(load_rules(options.rules_packs or None))
    framework, legacy = resolve_frameworks(entry.rules, options)
    settings = run_settings(entry.rules, framework, options)
    key = matcher_key(framework, legacy.id, settings)
    matcher = entry.matchers.get(key)
    if matcher is not None:
        keep_matcher(entry.rules, framework, legacy.id, settings, matcher)
    elif path is not None:
        entry.matchers[key] = compiled_matcher(entry.rules, framework, legacy.id, None, settings)
        write_entry(path, entry)
    return entry.rules


def cache_folder() -> Path | None:
    """Where entries are kept, or None when the cache is turned off."""
    chosen = os.environ.get(CACHE_VARIABLE, "")
    if chosen.strip().lower() == "off":
        return None
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "cse-migrate"


def entry_path(packs: Sequence[Path]) -> Path | None:
    """The file an entry for these rules and this program lives in (None when the cache is off)."""
    folder = cache_folder()
    if folder is None:
        return None
    digest = hashlib.sha256()
    for part in (f"format {_FORMAT}", __version__, sys.version, *program_files(), *rules_files(packs)):
        digest.update(part.encode("utf-8", "surrogateescape") + b"\0")
    return folder / f"rules-{digest.hexdigest()[:32]}.pickle"


def program_files() -> list[str]:
    """Each file of the installed package, by name, size and modification time."""
    root = Path(__file__).resolve().parent  # this module lives at the package's top
    found = []
    for path in sorted(root.rglob("*")):
        if path.suffix in (".py", ".json", ".yaml", ".yml") and "__pycache__" not in path.parts:
            info = path.stat()
            found.append(f"{path.relative_to(root).as_posix()} {info.st_size} {info.st_mtime_ns}")
    return found


def rules_files(packs: Sequence[Path]) -> list[str]:
    """Each rules folder (bundled first, then the packs in order) and the SHA-256 of every YAML file in it."""
    found = []
    for root in (BUNDLED_RULES, *packs):
        found.append(f"folder {Path(root).resolve()}")
        for path in sorted(Path(root).rglob("*.y*ml")):
            if path.is_file():
                found.append(f"{path.relative_to(root).as_posix()} {hashlib.sha256(path.read_bytes()).hexdigest()}")
    return found


def read_entry(path: Path) -> Entry | None:
    """The entry in ``path``, if there is one this user alone could have written; None otherwise."""
    try:
        with path.open("rb") as handle:
            if not (_private(os.fstat(handle.fileno())) and _private(path.parent.stat())):
                return None
            entry = pickle.load(handle)
    except Exception:  # missing, unreadable, corrupt or from another program: made again
        return None
    return entry if isinstance(entry, Entry) and isinstance(entry.rules, RuleSet) else None


def _private(info: os.stat_result) -> bool:
    """Owned by this user and writable by nobody else (where the system has users)."""
    owner = getattr(os, "getuid", None)
    others_write = stat.S_IWGRP | stat.S_IWOTH
    return (owner is None or info.st_uid == owner()) and not info.st_mode & others_write


def write_entry(path: Path, entry: Entry) -> None:
    """Keep ``entry`` in ``path``, whole or not at all; a folder that cannot be written is left as it is."""
    with contextlib.suppress(OSError, pickle.PicklingError, TypeError, AttributeError):
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _private(path.parent.stat()):
            return  # a folder others can write to is not a place to read code from later
        handle, name = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".pickle")  # mode 0600
        try:
            with os.fdopen(handle, "wb") as out:
                pickle.dump(entry, out, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(name, path)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(name)
