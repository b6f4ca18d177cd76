from petitions.models.catalog import Category, LimitUnit, RoutingRule
from petitions.models.complaints import (
    Attachment,
    Complaint,
    ComplaintEvent,
    ExtensionRequest,
    LeaderInstruction,
    Rating,
    Reply,
    ReturnVisit,
    ReviewRequest,
)
from petitions.models.guardian import ComplaintGroupObjectPermission, ComplaintUserObjectPermission
from petitions.models.identity import ComplainantIdentity, IdentityAccess

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
    "LeaderInstruction",
    "LimitUnit",
    "Rating",
    "Reply",
    "ReturnVisit",
    "ReviewRequest",
    "RoutingRule",
]
