"""Dispatching by the hotline office: routing on registration, dispatch, redirect, leader
instructions, emergencies, referrals to other channels, merging duplicates."""

from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from petitions.models import Complaint, ComplaintEvent, LeaderInstruction
from petitions.permissions import complaints as complaint_permissions
from petitions.services import labels
from petitions.services.complaints.clocks import start_clock, start_dispatch_clock, stop_clock
from petitions.services.complaints.notices import (
    notify_complainant,
    notify_department,
    notify_leaders,
    notify_office,
    staff_url,
)
from petitions.services.routing import clock_unit, discipline_department, route
from petitions.transitions.complaints import COMPLAINT_MOVES
from portal.errors import DomainError
from portal.locking import lock
from portal.models import Department, User
from portal.texts import coded, plain, source_text
from supervision.models import Alert
from supervision.services import alert_raise

REFERRAL_ADVICE = {
    Complaint.Referral.COURT: gettext_lazy(
        "该事项属于人民法院受理范围，请依法向人民法院提起诉讼。"
    ),
    Complaint.Referral.ARBITRATION: gettext_lazy("该事项属于仲裁范围，请向相应仲裁机构申请仲裁。"),
    Complaint.Referral.DISCLOSURE: gettext_lazy(
        "该事项属于政府信息公开申请，请通过本网站“依申请公开”栏目提出申请。"
    ),
    Complaint.Referral.RECONSIDERATION: gettext_lazy(
        "该事项属于行政复议范围，请向复议机关申请行政复议。"
    ),
}


REPORTED_UNIT_REFUSAL = gettext_lazy(
    "该诉求是对公职人员或单位的检举控告，依法不得交由被举报单位或其上级单位办理，"
    "请交纪检监察机关办理。此次操作已报告纪检监察机关。"
)
MOVE_LABELS = {
    "dispatch": gettext_lazy("分派"),
    "redirect": gettext_lazy("改派"),
    "merge": gettext_lazy("合并"),
}


def screen_reported_unit(
    *, actor: User, complaint: Complaint, department: Department | None, move: str
) -> None:
    """Refuse (and report to the discipline office) a move that would give a report to the unit
    reported on or a unit above it.

    Call it before the move's transaction opens, so that the alert survives the refusal. The alert
    names the complaint, the unit and the member of staff, never the reporter.
    """
    fresh = Complaint.objects.select_related("reported_department").get(pk=complaint.pk)
    if department is None or department.pk not in complaint_permissions.reported_unit_ids(fresh):
        return
    alert_raise(
        kind=Alert.Kind.OTHER,
        severity=Alert.Severity.SERIOUS,
        department=discipline_department(fresh),
        subject_ref=fresh.number or "",
        subject_url=staff_url(fresh),
        message_code=labels.REPORTED_UNIT,
        message_params={
            "number": fresh.number,
            "actor": actor.display_name,
            "move": source_text(MOVE_LABELS[move]),
            "department": department.name,
        },
        dedup_key=f"petitions:reported-unit:{fresh.pk}:{move}:{department.pk}:{actor.pk}",
    )
    raise DomainError(REPORTED_UNIT_REFUSAL)


def after_registration(
    complaint: Complaint, *, actor: User | None, at: datetime, reported: set[int] | None = None
) -> None:
    """Wait for a leader's instruction, dispatch by the rules, or queue for the operator.

    `reported`: the units the complaint must never reach, when the caller knows them already
    (filing: a new complaint has no merged duplicates); otherwise they are read here.
    """
    if complaint.category.needs_instruction and not complaint.instructions.exists():
        complaint.status = Complaint.Status.AWAITING_INSTRUCTION
        start_dispatch_clock(complaint, actor=actor)
        complaint.save()
        ComplaintEvent.record(
            complaint, ComplaintEvent.Code.AWAITING_INSTRUCTION, actor=actor, at=at
        )
        notify_leaders(complaint, "petitions.complaint_to_instruct")
        return
    complaint.status = Complaint.Status.REGISTERED
    if reported is None:
        reported = complaint_permissions.reported_unit_ids(complaint)
    # A report about an official or unit is never routed by keyword: it goes to the discipline office.
    department = (
        discipline_department(complaint)
        if reported
        else route(
            category=complaint.category,
            content=f"{complaint.title} {complaint.content}",
            place=complaint.place,
        )
    )
    if department is not None and department.pk not in reported:
        _dispatch(
            complaint,
            department=department,
            actor=actor,
            at=at,
            automatic=True,
            reported=reported,
        )
        return
    start_dispatch_clock(complaint, actor=actor)
    complaint.save()
    notify_office(complaint, "petitions.complaint_to_dispatch")


def _dispatch(
    complaint: Complaint,
    *,
    department: Department,
    actor: User | None,
    at: datetime,
    code: str = ComplaintEvent.Code.DISPATCHED,
    automatic: bool = False,
    note: str = "",
    reported: set[int] | None = None,
) -> None:
    """Give the complaint to the department, start its sign clock and record the move as `code`.

    `reported`: the units it must never reach, if the caller has just read them.
    """
    if reported is None:
        reported = complaint_permissions.reported_unit_ids(complaint)
    if department.pk in reported:
        raise DomainError(REPORTED_UNIT_REFUSAL)
    now = at
    first = complaint.dispatched_at is None
    complaint.status = Complaint.Status.DISPATCHED
    complaint.department = department
    if first:
        complaint.dispatched_at = now
        complaint.dispatch_minutes = max(
            0, int((now - complaint.registered_at).total_seconds() // 60)
        )
    category = complaint.category
    start_clock(
        complaint,
        kind="petitions.sign",
        limit=category.sign_limit,
        unit=clock_unit(category.limit_unit),
        department=department,
        actor=actor,
        started_at=now,
    )
    complaint.save()
    ComplaintEvent.record(
        complaint,
        code,
        actor=actor,
        at=at,
        note=note,
        department=department.name,
        automatic=automatic,
    )
    notify_department(complaint, "petitions.complaint_to_sign")


def complaint_dispatch(
    *,
    actor: User,
    complaint: Complaint,
    department: Department,
    note: str = "",
    at: datetime | None = None,
) -> Complaint:
    """The operator dispatches a waiting complaint to a department (分派)."""
    if not complaint_permissions.can_dispatch(actor):
        raise DomainError(_("只有热线办值班人员可以分派诉求。"))
    screen_reported_unit(actor=actor, complaint=complaint, department=department, move="dispatch")
    with transaction.atomic():
        complaint = lock(complaint, related=("category",))
        COMPLAINT_MOVES.check(complaint, "dispatch")
        _dispatch(complaint, department=department, actor=actor, at=at or timezone.now(), note=note)
    return complaint


def complaint_redirect(
    *,
    actor: User,
    complaint: Complaint,
    department: Department,
    note: str,
    at: datetime | None = None,
) -> Complaint:
    """The operator sends a dispatched complaint to another department (改派): one `redirected` event."""
    if not complaint_permissions.can_dispatch(actor):
        raise DomainError(_("只有热线办值班人员可以改派诉求。"))
    screen_reported_unit(actor=actor, complaint=complaint, department=department, move="redirect")
    with transaction.atomic():
        complaint = lock(complaint, related=("category",))
        COMPLAINT_MOVES.check(complaint, "redirect")
        if department.pk == complaint.department_id:
            raise DomainError(_("改派的单位与当前承办单位相同。"))
        _dispatch(
            complaint,
            department=department,
            actor=actor,
            at=at or timezone.now(),
            code=ComplaintEvent.Code.REDIRECTED,
            note=note,
        )
    return complaint


@transaction.atomic
def complaint_instruct(
    *, actor: User, complaint: Complaint, text: str, at: datetime | None = None
) -> Complaint:
    """A leader writes an instruction (批示); a complaint that waited for it is then routed."""
    if not complaint_permissions.can_instruct(actor, complaint):
        raise DomainError(_("只有主管领导可以批示。"))
    if not text.strip():
        raise DomainError(_("请填写批示内容。"))
    complaint = lock(complaint, related=("category",))
    COMPLAINT_MOVES.check(complaint, "instruct")
    at = at or timezone.now()
    LeaderInstruction.objects.create(
        complaint=complaint, leader=actor, text=text.strip(), created_at=at
    )
    ComplaintEvent.record(
        complaint, ComplaintEvent.Code.INSTRUCTED, actor=actor, at=at, note=text.strip()
    )
    if complaint.status == Complaint.Status.AWAITING_INSTRUCTION:
        after_registration(complaint, actor=actor, at=at)
    return complaint


@transaction.atomic
def complaint_transfer_emergency(
    *, actor: User, complaint: Complaint, note: str, at: datetime | None = None
) -> Complaint:
    """An emergency is handed at once to 110 / 119 / 120 or the duty office (紧急转办)."""
    if not complaint_permissions.can_dispatch(actor):
        raise DomainError(_("只有热线办值班人员可以紧急转办。"))
    complaint = lock(complaint, related=("category",))
    COMPLAINT_MOVES.check(complaint, "transfer")
    complaint.status = Complaint.Status.TRANSFERRED
    complaint.is_emergency = True
    at = at or timezone.now()
    stop_clock(complaint, actor=actor, at=at)
    complaint.save()
    ComplaintEvent.record(complaint, ComplaintEvent.Code.TRANSFERRED, actor=actor, at=at, note=note)
    notify_complainant(complaint, coded("petitions.complaint_transferred"), plain(note))
    return complaint


@transaction.atomic
def complaint_refer(
    *,
    actor: User,
    complaint: Complaint,
    referral: str,
    note: str = "",
    at: datetime | None = None,
) -> Complaint:
    """Close a matter that belongs to another legal channel, telling the complainant which one."""
    if not complaint_permissions.can_dispatch(actor):
        raise DomainError(_("只有热线办值班人员可以办理此操作。"))
    if referral not in Complaint.Referral.values:
        raise DomainError(_("请选择应告知的渠道。"))
    complaint = lock(complaint, related=("category",))
    COMPLAINT_MOVES.check(complaint, "refer")
    complaint.status = Complaint.Status.REFERRED
    complaint.referral = referral
    complaint.closed_at = at or timezone.now()
    stop_clock(complaint, actor=actor, at=complaint.closed_at)
    complaint.save()
    advice = REFERRAL_ADVICE[referral]
    # The advice is stored as its source text and shown in each reader's language.
    ComplaintEvent.record(
        complaint,
        ComplaintEvent.Code.REFERRED,
        actor=actor,
        at=complaint.closed_at,
        note=note.strip(),
        note_code=labels.REFERRED,
        note_params={"advice": source_text(advice), "note": note.strip()},
        referral=referral,
    )
    notify_complainant(
        complaint,
        coded("petitions.complaint_referred"),
        coded("petitions.referral_advice", advice=source_text(advice)),
    )
    return complaint


def complaint_merge(
    *,
    actor: User,
    duplicate: Complaint,
    original: Complaint,
    note: str = "",
    at: datetime | None = None,
) -> Complaint:
    """Merge a duplicate into the original; a matter closed after re-review is not accepted again.

    A report is never merged into a complaint handled by the unit it reports on or one above it.
    """
    if not complaint_permissions.can_dispatch(actor):
        raise DomainError(_("只有热线办值班人员可以合并重复件。"))
    if duplicate.pk == original.pk:
        raise DomainError(_("不能与自身合并。"))
    handler = Complaint.objects.select_related("department").get(pk=original.pk).department
    screen_reported_unit(actor=actor, complaint=duplicate, department=handler, move="merge")
    with transaction.atomic():
        return _merge(
            actor=actor,
            duplicate=duplicate,
            original=original,
            note=note,
            at=at or timezone.now(),
        )


def _merge(
    *, actor: User, duplicate: Complaint, original: Complaint, note: str, at: datetime
) -> Complaint:
    """Merge inside the caller's transaction, after the screening."""
    duplicate = lock(duplicate, related=("category",))
    COMPLAINT_MOVES.check(duplicate, "merge")
    original = Complaint.objects.get(pk=original.pk)
    if original.status == Complaint.Status.MERGED:
        raise DomainError(_("原诉求本身已被合并，请选择其合并后的诉求。"))
    if original.department_id in complaint_permissions.reported_unit_ids(duplicate):
        raise DomainError(REPORTED_UNIT_REFUSAL)
    stop_clock(duplicate, actor=actor, at=at)
    duplicate.merged_into = original
    duplicate.closed_at = at
    if original.is_final:
        duplicate.status = Complaint.Status.NOT_ACCEPTED
        duplicate.save()
        ComplaintEvent.record(
            duplicate,
            ComplaintEvent.Code.NOT_ACCEPTED,
            actor=actor,
            at=at,
            note_code=labels.FINAL_DUPLICATE,
            original=original.number,
        )
        notify_complainant(
            duplicate, coded("petitions.complaint_about"), coded(labels.FINAL_DUPLICATE)
        )
        return duplicate
    duplicate.status = Complaint.Status.MERGED
    duplicate.save()
    ComplaintEvent.record(
        duplicate,
        ComplaintEvent.Code.MERGED,
        actor=actor,
        at=at,
        note=note,
        original=original.number,
    )
    notify_complainant(
        duplicate,
        coded("petitions.complaint_merged"),
        coded("petitions.complaint_merged_body", number=original.number),
    )
    return duplicate
