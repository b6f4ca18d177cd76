"""The county's cases and complaints with their clocks, tasks, events and replies; older clocks.

Part of `bench.loaders.county`: open work is the newest (cases of the last 20 days, complaints of
the last 15), with running clocks whose light is computed as of now; older work is finished, its
clock stopped. Ids are handed out by `bench.loaders.bulk.Ids`, so rows point at each other before
they are written.
"""

import datetime

from django.utils import timezone

from approvals.models import Case, CaseEvent, CaseTask, Process
from bench.loaders import bulk
from petitions.models import (
    Category,
    ComplainantIdentity,
    Complaint,
    ComplaintEvent,
    Reply,
)
from portal.models import User
from portal.query_codes import query_code_digest
from supervision.models import Clock
from supervision.services import schedule

OPEN_CASE_DAYS = 20
OPEN_COMPLAINT_DAYS = 15


class Clocks:
    """Clock rows computed once per (kind, limit, unit, start day) and cloned for each subject."""

    def __init__(self, ids: bulk.Ids, now: datetime.datetime):
        self.ids, self.now = ids, now
        self.plans: dict[tuple, Clock] = {}
        self.rows: list[Clock] = []

    def add(self, *, kind, ref, label, url, department_id, limit, unit, start, stopped_at=None):
        key = (kind, limit, unit, start.date())
        if key not in self.plans:
            planned = schedule.compute(
                unit=unit, kind=kind, total=limit, used=0, segment_start=start
            )
            self.plans[key] = bulk.template(
                Clock,
                kind=kind,
                unit=unit,
                limit=limit,
                warn_at=planned.warn_at,
                due_at=planned.due_at,
                escalate_at=planned.escalate_at,
                provisional=planned.provisional,
                light=schedule.light_at(planned.warn_at, planned.due_at, self.now),
            )
        plan = self.plans[key]
        clock = bulk.clone(
            plan,
            id=self.ids.take(Clock),
            subject_ref=ref,
            subject_label=label[:200],
            subject_url=url,
            department_id=department_id,
            started_at=start,
            segment_started_at=start,
        )
        if stopped_at is not None:
            clock.state, clock.stopped_at, clock.light = Clock.State.STOPPED, stopped_at, "green"
        self.rows.append(clock)
        return clock.id

    def flush(self) -> None:
        bulk.write(Clock, self.rows)
        self.rows = []


def applicants(people: list[int]) -> dict[int, tuple[str, str, str]]:
    return {
        pk: (name, resident_id, mobile)
        for pk, name, resident_id, mobile in User.objects.filter(pk__in=people).values_list(
            "pk", "real_name", "resident_id", "mobile"
        )
    }


def cases(ids: bulk.Ids, spread, people: list[int], total: int, now) -> int:
    """Cases over every active process, applicant and the last year; the newest still open."""
    processes = list(
        Process.objects.filter(status=Process.Status.ACTIVE)
        .select_related("item")
        .prefetch_related("steps")
        .order_by("id")
    )
    who = applicants(people)
    clerk = User.objects.filter(kind=User.Kind.STAFF).order_by("id").first()
    model = bulk.template(Case, form_data={})
    task_model = bulk.template(CaseTask, status=CaseTask.Status.ACTIVE)
    event_model = bulk.template(CaseEvent, data={})
    for start in range(0, total, bulk.BATCH):
        size = min(bulk.BATCH, total - start)
        clocks = Clocks(ids, now)
        rows, tasks, events = [], [], []
        chosen = spread.weighted(processes, size)
        moments = spread.moments(now, 365, size)
        first = ids.take(Case, size)
        for n in range(size):
            process, at, pk = chosen[n], moments[n], first + n
            steps = sorted(process.steps.all(), key=lambda step: step.order)
            applicant = spread.random.choice(people)
            name, resident_id, mobile = who[applicant]
            number = f"BA{timezone.localtime(at):%Y}{pk:08d}"
            unit = process.item.department_id
            url = f"/approvals/staff/cases/{pk}/"
            case = bulk.clone(
                model,
                id=pk,
                number=number,
                query_code_digest=query_code_digest(number, f"{pk % 1_000_000:06d}"),
                process_id=process.id,
                item_id=process.item_id,
                applicant_id=applicant,
                applicant_name=name,
                applicant_id_number=resident_id,
                applicant_mobile=mobile,
                department_id=unit,
                submitted_at=at,
                created_at=at,
            )
            events.append(
                bulk.clone(
                    event_model, case_id=pk, code="submitted", actor_id=applicant, created_at=at
                )
            )
            limit = process.item.time_limit_days
            if at < now - datetime.timedelta(days=OPEN_CASE_DAYS):
                done = at + datetime.timedelta(days=1 + pk % 12, hours=pk % 7)
                case.status, case.decision = Case.Status.FINISHED, Case.Decision.APPROVE
                case.accepted_at, case.decided_at, case.finished_at = at, done, done
                case.accepted_by_id = case.decided_by_id = clerk.id
                case.current_step_id = None
                case.clock_id = clocks.add(
                    kind="approvals.case",
                    ref=number,
                    label=f"办件 {number}",
                    url=url,
                    department_id=unit,
                    limit=limit,
                    unit=Clock.Unit.WORKDAYS,
                    start=at,
                    stopped_at=done,
                )
                events.append(
                    bulk.clone(
                        event_model, case_id=pk, code="accepted", actor_id=clerk.id, created_at=at
                    )
                )
                events.append(
                    bulk.clone(
                        event_model, case_id=pk, code="finished", actor_id=clerk.id, created_at=done
                    )
                )
            elif pk % 5 == 0:
                case.status, case.current_step_id = Case.Status.SUBMITTED, steps[0].id
                case.acceptance_clock_id = clocks.add(
                    kind="approvals.acceptance",
                    ref=number,
                    label=f"办件 {number}",
                    url=url,
                    department_id=unit,
                    limit=5,
                    unit=Clock.Unit.WORKDAYS,
                    start=at,
                )
            else:
                step = steps[min(1, len(steps) - 1)]
                case.status, case.current_step_id = Case.Status.IN_PROGRESS, step.id
                case.accepted_at, case.accepted_by_id = at, clerk.id
                case.clock_id = clocks.add(
                    kind="approvals.case",
                    ref=number,
                    label=f"办件 {number}",
                    url=url,
                    department_id=unit,
                    limit=limit,
                    unit=Clock.Unit.WORKDAYS,
                    start=at,
                )
                task_clock = clocks.add(
                    kind="approvals.task",
                    ref=number,
                    label=f"办件 {number} · {step.name}",
                    url=url,
                    department_id=unit,
                    limit=5,
                    unit=Clock.Unit.WORKDAYS,
                    start=at,
                )
                tasks.append(
                    bulk.clone(
                        task_model,
                        id=ids.take(CaseTask),
                        case_id=pk,
                        step_id=step.id,
                        department_id=unit,
                        clock_id=task_clock,
                        created_at=at,
                    )
                )
                events.append(
                    bulk.clone(
                        event_model, case_id=pk, code="accepted", actor_id=clerk.id, created_at=at
                    )
                )
            rows.append(case)
        clocks.flush()
        bulk.write(Case, rows)
        bulk.write(CaseTask, tasks)
        for event in events:
            event.id = ids.take(CaseEvent)
        bulk.write_events(CaseEvent, events)
    return total


def complaints(ids: bulk.Ids, spread, departments, people: list[int], total: int, now) -> int:
    """Complaints over every category, unit, citizen and the last year; the newest still open."""
    categories = list(Category.objects.order_by("id"))
    handlers = [d for d in departments if d.code != "gov-office"]
    who = applicants(people)
    staff = dict(
        User.objects.filter(kind=User.Kind.STAFF, department__isnull=False)
        .order_by("-id")
        .values_list("department_id", "id")
    )
    fallback = (
        User.objects.filter(kind=User.Kind.STAFF).order_by("id").values_list("id", flat=True)[0]
    )
    model = bulk.template(Complaint, contact_method=Complaint.Contact.INBOX)
    identity_model = bulk.template(ComplainantIdentity)
    reply_model = bulk.template(Reply)
    event_model = bulk.template(ComplaintEvent, data={}, note="")
    for start in range(0, total, bulk.BATCH):
        size = min(bulk.BATCH, total - start)
        clocks = Clocks(ids, now)
        rows, identities, replies, events = [], [], [], []
        kinds = spread.weighted(categories, size)
        units = spread.weighted(handlers, size)
        moments = spread.moments(now, 365, size)
        first = ids.take(Complaint, size)
        for n in range(size):
            category, unit, at, pk = kinds[n], units[n].id, moments[n], first + n
            citizen = spread.random.choice(people)
            name, resident_id, mobile = who[citizen]
            number = f"TS{timezone.localtime(at):%Y}{pk:07d}"
            title = f"关于{category.name}事项的诉求（{pk}）"
            complaint = bulk.clone(
                model,
                id=pk,
                number=number,
                query_code_digest=query_code_digest(number, f"{pk % 1_000_000:06d}"),
                category_id=category.id,
                title=title[:80],
                content="小区门口占道经营，噪音扰民，请相关部门处理。",
                department_id=unit,
                registered_at=at,
                dispatched_at=at + datetime.timedelta(minutes=20 + pk % 40),
                dispatch_minutes=20 + pk % 40,
                is_anonymous=pk % 10 == 0,
            )
            identities.append(
                bulk.clone(
                    identity_model,
                    id=ids.take(ComplainantIdentity),
                    complaint_id=pk,
                    account_id=citizen,
                    name=name,
                    id_number=resident_id,
                    phone=mobile,
                )
            )
            events.append(
                bulk.clone(
                    event_model, complaint_id=pk, code="filed", actor_id=citizen, created_at=at
                )
            )
            events.append(
                bulk.clone(
                    event_model,
                    complaint_id=pk,
                    code="dispatched",
                    created_at=complaint.dispatched_at,
                )
            )
            limit = category.reply_limit
            label, url = f"{number} {title}", f"/petitions/staff/{number}/"
            if at < now - datetime.timedelta(days=OPEN_COMPLAINT_DAYS):
                replied = at + datetime.timedelta(days=1 + pk % 9, hours=pk % 5)
                closed = replied + datetime.timedelta(days=3)
                public = pk % 3 == 0 and not complaint.is_anonymous
                complaint.status, complaint.signed_at = (
                    Complaint.Status.CLOSED,
                    complaint.dispatched_at,
                )
                complaint.replied_at, complaint.closed_at = replied, closed
                complaint.satisfaction = Complaint.Satisfaction.values[pk % 7 // 3]
                if public:
                    complaint.allow_publication, complaint.published_at = True, closed
                    complaint.public_title, complaint.public_content = (
                        complaint.title,
                        complaint.content,
                    )
                complaint.clock_id = clocks.add(
                    kind="petitions.reply",
                    ref=number,
                    label=label,
                    url=url,
                    department_id=unit,
                    limit=limit,
                    unit=category.limit_unit,
                    start=at,
                    stopped_at=replied,
                )
                replies.append(
                    bulk.clone(
                        reply_model,
                        id=ids.take(Reply),
                        complaint_id=pk,
                        department_id=unit,
                        author_id=staff.get(unit, fallback),
                        content="经核查，已责令整改，现场已恢复正常秩序。",
                        created_at=replied,
                        published_at=closed if public else None,
                        public_content="经核查，已责令整改，现场已恢复正常秩序。" if public else "",
                    )
                )
                events.append(
                    bulk.clone(event_model, complaint_id=pk, code="replied", created_at=replied)
                )
                events.append(
                    bulk.clone(event_model, complaint_id=pk, code="closed", created_at=closed)
                )
            else:
                signed = pk % 3 != 0
                complaint.status = (
                    Complaint.Status.HANDLING if signed else Complaint.Status.DISPATCHED
                )
                complaint.signed_at = complaint.dispatched_at if signed else None
                complaint.clock_id = clocks.add(
                    kind="petitions.reply" if signed else "petitions.sign",
                    ref=number,
                    label=label,
                    url=url,
                    department_id=unit,
                    limit=limit if signed else category.sign_limit,
                    unit=category.limit_unit,
                    start=complaint.dispatched_at,
                )
            rows.append(complaint)
        clocks.flush()
        bulk.write(Complaint, rows)
        bulk.write(ComplainantIdentity, identities)
        bulk.write(Reply, replies)
        for event in events:
            event.id = ids.take(ComplaintEvent)
        bulk.write_events(ComplaintEvent, events)
    return total


def history_clocks(ids: bulk.Ids, spread, departments, count: int, now) -> None:
    """Finished clocks of earlier years, so the clock table has a county's history."""
    kinds = ["approvals.case", "approvals.task", "petitions.reply", "petitions.sign"]
    model = bulk.template(
        Clock,
        unit=Clock.Unit.WORKDAYS,
        limit=20,
        state=Clock.State.STOPPED,
        light=Clock.Light.GREEN,
        subject_url="",
    )
    for start in range(0, count, bulk.BATCH * 4):
        size = min(bulk.BATCH * 4, count - start)
        first = ids.take(Clock, size)
        homes = spread.weighted(departments, size)
        rows = []
        for n in range(size):
            begun = now - datetime.timedelta(days=366 + (first + n) % 1460, minutes=n % 600)
            rows.append(
                bulk.clone(
                    model,
                    id=first + n,
                    kind=kinds[n % 4],
                    subject_ref=f"H{first + n:09d}",
                    subject_label=f"历史事项 H{first + n:09d}",
                    department_id=homes[n].id,
                    started_at=begun,
                    segment_started_at=begun,
                    warn_at=begun + datetime.timedelta(days=20),
                    due_at=begun + datetime.timedelta(days=28),
                    escalate_at=begun + datetime.timedelta(days=35),
                    stopped_at=begun + datetime.timedelta(days=n % 27 + 1),
                )
            )
        bulk.write(Clock, rows)
