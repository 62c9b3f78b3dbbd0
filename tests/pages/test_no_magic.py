"""The server runs without Streamlit's "magic" (.streamlit/config.toml runner.magicEnabled = false, see the comment
there): no page may rely on it, so a bare expression at any level of app.py or a page script would show nothing."""
import ast
import tomllib

import pytest

from lib.paths import ROOT

SCRIPTS = [ROOT / "app.py", *sorted((ROOT / "pages").glob("*.py"))]


def test_magic_is_off():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["runner"]["magicEnabled"] is False


@pytest.mark.parametrize("path", SCRIPTS, ids=lambda p: p.name)
def test_no_page_writes_by_magic(path):
    """Every expression statement is a call (st.x(...), a helper) or a docstring: nothing magic would have drawn."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(owner.body[0]) for owner in ast.walk(tree)
                  if isinstance(owner, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
                  and owner.body and isinstance(owner.body[0], ast.Expr)
                  and isinstance(owner.body[0].value, ast.Constant) and isinstance(owner.body[0].value.value, str)}
    bare = [f"{path.name}:{node.lineno}" for node in ast.walk(tree) if isinstance(node, ast.Expr)
            and not isinstance(node.value, (ast.Call, ast.Await, ast.Yield, ast.YieldFrom)) and id(node) not in docstrings]
    assert not bare, f"bare expressions that magic would have shown and now do not: {bare}"
