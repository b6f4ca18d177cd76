"""The writes of the efficiency rating, by phase: votes, tallies (and their warnings), roster."""
