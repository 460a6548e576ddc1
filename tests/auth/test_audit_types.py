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


#: The names the audit log holds records under, from before each model stated its own: the table's
#: name less its final "s". They never change, so a record's history is found however the code moves.
STORED_NAMES = {
    "Action": "action", "ActionUpdate": "action_update", "Answer": "answer", "AnswerTally": "answer_tallie",
    "AuditEntry": "audit_entrie", "CommentAnalysis": "comment_analyse", "CommentTally": "comment_tallie",
    "CommentTheme": "comment_theme", "CommitteePaper": "committee_paper", "CommitteeQuote": "committee_quote",
    "Draft": "draft", "HelpRequest": "help_request", "Measure": "measure", "MeasureGroup": "measure_group",
    "MeasureValue": "measure_value", "Option": "option", "Pledge": "pledge", "PledgeVersion": "pledge_version",
    "Promise": "promise", "Question": "question", "Response": "response", "ResponseTally": "response_tallie",
    "ReviewQuestion": "review_question", "Section": "section", "StaffUser": "staff_user",
    "SubmissionReceipt": "submission_receipt", "Survey": "survey", "TaggerModel": "tagger_model", "Theme": "theme",
    "TrackerSource": "tracker_source", "YouSaid": "you_said_item", "YouSaidEvidence": "you_said_evidence",
    "YouSaidTheme": "you_said_theme",
}


def test_each_model_files_its_records_under_the_name_the_log_already_holds():
    stated = {cls.__name__: cls.audit_type for cls in _models()}
    assert {name: stated.get(name) for name in STORED_NAMES} == STORED_NAMES


def test_a_model_states_its_audit_name_once():
    import ast
    import inspect

    twice = []
    for cls in _models():
        body = ast.parse(inspect.getsource(cls)).body[0]
        assert isinstance(body, ast.ClassDef)
        stated = [node for node in body.body if isinstance(node, ast.Assign)
                  and any(isinstance(t, ast.Name) and t.id == "audit_type" for t in node.targets)]
        if len(stated) != 1:
            twice.append(cls.__name__)
    assert twice == []
