"""Electronic supervision (电子监察): clocks with lights, notices, alerts.

Every deadline of every pillar is a `Clock`. The clock keeps its subject's kind, reference,
label and link for display, so supervision never imports a pillar; the pillar object holds the
foreign key to its clock. Due, warning and escalation moments are computed in Python when a clock
is started, paused, resumed or extended, so that the sweep is plain SQL comparisons."""

from supervision.models.alerts import Alert, AlertEvent
from supervision.models.briefs import Brief
from supervision.models.clocks import OPEN_STATES, Clock, ClockEvent
from supervision.models.notices import (
    NOTICE_NUMBER_PREFIXES,
    OPEN_NOTICE_STATUSES,
    UNANSWERED,
    Notice,
    NoticeEvent,
)
from supervision.models.summaries import ClockDay, NoticeDay, OpenClockCount

__all__ = [
    "NOTICE_NUMBER_PREFIXES",
    "OPEN_NOTICE_STATUSES",
    "OPEN_STATES",
    "UNANSWERED",
    "Alert",
    "AlertEvent",
    "Brief",
    "Clock",
    "ClockDay",
    "ClockEvent",
    "Notice",
    "NoticeDay",
    "NoticeEvent",
    "OpenClockCount",
]
