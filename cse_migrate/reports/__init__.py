"""Report writers: the Word gap analysis, the Excel evidence portfolio and the batch summary.

Every writer reads only a :class:`cse_migrate.model.RunResult` (or several), writes atomically through
:func:`cse_migrate.output.atomic_write` and gives byte-identical files for identical inputs.
"""
