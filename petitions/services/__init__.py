"""The use cases of petitions, one module per area (a package by phase when it grows past ~400 lines)."""
