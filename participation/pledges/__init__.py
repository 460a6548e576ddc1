"""The Pledge and the Care Leavers Charter: versioned promises, review surveys and results per promise."""
