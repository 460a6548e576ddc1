"""What every page shares: the health check, security headers and friendly error pages."""
