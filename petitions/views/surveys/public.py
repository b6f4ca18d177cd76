"""在线调查, the public side: the list, the questionnaire and its answer, the public results."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from petitions.forms.surveys import AnswerForm
from petitions.models import Survey
from petitions.permissions.surveys import public_results_shown
from petitions.selectors import surveys as selectors
from petitions.services.surveys import answering
from portal import write_limits
from portal.addresses import client_address
from portal.errors import DomainError
from portal.models import User
from portal.submissions import Submitted, new_token, submit_once

# The device cookie of anonymous surveys: a random token, with the address the one respondent.
DEVICE_COOKIE = "survey_device"
DEVICE_COOKIE_AGE = 365 * 24 * 3600


def survey_list(request):
    page = Paginator(selectors.public_list(), 20).get_page(request.GET.get("page"))
    return render(request, "petitions/surveys/list.html", {"page": page, "now": timezone.now()})


def _device(request) -> tuple[str, bool]:
    """Return the device token and whether it is new (to be set on the response)."""
    token = request.COOKIES.get(DEVICE_COOKIE, "")
    if 22 <= len(token) <= 64 and token.replace("-", "").replace("_", "").isalnum():
        return token, False
    return new_token(), True


def _remember_device(response, token: str):
    response.set_cookie(
        DEVICE_COOKIE,
        token,
        max_age=DEVICE_COOKIE_AGE,
        httponly=True,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
    )
    return response


def _context(request, survey: Survey, *, device: str, form=None) -> dict:
    """What the questionnaire page shows: the form, or why there is none."""
    sections = selectors.structure(survey)
    anon_key = answering.anonymous_key(
        survey=survey, device=device, address=client_address(request)
    )
    answered = answering.has_answered(survey=survey, user=request.user, anon_key=anon_key)
    is_staff = request.user.is_authenticated and request.user.kind == User.Kind.STAFF
    needs_login = not survey.anonymous and not request.user.is_authenticated
    may_answer = survey.is_open() and not answered and not needs_login and not is_staff
    if may_answer and form is None:
        form = AnswerForm(sections=sections)
    return {
        "survey": survey,
        "form": form if may_answer else None,
        "sections": form.sectioned(sections) if may_answer else [],
        "answered": answered,
        "needs_login": needs_login and survey.is_open(),
        "is_staff": is_staff,
        "is_open": survey.is_open(),
        "results_shown": public_results_shown(survey),
    }


def survey_detail(request, pk: int):
    survey = selectors.public_get(pk)
    device, new = _device(request)
    response = render(
        request, "petitions/surveys/detail.html", _context(request, survey, device=device)
    )
    return _remember_device(response, device) if new and survey.anonymous else response


@require_POST
def survey_answer(request, pk: int):
    survey = selectors.public_get(pk)
    if not survey.anonymous and not request.user.is_authenticated:
        return redirect_to_login(survey.get_absolute_url())
    device, new = _device(request)
    anon_key = ""
    if survey.anonymous:
        anon_key = answering.anonymous_key(
            survey=survey, device=device, address=client_address(request)
        )
    form = AnswerForm(request.POST, sections=selectors.structure(survey))
    status = 400
    if form.is_valid():
        actor = request.user if request.user.is_authenticated else None

        def create() -> Submitted:
            if survey.anonymous:
                write_limits.anonymous_write_check(
                    request,
                    scope="petitions:survey",
                    per_hour=settings.PETITIONS_SURVEY_ANSWERS_PER_HOUR,
                )
            response = answering.survey_answer(
                actor=actor, survey=survey, answers=form.answers(), anon_key=anon_key
            )
            return Submitted(subject=response)

        try:
            submit_once(
                token=form.cleaned_data["submission_token"],
                account=None if survey.anonymous else actor,
                create=create,
            )
        except DomainError as error:
            if error.code == answering.ALREADY_CODE:
                messages.info(request, error.message)
                return _remember_device(redirect(survey), device) if new else redirect(survey)
            form.add_error(None, error.message)
            if error.code == write_limits.RATE_LIMITED:
                status = 429
        else:
            messages.success(request, _("提交成功，感谢您参加本次调查。"))
            return _remember_device(redirect(survey), device) if new else redirect(survey)
    context = _context(request, survey, device=device, form=form)
    response = render(request, "petitions/surveys/detail.html", context, status=status)
    return _remember_device(response, device) if new and survey.anonymous else response


def survey_results(request, pk: int):
    survey = selectors.public_get(pk)
    if not public_results_shown(survey):
        raise Http404
    results = selectors.results(survey, public=True)
    return render(
        request,
        "petitions/surveys/results.html",
        {"survey": survey, "results": results, "charts": results.charts(), "staff": False},
    )
