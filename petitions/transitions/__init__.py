"""The state machines of petitions, one module per area."""
