"""The command line's shared options: reading limits, --password, -v/-q after the command name, the run options
(framework, legacy framework, as-of date, stale months, rules packs, semantic). Declarations only: the commands
are in :mod:`cse_migrate.cli`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import click

from cse_migrate.limits import DEFAULT_LIMITS, Limits
from cse_migrate.options import DEFAULT_FRAMEWORK, DEFAULT_LEGACY


def parse_date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return datetime.strptime(value, "%Y-%m-%d").date()
    except ValueError:
        raise click.BadParameter(f"'{value}' is not a date in the form YYYY-MM-DD") from None


def set_verbose(ctx: click.Context, _param: click.Parameter, value: int) -> None:
    if value:
        ctx.ensure_object(dict)["verbosity"] = max(ctx.obj.get("verbosity", 0), value)


def set_quiet(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value:
        ctx.ensure_object(dict)["verbosity"] = -1


def verbosity(command: Callable[..., Any]) -> Callable[..., Any]:
    """-v/-q after the command name too ('cse-migrate analyse -q ...'), as users type them."""
    command = click.option("-v", "--verbose", count=True, expose_value=False, callback=set_verbose,
                           help="Say more.")(command)
    return click.option("-q", "--quiet", is_flag=True, expose_value=False, callback=set_quiet,
                        help="Print errors only.")(command)


rules_option = click.option("--rules", "rules_path", type=click.Path(path_type=Path, file_okay=False),
                             help="A rules folder laid over the bundled mappings/ (same layout).")


framework_option = click.option("--framework", "framework_id", default=DEFAULT_FRAMEWORK, show_default=True,
                                 help="Target framework id (see 'cse-migrate frameworks').")


legacy_option = click.option("--legacy-framework", "legacy_id", default=DEFAULT_LEGACY, show_default=True,
                              help="The framework the legacy references cite (charter-mark-2003 or "
                                   "service-first-1998).")


as_of_option = click.option("--as-of", callback=parse_date, metavar="YYYY-MM-DD",
                             help="Judge evidence age as at this date (default: today).")


stale_option = click.option("--stale-months", type=click.IntRange(1, 600),
                             help="Evidence older than this many months is stale (default: the framework's "
                                  "setting).")


# What one input file may cost to read (cse_migrate/limits.py). Stored on the context by callbacks so that every
# command that reads files takes the same options without repeating them in its signature.
LIMIT_OPTIONS: tuple[tuple[str, str, click.ParamType[Any], str], ...] = (
    ("--max-file-mb", "max_file_mb", click.FloatRange(min=0, min_open=True),
     "Refuse an input file larger than this many MB."),
    ("--max-uncompressed-mb", "max_uncompressed_mb", click.FloatRange(min=0, min_open=True),
     "Refuse an xlsx/docx/ods/odt that would expand to more than this many MB."),
    ("--max-ratio", "max_ratio", click.FloatRange(min=1),
     "Refuse a zip member that expands more than this many times (a zip bomb's tell)."),
    ("--max-rows", "max_rows", click.IntRange(min=1),
     "Refuse a sheet, table or CSV with more rows (or a document with more paragraphs) than this."),
    ("--max-cell-chars", "max_cell_chars", click.IntRange(min=100),
     "Cut a cell or paragraph longer than this many characters (the cut is noted in the reports)."),
    ("--max-document-mb", "max_document_mb", click.FloatRange(min=1),
     "Refuse a docx/odt/ods whose largest XML part is bigger than this (its parser holds about 14 times that "
     "in memory)."),
    ("--timeout", "timeout", click.FloatRange(min=0, min_open=True),
     "Seconds the reading of one file may take, parsers and converters included; a file that takes longer "
     "is stopped and listed as unreadable."),
)


def store_limit(ctx: click.Context, param: click.Parameter, value: float | int) -> None:
    ctx.ensure_object(dict).setdefault("limits", {})[param.name] = value


def store_password(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    ctx.ensure_object(dict)["password"] = value or None


def reading_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """The limits options and --password, for every command that reads input files."""
    for flag, name, kind, text in reversed(LIMIT_OPTIONS):
        command = click.option(flag, name, type=kind, default=getattr(DEFAULT_LIMITS, name), show_default=True,
                               expose_value=False, callback=store_limit, help=text)(command)
    return click.option("--password", envvar="CSE_MIGRATE_PASSWORD", metavar="TEXT", expose_value=False,
                        callback=store_password,
                        help="Password that opens password-protected input files (decrypted in memory only). "
                             "Prefer the CSE_MIGRATE_PASSWORD environment variable: it stays out of your shell "
                             "history.")(command)


def limits(ctx: click.Context) -> Limits:
    return Limits(**ctx.obj.get("limits", {}))


pdf_option = click.option("--pdf", is_flag=True,
                          help="Also write gap-report.pdf through LibreOffice, contents page numbers filled in.")
semantic_option = click.option("--semantic", is_flag=True,
                                help="Also use the optional semantic matcher (pip install 'cse-migrate[semantic]').")
