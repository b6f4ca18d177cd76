"""The forms of petitions, one module per area: validation only; the services write."""
