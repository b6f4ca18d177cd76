"""Which move a complaint may make from which status; every other move is refused."""

from django.utils.translation import gettext_lazy as _

from petitions.models import Complaint
from portal.transitions import TransitionTable

COMPLAINT_MOVES = TransitionTable(
    {
        "instruct": {Complaint.Status.AWAITING_INSTRUCTION, Complaint.Status.REGISTERED},
        "dispatch": {Complaint.Status.REGISTERED},
        "redirect": {Complaint.Status.DISPATCHED, Complaint.Status.HANDLING},
        "sign": {Complaint.Status.DISPATCHED},
        "object": {Complaint.Status.DISPATCHED, Complaint.Status.HANDLING},
        "request_extension": {Complaint.Status.HANDLING, Complaint.Status.REHANDLING},
        "decide_extension": {Complaint.Status.HANDLING, Complaint.Status.REHANDLING},
        "reply": {Complaint.Status.HANDLING, Complaint.Status.REHANDLING},
        "rate": {Complaint.Status.REPLIED},
        "return_visit": {Complaint.Status.REPLIED},
        "transfer": {Complaint.Status.AWAITING_INSTRUCTION, Complaint.Status.REGISTERED},
        "refer": {Complaint.Status.AWAITING_INSTRUCTION, Complaint.Status.REGISTERED},
        "merge": {Complaint.Status.AWAITING_INSTRUCTION, Complaint.Status.REGISTERED},
        "request_review": {Complaint.Status.REPLIED, Complaint.Status.CLOSED},
        "convert_to_message": {
            Complaint.Status.AWAITING_INSTRUCTION,
            Complaint.Status.REGISTERED,
            Complaint.Status.DISPATCHED,
            Complaint.Status.HANDLING,
        },
    },
    {
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
        "convert_to_message": _("只有尚未答复的诉求可以转为留言。"),
    },
)
