"""The Corporate Parenting Committee's own scorecard: measures the council defines, values by period, RAG and direction."""
