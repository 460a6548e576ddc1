"""Staff accounts, roles, signing in and the audit log."""
