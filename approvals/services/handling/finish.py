"""Finish (办结送达): the result goes back to the applicant (外网反馈)."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from approvals.models import Case, CaseEvent
from approvals.services.cases import CASE_LOCK_RELATED, tell_applicant
from approvals.services.handling.publicity import index_case_result
from approvals.services.handling.shared import (
    department_handles,
    my_open_task,
    screen_handler,
    sign_task,
)
from approvals.transitions.cases import CASE_MOVES
from portal.audit import acting_as
from portal.errors import DomainError
from portal.locking import lock
from portal.models import User
from portal.texts import coded, source_text


def case_finish(
    *, actor: User, case: Case, delivery_note: str, at: datetime.datetime | None = None
) -> Case:
    """办结送达: the result goes back to the applicant (外网反馈)."""
    screen_handler(actor, case)
    # The screening stays outside: its breach alert must survive this refused move's rollback.
    with transaction.atomic():
        case = lock(case, related=CASE_LOCK_RELATED)
        CASE_MOVES.check(case, "finish")
        delivery_note = (delivery_note or "").strip()
        if not delivery_note:
            raise DomainError(_("请填写送达方式和说明。"))
        if case.current_step is not None:
            task = my_open_task(actor, case)
        elif not department_handles(actor, case):
            raise DomainError(_("只有承办部门的工作人员可以办结送达。"))
        else:
            task = None
        if (
            case.decision == Case.Decision.APPROVE
            and not case.item.is_free
            and case.fee_amount is None
        ):
            raise DomainError(_("本事项需要收费，请先核定收费金额。"))
        at = at or timezone.now()
        with acting_as(actor):
            if task is not None:
                sign_task(task, actor=actor, at=at, opinion=delivery_note)
            case.status, case.finished_at, case.current_step = Case.Status.FINISHED, at, None
            case.delivery_note = delivery_note
            case.save()
        CaseEvent.record(case, CaseEvent.Code.FINISHED, actor=actor, at=at, note=delivery_note)
        index_case_result(case)
        tell_applicant(
            case,
            coded("approvals.finished"),
            coded(
                "approvals.finished_body",
                number=case.number,
                decision=source_text(Case.Decision(case.decision).label),
                note=delivery_note,
            ),
        )
    return case
