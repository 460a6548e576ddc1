"""Every model has a builder in tests/factories.py, and each builds a row the database accepts."""

from __future__ import annotations

import inspect
import typing

from sqlalchemy import event

from participation.db import db
from tests import factories


def _builders() -> dict[type, typing.Callable]:
    found = {}
    for name, function in vars(factories).items():
        if name.startswith("make_") and inspect.isfunction(function):
            made = typing.get_type_hints(function).get("return")
            if isinstance(made, type) and issubclass(made, db.Model) and made not in found:
                found[made] = function
    return found


def test_every_model_has_a_builder():
    models = {mapper.class_ for mapper in db.Model.registry.mappers}
    assert sorted(m.__name__ for m in models - set(_builders())) == []


def test_each_builder_flushes_a_row_the_database_keeps_and_commits_nothing(app):
    with app.app_context():
        commits: list[object] = []
        event.listen(db.session(), "after_commit", commits.append)
        for model, build in _builders().items():
            if build is factories.make_survey:
                continue  # builds through the survey builder and commits, as it always has
            row = build(db.session)
            assert isinstance(row, model) and row in db.session and not db.session.new, build.__name__
            assert db.session.get(model, db.inspect(row).identity) is row, build.__name__
        assert commits == []
        db.session.rollback()
