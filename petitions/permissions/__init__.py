"""The permission policies of petitions, one module per area."""
