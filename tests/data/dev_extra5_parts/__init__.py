"""The fifth development extension's rows, one module per writer (see ``build_dev_extra5.py``)."""
