"""What the process keeps between requests lives in core/state.py, and `clear()` forgets it."""

from __future__ import annotations

import ast

from participation import ROOT
from participation.core import state


def test_copies_a_young_persons_pages_were_drawn_from_are_forgotten_by_clear(client, demo):
    assert client.get("/s/demo/1").status_code == 200
    assert state.sizes()["surveys"] == 1
    state.clear()
    assert set(state.sizes().values()) == {0}
    # Read again from the database on the next page.
    reply = client.get("/s/demo/1")
    assert reply.status_code == 200 and state.sizes()["surveys"] == 1


def test_a_cache_forgets_everything_when_it_is_full():
    cache: state.Kept[int, str] = state.Kept("numbers", 2)
    cache.put(1, "one")
    cache.put(2, "two")
    cache.put(3, "three")
    assert (cache.get(1), cache.get(2), cache.get(3), len(cache)) == (None, None, "three", 1)
    cache.replace_all(4, "four")
    assert (cache.get(3), cache.get(4)) == (None, "four")


def test_the_shipped_loaders_are_kept_by_clear_and_forgotten_with_shipped(monkeypatch):
    from participation.analysis.sentiment import lexicon
    from participation.themes.services import built_in
    # Only the two quick ones, so the slow models stay loaded for the tests after this one.
    monkeypatch.setattr(state, "SHIPPED", ("participation.analysis.sentiment:lexicon",))
    monkeypatch.setattr(state, "_SHIPPED_HERE", [built_in])
    lexicon(), built_in()
    state.clear()
    assert lexicon.cache_info().currsize == built_in.cache_info().currsize == 1
    state.clear(shipped=True)
    assert lexicon.cache_info().currsize == built_in.cache_info().currsize == 0
    assert lexicon()["happy"][0] > 0  # and read again when next needed


def _module_level_caches(path) -> list[str]:
    """Module-level names that start empty to be filled later, and functions kept with lru_cache."""
    tree = ast.parse(path.read_text())
    found = []
    for node in tree.body:
        value = node.value if isinstance(node, (ast.Assign, ast.AnnAssign)) else None
        empty_literal = isinstance(value, (ast.Dict, ast.List, ast.Set)) and not (
            value.keys if isinstance(value, ast.Dict) else value.elts)
        empty_call = (isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and not value.args
                      and value.func.id in ("dict", "list", "set", "defaultdict", "OrderedDict"))
        if empty_literal or empty_call:
            found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
        if isinstance(node, ast.FunctionDef):
            for decorator in node.decorator_list:
                name = ast.unparse(decorator.func if isinstance(decorator, ast.Call) else decorator)
                if name.split(".")[-1] in ("lru_cache", "cache"):
                    found.append(f"{module_of(path)}:{node.name}")
    return found


def module_of(path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts)


def test_no_module_keeps_state_of_its_own():
    found = [cache for path in sorted((ROOT / "participation").rglob("*.py"))
             if path != ROOT / "participation/core/state.py" for cache in _module_level_caches(path)]
    assert sorted(found) == sorted(state.SHIPPED)


def test_the_check_finds_a_module_level_cache(tmp_path, monkeypatch):
    monkeypatch.setattr("tests.core.test_state.ROOT", tmp_path)
    module = tmp_path / "participation" / "feature.py"
    module.parent.mkdir()
    module.write_text("from functools import lru_cache\n_SEEN: dict[str, int] = {}\n"
                      "@lru_cache(maxsize=8)\ndef load():\n    return 1\n")
    assert _module_level_caches(module) == ["participation/feature.py:2", "participation.feature:load"]
