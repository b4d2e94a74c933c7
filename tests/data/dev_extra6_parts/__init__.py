"""The sixth development extension's rows, one module per writer (see ``build_dev_extra6.py``)."""
