"""Surveys and consultations: what young people are asked, and how the questions behave."""
