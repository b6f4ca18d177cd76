"""Transition tables of the approvals pillar, one module per record with a state machine."""
