"""The eighth development extension's rows, one module per writer (see ``build_dev_extra8.py``)."""
