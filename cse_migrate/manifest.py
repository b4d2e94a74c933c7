"""The batch manifest: what was done in an output folder, so that a re-run does only what changed.

``OUTDIR/cse-migrate-manifest.json`` records, per organisation (by its input folder's name), the report folder it
was written to, a fingerprint and its summary row. The fingerprint is a SHA-256 over everything its reports
depend on: every input file's relative name and content, the rules and packs (their content checksum), the
settings of the run (framework, legacy framework, the as-of date actually used, stale months, limits, whether a
password and the semantic matcher were used) and the tool version. An organisation whose fingerprint is
unchanged and whose report folder is still there is skipped; anything else is done again.

Only the process that runs the batch writes it. Each organisation finished (or failed) is appended as one line to
a journal beside it, ``cse-migrate-manifest.journal``, so an interrupted batch keeps every organisation finished
before the interruption, and the cost stays one short line per organisation however many there are; at the end
of the batch the manifest is rewritten atomically with the journal folded in, and the journal removed. A batch
with nothing to do writes neither. Loading replays the journal over the manifest; a last line cut short by a
crash is ignored (that organisation is simply done again). A manifest that cannot be read (damaged, or from an
unknown format) is ignored with a note: the batch then redoes everything, which is always safe.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cse_migrate.errors import OutputError
from cse_migrate.output import atomic_write_text
from cse_migrate.reports.summary import SummaryRow

MANIFEST_NAME = "cse-migrate-manifest.json"
JOURNAL_NAME = "cse-migrate-manifest.journal"
FORMAT = 2  # bumped when the manifest's layout changes; an unknown format is ignored, never misread
_CHUNK = 1 << 20


@dataclass(frozen=True)
class OrgEntry:
    """One finished organisation: where its reports are, what they were made from, its summary row."""

    folder: str
    fingerprint: str
    row: SummaryRow


@dataclass
class Manifest:
    path: Path
    entries: dict[str, OrgEntry] = field(default_factory=dict)  # input folder name -> entry
    note: str | None = None  # why an existing manifest was ignored

    def unchanged(self, source: str, folder: str, fingerprint: str) -> OrgEntry | None:
        """The entry of an organisation that needs no work: same fingerprint, same folder, folder present."""
        entry = self.entries.get(source)
        if entry is None or entry.fingerprint != fingerprint or entry.folder != folder:
            return None
        return entry if (self.path.parent / folder).is_dir() else None

    @property
    def journal(self) -> Path:
        return self.path.with_name(JOURNAL_NAME)

    def record(self, source: str, entry: OrgEntry) -> None:
        self.entries[source] = entry
        self.append({"source": source, **entry_json(entry)})

    def forget(self, source: str) -> None:
        if self.entries.pop(source, None) is not None:
            self.append({"source": source, "forget": True})

    def append(self, line: dict[str, Any]) -> None:
        """Add one line to the journal (a crash can cut only this line short, which loading then ignores)."""
        try:
            with self.journal.open("a", encoding="utf-8") as handle:
                handle.write(json.dumps(line, ensure_ascii=False, sort_keys=True) + "\n")
        except OSError as exc:
            raise OutputError(f"{self.journal}: could not record progress ({exc.strerror or exc}); check the "
                              "output folder is writable and has free space") from exc

    def save(self) -> None:
        """Fold the journal into the manifest (atomically), then remove the journal; nothing when there is none."""
        if not self.journal.exists():
            return
        entries = {source: entry_json(e) for source, e in sorted(self.entries.items())}
        data = {"format": FORMAT, "organisations": entries}
        atomic_write_text(self.path, json.dumps(data, indent=1, ensure_ascii=False, sort_keys=True) + "\n")
        self.journal.unlink()


def entry_json(entry: OrgEntry) -> dict[str, Any]:
    return {"folder": entry.folder, "fingerprint": entry.fingerprint, "row": entry.row.to_json()}


def entry_from_json(data: dict[str, Any]) -> OrgEntry:
    return OrgEntry(data["folder"], data["fingerprint"], SummaryRow.from_json(data["row"]))


def load_manifest(outdir: Path) -> Manifest:
    """The manifest in ``outdir`` with its journal replayed, or an empty one (with a note saying why when a file
    was there)."""
    manifest = Manifest(outdir / MANIFEST_NAME)
    try:
        if manifest.path.exists():
            data = json.loads(manifest.path.read_text(encoding="utf-8"))
            if data.get("format") != FORMAT:
                raise ValueError(f"format {data.get('format')!r}, expected {FORMAT}")
            manifest.entries = {source: entry_from_json(e) for source, e in data["organisations"].items()}
        if manifest.journal.exists():
            replay(manifest, manifest.journal.read_text(encoding="utf-8"))
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        return Manifest(manifest.path, note=f"{manifest.path}: could not be used ({exc}); every organisation is "
                                            "analysed again")
    return manifest


def replay(manifest: Manifest, journal: str) -> None:
    """Apply the journal's lines in order, up to a line a crash cut short."""
    for line in journal.splitlines():
        try:
            step = json.loads(line)
            source = step["source"]
            if step.get("forget"):
                manifest.entries.pop(source, None)
            else:
                manifest.entries[source] = entry_from_json(step)
        except (ValueError, KeyError, TypeError):
            return


def run_fingerprint(settings: Mapping[str, Any]) -> str:
    """The part of every organisation's fingerprint that the whole batch shares (settings, rules, version)."""
    return hashlib.sha256(json.dumps(settings, sort_keys=True, default=str).encode()).hexdigest()


def folder_fingerprint(run: str, name: str, files: Iterable[tuple[str, Path, str | None]]) -> str:
    """SHA-256 of the batch's shared fingerprint, the organisation's name and each input file: its cited name, and
    its content (or, for a file that is listed but not read, the reason it is not)."""
    digest = hashlib.sha256()
    digest.update(f"{run}\0{name}\0".encode())
    for cited, path, problem in files:
        digest.update(f"{cited}\0".encode())
        if problem is not None:
            digest.update(f"not read: {problem}\0".encode())
            continue
        try:
            with path.open("rb") as handle:
                while chunk := handle.read(_CHUNK):
                    digest.update(chunk)
        except OSError as exc:  # the analysis will report the file; the fingerprint records that it failed
            digest.update(f"unreadable: {exc.strerror or exc}".encode())
        digest.update(b"\0")
    return digest.hexdigest()
