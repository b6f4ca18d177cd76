"""The models of every area, imported here for Django: routing, complaints (by phase), identity."""

from petitions.models.complaints.access import (
    ComplaintGroupObjectPermission,
    ComplaintUserObjectPermission,
)
from petitions.models.complaints.complaint import Attachment, Complaint, LeaderInstruction
from petitions.models.complaints.events import ComplaintEvent
from petitions.models.complaints.handling import ExtensionRequest, Rating, Reply, ReturnVisit
from petitions.models.complaints.reviews import ReviewRequest
from petitions.models.identity import (
    ComplainantIdentity,
    IdentityAccess,
    IdentityPermissionChange,
    ProtectedAccess,
)
from petitions.models.routing import Category, LimitUnit, RoutingRule

__all__ = [
    "Attachment",
    "Category",
    "ComplainantIdentity",
    "Complaint",
    "ComplaintEvent",
    "ComplaintGroupObjectPermission",
    "ComplaintUserObjectPermission",
    "ExtensionRequest",
    "IdentityAccess",
    "IdentityPermissionChange",
    "LeaderInstruction",
    "LimitUnit",
    "ProtectedAccess",
    "Rating",
    "Reply",
    "ReturnVisit",
    "ReviewRequest",
    "RoutingRule",
]
