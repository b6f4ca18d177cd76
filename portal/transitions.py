"""The transition table every state machine of the portal uses.

A record may make a move only from the statuses the table lists for it; any other move is refused
with a `DomainError` in the domain's words (see STYLE.md, "Explicit state machines").
"""

from collections.abc import Mapping

from portal.errors import DomainError


class TransitionTable:
    """Which move a record may make from which status, and what a refused move says."""

    def __init__(self, allowed: Mapping[str, set[str]], refusals: Mapping):
        if allowed.keys() != refusals.keys():
            raise ValueError("Every move needs both its allowed statuses and its refusal.")
        self.allowed_from = dict(allowed)
        self.refusals = dict(refusals)

    def check(self, record, move: str) -> None:
        """Refuse a move the record's status does not allow."""
        if record.status not in self.allowed_from[move]:
            raise DomainError(self.refusals[move], code=f"bad_transition:{move}")

    def allowed(self, record, move: str) -> bool:
        """Whether the record's status allows the move (for showing or hiding a button)."""
        return record.status in self.allowed_from[move]
