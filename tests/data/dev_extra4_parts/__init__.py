"""The fourth development extension's rows, one module per writer (see ``build_dev_extra4.py``)."""
