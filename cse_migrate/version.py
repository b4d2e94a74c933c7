"""The tool's version, recorded in every results.json (kept in step with pyproject.toml by tests/test_api.py)."""

__version__ = "0.1.0"
