"""Process definitions: draft a version, edit its steps, activate it (the old one retires).

A version that is active or retired never changes — running cases keep the version they
started with — so an edit is always a new draft version.
"""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from approvals.models import Process, ProcessStep
from approvals.permissions.processes import can_define_processes
from disclosure.models import CatalogueItem
from portal.audit import acting_as
from portal.errors import DomainError
from portal.locking import lock
from portal.models import Department, User


def _check_admin(actor: User) -> None:
    if not can_define_processes(actor):
        raise DomainError(_("只有管理员可以维护审批流程。"))


def _check_draft(process: Process) -> None:
    if not process.is_editable:
        raise DomainError(_("已启用或已停用的流程版本不能修改，请新建版本。"))


@transaction.atomic
def process_create(
    *, actor: User, item: CatalogueItem, copy_from: Process | None = None
) -> Process:
    """Draft the next version of an item's process, copying the steps of `copy_from` if given.

    Its total limit is the item's promise (承诺办结时限), which case clocks run on.
    """
    _check_admin(actor)
    lock(item)
    if item.processes.filter(status=Process.Status.DRAFT).exists():
        raise DomainError(_("该事项已有一个草稿版本，请先编辑或启用它。"))
    version = (item.processes.aggregate(top=Max("version"))["top"] or 0) + 1
    with acting_as(actor):
        process = Process.objects.create(
            item=item,
            version=version,
            total_limit_workdays=item.time_limit_days,
        )
        for step in copy_from.steps.prefetch_related("departments") if copy_from else []:
            departments = list(step.departments.all())
            copy = ProcessStep.objects.create(
                process=process,
                order=step.order,
                kind=step.kind,
                name=step.name,
                limit_workdays=step.limit_workdays,
                risk_level=step.risk_level,
                control_measure=step.control_measure,
            )
            copy.departments.set(departments)
    return process


def _clean_step(
    *,
    kind: str,
    name: str,
    departments: list[Department],
    limit_workdays: int,
    risk_level: int,
    control_measure: str,
) -> dict:
    if kind not in ProcessStep.Kind.values:
        raise DomainError(_("请选择环节类型。"))
    name = (name or "").strip()
    if not name:
        raise DomainError(_("请填写环节名称。"))
    if not departments:
        raise DomainError(_("每个环节至少要有一个承办部门。"))
    if len(departments) > 1 and kind != ProcessStep.Kind.REVIEW:
        raise DomainError(_("只有审查环节可以由多个部门联审联批。"))
    if not 1 <= int(limit_workdays) <= 60:
        raise DomainError(_("环节时限应为 1 至 60 个工作日。"))
    if int(risk_level) not in ProcessStep.Risk.values:
        raise DomainError(_("风险等级应为 0 至 3。"))
    control_measure = (control_measure or "").strip()
    if int(risk_level) and not control_measure:
        raise DomainError(_("设有风险点的环节必须填写防控措施。"))
    return {
        "kind": kind,
        "name": name,
        "limit_workdays": int(limit_workdays),
        "risk_level": int(risk_level),
        "control_measure": control_measure,
    }


@transaction.atomic
def process_add_step(
    *,
    actor: User,
    process: Process,
    kind: str,
    name: str,
    departments: list[Department],
    limit_workdays: int = 5,
    risk_level: int = 0,
    control_measure: str = "",
) -> ProcessStep:
    """Append a step to a draft version."""
    _check_admin(actor)
    process = lock(process)
    _check_draft(process)
    fields = _clean_step(
        kind=kind,
        name=name,
        departments=departments,
        limit_workdays=limit_workdays,
        risk_level=risk_level,
        control_measure=control_measure,
    )
    order = (process.steps.aggregate(top=Max("order"))["top"] or 0) + 1
    with acting_as(actor):
        step = ProcessStep.objects.create(process=process, order=order, **fields)
        step.departments.set(departments)
    return step


@transaction.atomic
def process_remove_step(*, actor: User, step: ProcessStep) -> None:
    """Remove a step from a draft; the later steps move up."""
    _check_admin(actor)
    process = lock(Process(pk=step.process_id))
    _check_draft(process)
    with acting_as(actor):
        step.delete()
        for order, later in enumerate(process.steps.order_by("order"), start=1):
            if later.order != order:
                later.order = order
                later.save(update_fields=["order"])


def validate_steps(steps: list[ProcessStep]) -> None:
    """A process runs 受理 → 审查… → 决定 → 办结: one accept first, one decide, one finish last."""
    kinds = [step.kind for step in steps]
    accept, decide, finish = (
        ProcessStep.Kind.ACCEPT,
        ProcessStep.Kind.DECIDE,
        ProcessStep.Kind.FINISH,
    )
    if len(steps) < 3 or kinds[0] != accept or kinds[-1] != finish:
        raise DomainError(_("流程必须以“受理”环节开始、以“办结”环节结束，中间至少有“决定”环节。"))
    if kinds.count(accept) != 1 or kinds.count(finish) != 1 or kinds.count(decide) != 1:
        raise DomainError(_("流程必须恰好有一个受理、一个决定和一个办结环节。"))
    if kinds[-2] != decide:
        raise DomainError(_("“决定”环节必须紧接在“办结”环节之前。"))
    # The finish step's clock is the delivery clock of 行政许可法 Art 44.
    if steps[-1].limit_workdays > settings.APPROVALS_DELIVERY_DAYS:
        raise DomainError(
            _(
                "“%(step)s”环节是作出准予许可决定后颁发、送达证件的时限，"
                "不得超过%(days)d个工作日（行政许可法第四十四条）。"
            )
            % {"step": steps[-1].name, "days": settings.APPROVALS_DELIVERY_DAYS}
        )


def validate_limits(process: Process, steps: list[ProcessStep]) -> None:
    """The steps the case clock covers (after 受理, up to and including 决定) fit the promise."""
    promised = process.item.time_limit_days
    if process.total_limit_workdays > promised:
        raise DomainError(
            _("流程办理总时限（%(total)d个工作日）超过事项的承诺办结时限（%(days)d个工作日）。")
            % {"total": process.total_limit_workdays, "days": promised}
        )
    handling = sum(step.limit_workdays for step in steps[1:-1])
    if handling > process.total_limit_workdays:
        raise DomainError(
            _(
                "受理后至作出决定各环节时限之和为%(sum)d个工作日，超过承诺办结时限"
                "%(days)d个工作日，请缩短环节时限。"
            )
            % {"sum": handling, "days": process.total_limit_workdays}
        )


@transaction.atomic
def process_activate(*, actor: User, process: Process) -> Process:
    """Put a draft version in force; the active version retires (its running cases keep it)."""
    _check_admin(actor)
    process = lock(process)
    _check_draft(process)
    steps = list(process.steps.order_by("order").prefetch_related("departments"))
    validate_steps(steps)
    validate_limits(process, steps)
    now = timezone.now()
    with acting_as(actor):
        for old in Process.objects.select_for_update().filter(
            item_id=process.item_id, status=Process.Status.ACTIVE
        ):
            old.status, old.retired_at = Process.Status.RETIRED, now
            old.save()
        process.status, process.activated_at = Process.Status.ACTIVE, now
        try:
            with transaction.atomic():
                process.save()
        except IntegrityError as error:
            raise DomainError(_("该事项已有启用的流程版本，请刷新后重试。")) from error
    return process


@transaction.atomic
def process_retire(*, actor: User, process: Process) -> Process:
    """Take a version out of force without a successor: no new applications until one is active."""
    _check_admin(actor)
    process = lock(process)
    if process.status != Process.Status.ACTIVE:
        raise DomainError(_("只有启用中的流程版本可以停用。"))
    with acting_as(actor):
        process.status, process.retired_at = Process.Status.RETIRED, timezone.now()
        process.save()
    return process
