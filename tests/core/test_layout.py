"""The layout keeps its shape: pure modules import nothing from the app or the web, and imports between
features run one way only (see "House rules for the code" in the README)."""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

from participation import ROOT

PURE = ["participation/analysis", "participation/exchange/codec.py", "participation/reports/charts.py",
        "participation/core/suppression.py", "participation/auth/roles.py", "participation/pledges/importing.py",
        "participation/tracker/rules.py", "participation/core/golive.py"]
FORBIDDEN = ("flask", "flask_wtf", "flask_login", "flask_sqlalchemy", "flask_migrate", "sqlalchemy",
             "werkzeug", "wtforms", "participation")

#: Features from the bottom up. A feature's modules may import the modules of the features before it, never
#: those after. Any feature may read another's models (reports join across them in SQL), except that
#: models import only the models of features before them, and core imports no feature at all. Views are
#: the top: they may call any feature's services, but never another feature's views.
FEATURES = ["analysis", "core", "auth", "themes", "surveys", "comments", "alerts", "respond", "exchange", "pledges",
            "tracker", "scorecard", "reports", "help_requests", "admin"]
#: Top-level modules every feature shares, counted as part of core.
CORE_MODULES = {"participation.db", "participation.config", "participation.extensions"}
#: Where the app is put together: they may import anything.
ROOTS = {"participation", "participation.cli", "participation.models"}


@dataclass(frozen=True)
class Import:
    source: str  # the importing module, e.g. participation.surveys.views
    target: str  # the imported module, e.g. participation.respond.services
    line: int
    in_function: bool


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> list[Import]:
    """Every import of the app's own modules in a file, with whether it sits inside a function."""
    source = module_name(path)
    tree = ast.parse(path.read_text(), filename=str(path))
    in_function = {id(node) for fn in ast.walk(tree) if isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef))
                   for node in ast.walk(fn)}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            # "from participation.x import y" may name a module y or a thing in x: count the module it names.
            targets = [f"{node.module}.{alias.name}" if _is_module(f"{node.module}.{alias.name}") else node.module
                       for alias in node.names]
        else:
            continue
        found += [Import(source, t, node.lineno, id(node) in in_function) for t in targets
                  if t == "participation" or t.startswith("participation.")]
    return found


def _is_module(name: str) -> bool:
    path = ROOT.joinpath(*name.split("."))
    return path.with_suffix(".py").exists() or (path / "__init__.py").exists()


def feature(module: str) -> str | None:
    if module in CORE_MODULES:
        return "core"
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in FEATURES else None


def kind(module: str) -> str:
    return module.split(".")[-1] if module.split(".")[-1] in ("views", "models") else "other"


def uphill(imp: Import) -> str | None:
    """Why an import breaks the allowed graph, or None when it is allowed."""
    if imp.source in ROOTS:
        return None
    source, target = feature(imp.source), feature(imp.target)
    if source is None or target is None:
        return f"{imp.target} is not in a known feature: add it to FEATURES"
    if source == target:
        return None
    if kind(imp.target) == "views":
        return "a view of another feature"
    if kind(imp.source) == "views":
        return None
    below = FEATURES.index(target) < FEATURES.index(source)
    if kind(imp.target) == "models" and kind(imp.source) != "models" and source not in ("analysis", "core"):
        return None
    return None if below else f"{target} is not below {source}"


def all_imports() -> list[Import]:
    return [imp for path in sorted((ROOT / "participation").rglob("*.py")) for imp in imports_of(path)]


def test_imports_between_features_run_downhill_only():
    problems = [f"{imp.source}:{imp.line} imports {imp.target}: {why}"
                for imp in all_imports() if (why := uphill(imp))]
    assert problems == []


def test_the_graph_check_catches_an_uphill_import():
    assert uphill(Import("participation.surveys.services", "participation.respond.services", 1, False))
    assert uphill(Import("participation.comments.services", "participation.respond.storing", 1, False))
    assert uphill(Import("participation.surveys.views", "participation.respond.views", 1, False))
    assert uphill(Import("participation.themes.models", "participation.surveys.models", 1, False))
    assert uphill(Import("participation.core.forms", "participation.auth.roles", 1, False))
    assert uphill(Import("participation.db", "participation.surveys.models", 1, False))
    assert not uphill(Import("participation.respond.services", "participation.surveys.services", 1, False))
    assert not uphill(Import("participation.surveys.builder", "participation.respond.models", 1, False))
    assert not uphill(Import("participation.themes.views", "participation.comments.services", 1, False))


def test_the_app_imports_its_own_modules_at_the_top_of_each_file():
    """Imports hidden in functions hide arrows of the graph; only create_app puts the app together late."""
    hidden = [f"{imp.source}:{imp.line} imports {imp.target}" for imp in all_imports()
              if imp.in_function and imp.source != "participation"]
    assert hidden == []


def _pure_files():
    for entry in PURE:
        path = ROOT / entry
        if path.is_dir():
            yield from sorted(path.rglob("*.py"))
        elif path.exists():
            yield path


def _is_pure(module: str) -> bool:
    return any(module == module_name(path) for path in _pure_files())


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
            for name in names:
                if _is_pure(name) or any(_is_pure(f"{name}.{alias.name}") for alias in node.names):
                    continue  # a pure module may use another pure module
                assert name.split(".")[0] not in FORBIDDEN, f"{path.relative_to(ROOT)} imports {name}"
        checked += 1
    assert checked >= 1


def test_top_level_layout_is_the_one_the_owner_fixed():
    expected = {"participation", "templates", "static", "migrations", "tests", "pyproject.toml",
                "README.md", "Makefile", ".ci", "bench"}
    present = {p.name for p in ROOT.iterdir() if not p.name.startswith(".") or p.name == ".ci"}
    assert expected <= present
    assert present - expected <= {"instance", "build"} | {p for p in present if p.endswith(".egg-info")}
