"""The public API: the names cse_migrate exports, and the README's Python example run as written."""

from __future__ import annotations

import os
import re
import tomllib
from pathlib import Path

import pytest

import cse_migrate

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_public_names() -> None:
    from cse_migrate.model import RunResult
    from cse_migrate.options import RunOptions
    from cse_migrate.pipeline import analyse, write_reports
    from cse_migrate.rules import load_rules

    assert (cse_migrate.analyse, cse_migrate.write_reports, cse_migrate.load_rules, cse_migrate.RunOptions,
            cse_migrate.RunResult) == (analyse, write_reports, load_rules, RunOptions, RunResult)
    assert set(cse_migrate.__all__) >= {"analyse", "write_reports", "load_rules", "RunOptions"}
    with pytest.raises(AttributeError):
        _ = cse_migrate.no_such_name


def test_version_is_in_step_with_pyproject() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert cse_migrate.__version__ == project["version"]


def test_readme_python_example_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    section = README[README.index("## Python API"):README.index("## Development")]
    code = re.search(r"```python\n(.*?)```", section, re.S)
    assert code is not None
    monkeypatch.chdir(tmp_path)
    os.symlink(ROOT / "samples", tmp_path / "samples")  # the example names paths relative to the checkout
    exec(compile(code.group(1), "README.md", "exec"), {})
    for name in ("results.json", "evidence.xlsx", "gap-report.docx"):
        assert (tmp_path / "out" / "eastmoor" / name).stat().st_size > 0
    assert "'mapped'" in capsys.readouterr().out
