"""Which move a case may make from which status; every other move is refused.

One table for the case, whichever area makes the move: the applicant's moves (save_draft ...
withdraw) and the handlers' (accept ... finish) run on the same statuses.
"""

from django.utils.translation import gettext_lazy as _

from approvals.models import Case
from portal.transitions import TransitionTable

CASE_MOVES = TransitionTable(
    {
        "save_draft": {Case.Status.DRAFT},
        "add_material": {Case.Status.DRAFT, Case.Status.AWAITING_MATERIALS},
        "remove_material": {Case.Status.DRAFT, Case.Status.AWAITING_MATERIALS},
        "submit": {Case.Status.DRAFT},
        "supply": {Case.Status.AWAITING_MATERIALS},
        "withdraw": {
            Case.Status.SUBMITTED,
            Case.Status.AWAITING_MATERIALS,
            Case.Status.IN_PROGRESS,
            Case.Status.PAUSED,
        },
        "accept": {Case.Status.SUBMITTED},
        "refuse_acceptance": {Case.Status.SUBMITTED, Case.Status.AWAITING_MATERIALS},
        "material_notice": {Case.Status.SUBMITTED},
        "deem_accepted": {Case.Status.SUBMITTED},
        "pass": {Case.Status.IN_PROGRESS},
        "return": {Case.Status.IN_PROGRESS},
        "decide": {Case.Status.IN_PROGRESS},
        "extend": {Case.Status.IN_PROGRESS, Case.Status.PAUSED},
        "pause": {Case.Status.IN_PROGRESS},
        "resume": {Case.Status.PAUSED},
        "set_fee": {Case.Status.IN_PROGRESS, Case.Status.DECIDED},
        "finish": {Case.Status.DECIDED},
    },
    {
        "save_draft": _("申请已提交，不能再修改。"),
        "add_material": _("当前不能上传材料：只有草稿或待补正的申请可以上传。"),
        "remove_material": _("当前不能删除材料：只有草稿或待补正的申请可以删除。"),
        "submit": _("该申请已经提交，不能重复提交。"),
        "supply": _("该办件不在待补正状态，无需补正材料。"),
        "withdraw": _("该办件已作出决定或已结束，不能撤回。"),
        "accept": _("该办件不在待受理状态，不能受理。"),
        "refuse_acceptance": _("该办件已受理或已结束，不能作不予受理处理。"),
        "material_notice": _("只有待受理的办件可以发出一次性告知。"),
        "deem_accepted": _("该办件不在待受理状态。"),
        "pass": _("该办件不在办理中，不能办理环节。"),
        "return": _("该办件不在办理中，不能退回。"),
        "decide": _("该办件不在办理中，不能作出决定。"),
        "extend": _("该办件不在办理中，不能延长期限。"),
        "pause": _("只有办理中的办件可以暂停计时。"),
        "resume": _("该办件没有暂停计时。"),
        "set_fee": _("只有办理中或已决定的办件可以核定收费。"),
        "finish": _("办件作出决定后才能办结送达。"),
    },
)
