"""What several handling phases use: the screening of handlers, the actor's task, signing.

Rules that protect the case from its own handlers — recusal (回避) and separation of duties
(受理和办理相分离) — are checked before the write: a refused attempt is reported to supervision
(the alert stays) and the action changes nothing.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from approvals.models import Case, CaseTask
from approvals.permissions.cases import is_case_worker
from approvals.services import labels
from approvals.services.cases import OPEN_TASK_STATUSES, staff_url, stop_clock
from portal.errors import DomainError
from portal.models import Department, StaffRelation, User
from supervision import services as supervision
from supervision.models import Alert


@dataclass(frozen=True)
class Breach:
    """A refused move that supervision must hear of (the alert outlives the rolled-back write)."""

    kind: str
    message: str
    dedup_key: str
    case_number: str
    case_url: str
    department_id: int | None
    report_code: str
    report_params: dict

    def report_and_refuse(self):
        supervision.alert_raise(
            kind=self.kind,
            severity=Alert.Severity.WARNING,
            department=Department.objects.filter(pk=self.department_id).first(),
            subject_ref=self.case_number,
            subject_url=self.case_url,
            message_code=self.report_code,
            message_params=self.report_params,
            dedup_key=self.dedup_key,
        )
        raise DomainError(self.message, code=f"breach:{self.kind}")


def is_related(actor: User, case: Case) -> bool:
    """Whether the actor declared a relation to the applicant (回避制度)."""
    ident = case.applicant_id_number
    if not ident:
        return False
    return StaffRelation.objects.filter(
        Q(resident_id=ident) | Q(credit_code=ident), staff=actor
    ).exists()


def recusal_breach(actor: User, case: Case) -> Breach | None:
    if not is_related(actor, case):
        return None
    return Breach(
        kind=Alert.Kind.RECUSAL,
        message=_("您已申报与申请人存在回避关系，不能办理本办件，请交由其他工作人员办理。"),
        dedup_key=f"approvals:recusal:{case.pk}:{actor.pk}",
        case_number=case.number,
        case_url=staff_url(case),
        department_id=actor.department_id,
        report_code=labels.RECUSAL,
        report_params={"name": actor.display_name, "number": case.number},
    )


def separation_breach(actor: User, case: Case) -> Breach | None:
    if case.accepted_by_id is None or case.accepted_by_id != actor.pk:
        return None
    return Breach(
        kind=Alert.Kind.SEPARATION_OF_DUTIES,
        message=_("受理和办理相分离：受理本办件的工作人员不能作出决定。"),
        dedup_key=f"approvals:separation:{case.pk}:{actor.pk}",
        case_number=case.number,
        case_url=staff_url(case),
        department_id=actor.department_id,
        report_code=labels.SEPARATION,
        report_params={"name": actor.display_name, "number": case.number},
    )


def screen_handler(actor: User, case: Case, *, separation: bool = False) -> None:
    """Refuse (and report) a handler who must stand aside: recusal, and for decisions the acceptor.

    Call it before the move's transaction opens, so that the alert survives the refusal.
    """
    fresh = Case.objects.only("pk", "number", "accepted_by_id", "applicant_id_number").get(
        pk=case.pk
    )
    breach = recusal_breach(actor, fresh)
    if breach is None and separation:
        breach = separation_breach(actor, fresh)
    if breach is not None:
        breach.report_and_refuse()


# The moves whose service screens its handler for recusal; deciding also screens the acceptor.
SCREENED_MOVES = frozenset(
    {"accept", "notice", "refuse", "pass", "return", "fee", "finish", "decide"}
)


def barred_moves(actor: User, case: Case) -> tuple[str, frozenset[str]]:
    """Why the actor must stand aside on the case, and from which moves ("" and none if free).

    The case page says so instead of offering forms that `screen_handler` would refuse.
    """
    breach = recusal_breach(actor, case)
    if breach is not None:
        return breach.message, SCREENED_MOVES
    breach = separation_breach(actor, case)
    if breach is not None:
        return breach.message, frozenset({"decide"})
    return "", frozenset()


def open_tasks(case: Case) -> QuerySet[CaseTask]:
    return case.tasks.filter(status__in=OPEN_TASK_STATUSES).select_related("clock")


def my_open_task(actor: User, case: Case) -> CaseTask:
    """Return the actor's department's open task on the current step, or refuse."""
    if not is_case_worker(actor):
        raise DomainError(_("只有工作人员可以办理办件。"))
    task = (
        case.tasks.filter(
            step=case.current_step_id,
            department_id=actor.department_id,
            status__in=OPEN_TASK_STATUSES,
        )
        .select_related("step", "clock")
        .first()
    )
    if task is None:
        raise DomainError(_("您所在部门在本办件的当前环节没有待办任务。"))
    return task


def department_handles(actor: User, case: Case) -> bool:
    """Whether the actor's department handles the case or has an open task on it."""
    return is_case_worker(actor) and (
        actor.department_id == case.department_id
        or open_tasks(case).filter(department_id=actor.department_id).exists()
    )


def sign_task(
    task: CaseTask,
    *,
    actor: User | None,
    at: datetime.datetime,
    opinion: str = "",
    status: str = CaseTask.Status.SIGNED,
) -> None:
    """Close the task with the actor's opinion and stop its clock."""
    task.status, task.signed_by, task.signed_at = status, actor, at
    if opinion:
        task.opinion = opinion
    task.save()
    stop_clock(task.clock, actor, at)
