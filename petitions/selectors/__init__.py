"""The reads for pages, one module per area."""
