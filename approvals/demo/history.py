"""A year of demo applications relative to today: filed by residents and the demo enterprise over
the past twelve months, each handled on its own dates up to today (so this month's are still in
progress) and rated once finished. Idempotent: nothing is added once a case submitted before
last month exists."""

import datetime
from unittest import mock

from django.utils import timezone

from approvals.models import Case, CaseMaterial
from approvals.services import applying as applying_services
from approvals.services import ratings as rating_services
from approvals.services.handling.acceptance import case_accept
from approvals.services.handling.decision import case_decide
from approvals.services.handling.finish import case_finish
from approvals.services.handling.steps import task_pass
from disclosure.models import CatalogueItem
from portal import demo_history as history
from portal.demo import demo_document
from portal.models import User

# item code → (accepting clerk, {department code: reviewer}, deciding head, decision reason)
HANDLERS = {
    "market-002": ("clerk_a", {"market": "clerk_b"}, "head_market", "符合个体工商户登记条件。"),
    "market-001": (
        "clerk_a",
        {"market": "clerk_b"},
        "head_market",
        "经现场核查，符合食品经营许可条件。",
    ),
    "land-001": (
        "clerk_land",
        {"land": "clerk_land", "housing": "head_housing"},
        "head_land",
        "经集体研究，项目用地符合土地利用总体规划和供地政策。",
    ),
}
# Items in turn: business licences most, the joint land pre-review (a level-1 risk point, listed
# for the supervisors at each decision) now and then.
ITEM_TURNS = ["market-002", "market-001", "market-002", "land-001", "market-002", "market-001"]
# Every SLOW_EVERY-th application's review runs past its step limit.
SLOW_EVERY = 6
# Days of the month applications are filed on.
FILING_DAYS = [5, 12, 19, 26]
# Ratings, in turn; one 不满意 in the year opens a rectification ticket.
LEVELS = [5, 5, 4, 5, 3, 4, 5, 5, 4, 2, 5, 4]


def _as_of(at: datetime.datetime):
    """Run the draft steps, which take no moment, as of `at`, so that a past application's
    events and history start when it was filed rather than today."""
    return mock.patch("django.utils.timezone.now", return_value=at)


def _file(applicant: User, item: CatalogueItem, at: datetime.datetime) -> Case:
    with _as_of(at - datetime.timedelta(minutes=20)):
        case = applying_services.case_start_draft(actor=applicant, item=item)
        applying_services.case_save_draft(
            actor=applicant,
            case=case,
            form_data={"申请事由": f"申请办理{item.name}", "联系地址": "青山县城关镇"},
        )
        for material in item.materials.filter(is_required=True):
            applying_services.case_add_material(
                actor=applicant,
                case=case,
                name=material.name,
                upload=demo_document(f"{material.name}.pdf"),
            )
    Case.objects.filter(pk=case.pk).update(created_at=at - datetime.timedelta(minutes=20))
    CaseMaterial.objects.filter(case=case).update(uploaded_at=at - datetime.timedelta(minutes=10))
    with history.messages_dated(at):
        case, _code = applying_services.case_submit(actor=applicant, case=case, at=at)
    return case


def _next(moment: datetime.datetime, *, hours: int = 0) -> datetime.datetime:
    """The next working day's office hours after `moment`, plus `hours`."""
    day = timezone.localdate(moment) + datetime.timedelta(days=1)
    return history.moment(history.working_day_on_or_after(day), 9 + hours)


def _handle(
    case: Case, users: dict[str, User], at: datetime.datetime, level: int, now, *, slow=False
) -> None:
    """Move the case as far as the moments already past allow."""
    clerk, reviewers, head, reason = HANDLERS[case.item.code]
    at = _next(at)
    if at >= now:
        return
    with history.messages_dated(at):
        case_accept(actor=users[clerk], case=case, at=at)
    for _round in range(5):
        case.refresh_from_db()
        tasks = list(
            case.tasks.filter(status="active", step__kind="review").select_related("department")
        )
        if not tasks:
            break
        # A slow review takes three more working days than its step allows.
        for _day in range(4 if slow else 1):
            at = _next(at, hours=1)
        if at >= now:
            return
        for task in tasks:
            with history.messages_dated(at):
                task_pass(
                    actor=users[reviewers[task.department.code]],
                    task=task,
                    opinion="材料齐全，符合条件，同意。",
                    at=at,
                )
    for move in ("decide", "finish", "rate"):
        at = _next(at, hours=2)
        if at >= now:
            return
        with history.messages_dated(at):
            if move == "decide":
                case_decide(actor=users[head], case=case, decision="approve", reason=reason, at=at)
            elif move == "finish":
                case_finish(
                    actor=users[clerk], case=case, delivery_note="证照已在窗口领取。", at=at
                )
            else:
                rating_services.rating_submit(
                    actor=case.applicant, case=case, level=level, comment="", at=at
                )


def seed_history() -> int:
    """File the past year's applications; return how many were filed."""
    now = timezone.now()
    today = timezone.localdate(now)
    months = history.past_months(today)
    if Case.objects.filter(submitted_at__lt=history.moment(months[-2])).exists():
        return 0
    items = {
        item.code: item
        for item in CatalogueItem.objects.filter(
            code__in=HANDLERS, status="published", processes__status="active"
        ).distinct()
    }
    turns = [code for code in ITEM_TURNS if code in items]
    if not turns:
        return 0
    names = {
        name
        for handlers in HANDLERS.values()
        for name in (handlers[0], handlers[2], *handlers[1].values())
    }
    users = {user.username: user for user in User.objects.filter(username__in=names)}
    applicants = history.history_citizens() + list(User.objects.filter(kind=User.Kind.ENTERPRISE))
    filed = 0
    for index, month in enumerate(months):
        for round_ in range(2 + index % 3):
            day = history.month_day(month, FILING_DAYS[round_], now=now)
            if day is None:
                continue
            item = items[turns[filed % len(turns)]]
            case = _file(applicants[filed % len(applicants)], item, history.moment(day, 9, 30))
            level = LEVELS[filed % len(LEVELS)]
            _handle(case, users, case.submitted_at, level, now, slow=filed % SLOW_EVERY == 3)
            filed += 1
    return filed
