"""Forms of approvals, one module per area: validation only, the services write."""
