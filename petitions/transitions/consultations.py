"""Which move a consultation may make from which status; every other move is refused.

The dates add their own rules in the services: comments only while open, feedback only after.
"""

from django.utils.translation import gettext_lazy as _

from petitions.models import Consultation
from portal.transitions import TransitionTable

CONSULTATION_MOVES = TransitionTable(
    {
        "edit": {Consultation.Status.DRAFT},
        "publish": {Consultation.Status.DRAFT},
        "comment": {Consultation.Status.PUBLISHED},
        "assess": {Consultation.Status.PUBLISHED},
        "feedback": {Consultation.Status.PUBLISHED},
    },
    {
        "edit": _("已发布的征集不能再修改。"),
        "publish": _("该征集已经发布。"),
        "comment": _("该征集不在征求意见期内。"),
        "assess": _("采纳情况已经反馈，不能再修改意见的研究结果。"),
        "feedback": _("该征集尚未发布，或采纳情况已经反馈。"),
    },
)
