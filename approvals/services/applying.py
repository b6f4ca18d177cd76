"""Applying (外网受理): the citizen's (or agent's) draft, materials, submission and supplement."""

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from approvals.models import AgentConsent, Case, CaseEvent, CaseMaterial, CaseTask, Process
from approvals.services.cases import (
    ACCEPTANCE_CLOCK,
    CASE_LOCK_RELATED,
    close_open_tasks,
    item_version_now,
    open_step,
    staff_url,
    stop_clock,
    tell_applicant,
)
from approvals.services.consents import (
    applicant_identity,
    consent_missing,
    consent_request,
    masked_identity,
)
from approvals.services.handling.legal import legal_limit_check
from approvals.transitions.cases import CASE_MOVES
from disclosure.models import CatalogueItem
from portal.audit import acting_as
from portal.errors import DomainError
from portal.locking import lock
from portal.models import User
from portal.query_codes import new_query_code, query_code_digest
from portal.roles import Role
from portal.texts import coded
from supervision import services as supervision
from supervision.models import Clock


def _active_process(item: CatalogueItem) -> Process:
    """Return the item's process in force, or refuse: the item is not open for applications."""
    if item.status != CatalogueItem.Status.PUBLISHED:
        raise DomainError(
            _(
                "该事项不在已发布的职权目录中，不能申请。凡不在职权目录范围内的行政权力，一律不得行使。"
            )
        )
    process = item.processes.filter(status=Process.Status.ACTIVE).first()
    if process is None:
        raise DomainError(_("该事项尚未配置网上办理流程，请到办理地点现场办理。"))
    return process


def _check_follower(actor: User, case: Case) -> None:
    """Refuse anyone but the applicant and the agent who filed the case (with consent)."""
    if actor is None or actor.pk not in (case.applicant_id, case.agent_id):
        raise DomainError(_("只有申请人或其代办员可以办理本申请。"))
    if consent_missing(case, actor):
        raise DomainError(_("申请人尚未同意代办，请先完成代办授权确认。"))


@transaction.atomic
def case_start_draft(*, actor: User, item: CatalogueItem, on_behalf_of: User | None = None) -> Case:
    """Open a draft application for a published item, or return the draft already open.

    A village agent (村级代办员) files for a citizen with `on_behalf_of`: the draft waits for the
    citizen's consent and shows the applicant masked until then. The applicant's fields are
    pre-filled from the applicant's profile ("重复信息无需再次录入").
    """
    if on_behalf_of is not None and on_behalf_of.pk != actor.pk:
        if not actor.has_role(Role.VILLAGE_AGENT):
            raise DomainError(_("只有村级代办员可以代他人申请。"))
        if not on_behalf_of.is_citizen:
            raise DomainError(_("只能代群众或企业申请。"))
        applicant, agent = on_behalf_of, actor
    else:
        if not actor.is_citizen:
            raise DomainError(_("请使用群众或企业账号申请。"))
        applicant, agent = actor, None
    item = CatalogueItem.objects.get(pk=item.pk)
    process = _active_process(item)
    existing = (
        Case.objects.filter(applicant=applicant, agent=agent, item=item, status=Case.Status.DRAFT)
        .exclude(consent__status=AgentConsent.Status.REFUSED)
        .first()
    )
    if existing is not None:
        return existing
    # Before consent the agent's draft carries the applicant only masked.
    name, id_number, mobile = (masked_identity if agent else applicant_identity)(applicant)
    accept = process.steps.order_by("order").first()
    with acting_as(actor):
        case = Case.objects.create(
            process=process,
            item=item,
            applicant=applicant,
            agent=agent,
            item_version=item_version_now(item),
            applicant_name=name,
            applicant_id_number=id_number,
            applicant_mobile=mobile,
            department=accept.departments.order_by("pk").first() if accept else item.department,
        )
    if agent is not None:
        consent_request(agent=agent, case=case)
    else:
        CaseEvent.record(case, CaseEvent.Code.CREATED, actor=actor)
    return case


@transaction.atomic
def case_save_draft(*, actor: User, case: Case, form_data: dict) -> Case:
    """Keep what the applicant typed so far."""
    case = lock(case, related=CASE_LOCK_RELATED)
    _check_follower(actor, case)
    CASE_MOVES.check(case, "save_draft")
    if not isinstance(form_data, dict):
        raise DomainError(_("申请内容格式不正确。"))
    case.form_data = form_data
    with acting_as(actor):
        case.save()
    CaseEvent.record(case, CaseEvent.Code.DRAFT_SAVED, actor=actor)
    return case


@transaction.atomic
def case_add_material(*, actor: User, case: Case, name: str, upload) -> CaseMaterial:
    """Attach one material, stored as given: `portal.uploads.accept_upload` (the form) has
    checked it and removed its metadata."""
    case = lock(case, related=CASE_LOCK_RELATED)
    _check_follower(actor, case)
    CASE_MOVES.check(case, "add_material")
    names = {material.name for material in case.catalogue_materials}
    if name not in names:
        raise DomainError(_("“%(name)s”不是本事项要求的申请材料。") % {"name": name})
    content_type = getattr(upload, "detected_type", "") or getattr(upload, "content_type", "")
    material = CaseMaterial(
        case=case,
        name=name,
        original_name=(upload.name or "")[:255],
        content_type=content_type[:120],
        size=upload.size,
        uploaded_by=actor,
    )
    material.file.save(upload.name, upload, save=False)
    material.save()
    CaseEvent.record(
        case, CaseEvent.Code.MATERIAL_ADDED, actor=actor, note=name, material=material.pk
    )
    return material


@transaction.atomic
def case_remove_material(*, actor: User, case: Case, material: CaseMaterial) -> None:
    """Remove a material from a draft, or one supplied after the notice."""
    case = lock(case, related=CASE_LOCK_RELATED)
    _check_follower(actor, case)
    CASE_MOVES.check(case, "remove_material")
    if material.case_id != case.pk:
        raise DomainError(_("该材料不属于本申请。"))
    if case.status == Case.Status.AWAITING_MATERIALS:
        notice = case.material_notice
        if material.uploaded_at < notice.sent_at:
            raise DomainError(_("已提交的材料不能删除，只能删除补正时新上传的材料。"))
    name, file = material.name, material.file
    material.delete()
    transaction.on_commit(lambda: file.delete(save=False))
    CaseEvent.record(case, CaseEvent.Code.MATERIAL_REMOVED, actor=actor, note=name)


def _missing_required(case: Case) -> list[str]:
    """Return the names of the required materials (of the case's item version) not uploaded."""
    uploaded = set(case.materials.values_list("name", flat=True))
    required = [m.name for m in case.catalogue_materials if m.is_required]
    return [name for name in required if name not in uploaded]


@transaction.atomic
def case_submit(*, actor: User, case: Case, at=None) -> tuple[Case, str]:
    """Submit the application: it gets its number and query code and the 5 WD acceptance clock.

    Return the case and its query code, which is shown once and stored only as a digest.
    """
    at = at or timezone.now()
    case = lock(case, related=CASE_LOCK_RELATED)
    _check_follower(actor, case)
    CASE_MOVES.check(case, "submit")
    process = case.process
    if process.status != Process.Status.ACTIVE:
        process = _active_process(case.item)
    elif case.item.status != case.item.Status.PUBLISHED:
        _active_process(case.item)
    # Filed under the version in force now (like the process): a draft opened before a revision
    # was published meets the new list here, and the case keeps this version from now on.
    case.item_version = item_version_now(case.item)
    case.__dict__.pop("item_terms", None)
    missing = _missing_required(case)
    if missing:
        raise DomainError(
            _("请先上传以下必须提交的材料：%(names)s。") % {"names": "、".join(missing)}
        )
    if not case.applicant_name or not case.applicant_mobile:
        raise DomainError(_("请在个人资料中填写姓名和手机号码后再提交。"))
    case.process = process
    case.status, case.submitted_at = Case.Status.SUBMITTED, at
    # The number comes from the primary key: unique and race-free without a counter row.
    case.number = f"{settings.APPROVALS_NUMBER_PREFIX}{timezone.localtime(at):%Y%m%d}{case.pk:05d}"
    code = new_query_code()
    case.query_code_digest = query_code_digest(case.number, code)
    with acting_as(actor):
        case.acceptance_clock = supervision.clock_start(
            kind=ACCEPTANCE_CLOCK,
            subject_ref=case.number,
            subject_label=_("办件 %(number)s · 受理") % {"number": case.number},
            subject_url=staff_url(case),
            department=case.department,
            responsible=None,
            # 行政许可法 Art 32: the one-time notice is due within 5 WD of receipt.
            limit=settings.APPROVALS_ACCEPTANCE_DAYS,
            unit=Clock.Unit.WORKDAYS,
            started_at=at,
        )
        # The accept task runs on the acceptance clock (受理时限).
        accept_step = case.process.steps.order_by("order").first()
        open_step(case, accept_step, at, clock=case.acceptance_clock)
        case.save()
    CaseEvent.record(case, CaseEvent.Code.SUBMITTED, actor=actor, at=at)
    tell_applicant(
        case,
        coded("approvals.submitted"),
        coded("approvals.submitted_body", item=case.item.name, number=case.number, code=code),
    )
    return case, code


@transaction.atomic
def case_supply_materials(*, actor: User, case: Case, at=None) -> Case:
    """补正: every material the notice listed is uploaded; the acceptance clock counts anew."""
    at = at or timezone.now()
    case = lock(case, related=CASE_LOCK_RELATED)
    _check_follower(actor, case)
    CASE_MOVES.check(case, "supply")
    notice = case.material_notice
    supplied = set(
        case.materials.filter(uploaded_at__gte=notice.sent_at).values_list("name", flat=True)
    )
    known = {material.name for material in case.catalogue_materials}
    missing = [name for name in notice.missing if name in known and name not in supplied]
    if missing:
        raise DomainError(
            _("请先补正告知书列出的全部材料：%(names)s。") % {"names": "、".join(missing)}
        )
    with acting_as(actor):
        notice.supplied_at = at
        notice.save()
        case.status = Case.Status.SUBMITTED
        case.save()
    supervision.clock_restart(clock=case.acceptance_clock, actor=actor, at=at)
    CaseEvent.record(case, CaseEvent.Code.SUPPLIED, actor=actor, at=at)
    return case


@transaction.atomic
def case_withdraw(*, actor: User, case: Case, reason: str) -> Case:
    """The applicant withdraws before a decision; every clock stops."""
    case = lock(case, related=CASE_LOCK_RELATED)
    _check_follower(actor, case)
    CASE_MOVES.check(case, "withdraw")
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(_("请填写撤回理由。"))
    at = timezone.now()
    with acting_as(actor):
        close_open_tasks(case, status=CaseTask.Status.CANCELLED, actor=actor, at=at)
        legal_limit_check(case, at=at)
        stop_clock(case.clock, actor, at)
        stop_clock(case.acceptance_clock, actor, at)
        case.status, case.current_step = Case.Status.WITHDRAWN, None
        case.save()
    CaseEvent.record(case, CaseEvent.Code.WITHDRAWN, actor=actor, note=reason)
    return case
