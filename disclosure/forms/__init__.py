"""Forms of the disclosure pillar, one module per area."""
