"""The shape of the code that review alone would not keep: apps that depend one way (the
import-linter contracts of pyproject.toml, run by `make lint`), and small modules and functions."""

import ast
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parents[1]
CONFIG = tomllib.loads((BASE_DIR / "pyproject.toml").read_text())
# The import name of each root package, and its folder (the project's configuration lives in
# site/ but imports as `entraide`).
PACKAGES = {
    name: BASE_DIR / ("site" if name == "entraide" else name)
    for name in CONFIG["tool"]["importlinter"]["root_packages"]
}
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60


def application_modules():
    for folder in PACKAGES.values():
        for path in sorted(folder.rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


def test_every_app_is_under_the_contracts():
    """A new app must take its place in the layers, or nothing would check its imports."""
    apps = {path.parent.name for path in BASE_DIR.glob("*/apps.py")}
    assert apps <= set(PACKAGES)


@pytest.mark.parametrize("path", list(application_modules()), ids=str)
def test_modules_and_functions_stay_small(path):
    source = path.read_text()
    assert source.count("\n") <= MAX_MODULE_LINES, f"{path} has over {MAX_MODULE_LINES} lines"
    long_functions = [
        f"{node.name} ({node.end_lineno - node.lineno + 1} lines)"
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES
    ]
    assert not long_functions


BREAKS = {
    # module that gains the import: (the import, what the contracts must then report)
    "ressources/listing.py": ("import fiches.models", "ressources.listing -> fiches.models"),
    "fiches/views/__init__.py": ("import evenements", "fiches.views -> evenements"),
    "evenements/views.py": ("import fiches.models", "evenements.views -> fiches.models"),
    "search/indexation.py": ("import evenements.models", "search.indexation -> evenements.models"),
    "structures/models.py": ("import search", "structures.models -> search"),
    "inventaire/apps.py": ("import entraide.urls", "inventaire.apps -> entraide.urls"),
}


def lint_imports(root):
    return subprocess.run(
        [str(Path(sys.executable).with_name("lint-imports")), "--no-cache"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_the_contracts_fail_when_an_app_imports_against_the_grain(tmp_path):
    """A copy of the apps where each rule is broken once, by an import hidden in a function:
    import-linter must name every one of those imports."""
    for name, folder in PACKAGES.items():
        shutil.copytree(folder, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(BASE_DIR / "pyproject.toml", tmp_path)
    for module, (statement, _report) in BREAKS.items():
        with (tmp_path / module).open("a") as file:
            file.write(f"\n\ndef _against_the_grain():\n    {statement}\n")

    broken = lint_imports(tmp_path)

    assert broken.returncode != 0
    for _statement, report in BREAKS.values():
        assert report in broken.stdout, broken.stdout
