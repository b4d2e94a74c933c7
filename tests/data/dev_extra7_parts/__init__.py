"""The seventh development extension's rows, one module per writer (see ``build_dev_extra7.py``)."""
