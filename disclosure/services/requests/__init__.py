"""Writes on disclosure requests (依申请公开), one module per phase."""
