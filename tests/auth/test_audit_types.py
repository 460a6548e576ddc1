"""The audit log names each record's type by a name the model itself states, so a change's history
is found again however the table is named."""

from __future__ import annotations

import participation.models  # noqa: F401  (every model, so the registry is complete)
from participation.db import Base


def _models():
    return sorted((mapper.class_ for mapper in Base.registry.mappers), key=lambda cls: cls.__name__)


def test_every_model_states_its_own_audit_name():
    models = _models()
    assert len(models) >= 30
    unnamed = [cls.__name__ for cls in models if not isinstance(cls.__dict__.get("audit_type"), str)
               or not cls.__dict__["audit_type"]]
    assert unnamed == []


def test_no_two_models_share_an_audit_name():
    names = [cls.audit_type for cls in _models()]
    assert len(names) == len(set(names))
