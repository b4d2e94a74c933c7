"""Build a development extension written by several writers at once, each in a module of its own.

The fourth and later extensions are written in parallel: each writer keeps a part (``<package>/<letter>.py``, a
``SECTORS`` dict of sector tables of :class:`corpus_checks.Row`) and checks it alone while writing
(``python tests/data/build_dev_extraN.py --check LETTER``); the build script then joins the parts in letter order,
checks every row again across all of them, and writes one CSV. Checks beyond :mod:`corpus_checks`: no text repeats
or nearly repeats (Jaccard similarity of the word sets at least :data:`NEAR`) a text of this extension or of the
earlier development corpora, and none is too close to a held-out statement (the ``heldout`` split of
``labeled_statements.csv`` and ``fresh2_statements.csv``, and the retired ``fresh_statements.csv``), so that no
held-out statement is trained on in other words. That refusal names only the new text, so that nobody reads a
held-out statement through it. A held-out part written the same way (``build_fresh2.py``) names its own split.
"""

from __future__ import annotations

import argparse
import csv
import importlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from corpus_checks import (
    SECTOR_COLUMNS,
    Row,
    UniqueTexts,
    check_sector_row,
    corpus_texts,
    near_duplicates,
    sector_records,
    write_records,
)

HERE = Path(__file__).resolve().parent
# Two texts whose word sets overlap this much (Jaccard) count as the same statement.
NEAR = 0.8


def held_out_texts(own: Path | None = None) -> set[str]:
    """The texts of the held-out parts (with the first corpus's development rows: its file holds both) and of the
    retired fresh set; ``own``, a held-out part being built, is left out."""
    parts = (HERE / "fresh_statements.csv", HERE / "fresh2_statements.csv")
    texts = corpus_texts(*(path for path in parts if path != own and path.exists()))
    with (HERE / "labeled_statements.csv").open(encoding="utf-8", newline="") as handle:
        texts.update(record["text"] for record in csv.DictReader(handle))
    return texts


def refuse_near_repeats(texts: list[str], development: set[str], held_out: set[str]) -> None:
    """Raise ValueError naming the first near repeat: of a development text (both shown) or of a held-out text
    (only the new texts shown)."""
    close = near_duplicates(texts, development, NEAR)
    if close:
        mine, theirs, similarity = close[0]
        raise ValueError(f"{len(close)} near-duplicate texts (Jaccard >= {NEAR}), first {similarity:.2f}: "
                         f"{mine!r} ~ {theirs!r}")
    mine_set = set(texts)
    close = [(a, b, s) for a, b, s in near_duplicates(texts, held_out, NEAR) if b not in mine_set]
    if close:
        raise ValueError(f"{len(close)} texts too close to a held-out statement (Jaccard >= {NEAR}), rewrite: "
                         + "; ".join(repr(mine) for mine, _, _ in close))


@dataclass(frozen=True)
class PartsCorpus:
    """One extension: its writers' parts, its CSV, the development corpora it may not repeat and its id prefix."""

    package: str  # e.g. "dev_extra4_parts"
    parts: tuple[str, ...]
    output: Path
    earlier: tuple[Path, ...]
    prefix: str
    split: str = "dev"  # a held-out part written the same way names its own split

    def part_sectors(self, part: str) -> dict[str, tuple[Row, ...]]:
        """One writer's tables, by sector."""
        sectors: dict[str, tuple[Row, ...]] = importlib.import_module(f"{self.package}.{part}").SECTORS
        return sectors

    def all_sectors(self) -> dict[str, tuple[Row, ...]]:
        """Every writer's tables in part order; a sector belongs to one writer only."""
        sectors: dict[str, tuple[Row, ...]] = {}
        for part in self.parts:
            for sector, rows in self.part_sectors(part).items():
                if sector in sectors:
                    raise ValueError(f"sector {sector!r} is in two parts")
                sectors[sector] = rows
        return sectors

    def build_rows(self, taken: set[str], held_out: set[str] | None = None) -> Iterator[dict[str, str]]:
        """Yield the CSV records in id order; ``taken`` and ``held_out`` hold texts that may not appear, exactly
        or nearly."""
        sectors = self.all_sectors()
        held_out = held_out or set()
        refuse_near_repeats([row.text for rows in sectors.values() for row in rows], taken, held_out)
        unique = UniqueTexts(taken | held_out, "an earlier corpus or a held-out part")
        return sector_records(sectors, self.prefix, unique, self.split)

    def check_part(self, part: str) -> None:
        """Check one writer's part alone against every earlier corpus; print its size by style, kind and label."""
        sectors = self.part_sectors(part)
        for sector, rows in sectors.items():
            for row in rows:
                check_sector_row(sector, row)
        earlier, held_out = corpus_texts(*self.earlier), held_out_texts(self.output)
        refuse_near_repeats([row.text for rows in sectors.values() for row in rows], earlier, held_out)
        seen = UniqueTexts(earlier | held_out, "an earlier corpus or a held-out part")
        for sector, rows in sectors.items():
            for row in rows:
                seen.add(sector, row.text)
        every = [row for rows in sectors.values() for row in rows]
        print(f"part {part}: {len(every)} rows in {len(sectors)} sectors: "
              + ", ".join(f"{s} {len(r)}" for s, r in sectors.items()))
        for field in ("style", "kind", "five_points", "cse_subcriterion"):
            counts: dict[str, int] = {}
            for row in every:
                counts[getattr(row, field)] = counts.get(getattr(row, field), 0) + 1
            print(f"  {field}: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))

    def write_csv(self, path: Path) -> int:
        """Check every row, then write the extension to ``path``; return the number of data rows."""
        records = list(self.build_rows(corpus_texts(*self.earlier), held_out_texts(self.output)))
        return write_records(path, SECTOR_COLUMNS, records)

    def main(self, description: str) -> None:
        """Write the CSV next to the build script, or check one part (``--check LETTER``)."""
        parser = argparse.ArgumentParser(description=description)
        parser.add_argument("--check", choices=self.parts, help="check one writer's part only")
        args = parser.parse_args()
        if args.check:
            self.check_part(args.check)
            return
        print(f"wrote {self.write_csv(self.output)} rows to {self.output}")
