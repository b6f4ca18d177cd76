"""Writes of the disclosure pillar, one module (or package by phase) per area."""
