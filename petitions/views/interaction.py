"""政民互动: the page of every interaction channel, and the public figures of messages per unit and
month, with a chart and an export."""

from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from petitions.selectors import interaction as selectors
from petitions.selectors import interviews as interview_selectors
from portal.exports import table_response
from portal.query_params import choice_param, year_param

# The channels in the order the page lists them: (URL name, title, what it is for).
CHANNELS = (
    (
        "petitions:qa_list",
        gettext_lazy("网上留言"),
        gettext_lazy("向部门或县长信箱提问，答复公开后可查阅。"),
    ),
    (
        "petitions:consultations",
        gettext_lazy("意见征集"),
        gettext_lazy("对正在起草的政策发表意见，并查看采纳情况。"),
    ),
    (
        "petitions:suggestions",
        gettext_lazy("建言献策"),
        gettext_lazy("为县里的发展提出建议，查看是否采纳。"),
    ),
    (
        "petitions:surveys",
        gettext_lazy("在线调查"),
        gettext_lazy("参与政府部门发起的问卷调查，查看公开的结果。"),
    ),
    (
        "petitions:appraisal_rounds",
        gettext_lazy("民主评议"),
        gettext_lazy("无记名评议各部门的政风行风。"),
    ),
    (
        "petitions:interviews",
        gettext_lazy("在线访谈"),
        gettext_lazy("向做客访谈的领导提问，看直播和往期回顾。"),
    ),
    (
        "petitions:interaction_figures",
        gettext_lazy("政民互动数据"),
        gettext_lazy("各单位收到和答复留言的情况。"),
    ),
)


def index(request):
    channels = [
        {"url": reverse(name), "title": title, "text": text} for name, title, text in CHANNELS
    ]
    return render(request, "petitions/interaction/index.html", {"channels": channels})


def figures(request):
    year = year_param(request.GET.get("year")) or timezone.localdate().year
    rows, total, computed_at = selectors.figures_stored(year=year)
    return render(
        request,
        "petitions/interaction/figures.html",
        {
            "rows": rows,
            "total": total,
            "year": year,
            "computed_at": computed_at,
            "chart": selectors.chart_data(rows),
            "interviews_held": interview_selectors.held_per_year(),
        },
    )


def figures_export(request):
    """The same table as CSV or XLSX (`?format=xlsx`)."""
    year = year_param(request.GET.get("year")) or timezone.localdate().year
    rows, total, _computed_at = selectors.figures_stored(year=year)
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
