"""What committee members and managers read: summaries, with small numbers suppressed."""
