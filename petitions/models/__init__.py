"""The models of every area, imported here for Django: routing, complaints (by phase), identity,
messages, moderation."""

from petitions.models.complaints.access import (
    ComplaintGroupObjectPermission,
    ComplaintUserObjectPermission,
)
from petitions.models.complaints.complaint import Attachment, Complaint, LeaderInstruction
from petitions.models.complaints.events import ComplaintEvent
from petitions.models.complaints.handling import ExtensionRequest, Rating, Reply, ReturnVisit
from petitions.models.complaints.reviews import ReviewRequest
from petitions.models.consultations import (
    Consultation,
    ConsultationAttachment,
    ConsultationComment,
    ConsultationEvent,
)
from petitions.models.identity import (
    ComplainantIdentity,
    IdentityAccess,
    IdentityPermissionChange,
    ProtectedAccess,
)
from petitions.models.messages import Message, MessageEvent
from petitions.models.moderation import ModerationItem
from petitions.models.routing import Category, LimitUnit, RoutingRule
from petitions.models.suggestions import Suggestion, SuggestionEvent

__all__ = [
    "Attachment",
    "Category",
    "ComplainantIdentity",
    "Complaint",
    "ComplaintEvent",
    "ComplaintGroupObjectPermission",
    "ComplaintUserObjectPermission",
    "Consultation",
    "ConsultationAttachment",
    "ConsultationComment",
    "ConsultationEvent",
    "ExtensionRequest",
    "IdentityAccess",
    "IdentityPermissionChange",
    "LeaderInstruction",
    "LimitUnit",
    "Message",
    "MessageEvent",
    "ModerationItem",
    "ProtectedAccess",
    "Rating",
    "Reply",
    "ReturnVisit",
    "ReviewRequest",
    "RoutingRule",
    "Suggestion",
    "SuggestionEvent",
]
