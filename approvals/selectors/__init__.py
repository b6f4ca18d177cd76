"""The reads of approvals for pages: one module per area."""
