"""The pages of petitions, one module per area."""
