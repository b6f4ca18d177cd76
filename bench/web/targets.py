"""What `bench/bench_http.py` measures: each role's main pages and the write paths, found in the
seeded database (the newest objects a person of that role would open)."""

import re
import urllib.parse
from dataclasses import dataclass, field, replace


@dataclass(frozen=True)
class Page:
    name: str
    role: str | None  # the demo login, None: not signed in
    path: str
    method: str = "GET"
    expect: int = 200
    body: str = ""
    paths: tuple[str, ...] = field(default=())  # a write cycling over several paths
    floor: str = "bare"  # what the ratio is taken against: the "bare" page or the plain "form" POST
    ceiling: bool = False  # not a page of the portal: a ceiling (bench/web/ceilings.py)
    of: str = ""  # a ceiling of a page's statements: the page's name


FLOORS = [
    Page("tiny response (floor)", None, "/bench/tiny/", floor=""),
    Page("bare 50-row page (floor)", None, "/bench/bare/", floor=""),
]
CITIZEN = "13900000001"
# The title of every complaint the bench files (with a counter after it).
FILED_TITLE = "压测投诉"


def clerk_open_case(clerk):
    """The case the clerk's page opens: open, at a handling step of the clerk's unit."""
    from approvals.models import Case

    return (
        Case.objects.filter(department_id=clerk.department_id, status="in_progress")
        .order_by("-submitted_at")
        .first()
    )


def operator_complaint():
    """The complaint the operator's page opens: the newest open one."""
    from petitions.models import Complaint

    # Not one the bench filed itself: each run's filings would change the next run's page.
    return (
        Complaint.objects.filter(status__in=Complaint.OPEN_STATUSES)
        .exclude(title__startswith=FILED_TITLE)
        .order_by("-registered_at")
        .first()
    )


def capture_name(page_name: str) -> str:
    """The name under which a page's statements are captured for its ceiling."""
    return re.sub(r"[^a-z0-9]+", "-", page_name.lower()).strip("-")


def statements_alone(page_name: str) -> Page:
    """The ceiling of a page: its statements sent raw, then the bare page."""
    return Page(
        f"{page_name}: its statements alone (ceiling)",
        None,
        f"/bench/statements/{capture_name(page_name)}/",
        ceiling=True,
        of=page_name,
    )


def pages() -> list[Page]:
    """Return the pages to drive; call after django.setup() on the seeded database."""
    from approvals.models import Case
    from disclosure.models import Article, CatalogueItem, Column
    from evaluation.models import RatedPerson
    from petitions.models import Category, Complaint
    from portal.models import User

    citizen = User.objects.get(username=CITIZEN)
    clerk = User.objects.get(username="clerk_a")
    item = (
        CatalogueItem.objects.filter(status="published")
        .exclude(code__startswith="bench-")
        .order_by("id")
        .first()
    )
    column = Column.objects.order_by("-published_count", "id").first()
    article = Article.objects.filter(status="published").order_by("-id").first()
    own_case = Case.objects.filter(applicant=citizen).order_by("-submitted_at", "-id").first()
    own_complaint = (
        Complaint.objects.filter(identity__account=citizen).order_by("-registered_at").first()
    )
    open_case = clerk_open_case(clerk)
    open_complaint = operator_complaint()
    people = list(
        RatedPerson.objects.filter(is_active=True).order_by("id").values_list("id", flat=True)[:200]
    )
    category = Category.objects.filter(kind="complaint").order_by("id").first()
    unit = clerk.department.code
    complaint_body = urllib.parse.urlencode(
        {
            "category": category.pk,
            "title": FILED_TITLE + "{n}",
            "content": "压测投诉内容：超市销售过期食品。",
            "is_anonymous": "on",
            "contact_method": "none",
            "submission_token": "{token}",
        },
        safe="{}",
    )
    vote_body = urllib.parse.urlencode(
        {
            "attitude": "satisfied",
            "efficiency": "fair",
            "style": "satisfied",
            "reason": "",
            "submission_token": "{token}",
        },
        safe="{}",
    )
    vote = Page(
        "a vote",
        None,
        f"/evaluation/people/{people[0]}/",
        method="POST",
        expect=302,
        body=vote_body,
        paths=tuple(f"/evaluation/people/{pk}/" for pk in people),
        floor="form",
    )
    return [
        Page("home", None, "/"),
        Page("catalogue list", None, "/disclosure/catalogue/"),
        Page("catalogue item", None, f"/disclosure/catalogue/{item.code}/"),
        Page("article list (column)", None, column.get_absolute_url()),
        Page("article", None, f"/disclosure/articles/{article.pk}/"),
        Page("search", None, "/disclosure/search/?q=" + urllib.parse.quote("食品安全")),
        Page("complaint board", None, "/petitions/board/"),
        Page("Q&A list", None, "/petitions/messages/"),
        Page("interaction figures", None, "/petitions/interaction/figures/"),
        Page("evaluation roster", None, "/evaluation/"),
        Page("evaluation unit", None, f"/evaluation/units/{unit}/"),
        Page("my account", CITIZEN, "/account/"),
        Page("citizen cases", CITIZEN, "/approvals/mine/"),
        Page("citizen case", CITIZEN, f"/approvals/cases/{own_case.pk}/"),
        statements_alone("citizen case"),
        Page("citizen complaints", CITIZEN, "/petitions/mine/"),
        Page("complaint tracking", CITIZEN, f"/petitions/track/{own_complaint.number}/"),
        Page("clerk queue", "clerk_a", "/approvals/staff/"),
        Page("clerk case", "clerk_a", f"/approvals/staff/cases/{open_case.pk}/"),
        statements_alone("clerk case"),
        Page("clerk workbench", "clerk_a", "/workbench/"),
        statements_alone("clerk workbench"),
        Page("head: statistics", "head_market", "/approvals/staff/stats/"),
        Page("head: complaint queue", "head_market", "/petitions/staff/"),
        Page("operator queue", "operator", "/petitions/staff/"),
        Page("operator complaint", "operator", f"/petitions/staff/{open_complaint.number}/"),
        statements_alone("operator complaint"),
        Page("leader brief", "leader", "/supervision/brief/"),
        Page("inspector dashboard", "inspector", "/supervision/"),
        Page("staff roster", "admin", "/evaluation/staff/roster/"),
        Page(
            "file a complaint",
            None,
            "/petitions/file/",
            method="POST",
            expect=302,
            body=complaint_body,
            floor="form",
        ),
        vote,
        replace(
            vote,
            name="a vote in four statements (ceiling)",
            path=f"/bench/vote/{people[0]}/",
            paths=tuple(f"/bench/vote/{pk}/" for pk in people),
            ceiling=True,
        ),
        Page(
            "plain form POST (floor)",
            None,
            "/bench/form/",
            method="POST",
            expect=302,
            body="body=bench{n}",
            floor="",
        ),
        Page(
            "bare insert (floor)",
            None,
            "/bench/insert/",
            method="POST",
            body="body=bench{n}",
            floor="",
        ),
    ]
