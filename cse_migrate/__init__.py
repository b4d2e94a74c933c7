"""cse-migrate: carry Charter Mark evidence portfolios to the Customer Service Excellence standard.

The library reads legacy evidence (spreadsheets, Word narratives, CSV logs), maps each item onto the target
criteria with data-driven rules, analyses the gaps and writes reports. Only :mod:`cse_migrate.cli` exits; every
other module raises :class:`cse_migrate.errors.CseMigrateError` subclasses.
"""

__version__ = "0.1.0"
