"""Writes on the disclosure columns: article drafts, the shared publication workflow, the daily check.

draft → review → published → withdrawn; a published or withdrawn article is changed through a
revision drafted beside it (the live article stays public and searchable until the revision is
published in its place). simple-history keeps every version, the event table says who moved it
and why. Published articles are in the search index; withdrawal takes them out. Each column
keeps its last update and published count, written here in the same transaction, so that its
public pages need no aggregate.
"""

import datetime

from django.db import transaction
from django.db.models import F, Value
from django.db.models.functions import Coalesce, Greatest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from disclosure.models import Article, ArticleAttachment, ArticleEvent, ArticleRevision, Column
from disclosure.permissions import columns as permissions
from disclosure.services import labels
from disclosure.services.publication import Publication
from disclosure.services.search import index_article, unindex_article
from disclosure.transitions.columns import ARTICLE_MOVES
from portal import workdays
from portal.errors import DomainError
from portal.locking import lock
from portal.models import User
from supervision.models import Alert
from supervision.services import alert_raise

# 政府信息公开条例 Art 26: new or changed information goes online within 20 working days.
PUBLICATION_LIMIT_WD = 20


def _add_attachments(article: Article, uploads, actor: User) -> None:
    """Store uploads as given: the form (`portal.uploads.accept_upload`) checked and cleaned them."""
    for upload in uploads:
        ArticleAttachment.objects.create(
            article=article,
            file=upload,
            original_name=upload.name[:200],
            content_type=getattr(upload, "detected_type", "") or "application/octet-stream",
            size=upload.size,
            uploaded_by=actor,
        )


@transaction.atomic
def article_save_draft(
    *, actor: User, article: Article, uploads=(), remove_attachment_ids=()
) -> Article:
    """Create a draft or save changes to one, adding uploads and removing attachments."""
    if not permissions.can_draft_for(actor, article.department):
        raise DomainError(_("您不能为该单位起草公开信息。"))
    if not article.column.is_active:
        raise DomainError(_("该栏目已停用。"))
    if not (article.title or "").strip() or not (article.body or "").strip():
        raise DomainError(_("请填写标题和正文。"))
    creating = article.pk is None
    now = timezone.now()
    if creating:
        article.status = Article.Status.DRAFT
        article.drafted_by = actor
        article.created_at = article.changed_at = now
    else:
        current = lock(article, related=("column", "department"))
        revision = (
            ArticleRevision.objects.filter(
                article=current, status__in=ArticleRevision.OPEN_STATUSES
            ).first()
            if current.version
            else None
        )
        if revision is not None:
            return _save_revision(actor, current, article, revision)
        ARTICLE_MOVES.check(current, "edit")
        if not permissions.can_edit_article(actor, current):
            raise DomainError(_("您不能修改该单位的公开信息。"))
        article.status = current.status
    article.save()
    if remove_attachment_ids:
        article.attachments.filter(pk__in=list(remove_attachment_ids)).delete()
    _add_attachments(article, uploads, actor)
    ArticleEvent.record(
        article,
        ArticleEvent.Code.CREATED if creating else ArticleEvent.Code.EDITED,
        actor=actor,
    )
    return article


def _save_revision(
    actor: User, current: Article, draft: Article, revision: ArticleRevision
) -> Article:
    """Keep the edited fields in the open revision; the live article is not touched."""
    ARTICLE_MOVES.check(revision, "edit")
    if not permissions.can_edit_article(actor, current):
        raise DomainError(_("您不能修改该单位的公开信息。"))
    revision.content = ArticleRevision.content_of(draft)
    revision.save()
    ArticleEvent.record(current, ArticleEvent.Code.EDITED, actor=actor, revision=revision.pk)
    return current


def _count(column_id: int, delta: int, *, published_at: datetime.datetime | None = None) -> None:
    """Move the column's tallies in one UPDATE (no lost update when two publish at once)."""
    changes = {"published_count": F("published_count") + delta}
    if published_at is not None:
        moment = Value(published_at)
        changes["last_published_at"] = Greatest(Coalesce("last_published_at", moment), moment)
    Column.objects.filter(pk=column_id).update(**changes)


class ArticlePublication(Publication):
    """Articles in the publication workflow: only published ones are public and searchable."""

    model = Article
    events = ArticleEvent
    revisions = ArticleRevision
    revision_of = "article"
    moves = ARTICLE_MOVES
    related = ("column", "department")
    staff_url_name = "disclosure:staff_article"
    refusals = {
        "submit": gettext_lazy("您不能提交该单位的公开信息。"),
        "review": gettext_lazy("只有管理员可以审核公开信息。"),
        "own_submission": gettext_lazy(
            "提交审核的人不能审核自己提交的信息，请由另一位管理员审核。"
        ),
        "withdraw": gettext_lazy("只有管理员可以撤回公开信息。"),
        "revise": gettext_lazy("您不能修订该单位的公开信息。"),
    }
    notices = {
        "submitted": "disclosure.article_submitted",
        "returned": "disclosure.article_returned",
        "published": "disclosure.article_published",
    }
    may_edit = staticmethod(permissions.can_edit_article)
    is_reviewer = staticmethod(permissions.is_columns_admin)
    may_review = staticmethod(permissions.can_review_article)
    may_withdraw = staticmethod(permissions.can_withdraw_article)

    def review_notice(self, record: Article) -> str:
        return f"{record.column.name}：{record.title}"

    def mark_published(self, record: Article, at: datetime.datetime) -> None:
        super().mark_published(record, at)
        record.first_published_at = record.first_published_at or at

    def after_publish(self, record: Article, *, actor: User, at: datetime.datetime) -> None:
        _count(record.column_id, +1, published_at=at)
        index_article(record)

    def after_withdraw(self, record: Article) -> None:
        _count(record.column_id, -1)
        unindex_article(record)

    def apply_revision(self, record: Article, revision: ArticleRevision) -> None:
        was_public = record.status == Article.Status.PUBLISHED
        old_column = record.column_id
        super().apply_revision(record, revision)
        # The 20-WD rule counted from the revision; the live version is replaced, not added, so
        # the old column gives back the count that `after_publish` adds to the new one.
        record.changed_at = revision.created_at
        if was_public:
            _count(old_column, -1)


ARTICLE_PUBLICATION = ArticlePublication()


def article_submit(*, actor: User, article: Article) -> Article:
    """Send a draft for review; the admins are told."""
    return ARTICLE_PUBLICATION.submit(actor=actor, record=article)


def article_return(*, actor: User, article: Article, note: str) -> Article:
    """The reviewer sends the article back to its drafter with what to change."""
    return ARTICLE_PUBLICATION.send_back(actor=actor, record=article, note=note)


def article_publish(
    *, actor: User, article: Article, now: datetime.datetime | None = None
) -> Article:
    """Publish the article: public, searchable, and the column counts as updated."""
    return ARTICLE_PUBLICATION.publish(actor=actor, record=article, at=now)


def article_withdraw(*, actor: User, article: Article, reason: str) -> Article:
    """Take a published article off the public site and out of the search."""
    return ARTICLE_PUBLICATION.withdraw(actor=actor, record=article, reason=reason)


def article_revise(*, actor: User, article: Article) -> Article:
    """Open a revision of the article; the live version stays public until it is published."""
    return ARTICLE_PUBLICATION.revise(actor=actor, record=article)


def article_discard_revision(*, actor: User, article: Article) -> Article:
    """Drop the article's open revision; the live version is unchanged."""
    return ARTICLE_PUBLICATION.discard(actor=actor, record=article)


# --- The daily check (beat task and management command) ----------------------------------------


def _late_cutoff(today: datetime.date) -> datetime.date:
    """The last change date whose 20-WD publication limit has passed by the end of `today`."""
    day, counted = today, 0
    while counted <= PUBLICATION_LIMIT_WD:
        if workdays.is_working_day(day):
            counted += 1
        day -= datetime.timedelta(days=1)
    return day


def columns_check(*, today: datetime.date | None = None) -> dict[str, int]:
    """Raise an alert for every stale column and every article not published within 20 WD.

    Idempotent: each alert's de-duplication key names the column's last update (or the article's
    last change), so re-runs raise nothing new and a new lapse raises a new alert.
    """
    today = today or timezone.localdate()
    stale = late = 0
    for column in Column.objects.filter(is_active=True).select_related("department"):
        if timezone.localdate(column.due_at()) >= today:
            continue
        since = column.last_published_at or column.created_at
        alert_raise(
            kind=Alert.Kind.STALE_COLUMN,
            severity=Alert.Severity.WARNING,
            department=column.department,
            subject_ref=f"column:{column.slug}",
            subject_url=column.get_absolute_url(),
            message_code=labels.STALE_COLUMN,
            message_params={
                "name": column.name,
                "days": column.update_interval_days,
                "since": timezone.localtime(since).strftime("%Y-%m-%d"),
            },
            dedup_key=f"disclosure:column-stale:{column.pk}:{since.isoformat()}",
        )
        stale += 1
    cutoff = workdays.end_of_day(_late_cutoff(today))
    pending = Article.objects.filter(
        status__in=[Article.Status.DRAFT, Article.Status.REVIEW], changed_at__lte=cutoff
    ).select_related("department", "column")
    # A revision is changed information too: it counts from when it was opened.
    revised = ArticleRevision.objects.filter(
        status__in=ArticleRevision.OPEN_STATUSES, created_at__lte=cutoff
    ).select_related("article__department")
    late_changes = [(article, article.changed_at) for article in pending] + [
        (revision.article, revision.created_at) for revision in revised
    ]
    for article, since in late_changes:
        alert_raise(
            kind=Alert.Kind.LATE_PUBLICATION,
            severity=Alert.Severity.WARNING,
            department=article.department,
            subject_ref=f"article:{article.pk}",
            subject_url=reverse("disclosure:staff_article", args=[article.pk]),
            message_code=labels.LATE_ARTICLE,
            message_params={
                "title": article.title,
                "since": timezone.localtime(since).strftime("%Y-%m-%d"),
            },
            dedup_key=f"disclosure:article-late:{article.pk}:{since.isoformat()}",
        )
        late += 1
    return {"stale_columns": stale, "late_articles": late}
