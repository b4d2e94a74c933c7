"""Find the input files: folders searched recursively, in name order, with everything that is not evidence listed
rather than dropped.

Links are not followed and special files not opened (each is listed as unreadable); cse-migrate's own output (the
output folder, an earlier run's reports), rules packs and the reviewer's review.xlsx are left out, each with
``skipped`` saying why, so that the run notes them and the counts add up.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from cse_migrate.errors import InputNotFoundError, UsageError
from cse_migrate.options import RunOptions
from cse_migrate.reviewing import REVIEW_FILE_NAME
from cse_migrate.rules.manifest import MANIFEST as PACK_MANIFEST
from cse_migrate.safe_text import display_name

LINK_PROBLEM = ("is a symbolic link; links are not followed, so that no evidence is read from outside the "
                "input folder: copy the file itself into the folder")
OUTSIDE_PROBLEM = "leads outside the input folder and is not read; copy the file itself into the folder"
SPECIAL_PROBLEM = "is not a regular file (a pipe, socket or device) and is not read; remove it from the folder"


# Files that mark a folder as cse-migrate's own output: a batch manifest, or an analysis's results.json.
REPORT_MARKERS = ("cse-migrate-manifest.json", "results.json")
# The files cse-migrate writes into an output folder: never evidence.
REPORT_FILES = (*REPORT_MARKERS, "evidence.xlsx", "gap-report.docx", "summary.xlsx")


@dataclass(frozen=True)
class InputFile:
    path: Path  # the file as the file system names it (bytes that are not UTF-8 kept as surrogate escapes)
    name: str  # how the file is cited: relative to the folder it was found in, shown safely (display_name)
    problem: str | None = None  # why it is listed but not read (a link, a device): it becomes a file error
    skipped: str | None = None  # why a folder or file is left out as cse-migrate's own output (a note, not an error)


def not_evidence_folder(folder: Path, outdir: Path | None = None) -> str | None:
    """Why ``folder`` holds no evidence: it is the output folder, holds an earlier run's reports (a manifest or
    results.json), or is a rules pack (``pack.yaml``: rules are given with --rules, never read as evidence); or
    None when it may hold evidence."""
    if outdir is not None and same_folder(folder, outdir):
        return "it is the output folder"
    marker = next((m for m in REPORT_MARKERS if (folder / m).is_file()), None)
    if marker is not None:
        return f"it holds {marker}, so it is the output of an earlier run"
    if (folder / PACK_MANIFEST).is_file():
        return f"it holds {PACK_MANIFEST}, so it is a rules pack; give it with --rules"
    if _holds_only_packs(folder):
        return f"it holds only rules packs (each with {PACK_MANIFEST}); give them with --rules"
    return None


def _holds_only_packs(folder: Path) -> bool:
    """A folder of rules packs, like samples/packs: no files of its own, and every sub-folder a pack."""
    try:
        entries = [e for e in os.scandir(folder) if not e.name.startswith(".")]
    except OSError:
        return False
    return bool(entries) and all(e.is_dir(follow_symlinks=False) and (Path(e.path) / PACK_MANIFEST).is_file()
                                 for e in entries)


def same_folder(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def discover_files(inputs: Sequence[Path], exclude: Path | None = None) -> list[InputFile]:
    """Expand folders recursively (sorted, so runs are repeatable); skip hidden files and Office lock files.

    Inside a folder, symbolic links (to files or folders) are not followed and special files (pipes, devices)
    are not opened: each is listed with its problem, so it is reported as unreadable rather than silently
    skipped. A path given on the command line is the user's own choice and is followed.

    cse-migrate never reads its own output back as evidence: a sub-folder that is the output folder ``exclude``,
    or that holds a manifest or results.json, is left out, and so are the report files in an input folder that
    is itself an output folder; each is listed with ``skipped`` saying why, so the run can note it.
    """
    found: list[InputFile] = []
    for root in inputs:
        if not root.exists():
            raise InputNotFoundError(f"{display_name(str(root))}: no such file or folder; check the path")
        if root.is_dir():
            walk_folder(root, root, found, exclude)
        elif root.is_file():
            found.append(InputFile(root, display_name(root.name)))
        else:
            found.append(InputFile(root, display_name(root.name), SPECIAL_PROBLEM))
    if not any(f.skipped is None for f in found):
        shown = ", ".join(display_name(str(p)) for p in inputs)
        raise InputNotFoundError(f"{shown}: no files found; point INPUT at the "
                                 "folder that holds the evidence")
    return name_uniquely(found)


def name_uniquely(found: list[InputFile]) -> list[InputFile]:
    """Two inputs can hold files with the same relative name ("log.csv" in two folders): cite each by its
    full path instead, so that provenance and per-file accounting never mix two files up."""
    counts = Counter(f.name for f in found)
    return [replace(f, name=display_name(str(f.path))) if counts[f.name] > 1 else f for f in found]


def walk_folder(root: Path, folder: Path, found: list[InputFile], exclude: Path | None = None) -> None:
    """Add the files under ``folder`` to ``found``, in name order, without following links."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        name = display_name(folder.name if folder == root else folder.relative_to(root).as_posix())
        found.append(InputFile(folder, name, f"is a folder that could not be listed ({exc.strerror or exc}); "
                                             "check its permissions"))
        return
    resolved_root = root.resolve()
    # an input folder that is itself an output folder: its evidence is read, the reports written there are not
    own_output = not_evidence_folder(folder, exclude)
    for entry in entries:
        if entry.name.startswith((".", "~$")):
            continue  # hidden files and Office lock files are never evidence
        path = Path(entry.path)
        name = display_name(path.relative_to(root).as_posix())
        if folder == root and entry.name.casefold() == REVIEW_FILE_NAME:
            # the reviewer's decisions (find_review_file), never evidence
            found.append(InputFile(path, name, skipped="not read as evidence: it holds the reviewer's decisions"))
            continue
        if own_output and entry.name in REPORT_FILES and entry.is_file(follow_symlinks=False):
            found.append(InputFile(path, name, skipped=f"not read: a report cse-migrate wrote ({own_output})"))
        elif entry.is_symlink():
            found.append(InputFile(path, name, LINK_PROBLEM))
        elif entry.is_dir(follow_symlinks=False):
            why = not_evidence_folder(path, exclude)
            if why:
                found.append(InputFile(path, name, skipped=f"folder not read: {why}"))
            else:
                walk_folder(root, path, found, exclude)
        elif not entry.is_file(follow_symlinks=False):
            found.append(InputFile(path, name, SPECIAL_PROBLEM))
        elif not path.resolve().is_relative_to(resolved_root):
            found.append(InputFile(path, name, OUTSIDE_PROBLEM))
        else:
            found.append(InputFile(path, name))


def leave_out(files: list[InputFile], review: Path | None) -> list[InputFile]:
    """The input files without the review workbook, when --review names a file inside an input folder: it holds
    decisions, not evidence."""
    if review is None:
        return files
    target = review.resolve()
    return [f for f in files if f.path.resolve() != target]


def find_review_file(inputs: Sequence[Path], options: RunOptions) -> Path | None:
    """The review workbook: ``options.review``, else a review.xlsx at the top of the one input folder holding
    one (the batch convention: each organisation's folder may hold its own)."""
    if options.review is not None:
        if not options.review.is_file():
            raise InputNotFoundError(f"{display_name(str(options.review))}: no such review file; give the "
                                     "evidence.xlsx you reviewed")
        return options.review
    found = [p / REVIEW_FILE_NAME for p in inputs if p.is_dir() and (p / REVIEW_FILE_NAME).is_file()]
    if len(found) > 1:
        raise UsageError(f"{', '.join(display_name(str(p)) for p in found)}: more than one {REVIEW_FILE_NAME} "
                         "among the inputs; name the one to apply with --review")
    return found[0] if found else None
