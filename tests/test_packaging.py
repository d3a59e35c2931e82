"""Packaging: the import name is tongbao (folder extract/), `extract` is a deprecated alias to the same
modules, and the base install carries extraction while serve, dask and test are extras."""
from __future__ import annotations

import re
import subprocess
import sys
import tomllib

import pytest

from .conftest import ROOT, SEED_000

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))


def python(code: str, cwd=ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-W", "always::DeprecationWarning", "-c", code], cwd=cwd,
                          capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("first, second", [("tongbao", "extract"), ("extract", "tongbao")])
def test_both_names_are_the_same_modules_whichever_comes_first(first, second):
    result = python(f"import {first}.errors, {first}.pipeline\n"
                    f"import {second}.errors, {second}.pipeline, {second}.batch.task\n"
                    f"assert {first} is {second} and {first}.errors.TongbaoError is {second}.errors.TongbaoError\n"
                    f"assert {first}.pipeline is {second}.pipeline\n"
                    f"assert {second}.pipeline.__spec__.name == '{first}.pipeline'\n"
                    f"print({second}.extract_file('{SEED_000}')['date'])")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "2021-03-31"
    assert result.stderr.count("the import name 'extract' is deprecated: import tongbao instead") == 1


def test_tongbao_outside_the_checkout_needs_no_extract_on_the_path(tmp_path):
    result = python("import sys, tongbao, tongbao.cli\n"
                    "assert 'extract' not in sys.modules\n"
                    "print(tongbao.schema()['$schema'])", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "DeprecationWarning" not in result.stderr


def test_every_package_folder_is_installed_under_tongbao():
    tool = PYPROJECT["tool"]["setuptools"]
    assert tool["package-dir"] == {"tongbao": "extract"}
    folders = {"tongbao" + "".join("." + part for part in path.parent.relative_to(ROOT / "extract").parts)
               for path in (ROOT / "extract").rglob("__init__.py")}
    assert folders == set(tool["packages"])
    assert PYPROJECT["project"]["scripts"]["tongbao"] == "tongbao.cli:main"


def _names(requirements: list[str]) -> set[str]:
    return {re.match(r"[A-Za-z0-9_.-]+", r).group(0).lower() for r in requirements}


def test_base_install_carries_extraction_and_the_extras_the_rest():
    project = PYPROJECT["project"]
    base, extras = _names(project["dependencies"]), project["optional-dependencies"]
    assert not base & {"fastapi", "uvicorn", "python-multipart", "dask", "distributed", "spacy", "pytest"}
    assert {"fastapi", "uvicorn", "python-multipart"} <= _names(extras["serve"])
    assert {"dask", "distributed"} <= _names(extras["dask"])
    assert "tongbao[serve,dask]" in extras["test"]


def test_extraction_and_the_cli_import_no_extra():
    """What the base install lacks is never imported to extract, batch locally or search."""
    result = python("import sys\n"
                    "from click.testing import CliRunner\n"
                    "from tongbao.cli import main\n"
                    f"assert CliRunner().invoke(main, ['extract', '{SEED_000}']).exit_code == 0\n"
                    "loaded = {m.partition('.')[0] for m in sys.modules}\n"
                    "print(sorted(loaded & {'fastapi', 'uvicorn', 'multipart', 'dask', 'distributed', 'spacy'}))")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_a_missing_extra_is_named(monkeypatch):
    from click.testing import CliRunner

    from extract import cli

    @cli.main.command("needs-dask")
    def needs_dask():
        raise ModuleNotFoundError("No module named 'distributed'", name="distributed")

    try:
        result = CliRunner().invoke(cli.main, ["needs-dask"])
    finally:
        del cli.main.commands["needs-dask"]
    assert result.exit_code == 1
    assert result.stderr.strip() == ("tongbao: error: this needs the [dask] extra, which is not installed: "
                                     "pip install 'tongbao[dask]'")
