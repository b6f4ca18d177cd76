"""Online approvals (网上审批): one module per part of the pillar."""

from approvals.models.cases import Case, CaseEvent, CaseMaterial, CaseTask, MaterialNotice
from approvals.models.processes import Process, ProcessStep
from approvals.models.ratings import Rating, RatingAppeal, RatingEvent, RectificationTicket

__all__ = [
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
