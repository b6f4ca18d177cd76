"""Which move an appraisal round may make from which status; every other move is refused."""

from django.utils.translation import gettext_lazy as _

from petitions.models import AppraisalRound
from portal.transitions import TransitionTable

APPRAISAL_MOVES = TransitionTable(
    {
        "open": {AppraisalRound.Status.DRAFT},
        "close": {AppraisalRound.Status.OPEN},
        "publish": {AppraisalRound.Status.CLOSED},
    },
    {
        "open": _("只有草稿状态的评议可以开始。"),
        "close": _("只有评议中的评议可以结束。"),
        "publish": _("只有已结束的评议可以公布结果。"),
    },
)
# The status each move leads to.
APPRAISAL_TARGETS = {
    "open": AppraisalRound.Status.OPEN,
    "close": AppraisalRound.Status.CLOSED,
    "publish": AppraisalRound.Status.PUBLISHED,
}
