"""The layout stays true without anyone watching: build-time code never imports the screen, queries never render,
and only build-time code and inputs make the warehouse stale."""
import ast
import shutil
from pathlib import Path

import pytest

from lib.paths import ROOT, build_inputs
from tests.helpers import imported_modules

LIB = ROOT / "lib"


_imports = imported_modules


def _modules(folder: str) -> list[Path]:
    return sorted((LIB / folder).rglob("*.py"))


@pytest.mark.parametrize("path", _modules("warehouse"), ids=lambda p: str(p.relative_to(ROOT)))
def test_build_time_code_never_imports_the_screen(path):
    bad = {n for n in _imports(path) if n.split(".")[0] == "streamlit" or n.startswith(("lib.ui", "lib.queries"))}
    assert not bad, f"{path.relative_to(ROOT)} imports {sorted(bad)}: build-time code must not"


@pytest.mark.parametrize("path", _modules("queries"), ids=lambda p: str(p.relative_to(ROOT)))
def test_queries_never_import_the_screen_or_the_build(path):
    bad = {n for n in _imports(path) if n.startswith(("lib.ui", "lib.warehouse"))}
    assert not bad, f"{path.relative_to(ROOT)} imports {sorted(bad)}: queries return data, lib/ui renders it"


@pytest.mark.parametrize("path", [LIB / "contract.py", LIB / "paths.py", LIB / "errors.py"], ids=lambda p: p.name)
def test_shared_modules_import_neither_side(path):
    bad = {n for n in _imports(path) if n.startswith(("lib.ui", "lib.queries", "lib.warehouse", "streamlit"))}
    assert not bad


def test_pages_read_the_warehouse_only_through_queries():
    for path in sorted((ROOT / "pages").glob("*.py")):
        bad = {n for n in _imports(path) if n.startswith("lib.warehouse") or n == "duckdb"}
        assert not bad, f"{path.name} imports {sorted(bad)}"


def test_only_build_time_code_and_inputs_enter_the_fingerprint():
    inputs = {p.relative_to(ROOT).as_posix() for p in build_inputs()}
    assert "lib/warehouse/build.py" in inputs and "lib/contract.py" in inputs
    assert not any(p.startswith(("lib/ui/", "lib/queries/", "pages/")) for p in inputs)


def test_editing_a_chart_colour_leaves_the_warehouse_fresh(tmp_path, monkeypatch):
    """Copy the project, build, change a colour in the figure code: the warehouse is not stale; change the
    extractor: it is."""
    copy = tmp_path / "project"
    shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(".venv", ".git", "*.duckdb*", "__pycache__", "artifacts"))
    import subprocess
    import sys
    env = {"PATH": "/usr/bin:/bin", "INDICATORS_DB": str(tmp_path / "w.duckdb")}
    check = "from lib.warehouse.build import is_stale; print(is_stale())"

    def stale() -> str:
        return subprocess.run([sys.executable, "-c", check], cwd=copy, env=env, capture_output=True, text=True,
                              check=True).stdout.strip()

    subprocess.run([sys.executable, "-m", "lib.build"], cwd=copy, env=env, check=True, capture_output=True)
    assert stale() == "False"
    figures = copy / "lib" / "ui" / "figures.py"
    text = figures.read_text(encoding="utf-8")
    assert '"CHN": "#' in text
    figures.write_text(text.replace('"CHN": "#', '"CHN": "#0', 1), encoding="utf-8")
    assert stale() == "False"
    extract = copy / "lib" / "warehouse" / "extract" / "__init__.py"
    extract.write_text(extract.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    assert stale() == "True"


def _project_files() -> list[Path]:
    return [ROOT / "app.py", *sorted((ROOT / "pages").glob("*.py")), *sorted(LIB.rglob("*.py")),
            *sorted((ROOT / "bench").glob("*.py"))]


@pytest.mark.parametrize("path", _project_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_project_import_resolves(path):
    """Imports inside functions (lazy ones: the export button, the benchmark) run only when someone clicks; a
    name that moved must fail here, not in front of a user."""
    import importlib

    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] in ("lib", "bench"):
            module = importlib.import_module(node.module)
            for alias in node.names:
                assert hasattr(module, alias.name) or importlib.util.find_spec(f"{node.module}.{alias.name}"), \
                    f"{path.relative_to(ROOT)}:{node.lineno}: {node.module} has no {alias.name}"
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] in ("lib", "bench"):
                    importlib.import_module(alias.name)
