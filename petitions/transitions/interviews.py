"""Which move an interview may make from which status; every other move is refused.

Questions are taken before and while live (refused once it ended); answers only while live.
"""

from django.utils.translation import gettext_lazy as _

from petitions.models import Interview
from portal.transitions import TransitionTable

INTERVIEW_MOVES = TransitionTable(
    {
        "edit": {Interview.Status.SCHEDULED},
        "start": {Interview.Status.SCHEDULED},
        "end": {Interview.Status.LIVE},
        "archive": {Interview.Status.ENDED, Interview.Status.ARCHIVED},
        "ask": {Interview.Status.SCHEDULED, Interview.Status.LIVE},
        "answer": {Interview.Status.LIVE},
    },
    {
        "edit": _("访谈已经开始，不能再修改预告。"),
        "start": _("访谈已经开始或已经结束。"),
        "end": _("访谈不在直播中。"),
        "archive": _("访谈结束后才能归档。"),
        "ask": _("访谈已经结束，不再接受提问。"),
        "answer": _("访谈不在直播中，不能发布回答。"),
    },
)
