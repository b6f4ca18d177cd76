"""The complaints area's models, by phase; `petitions.models` imports the classes."""
