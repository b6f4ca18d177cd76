"""Reads shared by the publication workflow of catalogue items and articles: what a revision or a
new version changes, for the staff pages and the public version history, and what waits."""

from django.db.models import Count, Model, Q, QuerySet

from disclosure.models.publication import Revision

OPEN = Revision.OPEN_STATUSES


def field_text(record: Model, name: str) -> str:
    """How a field of the record reads on a page (a choice by its label, a link by its name)."""
    field = record._meta.get_field(name)
    if field.is_relation:
        related = getattr(record, name)
        return str(related) if related is not None else ""
    if field.choices:
        return str(getattr(record, f"get_{name}_display")())
    value = getattr(record, name)
    return "" if value is None else str(value)


def field_changes(live: Model, draft: Model, names) -> list[dict]:
    """The fields whose text differs between two states of a record, with label, old and new."""
    rows = []
    for name in names:
        old, new = field_text(live, name), field_text(draft, name)
        if old != new:
            rows.append({"label": live._meta.get_field(name).verbose_name, "old": old, "new": new})
    return rows


# A published record being revised keeps its own status (已发布): what waits for a drafter or a
# reviewer is its revision (修订稿). The lists and the workbench read both.


def waiting_counts(records: QuerySet, revisions: QuerySet, link: str) -> dict[str, int]:
    """How many of `records` wait as a draft (草稿) or for review (待审核), new ones and
    revisions alike; `link` names the revision's record (item, article). One query."""
    revised = revisions.filter(**{f"{link}__in": records.values("pk")})
    own, theirs = (
        rows.filter(status__in=OPEN).values_list("status").annotate(n=Count("pk")).order_by()
        for rows in (records, revised)
    )
    counts = dict.fromkeys(OPEN, 0)
    for status, n in own.union(theirs, all=True):
        counts[status] += n
    return {"drafts": counts[Revision.Status.DRAFT], "review": counts[Revision.Status.REVIEW]}


def of_status(records: QuerySet, revisions: QuerySet, link: str, status: str) -> QuerySet:
    """The records of a status; for 草稿 and 待审核 also the published ones whose revision is.

    The revised records are few (one open revision a record): read as ids, so that the filter
    stays an index lookup instead of a subquery tested on every record.
    """
    if status not in OPEN:
        return records.filter(status=status)
    revised = list(revisions.filter(status=status).values_list(link, flat=True))
    return records.filter(Q(status=status) | Q(pk__in=revised))


def mark_revisions(records, revisions: QuerySet, link: str) -> None:
    """Give each record of a page `revision_status`: the status of its open revision, or None.

    One query for the page: as a subquery of the list's query it ran for every record the list
    sorted (100,000 articles for an administrator), not only for the page's thirty.
    """
    records = list(records)
    found = dict(
        revisions.filter(**{f"{link}__in": [record.pk for record in records]}, status__in=OPEN)
        .order_by()
        .values_list(link, "status")
    )
    for record in records:
        record.revision_status = found.get(record.pk)
