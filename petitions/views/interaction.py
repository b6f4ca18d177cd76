"""政民互动数据: the public figures of messages per unit and month, with a chart and an export."""

from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from petitions.selectors import interaction as selectors
from portal.exports import table_response
from portal.query_params import choice_param, year_param


def figures(request):
    year = year_param(request.GET.get("year")) or timezone.localdate().year
    rows, total = selectors.interaction_figures(year=year)
    return render(
        request,
        "petitions/interaction/figures.html",
        {"rows": rows, "total": total, "year": year, "chart": selectors.chart_data(rows)},
    )


def figures_export(request):
    """The same table as CSV or XLSX (`?format=xlsx`)."""
    year = year_param(request.GET.get("year")) or timezone.localdate().year
    rows, total = selectors.interaction_figures(year=year)
    table = [
        [str(column) for column in selectors.COLUMNS],
        *(row.cells() for row in rows),
        total.cells(),
    ]
    return table_response(
        table,
        fmt=choice_param(request.GET.get("format"), ("csv", "xlsx"), default="csv"),
        filename=f"interaction-{year}",
        sheet_title=_("政民互动数据"),
    )
