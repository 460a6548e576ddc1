"""Pure modules import nothing from Flask, SQLAlchemy or the rest of the app."""

from __future__ import annotations

import ast

from participation import ROOT

PURE = ["participation/analysis", "participation/exchange/codec.py", "participation/reports/charts.py",
        "participation/reports/suppression.py", "participation/auth/roles.py", "participation/pledges/importing.py",
        "participation/tracker/rules.py"]
FORBIDDEN = ("flask", "flask_wtf", "flask_login", "flask_sqlalchemy", "flask_migrate", "sqlalchemy",
             "werkzeug", "wtforms", "participation")


def _pure_files():
    for entry in PURE:
        path = ROOT / entry
        if path.is_dir():
            yield from sorted(path.rglob("*.py"))
        elif path.exists():
            yield path


def test_pure_modules_import_nothing_from_the_app_or_web_stack():
    checked = 0
    for path in _pure_files():
        tree = ast.parse(path.read_text(), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""] if node.level == 0 else ["participation.relative-import"]
            else:
                continue
            own_package = "participation.analysis" if "analysis" in path.parts else None
            for name in names:
                if own_package and (name == own_package or name.startswith(own_package + ".")):
                    continue  # the analysis package may use its own modules
                assert name.split(".")[0] not in FORBIDDEN, f"{path.relative_to(ROOT)} imports {name}"
        checked += 1
    assert checked >= 1


def test_top_level_layout_is_the_one_the_owner_fixed():
    expected = {"participation", "templates", "static", "migrations", "tests", "pyproject.toml",
                "README.md", "Makefile", ".ci", "bench"}
    present = {p.name for p in ROOT.iterdir() if not p.name.startswith(".") or p.name == ".ci"}
    assert expected <= present
    assert present - expected <= {"instance", "build"} | {p for p in present if p.endswith(".egg-info")}
