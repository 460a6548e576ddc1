"""Free-text analysis, pure: themes, sentiment, safeguarding flags and redaction.

Nothing here imports Flask, SQLAlchemy or the rest of the app, so it can be tested and
benchmarked alone. `tag_many(texts)` is the entry point.
"""

from participation.analysis.taxonomy import Taxonomy, ThemeSpec
from participation.analysis.tagger import Tagger, Tagging, build_tagger, default_taxonomy, tag, tag_many

__all__ = ["Taxonomy", "ThemeSpec", "Tagger", "Tagging", "build_tagger", "default_taxonomy", "tag", "tag_many"]
