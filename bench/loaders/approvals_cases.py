"""Benchmark loader for `bench/bench_approvals.py`: many cases of one department and one citizen.

`bench/bench_approvals.py` calls `load` twice on the same database (a small load, then the rest):
the set-up is get-or-create, and every call adds cases to the same department and citizen.
Rows are bulk-inserted with their clocks, tasks and events; simple-history rows are not written
(a benchmark measures pages, not the audit trail).
"""

import datetime

from django.contrib.auth.models import Group
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from approvals.models import Case, CaseEvent, CaseTask, Process, ProcessStep
from disclosure.models import CatalogueItem, CatalogueMaterial
from portal.demo import DEMO_PASSWORD
from portal.identity import resident_id_check_digit
from portal.models import Department, User
from portal.query_codes import query_code_digest
from portal.roles import Role
from supervision.models import Clock
from supervision.services import schedule

TABLE = "approvals_case"
DEPARTMENT = "bench-approvals"
CLERK = "bench_clerk"
CITIZEN = "bench_citizen"
ITEM = "bench-approvals-001"
BATCH = 2_000
# Submission days are spread over this many past days, so lights differ across the queue.
SPREAD_DAYS = 40


def _resident_id() -> str:
    first17 = "33102319800101999"
    return first17 + resident_id_check_digit(first17)


def _setup() -> tuple[Department, User, User, Process]:
    county, _ = Department.objects.get_or_create(
        code="county", defaults={"name": "青山县人民政府", "kind": Department.Kind.COUNTY}
    )
    department, _ = Department.objects.get_or_create(
        code=DEPARTMENT,
        defaults={"name": "县基准测试局", "kind": Department.Kind.BUREAU, "parent": county},
    )
    clerk, created = User.objects.get_or_create(
        username=CLERK,
        defaults={"kind": User.Kind.STAFF, "real_name": "基准窗口", "department": department},
    )
    if created:
        clerk.set_password(DEMO_PASSWORD)
        clerk.save(update_fields=["password"])
        clerk.groups.add(Group.objects.get_or_create(name=Role.WINDOW_CLERK.value)[0])
    citizen, created = User.objects.get_or_create(
        username=CITIZEN,
        defaults={
            "kind": User.Kind.CITIZEN,
            "real_name": "基准群众",
            "mobile": "13699999999",
            "resident_id": _resident_id(),
        },
    )
    if created:
        citizen.set_password(DEMO_PASSWORD)
        citizen.save(update_fields=["password"])
    item, created = CatalogueItem.objects.get_or_create(
        code=ITEM,
        defaults={
            "name": "基准测试许可",
            "kind": CatalogueItem.Kind.LICENSING,
            "department": department,
            "time_limit_days": 20,
            "status": CatalogueItem.Status.PUBLISHED,
            "published_at": timezone.now(),
            "version": 1,
        },
    )
    if created:
        CatalogueMaterial.objects.create(item=item, name="申请书", order=1)
    process = Process.objects.filter(item=item, status=Process.Status.ACTIVE).first()
    if process is None:
        process = Process.objects.create(
            item=item, version=1, status=Process.Status.ACTIVE, activated_at=timezone.now()
        )
        for order, kind in enumerate(ProcessStep.Kind.values, start=1):
            step = ProcessStep.objects.create(
                process=process, order=order, kind=kind, name=ProcessStep.Kind(kind).label
            )
            step.departments.set([department])
    return department, clerk, citizen, process


def _clock(kind, ref, department, limit, start, now) -> Clock:
    planned = schedule.compute(
        unit=Clock.Unit.WORKDAYS, kind=kind, total=limit, used=0, segment_start=start
    )
    return Clock(
        kind=kind,
        subject_ref=ref,
        subject_label=f"办件 {ref}",
        subject_url="",
        department=department,
        unit=Clock.Unit.WORKDAYS,
        limit=limit,
        started_at=start,
        segment_started_at=start,
        warn_at=planned.warn_at,
        due_at=planned.due_at,
        escalate_at=planned.escalate_at,
        provisional=planned.provisional,
        light=schedule.light_at(planned.warn_at, planned.due_at, now),
    )


def load(cases: int) -> dict:
    """Add `cases` cases (one in five waiting for acceptance, the rest at the review step)."""
    department, clerk, citizen, process = _setup()
    steps = {step.kind: step for step in process.steps.all()}
    now = timezone.now()
    offset = Case.objects.filter(item=process.item).count()
    # Schedules depend only on the start day: compute each once.
    plans: dict[tuple[str, int, datetime.date], Clock] = {}

    def clock(kind, ref, limit, start):
        key = (kind, limit, start.date())
        if key not in plans:
            plans[key] = _clock(kind, ref, department, limit, start, now)
        template = plans[key]
        copy = Clock(
            **{f.attname: getattr(template, f.attname) for f in Clock._meta.concrete_fields}
        )
        copy.pk, copy.subject_ref, copy.subject_label = None, ref, f"办件 {ref}"
        copy.started_at = copy.segment_started_at = start
        return copy

    done = 0
    while done < cases:
        size = min(BATCH, cases - done)
        with transaction.atomic():
            rows, clocks = [], []
            for i in range(size):
                n = offset + done + i
                start = now - datetime.timedelta(days=n % SPREAD_DAYS, minutes=n % 600)
                number = f"QSB{n:09d}"
                waiting = n % 5 == 0
                case_clock = None if waiting else clock("approvals.case", number, 20, start)
                task_clock = (
                    clock("approvals.acceptance", number, 5, start)
                    if waiting
                    else clock("approvals.task", number, 5, start)
                )
                rows.append(
                    Case(
                        number=number,
                        query_code_digest=query_code_digest(number, f"{n % 1_000_000:06d}"),
                        process=process,
                        item=process.item,
                        applicant=citizen,
                        applicant_name=citizen.real_name,
                        applicant_id_number=citizen.resident_id,
                        applicant_mobile=citizen.mobile,
                        status=Case.Status.SUBMITTED if waiting else Case.Status.IN_PROGRESS,
                        current_step=steps["accept" if waiting else "review"],
                        department=department,
                        submitted_at=start,
                        accepted_at=None if waiting else start,
                        created_at=start,
                    )
                )
                clocks.append((case_clock, task_clock))
            Clock.objects.bulk_create(
                [c for pair in clocks for c in pair if c is not None], batch_size=BATCH
            )
            for case, (case_clock, task_clock) in zip(rows, clocks, strict=True):
                case.clock = case_clock
                if case_clock is None:
                    case.acceptance_clock = task_clock
            Case.objects.bulk_create(rows, batch_size=BATCH)
            CaseTask.objects.bulk_create(
                [
                    CaseTask(
                        case=case,
                        step=case.current_step,
                        department=department,
                        status=CaseTask.Status.ACTIVE,
                        is_acceptance=case.current_step.kind == ProcessStep.Kind.ACCEPT,
                        clock=task_clock,
                        created_at=case.submitted_at,
                    )
                    for case, (_c, task_clock) in zip(rows, clocks, strict=True)
                ],
                batch_size=BATCH,
            )
            events = []
            for case in rows:
                events.append(
                    CaseEvent(
                        case=case,
                        code=CaseEvent.Code.SUBMITTED,
                        actor=citizen,
                        created_at=case.submitted_at,
                    )
                )
                if case.status == Case.Status.IN_PROGRESS:
                    events.append(
                        CaseEvent(
                            case=case,
                            code=CaseEvent.Code.ACCEPTED,
                            actor=clerk,
                            created_at=case.submitted_at,
                        )
                    )
            CaseEvent.record_many(events, batch_size=BATCH)
        done += size

    first = Case.objects.filter(item=process.item).order_by("pk").first()
    return {
        "queue": reverse("approvals:queue"),
        "case": reverse("approvals:staff_case", args=[first.pk]),
        "user": CLERK,
        "citizen": CITIZEN,
        "citizen_case": reverse("approvals:case", args=[first.pk]),
        "password": DEMO_PASSWORD,
    }
