"""Writes on the disclosure columns: article drafts, review, publication, withdrawal, the daily check.

draft → review → published → withdrawn; a published or withdrawn article is changed by starting a
revision (back to draft, off the public site until republished). simple-history keeps every
version, the event table says who moved it and why. Published articles are in the search index;
withdrawal and revision take them out. Each column keeps its last update and published count,
written here in the same transaction, so that its public pages need no aggregate.
"""

import datetime

from django.db import transaction
from django.db.models import F, Value
from django.db.models.functions import Coalesce, Greatest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from disclosure import columns_permissions as permissions
from disclosure import columns_transitions as transitions
from disclosure.models import Article, ArticleAttachment, ArticleEvent, Column
from disclosure.search import search_index_remove, search_index_upsert
from portal import workdays
from portal.errors import DomainError
from portal.models import User
from portal.notifications import notify
from portal.roles import Role
from portal.uploads import strip_image_metadata
from supervision.models import Alert
from supervision.services import alert_raise

S = Article.Status
E = ArticleEvent.Code
SEARCH_KIND = "article"
# 政府信息公开条例 Art 26: new or changed information goes online within 20 working days.
PUBLICATION_LIMIT_WD = 20


def _lock(article: Article) -> Article:
    return (
        Article.objects.select_for_update(of=("self",))
        .select_related("column", "department")
        .get(pk=article.pk)
    )


def _event(article: Article, code: str, *, actor: User | None, note: str = "", **data):
    return ArticleEvent.objects.create(
        article=article, code=code, actor=actor, note=note, data=data
    )


def _add_attachments(article: Article, uploads, actor: User) -> None:
    """Store uploads already checked by `portal.uploads.check_upload` (the form does it)."""
    for upload in uploads:
        clean = strip_image_metadata(upload)
        ArticleAttachment.objects.create(
            article=article,
            file=clean,
            original_name=upload.name[:200],
            content_type=getattr(upload, "detected_type", "") or "application/octet-stream",
            size=clean.size,
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
        article.status = S.DRAFT
        article.drafted_by = actor
        article.created_at = article.changed_at = now
    else:
        current = _lock(article)
        transitions.check(current, "edit")
        if not permissions.can_edit_article(actor, current):
            raise DomainError(_("您不能修改该单位的公开信息。"))
        article.status = current.status
    article.save()
    if remove_attachment_ids:
        article.attachments.filter(pk__in=list(remove_attachment_ids)).delete()
    _add_attachments(article, uploads, actor)
    _event(article, E.CREATED if creating else E.EDITED, actor=actor)
    return article


@transaction.atomic
def article_submit(*, actor: User, article: Article) -> Article:
    article = _lock(article)
    transitions.check(article, "submit")
    if not permissions.can_edit_article(actor, article):
        raise DomainError(_("您不能提交该单位的公开信息。"))
    article.status = S.REVIEW
    article.submitted_by = actor
    article.submitted_at = timezone.now()
    article.review_note = ""
    article.save()
    _event(article, E.SUBMITTED, actor=actor)
    notify(
        User.objects.with_role(Role.ADMIN).filter(is_active=True).exclude(pk=actor.pk),
        subject=_("公开信息待审核"),
        body=f"{article.column.name}：{article.title}",
        url=reverse("disclosure:staff_article", args=[article.pk]),
        sms=False,
        email=False,
    )
    return article


def _require_reviewer(actor: User, article: Article) -> None:
    if not permissions.is_columns_admin(actor):
        raise DomainError(_("只有管理员可以审核公开信息。"))
    if not permissions.can_review_article(actor, article):
        raise DomainError(_("提交审核的人不能审核自己提交的信息，请由另一位管理员审核。"))


@transaction.atomic
def article_return(*, actor: User, article: Article, note: str) -> Article:
    """The reviewer sends the article back to its drafter with what to change."""
    article = _lock(article)
    transitions.check(article, "return")
    _require_reviewer(actor, article)
    note = (note or "").strip()
    if not note:
        raise DomainError(_("请写明退回修改的意见。"))
    article.status = S.DRAFT
    article.review_note = note
    article.save()
    _event(article, E.RETURNED, actor=actor, note=note)
    if article.submitted_by_id:
        notify(
            [article.submitted_by],
            subject=_("公开信息被退回修改"),
            body=f"{article.title}：{note}",
            url=reverse("disclosure:staff_article", args=[article.pk]),
            sms=False,
            email=False,
        )
    return article


def index_article(article: Article) -> None:
    search_index_upsert(
        kind=SEARCH_KIND,
        obj_id=article.pk,
        title=article.title,
        body="\n".join(
            part
            for part in (
                article.summary,
                article.body,
                article.column.name,
                article.department.name,
            )
            if part
        ),
        department=article.department,
        url=article.get_absolute_url(),
        published_at=article.published_at,
    )


def _count(column_id: int, delta: int, *, published_at: datetime.datetime | None = None) -> None:
    """Move the column's tallies in one UPDATE (no lost update when two publish at once)."""
    changes = {"published_count": F("published_count") + delta}
    if published_at is not None:
        moment = Value(published_at)
        changes["last_published_at"] = Greatest(Coalesce("last_published_at", moment), moment)
    Column.objects.filter(pk=column_id).update(**changes)


@transaction.atomic
def article_publish(*, actor: User, article: Article, now: datetime.datetime | None = None):
    """Publish the article: public, searchable, and the column counts as updated."""
    article = _lock(article)
    transitions.check(article, "publish")
    _require_reviewer(actor, article)
    now = now or timezone.now()
    article.status = S.PUBLISHED
    article.version += 1
    article.published_at = now
    article.first_published_at = article.first_published_at or now
    article.withdrawn_at = None
    article.review_note = ""
    article.save()
    _count(article.column_id, +1, published_at=now)
    _event(article, E.PUBLISHED, actor=actor, version=article.version)
    index_article(article)
    if article.submitted_by_id and article.submitted_by_id != actor.pk:
        notify(
            [article.submitted_by],
            subject=_("公开信息已发布"),
            body=article.title,
            url=article.get_absolute_url(),
            sms=False,
            email=False,
        )
    return article


@transaction.atomic
def article_withdraw(*, actor: User, article: Article, reason: str) -> Article:
    """Take a published article off the public site and out of the search."""
    article = _lock(article)
    transitions.check(article, "withdraw")
    if not permissions.can_withdraw_article(actor, article):
        raise DomainError(_("只有管理员可以撤回公开信息。"))
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(_("请写明撤回理由。"))
    article.status = S.WITHDRAWN
    article.withdrawn_at = timezone.now()
    article.save()
    _count(article.column_id, -1)
    _event(article, E.WITHDRAWN, actor=actor, note=reason)
    search_index_remove(kind=SEARCH_KIND, obj_id=article.pk)
    return article


@transaction.atomic
def article_revise(*, actor: User, article: Article) -> Article:
    """Start a new version: back to draft, off the public site; the 20-WD rule counts from now."""
    article = _lock(article)
    transitions.check(article, "revise")
    if not permissions.can_edit_article(actor, article):
        raise DomainError(_("您不能修订该单位的公开信息。"))
    if article.status == S.PUBLISHED:
        _count(article.column_id, -1)
        search_index_remove(kind=SEARCH_KIND, obj_id=article.pk)
    article.status = S.DRAFT
    article.submitted_by = None
    article.changed_at = timezone.now()
    article.save()
    _event(article, E.REVISED, actor=actor, version=article.version)
    return article


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
            message=_("栏目“%(name)s”应每 %(days)s 天更新，自 %(since)s 起未更新。")
            % {
                "name": column.name,
                "days": column.update_interval_days,
                "since": timezone.localtime(since).strftime("%Y-%m-%d"),
            },
            dedup_key=f"disclosure:column-stale:{column.pk}:{since.isoformat()}",
        )
        stale += 1
    cutoff = workdays.end_of_day(_late_cutoff(today))
    pending = Article.objects.filter(
        status__in=[S.DRAFT, S.REVIEW], changed_at__lte=cutoff
    ).select_related("department", "column")
    for article in pending:
        alert_raise(
            kind=Alert.Kind.LATE_PUBLICATION,
            severity=Alert.Severity.WARNING,
            department=article.department,
            subject_ref=f"article:{article.pk}",
            subject_url=reverse("disclosure:staff_article", args=[article.pk]),
            message=_("公开信息“%(title)s”自 %(since)s 形成或变更，超过 20 个工作日仍未公开。")
            % {
                "title": article.title,
                "since": timezone.localtime(article.changed_at).strftime("%Y-%m-%d"),
            },
            dedup_key=f"disclosure:article-late:{article.pk}:{article.changed_at.isoformat()}",
        )
        late += 1
    return {"stale_columns": stale, "late_articles": late}
