"""The rulebook is a pure library: no Django, no database, no clock."""

from __future__ import annotations

import ast
from pathlib import Path

LAW = Path(__file__).resolve().parent.parent


def _library_files() -> list[Path]:
    return [p for p in LAW.rglob("*.py") if "tests" not in p.parts]


def test_law_never_imports_django() -> None:
    for path in _library_files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                assert not name.startswith(("django", "rest_framework")), f"{path}: imports {name}"


def test_law_never_reads_the_clock() -> None:
    for path in _library_files():
        text = path.read_text(encoding="utf-8")
        assert "date.today(" not in text and "datetime.now(" not in text, path
