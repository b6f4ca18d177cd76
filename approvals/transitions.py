"""Which move a case may make from which status; every other move is refused."""

from django.utils.translation import gettext_lazy as _

from approvals.models import Case
from portal.errors import DomainError

S = Case.Status

ALLOWED: dict[str, set[str]] = {
    "save_draft": {S.DRAFT},
    "add_material": {S.DRAFT, S.AWAITING_MATERIALS},
    "remove_material": {S.DRAFT, S.AWAITING_MATERIALS},
    "submit": {S.DRAFT},
    "supply": {S.AWAITING_MATERIALS},
    "withdraw": {S.SUBMITTED, S.AWAITING_MATERIALS, S.IN_PROGRESS, S.PAUSED},
    "accept": {S.SUBMITTED},
    "refuse_acceptance": {S.SUBMITTED, S.AWAITING_MATERIALS},
    "material_notice": {S.SUBMITTED},
    "deem_accepted": {S.SUBMITTED},
    "pass": {S.IN_PROGRESS},
    "return": {S.IN_PROGRESS},
    "decide": {S.IN_PROGRESS},
    "extend": {S.IN_PROGRESS, S.PAUSED},
    "pause": {S.IN_PROGRESS},
    "resume": {S.PAUSED},
    "set_fee": {S.IN_PROGRESS, S.DECIDED},
    "finish": {S.DECIDED},
}

REFUSALS = {
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
}


def check(case: Case, move: str) -> None:
    """Refuse a move the case's status does not allow."""
    if case.status not in ALLOWED[move]:
        raise DomainError(REFUSALS[move], code=f"bad_transition:{move}")


def allowed(case: Case, move: str) -> bool:
    return case.status in ALLOWED[move]
