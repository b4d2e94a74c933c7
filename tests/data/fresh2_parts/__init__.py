"""The third held-out part's rows, one module per writer (see ``build_fresh2.py`` and ``FRESH2.md``)."""
