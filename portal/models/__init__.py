"""People, departments, notifications and the official calendar: what every pillar stands on."""

from portal.models.accounts import (
    AccountEvent,
    Department,
    PhoneCode,
    PortalUserManager,
    StaffRelation,
    User,
)
from portal.models.calendar import CalendarDay, CalendarYear
from portal.models.messages import InboxMessage, OutboxMessage
from portal.models.records import Snapshot, Submission

# The site-wide search index lives in its own module; imported here so Django registers it.
from portal.search.models import SearchEntry, SearchSynonym

__all__ = [
    "AccountEvent",
    "CalendarDay",
    "CalendarYear",
    "Department",
    "InboxMessage",
    "OutboxMessage",
    "PhoneCode",
    "PortalUserManager",
    "SearchEntry",
    "SearchSynonym",
    "Snapshot",
    "StaffRelation",
    "Submission",
    "User",
]
