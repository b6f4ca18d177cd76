"""Which move a survey may make from which status; every other move is refused.

The services add the rest: questions freeze with the first response, answers only while open.
"""

from django.utils.translation import gettext_lazy as _

from petitions.models import Survey
from portal.transitions import TransitionTable

SURVEY_MOVES = TransitionTable(
    {
        "edit": {Survey.Status.DRAFT, Survey.Status.PUBLISHED},
        "publish": {Survey.Status.DRAFT},
        "answer": {Survey.Status.PUBLISHED},
        "close": {Survey.Status.PUBLISHED},
    },
    {
        "edit": _("调查已结束，不能再修改。"),
        "publish": _("该调查已经发布。"),
        "answer": _("该调查不在答题时间内。"),
        "close": _("该调查尚未发布或已经结束。"),
    },
)
