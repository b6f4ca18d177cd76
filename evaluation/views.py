"""Pages of the efficiency rating: thin — fetch and authorise, validate, call a service."""

from datetime import date

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from evaluation import permissions, selectors
from evaluation.forms import ImportForm, PersonForm, VoteForm
from evaluation.models import BEIJING, RatedPerson, Vote, month_of
from evaluation.services import roster as roster_services
from evaluation.services import votes as vote_services
from portal.addresses import client_address
from portal.errors import DomainError
from portal.exports import table_response
from portal.models import Department
from portal.query_params import day_param, month_param, text_param, year_param
from portal.submissions import Submitted, submit_once


def _require(check, request):
    if not check(request.user):
        raise Http404


# --- Public -------------------------------------------------------------------------------------


def index(request):
    query = text_param(request.GET.get("q"), max_length=50)
    context = {"query": query, "units": selectors.units_with_people(query)}
    if query:
        context["people"] = selectors.people_list(query=query)[:100]
    return render(request, "evaluation/index.html", context)


def unit(request, code):
    department = get_object_or_404(Department, code=code)
    query = text_param(request.GET.get("q"), max_length=50)
    page = Paginator(selectors.people_list(department=department, query=query), 30).get_page(
        request.GET.get("page")
    )
    return render(
        request, "evaluation/unit.html", {"department": department, "page": page, "query": query}
    )


def person(request, pk):
    # No select_related: a vote needs only the person, and the join costs more than the one
    # lazy department query the page itself makes.
    person = get_object_or_404(RatedPerson, pk=pk, is_active=True)
    form = VoteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        voter = request.user if request.user.is_authenticated else None
        choice = dict(form.cleaned_data)
        token = choice.pop("submission_token")

        def create() -> Submitted:
            vote = vote_services.vote_cast(
                person=person,
                voter=voter,
                client_key=vote_services.client_key_for(client_address(request)),
                **choice,
            )
            return Submitted(subject=vote)

        try:
            submit_once(token=token, account=voter, create=create)
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("感谢您的评价！理由经审核后公开。"))
            return redirect(person)
    # Read only for the page: a vote that is stored redirects without it.
    current = None
    if request.user.is_authenticated:
        current = Vote.objects.filter(
            person=person, voter=request.user, month=month_of(timezone.now())
        ).first()
        if current and not request.POST:
            form = VoteForm(
                initial={
                    "attitude": current.attitude,
                    "efficiency": current.efficiency,
                    "style": current.style,
                    "reason": current.reason,
                }
            )
    can_vote = settings_allow_vote(request)
    return render(
        request,
        "evaluation/person.html",
        {
            "person": person,
            "form": form,
            "current": current,
            "can_vote": can_vote,
            "reasons": selectors.public_reasons(person),
        },
    )


def settings_allow_vote(request) -> bool:
    user = request.user
    if user.is_authenticated:
        return user.is_citizen
    return settings.EVALUATION_ANONYMOUS_VOTING


def photo(request, pk):
    person = get_object_or_404(RatedPerson, pk=pk, is_active=True)
    if not person.photo:
        raise Http404
    path = roster_services.photo_path(person.photo)
    if not path.is_file():
        raise Http404
    return FileResponse(path.open("rb"), content_type="image/jpeg")


# --- Staff: roster ------------------------------------------------------------------------------


@login_required
def staff_roster(request):
    _require(permissions.can_manage_roster, request)
    query = text_param(request.GET.get("q"), max_length=50)
    people = RatedPerson.objects.select_related("department")
    if query:
        people = people.filter(Q(name__icontains=query) | Q(department__name__icontains=query))
    page = Paginator(people, 50).get_page(request.GET.get("page"))
    return render(request, "evaluation/staff/roster.html", {"page": page, "query": query})


@login_required
def staff_person_edit(request, pk=None):
    _require(permissions.can_manage_roster, request)
    instance = get_object_or_404(RatedPerson, pk=pk) if pk else None
    form = PersonForm(request.POST or None, request.FILES or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        try:
            saved = roster_services.person_save(
                actor=request.user,
                person=form.save(commit=False),
                photo=form.cleaned_data.get("photo_upload"),
            )
        except DomainError as error:
            form.add_error("photo_upload", error.message)
        else:
            messages.success(request, _("已保存测评对象 %(name)s。") % {"name": saved.name})
            return redirect("evaluation:staff_roster")
    return render(request, "evaluation/staff/person_form.html", {"form": form, "person": instance})


@login_required
def staff_import(request):
    _require(permissions.can_manage_roster, request)
    form = ImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        try:
            report = roster_services.roster_import(
                actor=request.user, upload=form.cleaned_data["file"]
            )
        except DomainError as error:
            form.add_error("file", error.message)
        else:
            if not report.errors:
                messages.success(request, _("已导入 %(n)s 名测评对象。") % {"n": report.created})
                return redirect("evaluation:staff_roster")
    return render(request, "evaluation/staff/import.html", {"form": form, "report": report})


# --- Staff: moderation and daily review ---------------------------------------------------------


@login_required
def staff_moderation(request):
    _require(permissions.can_moderate_reasons, request)
    page = Paginator(selectors.moderation_queue(), 50).get_page(request.GET.get("page"))
    return render(request, "evaluation/staff/moderation.html", {"page": page})


@login_required
@require_POST
def staff_moderate(request, pk):
    _require(permissions.can_moderate_reasons, request)
    vote = get_object_or_404(Vote, pk=pk)
    try:
        vote_services.reason_moderate(
            vote=vote, actor=request.user, approve=request.POST.get("decision") == "approve"
        )
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("已审核。"))
    return redirect("evaluation:staff_moderation")


@login_required
def staff_review(request):
    _require(permissions.can_moderate_reasons, request)
    day = day_param(request.GET.get("day")) or timezone.now().astimezone(BEIJING).date()
    votes = selectors.daily_review(day)
    return render(
        request,
        "evaluation/staff/review.html",
        {
            "day": day,
            "votes": votes[:500],
            "summary": votes.aggregate(
                total=Count("id"), dissatisfied=Count("id", filter=Q(is_dissatisfied=True))
            ),
        },
    )


# --- Staff: warnings ----------------------------------------------------------------------------


@login_required
def staff_warnings(request):
    _require(permissions.can_view_warnings, request)
    open_only = request.GET.get("open") == "1"
    page = Paginator(selectors.warnings_list(open_only=open_only), 50).get_page(
        request.GET.get("page")
    )
    return render(request, "evaluation/staff/warnings.html", {"page": page, "open_only": open_only})


@login_required
def staff_warning(request, pk):
    _require(permissions.can_view_warnings, request)
    warning = get_object_or_404(selectors.warnings_list(), pk=pk)
    return render(request, "evaluation/staff/warning.html", {"warning": warning})


# --- Staff: statistics --------------------------------------------------------------------------


def _month_param(request) -> date:
    return month_param(request.GET.get("month")) or month_of(timezone.now())


@login_required
def staff_statistics(request):
    _require(permissions.can_view_statistics, request)
    month = _month_param(request)
    people = list(selectors.person_month_counts(month)[:200])
    units = list(selectors.unit_month_counts(month))
    return render(
        request,
        "evaluation/staff/statistics.html",
        {
            "month": month,
            "people": people,
            "units": units,
            "chart": {
                "labels": [row.name for row in units],
                "values": [row.dissatisfied for row in units],
            },
        },
    )


@login_required
def staff_export(request):
    _require(permissions.can_view_statistics, request)
    scope = request.GET.get("scope", "month")
    if scope == "year":
        year = year_param(request.GET.get("year")) or month_of(timezone.now()).year
        rows = selectors.person_year_counts(year)
        title = f"{year}"
    else:
        month = _month_param(request)
        rows = selectors.person_month_counts(month)
        title = f"{month:%Y-%m}"
    header = [_("单位"), _("姓名"), _("职务"), _("总票数"), _("不满意票")]
    data = [
        [row.department.name, row.name, row.position, row.total, row.dissatisfied] for row in rows
    ]
    return table_response(
        [header, *data],
        fmt="xlsx" if request.GET.get("format") == "xlsx" else "csv",
        filename=f"evaluation-{title}",
        sheet_title=title,
    )
