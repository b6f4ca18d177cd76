"""Writes on the catalogue of powers and services, one module per phase."""
