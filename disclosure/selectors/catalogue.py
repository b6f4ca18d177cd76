"""Reads of the catalogue for pages: joined and prefetched so that query counts stay flat."""

from django.core.cache import cache
from django.core.paginator import Page, Paginator
from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from disclosure.models import (
    CatalogueEvent,
    CatalogueItem,
    CatalogueItemRevision,
    CatalogueItemVersion,
    CatalogueMaterial,
)
from disclosure.permissions import catalogue as permissions
from disclosure.selectors.publication import (
    field_changes,
    mark_revisions,
    of_status,
    waiting_counts,
)
from portal.models import Department
from portal.search.index import PAGE_CACHE_SECONDS, cache_key

FINDABLE = [CatalogueItem.Status.PUBLISHED, CatalogueItem.Status.WITHDRAWN]


def public_items(
    *, department: Department | None = None, kind: str = ""
) -> QuerySet[CatalogueItem]:
    """Published items, then withdrawn ones (still listed, marked), by department and code."""
    items = CatalogueItem.objects.findable().select_related("department")
    if department is not None:
        items = items.filter(department=department)
    if kind:
        items = items.filter(kind=kind)
    return items.order_by("status", "department__name", "code")


def public_departments() -> QuerySet[Department]:
    """Departments with findable items, with how many each has."""
    return (
        Department.objects.annotate(
            item_count=Count("catalogue_items", filter=Q(catalogue_items__status__in=FINDABLE))
        )
        .filter(item_count__gt=0)
        .order_by("kind", "name")
    )


def public_kind_counts(department: Department | None = None) -> dict[str, int]:
    items = CatalogueItem.objects.findable()
    if department is not None:
        items = items.filter(department=department)
    rows = items.values("kind").annotate(n=Count("id")).order_by()
    return {row["kind"]: row["n"] for row in rows}


LIST_FIELDS = ("code", "name", "kind", "status", "time_limit_days", "fee", "department__name")


def public_catalogue_page(
    *, department_code: str = "", kind: str = "", number=1, per_page: int = 50
) -> dict:
    """Everything the public list shows, as plain data cached under the index generation
    (every publication, withdrawal and revision writes the index, so bumps it)."""
    try:
        number = max(1, int(number))
    except (TypeError, ValueError):
        number = 1
    key = cache_key("catalogue", department_code, kind, number, per_page)
    found = cache.get(key)
    if found is None:
        department = (
            Department.objects.filter(code=department_code).first() if department_code else None
        )
        items = public_items(department=department, kind=kind).values(*LIST_FIELDS)
        page = Paginator(items, per_page).get_page(number)
        found = {
            "department": {"code": department.code, "name": department.name}
            if department
            else None,
            "count": page.paginator.count,
            "number": page.number,
            "rows": list(page.object_list),
            "departments": list(public_departments().values("code", "name", "item_count")),
            "kind_counts": public_kind_counts(department),
        }
        cache.set(key, found, PAGE_CACHE_SECONDS)
    found = dict(found)
    found["page"] = Page(
        found.pop("rows"), found.pop("number"), Paginator(range(found["count"]), per_page)
    )
    return found


def item_get_public(code: str) -> CatalogueItem:
    item = (
        CatalogueItem.objects.findable()
        .select_related("department")
        .prefetch_related(
            Prefetch("materials", queryset=CatalogueMaterial.objects.order_by("order", "id"))
        )
        .filter(code=code)
        .first()
    )
    if item is None:
        raise Http404
    return item


def staff_items(
    user, *, status: str = "", department_id: int | None = None, query: str = ""
) -> QuerySet[CatalogueItem]:
    items = permissions.items_visible_to(user).select_related("department")
    if status:
        items = of_status(items, CatalogueItemRevision.objects, "item", status)
    if department_id:
        items = items.filter(department_id=department_id)
    if query:
        query = query.strip()[:50]
        items = items.filter(Q(code__iexact=query) | Q(name__icontains=query))
    return items.order_by("department__name", "code")


def mark_item_revisions(items) -> None:
    """A page of the staff list: each item with the status of its open revision, if any."""
    mark_revisions(items, CatalogueItemRevision.objects, "item")


def waiting_items(user) -> dict[str, int]:
    """The items (and revisions) in draft and waiting for review that the user may open."""
    return waiting_counts(permissions.items_visible_to(user), CatalogueItemRevision.objects, "item")


def item_get_for_staff(user, pk: int) -> CatalogueItem:
    """Fetch and authorise in one call: missing and forbidden both answer 404."""
    item = (
        permissions.items_visible_to(user)
        .select_related("department", "drafted_by", "submitted_by")
        .prefetch_related("materials")
        .filter(pk=pk)
        .first()
    )
    if item is None:
        raise Http404
    return item


def item_events(item: CatalogueItem) -> QuerySet[CatalogueEvent]:
    return item.events.select_related("actor").order_by("-created_at", "-id")


def export_items(items: QuerySet[CatalogueItem]) -> QuerySet[CatalogueItem]:
    return items.prefetch_related(
        Prefetch("materials", queryset=CatalogueMaterial.objects.order_by("order", "id"))
    )


# --- Versions and revisions: what changed ---------------------------------------------------------


def materials_text(materials: list[dict]) -> str:
    """A materials list as one line: names in order, optional ones marked."""
    optional = _("（选交）")
    return "、".join(
        m["name"] + ("" if m.get("is_required", True) else optional) for m in materials
    )


def item_revision_changes(item: CatalogueItem, revision: CatalogueItemRevision) -> list[dict]:
    """What the open revision changes in the live item, field by field (staff page)."""
    rows = field_changes(item, revision.applied_to(item), CatalogueItemRevision.FIELDS)
    live = [
        {"name": m.name, "is_required": m.is_required, "description": m.description}
        for m in item.materials.all()
    ]
    drafted = revision.content.get("materials", [])
    if live != drafted:
        rows.append(
            {"label": _("申请材料"), "old": materials_text(live), "new": materials_text(drafted)}
        )
    return rows


def _days(value) -> str:
    if value in (None, ""):
        return ""
    return ngettext("%(n)s 个工作日", "%(n)s 个工作日", int(value)) % {"n": value}


def _fee(snapshot: dict) -> str:
    fee = snapshot.get("fee") or "0"
    amount = _("不收费") if float(fee) == 0 else _("%(fee)s 元") % {"fee": fee}
    standard = snapshot.get("fee_standard") or ""
    return f"{amount} {standard}".strip()


# What the public version history compares, in the order it shows them: (label, text of a snapshot).
HISTORY_FIELDS = (
    (CatalogueItem._meta.get_field("legal_basis").verbose_name, lambda s: s.get("legal_basis", "")),
    (CatalogueItem._meta.get_field("conditions").verbose_name, lambda s: s.get("conditions", "")),
    (
        CatalogueItem._meta.get_field("time_limit_days").verbose_name,
        lambda s: _days(s.get("time_limit_days")),
    ),
    (
        CatalogueItem._meta.get_field("legal_limit_days").verbose_name,
        lambda s: _days(s.get("legal_limit_days")),
    ),
    (CatalogueItem._meta.get_field("fee").verbose_name, _fee),
    (CatalogueItem._meta.get_field("department").verbose_name, lambda s: s.get("department", "")),
    (CatalogueMaterial._meta.verbose_name, lambda s: materials_text(s.get("materials", []))),
)


def version_changes(old: dict, new: dict) -> list[dict]:
    """What a published version changed from the one before it (public version history)."""
    rows = []
    for label, text in HISTORY_FIELDS:
        before, after = text(old), text(new)
        if before != after:
            rows.append({"label": label, "old": before, "new": after})
    return rows


def item_version_history(item: CatalogueItem) -> list[dict]:
    """Every published version of the item, newest first, each with what it changed."""
    versions = list(CatalogueItemVersion.objects.filter(item=item).order_by("number"))
    history = []
    previous = None
    for version in versions:
        history.append(
            {
                "number": version.number,
                "published_at": version.published_at,
                "is_first": previous is None,
                "changes": version_changes(previous.snapshot, version.snapshot)
                if previous is not None
                else [],
            }
        )
        previous = version
    history.reverse()
    return history
