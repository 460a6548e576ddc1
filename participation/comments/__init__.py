"""What young people wrote: each comment's themes, sentiment, safeguarding flag and redacted text,
and the officers' review queue that confirms them and teaches the tagger."""
