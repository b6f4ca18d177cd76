"""Use cases of the complaints area, by phase: the only place here that writes complaints.

Every function takes the acting member of staff (or none, for the complainant's own moves, whose
identity must not show in events or history), locks the complaint row, checks the move against
`petitions.transitions.complaints`, writes one event row, moves the supervision clock and notifies
on commit. Phases: filing → dispatching → handling → closing → reviews; `clocks` and `notices`
are the helpers they share.
"""
