"""The administrator's area: staff accounts, the audit log and downloading everything the system holds."""
