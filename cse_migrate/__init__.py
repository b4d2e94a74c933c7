"""cse-migrate: carry Charter Mark evidence portfolios to the Customer Service Excellence standard.

The library reads legacy evidence (spreadsheets, Word narratives, CSV logs, PDFs), maps each item onto the target
criteria with data-driven rules, analyses the gaps and writes reports. Only :mod:`cse_migrate.cli` exits; every
other module raises :class:`cse_migrate.errors.CseMigrateError` subclasses.

The public API, from Python::

    from pathlib import Path
    from cse_migrate import RunOptions, analyse, load_rules, write_reports

    rules = load_rules()                                  # the bundled mappings/ (or load_rules([Path("pack")]))
    options = RunOptions(framework="cse-2008", organisation="Eastmoor Libraries")
    result = analyse([Path("samples/eastmoor-libraries")], rules, options)
    write_reports(result, Path("out/eastmoor"))           # results.json, evidence.xlsx, gap-report.docx

The names are imported on first use, so ``import cse_migrate`` stays cheap.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from cse_migrate.version import __version__

if TYPE_CHECKING:
    from cse_migrate.errors import CseMigrateError
    from cse_migrate.model import RunResult
    from cse_migrate.options import RunOptions
    from cse_migrate.pipeline import analyse, write_reports
    from cse_migrate.rules import RuleSet, load_rules

# public name -> the module that defines it
_EXPORTS = {
    "analyse": "cse_migrate.pipeline",
    "write_reports": "cse_migrate.pipeline",
    "load_rules": "cse_migrate.rules",
    "RuleSet": "cse_migrate.rules",
    "RunOptions": "cse_migrate.options",
    "RunResult": "cse_migrate.model",
    "CseMigrateError": "cse_migrate.errors",
}
__all__ = ["CseMigrateError", "RuleSet", "RunOptions", "RunResult", "__version__", "analyse", "load_rules",
           "write_reports"]


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'cse_migrate' has no attribute '{name}'")
