"""Which answer a suggestion may get from which status; every other move is refused."""

from django.utils.translation import gettext_lazy as _

from petitions.models import Suggestion
from portal.transitions import TransitionTable

SUGGESTION_MOVES = TransitionTable(
    {
        "study": {Suggestion.Status.SUBMITTED},
        "adopt": {Suggestion.Status.SUBMITTED, Suggestion.Status.STUDYING},
        "decline": {Suggestion.Status.SUBMITTED, Suggestion.Status.STUDYING},
        "report_action": {Suggestion.Status.ADOPTED},
    },
    {
        "study": _("只有待答复的建议可以标记为研究中。"),
        "adopt": _("该建议已经答复，不能再采纳。"),
        "decline": _("该建议已经答复，不能再标记为未采纳。"),
        "report_action": _("只有已采纳的建议可以更新落实情况。"),
    },
)
# The status each answer leads to.
SUGGESTION_TARGETS = {
    "study": Suggestion.Status.STUDYING,
    "adopt": Suggestion.Status.ADOPTED,
    "decline": Suggestion.Status.NOT_ADOPTED,
}
