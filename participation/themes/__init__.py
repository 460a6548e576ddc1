"""Outcome themes: the taxonomy that comments, questions, promises and actions are filed under."""
