"""The layout keeps its shape: pure modules import nothing from the app or the web, and imports between
features run one way only (see "House rules for the code" in the README)."""

from __future__ import annotations

import ast
import sys
from dataclasses import dataclass
from pathlib import Path

from participation import ROOT

PURE = ["participation/analysis", "participation/core/spreadsheets.py", "participation/reports/charts.py",
        "participation/core/suppression.py", "participation/auth/roles.py", "participation/pledges/importing.py",
        "participation/tracker/rules.py", "participation/core/golive.py"]
FORBIDDEN = ("flask", "flask_wtf", "flask_login", "flask_sqlalchemy", "flask_migrate", "sqlalchemy",
             "werkzeug", "wtforms", "participation")

#: Features from the bottom up. A feature's modules may import the modules of the features before it, never
#: those after, models included (reports join across the models below them in SQL); core imports no
#: feature at all. Views are the top: they may call any feature's services, but never another feature's
#: views.
FEATURES = ["analysis", "core", "auth", "themes", "surveys", "comments", "alerts", "respond", "exchange", "pledges",
            "tracker", "scorecard", "reports", "deletion", "help_requests", "admin"]
#: The only reads of a later feature's models, each with its reason. Any other uphill import fails, and
#: so does an entry here that the code no longer needs.
READS_UPHILL = {
    ("participation.comments.services", "participation.respond.models"):
        "comments are answers: the queue tags, filters and counts the Answer and Response rows respond stores, "
        "while respond calls comments to tag each comment as it is sent, so comments stands below respond",
    ("participation.surveys.builder", "participation.respond.models"):
        "a survey's questions and choices are locked once answers are stored: the builder asks whether any "
        "Response or Answer exists, and shows each survey's response count from ResponseTally",
}
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
    package = source if path.name == "__init__.py" else source.rpartition(".")[0]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            # "from . import x" and "from ..y import z" are counted as the modules they name.
            base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1]) if node.level else ""
            module = ".".join(part for part in (base, node.module or "") if part)
            # "from participation.x import y" may name a module y or a thing in x: count the module it names.
            targets = [f"{module}.{alias.name}" if _is_module(f"{module}.{alias.name}") else module
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
    if FEATURES.index(target) < FEATURES.index(source) or (imp.source, imp.target) in READS_UPHILL:
        return None
    return f"{target} is not below {source}"


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
    # Models are read downhill too, apart from the reads listed with their reasons.
    assert uphill(Import("participation.surveys.services", "participation.respond.models", 1, False))
    assert uphill(Import("participation.themes.services", "participation.tracker.models", 1, False))
    assert uphill(Import("participation.core.numbers", "participation.surveys.models", 1, False))
    assert not uphill(Import("participation.tracker.services", "participation.respond.models", 1, False))


def test_a_relative_import_counts_as_the_module_it_names(tmp_path, monkeypatch):
    monkeypatch.setattr(sys.modules[__name__], "ROOT", tmp_path)
    package = tmp_path / "participation" / "surveys"
    package.mkdir(parents=True)
    (tmp_path / "participation" / "respond").mkdir()
    (tmp_path / "participation" / "respond" / "__init__.py").write_text("")
    (tmp_path / "participation" / "respond" / "storing.py").write_text("")
    (package / "__init__.py").write_text("")
    (package / "services.py").write_text("from ..respond import storing\nfrom . import models\n")
    found = imports_of(package / "services.py")
    assert [imp.target for imp in found] == ["participation.respond.storing", "participation.surveys"]
    assert uphill(found[0])


def test_every_uphill_read_listed_is_still_needed():
    used = {(imp.source, imp.target) for imp in all_imports()}
    assert set(READS_UPHILL) - used == set()


def cycles_in(graph: dict[str, set[str]]) -> list[list[str]]:
    """Chains of imports that come back to where they started, such as a -> b -> a."""
    found: list[list[str]] = []
    done: set[str] = set()

    def visit(module: str, path: list[str]) -> None:
        if module in path:
            found.append(path[path.index(module):] + [module])
        elif module not in done:
            for target in sorted(graph.get(module, ())):
                visit(target, path + [module])
            done.add(module)

    for module in sorted(graph):
        visit(module, [])
    return found


def test_no_module_imports_itself_back_through_others():
    """A cycle of imports between modules (even within a feature) means neither can be read or tested alone."""
    graph: dict[str, set[str]] = {}
    for imp in all_imports():
        if imp.source not in ROOTS and imp.target != imp.source:
            graph.setdefault(imp.source, set()).add(imp.target)
    assert cycles_in(graph) == []


def test_the_cycle_check_finds_a_cycle():
    assert cycles_in({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == [["a", "b", "c", "a"]]
    assert cycles_in({"a": {"b", "c"}, "b": {"c"}}) == []


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


def test_every_service_is_told_its_actor_as_a_checked_type():
    """The checker knows who makes each change: a member of staff (StaffUser), or Actor where the app itself may."""
    untyped, told = [], 0
    for path in sorted((ROOT / "participation").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                for arg in (*node.args.posonlyargs, *node.args.args, *node.args.kwonlyargs):
                    if arg.arg != "actor":
                        continue
                    told += 1
                    if not (isinstance(arg.annotation, ast.Name) and arg.annotation.id in ("Actor", "StaffUser")):
                        untyped.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name}")
    assert told >= 40 and untyped == []
