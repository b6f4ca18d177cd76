"""Routing (分类流转): rules, dispatch, redirect, leader instructions, emergencies, referrals, merging."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from petitions import permissions, transitions
from petitions.models import (
    Category,
    Complaint,
    LeaderInstruction,
    RoutingRule,
)
from petitions.services.common import (
    E,
    S,
    _clock_unit,
    _event,
    _label,
    _lock,
    _notify_complainant,
    _notify_department,
    _notify_office,
    _staff_url,
    _start_clock,
    _stop_clock,
    hotline_department,
)
from portal.errors import DomainError
from portal.models import Department, User
from portal.notifications import notify
from portal.roles import Role
from supervision.models import Clock

# --- Routing -------------------------------------------------------------------------------------


def route(*, category: Category, content: str, place: str) -> Department | None:
    """Return the department the routing rules send this complaint to, or None."""
    rules = [
        rule
        for rule in RoutingRule.objects.filter(
            category=category, is_active=True, department__is_active=True
        ).select_related("department")
        if rule.matches(content=content, place=place)
    ]
    if not rules:
        return None
    rules.sort(key=lambda rule: (-rule.specificity, rule.priority, rule.pk))
    return rules[0].department


def _after_registration(complaint: Complaint, *, actor: User | None) -> None:
    """Wait for a leader's instruction, dispatch by the rules, or queue for the operator."""
    if complaint.category.needs_instruction and not complaint.instructions.exists():
        complaint.status = S.AWAITING_INSTRUCTION
        _start_dispatch_clock(complaint, actor=actor)
        complaint.save()
        _event(complaint, E.AWAITING_INSTRUCTION, actor=actor)
        notify(
            User.objects.with_role(Role.LEADER),
            subject=_("有诉求待批示"),
            body=_label(complaint),
            url=_staff_url(complaint),
            sms=False,
            email=False,
        )
        return
    complaint.status = S.REGISTERED
    department = route(
        category=complaint.category,
        content=f"{complaint.title} {complaint.content}",
        place=complaint.place,
    )
    if department is not None:
        _dispatch(complaint, department=department, actor=actor, automatic=True)
        return
    _start_dispatch_clock(complaint, actor=actor)
    complaint.save()
    _notify_office(complaint, _("有诉求待分派"))


def _start_dispatch_clock(complaint: Complaint, *, actor: User | None) -> None:
    _start_clock(
        complaint,
        kind="petitions.dispatch",
        limit=complaint.category.dispatch_limit_minutes,
        unit=Clock.Unit.MINUTES,
        department=hotline_department(),
        actor=actor,
        started_at=complaint.registered_at,
    )


# --- Routing and instructions ------------------------------------------------------------------


def _dispatch(
    complaint: Complaint,
    *,
    department: Department,
    actor: User | None,
    automatic: bool = False,
    note: str = "",
) -> None:
    now = timezone.now()
    first = complaint.dispatched_at is None
    complaint.status = S.DISPATCHED
    complaint.department = department
    if first:
        complaint.dispatched_at = now
        complaint.dispatch_minutes = max(
            0, int((now - complaint.registered_at).total_seconds() // 60)
        )
    if not first:
        permissions.revoke_departments(complaint)
    permissions.grant_department(complaint, department)
    category = complaint.category
    _start_clock(
        complaint,
        kind="petitions.sign",
        limit=category.sign_limit,
        unit=_clock_unit(category.limit_unit),
        department=department,
        actor=actor,
        started_at=now,
    )
    complaint.save()
    _event(
        complaint,
        E.DISPATCHED,
        actor=actor,
        note=note,
        department=department.name,
        automatic=automatic,
    )
    _notify_department(complaint, _("新诉求待签收"))


@transaction.atomic
def complaint_dispatch(
    *, actor: User, complaint: Complaint, department: Department, note: str = ""
) -> Complaint:
    """The operator dispatches a waiting complaint to a department (分派)."""
    if not permissions.can_dispatch(actor):
        raise DomainError(_("只有热线办值班人员可以分派诉求。"))
    complaint = _lock(complaint)
    transitions.check(complaint, "dispatch")
    _dispatch(complaint, department=department, actor=actor, note=note)
    return complaint


@transaction.atomic
def complaint_redirect(
    *, actor: User, complaint: Complaint, department: Department, note: str
) -> Complaint:
    """The operator sends a dispatched complaint to another department (改派)."""
    if not permissions.can_dispatch(actor):
        raise DomainError(_("只有热线办值班人员可以改派诉求。"))
    complaint = _lock(complaint)
    transitions.check(complaint, "redirect")
    if department.pk == complaint.department_id:
        raise DomainError(_("改派的单位与当前承办单位相同。"))
    _dispatch(complaint, department=department, actor=actor, note=note)
    _event(complaint, E.REDIRECTED, actor=actor, note=note, department=department.name)
    return complaint


@transaction.atomic
def complaint_instruct(*, actor: User, complaint: Complaint, text: str) -> Complaint:
    """A leader writes an instruction (批示); a complaint that waited for it is then routed."""
    if not permissions.can_instruct(actor, complaint):
        raise DomainError(_("只有主管领导可以批示。"))
    if not text.strip():
        raise DomainError(_("请填写批示内容。"))
    complaint = _lock(complaint)
    transitions.check(complaint, "instruct")
    LeaderInstruction.objects.create(complaint=complaint, leader=actor, text=text.strip())
    _event(complaint, E.INSTRUCTED, actor=actor, note=text.strip())
    if complaint.status == S.AWAITING_INSTRUCTION:
        _after_registration(complaint, actor=actor)
    return complaint


@transaction.atomic
def complaint_transfer_emergency(*, actor: User, complaint: Complaint, note: str) -> Complaint:
    """An emergency is handed at once to 110 / 119 / 120 or the duty office (紧急转办)."""
    if not permissions.can_dispatch(actor):
        raise DomainError(_("只有热线办值班人员可以紧急转办。"))
    complaint = _lock(complaint)
    transitions.check(complaint, "transfer")
    complaint.status = S.TRANSFERRED
    complaint.is_emergency = True
    _stop_clock(complaint, actor=actor)
    complaint.save()
    _event(complaint, E.TRANSFERRED, actor=actor, note=note)
    _notify_complainant(complaint, _("您的诉求已紧急转办"), note)
    return complaint


REFERRAL_ADVICE = {
    Complaint.Referral.COURT: _("该事项属于人民法院受理范围，请依法向人民法院提起诉讼。"),
    Complaint.Referral.ARBITRATION: _("该事项属于仲裁范围，请向相应仲裁机构申请仲裁。"),
    Complaint.Referral.DISCLOSURE: _(
        "该事项属于政府信息公开申请，请通过本网站“依申请公开”栏目提出申请。"
    ),
    Complaint.Referral.RECONSIDERATION: _("该事项属于行政复议范围，请向复议机关申请行政复议。"),
}


@transaction.atomic
def complaint_refer(
    *, actor: User, complaint: Complaint, referral: str, note: str = ""
) -> Complaint:
    """Close a matter that belongs to another legal channel, telling the complainant which one."""
    if not permissions.can_dispatch(actor):
        raise DomainError(_("只有热线办值班人员可以办理此操作。"))
    if referral not in Complaint.Referral.values:
        raise DomainError(_("请选择应告知的渠道。"))
    complaint = _lock(complaint)
    transitions.check(complaint, "refer")
    complaint.status = S.REFERRED
    complaint.referral = referral
    complaint.closed_at = timezone.now()
    _stop_clock(complaint, actor=actor)
    complaint.save()
    advice = str(REFERRAL_ADVICE[referral])
    _event(complaint, E.REFERRED, actor=actor, note=f"{advice} {note}".strip(), referral=referral)
    _notify_complainant(complaint, _("关于您的诉求：请通过其他法定渠道办理"), advice)
    return complaint


@transaction.atomic
def complaint_merge(
    *, actor: User, duplicate: Complaint, original: Complaint, note: str = ""
) -> Complaint:
    """Merge a duplicate into the original; a matter closed after re-review is not accepted again."""
    if not permissions.can_dispatch(actor):
        raise DomainError(_("只有热线办值班人员可以合并重复件。"))
    if duplicate.pk == original.pk:
        raise DomainError(_("不能与自身合并。"))
    duplicate = _lock(duplicate)
    transitions.check(duplicate, "merge")
    original = Complaint.objects.get(pk=original.pk)
    if original.status == S.MERGED:
        raise DomainError(_("原诉求本身已被合并，请选择其合并后的诉求。"))
    _stop_clock(duplicate, actor=actor)
    duplicate.merged_into = original
    duplicate.closed_at = timezone.now()
    if original.is_final:
        duplicate.status = S.NOT_ACCEPTED
        duplicate.save()
        _event(
            duplicate,
            E.NOT_ACCEPTED,
            actor=actor,
            note=_("同一事项已经复核终结，依法不再受理。"),
            original=original.number,
        )
        _notify_complainant(duplicate, _("关于您的诉求"), _("同一事项已经复核终结，依法不再受理。"))
        return duplicate
    duplicate.status = S.MERGED
    duplicate.save()
    _event(duplicate, E.MERGED, actor=actor, note=note, original=original.number)
    _notify_complainant(
        duplicate,
        _("您的诉求已合并办理"),
        _("您反映的问题与编号 %(number)s 的诉求相同，已合并办理，答复将一并告知您。")
        % {"number": original.number},
    )
    return duplicate
