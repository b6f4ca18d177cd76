"""Which move a disclosure request may make from which status; every other move is refused."""

from django.utils.translation import gettext_lazy as _

from disclosure.models import InformationRequest
from portal.transitions import TransitionTable

REQUEST_MOVES = TransitionTable(
    {
        "request_supplement": {InformationRequest.Status.RECEIVED},
        "supplement": {InformationRequest.Status.SUPPLEMENT},
        "abandon": {InformationRequest.Status.SUPPLEMENT},
        "consult": {InformationRequest.Status.RECEIVED},
        "end_consultation": {InformationRequest.Status.CONSULTING},
        "extend": {InformationRequest.Status.RECEIVED},
        "answer": {InformationRequest.Status.RECEIVED},
    },
    {
        "request_supplement": _("只有办理中的申请可以发出补正通知。"),
        "supplement": _("该申请当前不需要补正。"),
        "abandon": _("只有待补正的申请才会因逾期未补正视为放弃。"),
        "consult": _("只有办理中的申请可以征求第三方意见。"),
        "end_consultation": _("该申请当前没有正在征求的第三方意见。"),
        "extend": _("只有办理中的申请可以延长答复期限（征求意见或待补正期间不能延长）。"),
        "answer": _("该申请当前不能答复（已答复、待补正或正在征求第三方意见）。"),
    },
)
