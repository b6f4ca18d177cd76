"""Who may see and do what in approvals: one module per area, `cases` for the case policy."""
