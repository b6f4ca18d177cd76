"""Online approvals (网上审批): one module per area, and `cases` for the case every area writes."""

from approvals.models.applying import CaseMaterial
from approvals.models.cases import Case, CaseEvent
from approvals.models.consents import AgentConsent
from approvals.models.handling import CaseTask, MaterialNotice
from approvals.models.processes import Process, ProcessStep
from approvals.models.ratings import Rating, RatingAppeal, RatingEvent, RectificationTicket

__all__ = [
    "AgentConsent",
    "Case",
    "CaseEvent",
    "CaseMaterial",
    "CaseTask",
    "MaterialNotice",
    "Process",
    "ProcessStep",
    "Rating",
    "RatingAppeal",
    "RatingEvent",
    "RectificationTicket",
]
