"""Supervision pages for discipline inspectors, leaders and department heads (staff only)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from portal.errors import DomainError
from portal.query_params import choice_param
from supervision import permissions
from supervision.forms import AlertCloseForm, FilterForm, NoticeReplyForm
from supervision.models import OPEN_NOTICE_STATUSES, OPEN_STATES, Alert, Brief, Clock
from supervision.selectors import brief as brief_selectors
from supervision.selectors import dashboard as dashboard_selectors
from supervision.services import alerts as alert_services
from supervision.services import documents
from supervision.services import notices as notice_services


def _require_dashboard(user) -> None:
    # The same answer as for a missing page: staff pages do not reveal themselves.
    if not permissions.can_view_dashboard(user):
        raise Http404


def _filters(request) -> tuple[FilterForm, dashboard_selectors.Filters]:
    form = FilterForm(
        request.GET or None,
        departments=dashboard_selectors.departments_for(request.user),
        kinds=dashboard_selectors.clock_kinds(),
    )
    if form.is_valid():
        data = form.cleaned_data
        return form, dashboard_selectors.Filters(
            department=data["department"],
            kind=data["kind"],
            since=data["since"],
            until=data["until"],
        )
    return form, dashboard_selectors.Filters()


@login_required
def dashboard(request):
    """电子监察: open work by light and department, notices, alerts, trends, rankings."""
    _require_dashboard(request.user)
    form, filters = _filters(request)
    context = {
        "form": form,
        "filters": filters,
        "sees_everything": permissions.sees_everything(request.user),
        **dashboard_selectors.dashboard_figures(request.user, filters),
    }
    return render(request, "supervision/dashboard.html", context)


@login_required
def clock_list(request):
    """The drill-down list: open clocks of a light and department, linking to their subjects."""
    _require_dashboard(request.user)
    form, filters = _filters(request)
    clocks = dashboard_selectors.clocks_for(request.user, filters).filter(state__in=OPEN_STATES)
    light = choice_param(request.GET.get("light"), [*Clock.Light.values, "paused"])
    if light in Clock.Light.values:
        clocks = clocks.filter(light=light, state=Clock.State.RUNNING)
    elif light == "paused":
        clocks = clocks.filter(state=Clock.State.PAUSED)
    clocks = (
        clocks.select_related("department", "responsible")
        .prefetch_related("notices")
        .order_by("due_at")
    )
    page = Paginator(clocks, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "supervision/clock_list.html",
        {"form": form, "page": page, "light": light, "query_string": query.urlencode()},
    )


@login_required
def notice_list(request):
    _require_dashboard(request.user)
    notices = permissions.notices_visible_to(request.user).select_related("clock", "department")
    status = choice_param(request.GET.get("status"), ["unanswered"])
    if status == "unanswered":
        notices = notices.filter(status__in=OPEN_NOTICE_STATUSES).exclude(level="second_grade")
    page = Paginator(notices.order_by("-issued_at", "-id"), 50).get_page(request.GET.get("page"))
    return render(request, "supervision/notice_list.html", {"page": page, "status": status})


def _visible_notice(request, pk: int):
    _require_dashboard(request.user)
    return get_object_or_404(
        permissions.notices_visible_to(request.user).select_related("clock", "department"), pk=pk
    )


@login_required
def notice_detail(request, pk: int):
    """A notice as a document: printable; the department head signs for it and replies."""
    notice = _visible_notice(request, pk)
    can_answer = permissions.can_answer_notice(request.user, notice)
    form = NoticeReplyForm(request.POST or None)
    if request.method == "POST":
        if not can_answer:
            raise Http404
        try:
            if request.POST.get("action") == "acknowledge":
                notice_services.notice_acknowledge(notice=notice, actor=request.user)
                messages.success(request, _("已签收。"))
                return redirect("supervision:notice", pk=notice.pk)
            if form.is_valid():
                notice_services.notice_reply(
                    notice=notice, actor=request.user, reply=form.cleaned_data["reply"]
                )
                messages.success(request, _("整改情况已反馈。"))
                return redirect("supervision:notice", pk=notice.pk)
        except DomainError as error:
            messages.error(request, error.message)
            return redirect("supervision:notice", pk=notice.pk)
    return render(
        request,
        "supervision/notice_detail.html",
        {"notice": notice, "form": form, "can_answer": can_answer},
    )


@login_required
def notice_pdf(request, pk: int):
    notice = _visible_notice(request, pk)
    response = HttpResponse(documents.notice_pdf(notice), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="notice-{notice.pk}.pdf"'
    return response


@login_required
def alert_list(request):
    _require_dashboard(request.user)
    alerts = permissions.alerts_visible_to(request.user).select_related("department")
    # "all" is no filter; anything else unknown shows the open ones, as the page does first.
    status = choice_param(request.GET.get("status"), [*Alert.Status.values, "all"], default="open")
    if status == "open":
        alerts = alerts.exclude(status=Alert.Status.CLOSED)
    elif status in Alert.Status.values:
        alerts = alerts.filter(status=status)
    kind = choice_param(request.GET.get("kind"), Alert.Kind.values)
    if kind:
        alerts = alerts.filter(kind=kind)
    page = Paginator(alerts.order_by("-raised_at", "-id"), 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "supervision/alert_list.html",
        {
            "page": page,
            "status": status,
            "kind": kind,
            "kinds": Alert.Kind.choices,
            "query_string": query.urlencode(),
        },
    )


@login_required
def alert_detail(request, pk: int):
    """An alert; the discipline office acknowledges it and closes it with the action taken."""
    _require_dashboard(request.user)
    alert = get_object_or_404(
        permissions.alerts_visible_to(request.user).select_related("department"), pk=pk
    )
    can_handle = permissions.can_handle_alert(request.user)
    form = AlertCloseForm(request.POST or None)
    if request.method == "POST":
        if not can_handle:
            raise Http404
        try:
            if request.POST.get("action_type") == "acknowledge":
                alert_services.alert_acknowledge(alert=alert, actor=request.user)
                messages.success(request, _("已知悉。"))
                return redirect("supervision:alert", pk=alert.pk)
            if form.is_valid():
                alert_services.alert_close(
                    alert=alert,
                    actor=request.user,
                    action=form.cleaned_data["action"],
                    note=form.cleaned_data["note"],
                )
                messages.success(request, _("预警已处置。"))
                return redirect("supervision:alert", pk=alert.pk)
        except DomainError as error:
            messages.error(request, error.message)
            return redirect("supervision:alert", pk=alert.pk)
    return render(
        request,
        "supervision/alert_detail.html",
        {
            "alert": alert,
            "form": form,
            "can_handle": can_handle,
            "history": alert.history.select_related("history_user"),
        },
    )


def _require_brief(user) -> None:
    if not permissions.sees_everything(user):
        raise Http404


@login_required
def brief(request):
    """领导参阅: the stored monthly briefs, newest first, for leaders and the discipline office."""
    _require_brief(request.user)
    page = Paginator(Brief.objects.only("month", "generated_at"), 24).get_page(
        request.GET.get("page")
    )
    return render(request, "supervision/brief_list.html", {"page": page})


@login_required
def brief_detail(request, pk: int):
    """One month's brief, every pillar's section labelled in the reader's language; printable."""
    _require_brief(request.user)
    stored = get_object_or_404(Brief, pk=pk)
    return render(
        request,
        "supervision/brief.html",
        {"brief": stored, "sections": brief_selectors.brief_sections(stored)},
    )


@login_required
def brief_pdf(request, pk: int):
    _require_brief(request.user)
    stored = get_object_or_404(Brief, pk=pk)
    response = HttpResponse(
        documents.brief_pdf(stored, brief_selectors.brief_sections(stored)),
        content_type="application/pdf",
    )
    response["Content-Disposition"] = (
        f'attachment; filename="leader-brief-{stored.month:%Y-%m}.pdf"'
    )
    return response
