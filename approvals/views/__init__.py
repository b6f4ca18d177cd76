"""Pages of approvals, one module per area: thin views over selectors, forms and services."""
