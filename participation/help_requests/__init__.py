"""A young person asks to be contacted: kept apart from, and never linked to, any answers."""
