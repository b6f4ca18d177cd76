"""The models of every area, imported here for Django: routing, complaints (by phase), identity,
messages, moderation, interviews."""

from petitions.models.appraisal import (
    AppraisalAnswer,
    AppraisalBallot,
    AppraisalParticipation,
    AppraisalRound,
    AppraisalRoundEvent,
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
from petitions.models.interviews import (
    Interview,
    InterviewAnswer,
    InterviewAttachment,
    InterviewEvent,
    InterviewQuestion,
)
from petitions.models.messages import Message, MessageEvent
from petitions.models.moderation import ModerationItem
from petitions.models.monitors import Monitor, MonitorEvent, MonitorReport
from petitions.models.routing import Category, LimitUnit, RoutingRule
from petitions.models.suggestions import Suggestion, SuggestionEvent
from petitions.models.surveys import (
    Survey,
    SurveyAnswer,
    SurveyChoice,
    SurveyEvent,
    SurveyQuestion,
    SurveyResponse,
    SurveySection,
)

__all__ = [
    "AppraisalAnswer",
    "AppraisalBallot",
    "AppraisalParticipation",
    "AppraisalRound",
    "AppraisalRoundEvent",
    "Attachment",
    "Category",
    "ComplainantIdentity",
    "Complaint",
    "ComplaintEvent",
    "Consultation",
    "ConsultationAttachment",
    "ConsultationComment",
    "ConsultationEvent",
    "ExtensionRequest",
    "IdentityAccess",
    "IdentityPermissionChange",
    "Interview",
    "InterviewAnswer",
    "InterviewAttachment",
    "InterviewEvent",
    "InterviewQuestion",
    "LeaderInstruction",
    "LimitUnit",
    "Message",
    "MessageEvent",
    "ModerationItem",
    "Monitor",
    "MonitorEvent",
    "MonitorReport",
    "ProtectedAccess",
    "Rating",
    "Reply",
    "ReturnVisit",
    "ReviewRequest",
    "RoutingRule",
    "Suggestion",
    "SuggestionEvent",
    "Survey",
    "SurveyAnswer",
    "SurveyChoice",
    "SurveyEvent",
    "SurveyQuestion",
    "SurveyResponse",
    "SurveySection",
]
