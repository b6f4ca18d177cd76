"""A year of demo disclosure relative to today: each month's seasonal articles published on their
dates, and requests filed and answered on theirs (this month's still within their clock), so the
columns, the monthly ranking and the annual report have a year to show. Idempotent."""

import datetime
import itertools

from django.db import transaction
from django.utils import timezone

from disclosure.demo.requests import REMEDIES
from disclosure.models import Article, Column, InformationRequest
from disclosure.services import columns as column_services
from disclosure.services.requests import answer, receipt
from portal import demo_history as history
from portal.audit import acting_as
from portal.demo import demo_document
from portal.demo_seasons import topics_for
from portal.models import Department, User

# Days of the month a month's two seasonal articles are published on.
ARTICLE_DAYS = [8, 20]
# Day of the month a month's request is received on, and working days to its answer.
REQUEST_DAY = 6
ANSWER_AFTER = 9
# (reply type, answer text) in turn.
REPLIES = [
    (
        InformationRequest.ReplyType.ALREADY_PUBLIC,
        "该信息已在县政府门户网站主动公开，请查阅相关栏目。",
    ),
    (InformationRequest.ReplyType.DISCLOSED, "您申请的信息见附件。"),
    (InformationRequest.ReplyType.DISCLOSED, "您申请的信息见附件。"),
    (InformationRequest.ReplyType.NOT_EXIST, "经检索，本机关未制作或获取该信息。"),
]


def _publish_articles(admin: User, months: list[datetime.date], now) -> int:
    departments = {d.code: d for d in Department.objects.all()}
    columns = {c.slug: c for c in Column.objects.all()}
    made = 0
    for month in months:
        for topic, day in zip(topics_for(month.month), ARTICLE_DAYS, strict=True):
            published = history.month_day(month, day, now=now)
            if published is None or Article.objects.filter(title=topic.article_title).exists():
                continue
            formed = history.moment(published, 9) - datetime.timedelta(days=2)
            # The unit's article arrives submitted, as the demo's others do (no second admin).
            article = Article.objects.create(
                column=columns[topic.column],
                department=departments[topic.article_department],
                title=topic.article_title,
                body=topic.article_body,
                status=Article.Status.REVIEW,
                created_at=formed,
                changed_at=formed,
            )
            at = history.moment(published, 15)
            with history.messages_dated(at):
                column_services.article_publish(actor=admin, article=article, now=at)
            made += 1
    return made


def _publish_summaries(admin: User, months: list[datetime.date], now) -> int:
    """The 留言反馈 column's monthly summary of the month before, early each month."""
    column = Column.objects.get(slug="feedback")
    office = Department.objects.get(code="gov-office")
    made = 0
    for previous, month in itertools.pairwise(months):
        title = f"{previous.year}年{previous.month}月群众留言办理情况汇总"
        published = history.month_day(month, 5, now=now)
        if published is None or Article.objects.filter(title=title).exists():
            continue
        received = 280 + (previous.month * 37) % 60
        late = previous.month % 4 + 1
        body = (
            f"{previous.month}月共受理群众留言{received}件，已办结{received - late}件，"
            f"按时办结率{100 * (received - late) / received:.1f}%。"
        )
        formed = history.moment(published, 9) - datetime.timedelta(days=1)
        article = Article.objects.create(
            column=column,
            department=office,
            title=title,
            body=body,
            status=Article.Status.REVIEW,
            created_at=formed,
            changed_at=formed,
        )
        at = history.moment(published, 15)
        with history.messages_dated(at):
            column_services.article_publish(actor=admin, article=article, now=at)
        made += 1
    return made


def _file_request(applicant: User, description: str, at) -> InformationRequest:
    return receipt.request_file(
        applicant=applicant,
        data=receipt.ApplicantData(
            name=applicant.real_name,
            phone=applicant.mobile,
            organization=applicant.organization_name,
            id_number=applicant.credit_code or applicant.resident_id,
            email=applicant.email,
            address=applicant.address or "青山县城关镇人民路1号",
        ),
        description=description,
        at=at,
    )


def _requests(clerk: User, months: list[datetime.date], now) -> int:
    wanted = {
        topic.request.format(year=month.year)
        for month in months
        for topic in topics_for(month.month)
    }
    if InformationRequest.objects.filter(description__in=wanted).exists():
        return 0
    applicants = history.history_citizens()
    made = 0
    for index, month in enumerate(months):
        received = history.month_day(month, REQUEST_DAY + 7 * (index % 2), now=now)
        if received is None:
            continue
        topic = topics_for(month.month)[index % 2]
        with history.messages_dated(history.moment(received, 10)):
            request = _file_request(
                applicants[index % len(applicants)],
                topic.request.format(year=month.year),
                history.moment(received, 10),
            )
        made += 1
        answered = history.working_days_after(received, ANSWER_AFTER)
        if history.moment(answered, 16) >= now:
            continue
        reply_type, text = REPLIES[index % len(REPLIES)]
        documents = (
            [demo_document(f"{topic.tag}相关信息.pdf")]
            if reply_type == InformationRequest.ReplyType.DISCLOSED
            else []
        )
        with history.messages_dated(history.moment(answered, 16)):
            answer.request_answer(
                actor=clerk,
                request=request,
                reply_type=reply_type,
                text=text,
                remedies=REMEDIES,
                documents=documents,
                at=history.moment(answered, 16),
            )
    return made


def seed(*, scale: int = 1, stdout=None) -> list[tuple[str, str]]:
    now = timezone.now()
    months = history.past_months(timezone.localdate(now))
    admin = User.objects.get(username="admin")
    clerk = User.objects.get(username="clerk_office")
    with transaction.atomic(), acting_as(admin):
        articles = _publish_articles(admin, months, now) + _publish_summaries(admin, months, now)
    with transaction.atomic(), acting_as(clerk):
        requests = _requests(clerk, months, now)
    if stdout is not None:
        stdout.write(f"disclosure history: {articles} seasonal articles, {requests} requests")
    return []
