"""Which move a disclosure request may make from which status; every other move is refused."""

from django.utils.translation import gettext_lazy as _

from disclosure.models import InformationRequest
from portal.errors import DomainError

S = InformationRequest.Status

ALLOWED: dict[str, set[str]] = {
    "request_supplement": {S.RECEIVED},
    "supplement": {S.SUPPLEMENT},
    "abandon": {S.SUPPLEMENT},
    "consult": {S.RECEIVED},
    "end_consultation": {S.CONSULTING},
    "extend": {S.RECEIVED},
    "answer": {S.RECEIVED},
}

REFUSALS = {
    "request_supplement": _("只有办理中的申请可以发出补正通知。"),
    "supplement": _("该申请当前不需要补正。"),
    "abandon": _("只有待补正的申请才会因逾期未补正视为放弃。"),
    "consult": _("只有办理中的申请可以征求第三方意见。"),
    "end_consultation": _("该申请当前没有正在征求的第三方意见。"),
    "extend": _("只有办理中的申请可以延长答复期限（征求意见或待补正期间不能延长）。"),
    "answer": _("该申请当前不能答复（已答复、待补正或正在征求第三方意见）。"),
}


def check(request: InformationRequest, move: str) -> None:
    """Refuse a move the request's status does not allow."""
    if request.status not in ALLOWED[move]:
        raise DomainError(REFUSALS[move], code=f"bad_transition:{move}")


def allowed(request: InformationRequest, move: str) -> bool:
    return request.status in ALLOWED[move]
