"""Imports every feature's models so metadata is complete for create_all and Alembic."""

from participation.auth.models import AuditEntry, StaffUser  # noqa: F401
from participation.comments.models import CommentAnalysis, CommentTally, CommentTheme, TaggerModel  # noqa: F401
from participation.respond.models import (  # noqa: F401
    Answer, AnswerTally, Draft, Response, ResponseTally, SubmissionReceipt)
from participation.surveys.models import Option, Question, Section, Survey, SurveyTextTranslation  # noqa: F401
from participation.themes.models import Theme  # noqa: F401
from participation.pledges.models import Pledge, PledgeVersion, Promise, ReviewQuestion  # noqa: F401
from participation.tracker.models import Action, ActionUpdate, YouSaid, YouSaidEvidence, YouSaidTheme  # noqa: F401
from participation.help_requests.models import HelpRequest  # noqa: F401
from participation.scorecard.models import Measure, MeasureGroup, MeasureValue  # noqa: F401
from participation.reports.models import CommitteePaper, CommitteeQuote  # noqa: F401
