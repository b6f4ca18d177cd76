"""Pages of the catalogue of powers and services: public browsing and the staff workflow."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from disclosure.forms.catalogue import (
    CatalogueItemForm,
    ImportForm,
    MaterialFormSet,
    RevisionMaterialFormSet,
    materials_from,
)
from disclosure.models import CatalogueItem
from disclosure.permissions import catalogue as permissions
from disclosure.selectors import catalogue as selectors
from disclosure.services.catalogue import importing, table
from disclosure.services.catalogue.drafting import item_save_draft
from disclosure.services.catalogue.publishing import ITEM_PUBLICATION
from disclosure.views import publication
from portal.errors import DomainError
from portal.exports import table_response
from portal.models import Department
from portal.query_params import choice_param, id_param, text_param

PAGE_SIZE = 50

# --- Public ------------------------------------------------------------------------------------


def catalogue(request):
    """权责清单: browse by department and by kind."""
    kind = choice_param(request.GET.get("kind"), CatalogueItem.Kind.values)
    data = selectors.public_catalogue_page(
        department_code=text_param(request.GET.get("department"), max_length=64),
        kind=kind,
        number=request.GET.get("page"),
        per_page=PAGE_SIZE,
    )
    # Plain strings per row: a 50-row page renders a few variables per row, not a dozen.
    labels = {value: str(label) for value, label in CatalogueItem.Kind.choices}
    prefix, workdays, free, yuan = (
        reverse("disclosure:catalogue"),
        _("个工作日"),
        _("不收费"),
        _("元"),
    )
    data["page"].object_list = [
        {
            "url": f"{prefix}{row['code']}/",
            "code": row["code"],
            "name": row["name"],
            "kind_label": labels.get(row["kind"], ""),
            "department": row["department__name"],
            "meta": f"{labels.get(row['kind'], '')} · {row['department__name']}",
            "limit": f"{row['time_limit_days']} {workdays}",
            "fee": free if not row["fee"] else f"{row['fee']} {yuan}",
            "is_withdrawn": row["status"] == CatalogueItem.Status.WITHDRAWN,
        }
        for row in data["page"].object_list
    ]
    department = data["department"]
    return render(
        request,
        "disclosure/catalogue/index.html",
        {
            **data,
            "kind": kind,
            "kinds": [
                (value, label, data["kind_counts"].get(value, 0))
                for value, label in CatalogueItem.Kind.choices
            ],
            "query_string": urlencode(
                {
                    k: v
                    for k, v in {
                        "department": department["code"] if department else "",
                        "kind": kind,
                    }.items()
                    if v
                }
            ),
        },
    )


def catalogue_item(request, code):
    item = selectors.item_get_public(code)
    return render(request, "disclosure/catalogue/item.html", {"item": item})


def catalogue_item_history(request, code):
    """版本记录: every published version of an item and what each changed."""
    item = selectors.item_get_public(code)
    return render(
        request,
        "disclosure/catalogue/history.html",
        {"item": item, "history": selectors.item_version_history(item)},
    )


# --- Staff -------------------------------------------------------------------------------------


def _require_staff(request) -> None:
    if not permissions.can_use_staff_catalogue(request.user):
        raise Http404


def _staff_filters(request) -> dict:
    status = choice_param(request.GET.get("status"), CatalogueItem.Status.values)
    return {
        "status": status,
        "department_id": id_param(request.GET.get("department")),
        "query": text_param(request.GET.get("q"), max_length=50),
    }


@login_required
def staff_list(request):
    _require_staff(request)
    filters = _staff_filters(request)
    items = selectors.staff_items(request.user, **filters)
    page = Paginator(items, PAGE_SIZE).get_page(request.GET.get("page"))
    selectors.mark_item_revisions(page.object_list)
    query_string = urlencode(
        {
            k: v
            for k, v in {
                "status": filters["status"],
                "department": filters["department_id"] or "",
                "q": filters["query"],
            }.items()
            if v
        }
    )
    return render(
        request,
        "disclosure/catalogue/staff/list.html",
        {
            "page": page,
            **filters,
            "statuses": CatalogueItem.Status.choices,
            "departments": Department.objects.exclude(kind=Department.Kind.VILLAGE).order_by(
                "kind", "name"
            )
            if permissions.is_catalogue_admin(request.user)
            else [],
            "query_string": query_string,
            "can_import": permissions.can_import(request.user),
        },
    )


def _edit(request, item: CatalogueItem | None, revision=None):
    if revision is not None:
        # A revision is edited on the item as it would publish it; the live item stays as is.
        instance = revision.applied_to(item)
        formset = RevisionMaterialFormSet(
            request.POST or None, initial=revision.content.get("materials", []), prefix="materials"
        )
    else:
        instance = item or CatalogueItem()
        formset = MaterialFormSet(request.POST or None, instance=instance, prefix="materials")
    form = CatalogueItemForm(request.POST or None, instance=instance, user=request.user)
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        materials = materials_from(formset)
        if not materials:
            form.add_error(None, _("请至少列出一项申请材料。"))
        else:
            try:
                saved = item_save_draft(actor=request.user, item=form.instance, materials=materials)
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("草稿已保存。"))
                return redirect("disclosure:staff_catalogue_detail", saved.pk)
    return render(
        request,
        "disclosure/catalogue/staff/form.html",
        {"form": form, "formset": formset, "item": item, "revision": revision},
    )


@login_required
def staff_new(request):
    _require_staff(request)
    return _edit(request, None)


@login_required
def staff_edit(request, pk):
    item = selectors.item_get_for_staff(request.user, pk)
    refusal = publication.edit_refusal(request.user, item, ITEM_PUBLICATION)
    if refusal:
        messages.error(request, refusal)
        return redirect("disclosure:staff_catalogue_detail", item.pk)
    return _edit(request, item, ITEM_PUBLICATION.subject(item)[1])


@login_required
def staff_detail(request, pk):
    item = selectors.item_get_for_staff(request.user, pk)
    moves = publication.offered_moves(request.user, item, ITEM_PUBLICATION)
    revision = moves["revision"]
    return render(
        request,
        "disclosure/catalogue/staff/detail.html",
        {
            "item": item,
            "events": selectors.item_events(item)[:50],
            "versions": item.versions.select_related("published_by")[:20],
            "changes": selectors.item_revision_changes(item, revision) if revision else [],
            **moves,
        },
    )


@login_required
@require_POST
def staff_act(request, pk, action):
    item = selectors.item_get_for_staff(request.user, pk)
    publication.make_move(
        request,
        item,
        ITEM_PUBLICATION,
        action,
        withdrawn=_("已撤回，事项仍可查询并标明已撤回。"),
    )
    return redirect("disclosure:staff_catalogue_detail", item.pk)


@login_required
def staff_import(request):
    if not permissions.can_import(request.user):
        raise Http404
    form = ImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        try:
            report = importing.catalogue_import(
                actor=request.user, upload=form.cleaned_data["file"]
            )
        except DomainError as error:
            form.add_error("file", error.message)
        else:
            if not report.errors:
                messages.success(
                    request,
                    _("导入完成：新建草稿 %(created)s 项，更新草稿 %(updated)s 项。")
                    % {"created": report.created, "updated": report.updated},
                )
                return redirect("disclosure:staff_catalogue")
    return render(
        request,
        "disclosure/catalogue/staff/import.html",
        {
            "form": form,
            "report": report,
            "columns": [label for _c, label in table.COLUMNS],
            "separator": table.MATERIAL_SEPARATOR,
            "optional_mark": table.OPTIONAL_MARK,
        },
    )


@login_required
def staff_export(request, fmt):
    _require_staff(request)
    items = selectors.export_items(selectors.staff_items(request.user, **_staff_filters(request)))
    stamp = timezone.localdate().strftime("%Y%m%d")
    # Text cells throughout: codes and amounts come back as they went out.
    return table_response(
        table.export_rows(items),
        fmt=fmt,
        filename=f"catalogue-{stamp}",
        sheet_title=_("行政职权目录"),
        as_text=True,
    )
