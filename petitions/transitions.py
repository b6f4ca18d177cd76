"""Which move a complaint may make from which status; every other move is refused."""

from django.utils.translation import gettext_lazy as _

from petitions.models import Complaint
from portal.errors import DomainError

S = Complaint.Status

ALLOWED: dict[str, set[str]] = {
    "instruct": {S.AWAITING_INSTRUCTION, S.REGISTERED},
    "dispatch": {S.REGISTERED},
    "redirect": {S.DISPATCHED, S.HANDLING},
    "sign": {S.DISPATCHED},
    "object": {S.DISPATCHED, S.HANDLING},
    "request_extension": {S.HANDLING, S.REHANDLING},
    "decide_extension": {S.HANDLING, S.REHANDLING},
    "reply": {S.HANDLING, S.REHANDLING},
    "rate": {S.REPLIED},
    "return_visit": {S.REPLIED},
    "transfer": {S.AWAITING_INSTRUCTION, S.REGISTERED},
    "refer": {S.AWAITING_INSTRUCTION, S.REGISTERED},
    "merge": {S.AWAITING_INSTRUCTION, S.REGISTERED},
    "request_review": {S.REPLIED, S.CLOSED},
}

REFUSALS = {
    "instruct": _("该诉求已分派，不能再批示。"),
    "dispatch": _("该诉求已被分派或不在待分派状态。"),
    "redirect": _("该诉求当前不能改派。"),
    "sign": _("该诉求已签收或不在待签收状态。"),
    "object": _("该诉求当前不能退回。"),
    "request_extension": _("该诉求当前不能申请延期。"),
    "decide_extension": _("该诉求当前不能审批延期。"),
    "reply": _("该诉求当前不能答复（需先签收，或已答复）。"),
    "rate": _("该诉求当前不能评价（尚未答复或已评价）。"),
    "return_visit": _("该诉求当前不能回访（尚未答复或已办结）。"),
    "transfer": _("只有尚未分派的诉求可以紧急转办。"),
    "refer": _("只有尚未分派的诉求可以告知其他渠道。"),
    "merge": _("只有尚未分派的诉求可以作为重复件合并。"),
    "request_review": _("答复之后才能申请复查或复核。"),
}


def check(complaint: Complaint, move: str) -> None:
    """Refuse a move the complaint's status does not allow."""
    if complaint.status not in ALLOWED[move]:
        raise DomainError(REFUSALS[move], code=f"bad_transition:{move}")


def allowed(complaint: Complaint, move: str) -> bool:
    return complaint.status in ALLOWED[move]
