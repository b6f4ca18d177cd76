"""Reads for the supervision pages, by area: the dashboard and the leader brief."""
