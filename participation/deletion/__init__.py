"""Deleting a survey with everything young people sent to it, after saying exactly what goes and what stays."""
