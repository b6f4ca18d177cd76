"""民主评议: the rounds, the questionnaire, the results, and the discipline office's side."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from petitions.forms.appraisal import AppraisalForm, RoundForm
from petitions.models.appraisal import Dimension
from petitions.permissions.appraisal import can_manage_appraisal, can_vote_in_appraisal
from petitions.selectors import appraisal as selectors
from petitions.services import appraisal as services
from petitions.transitions.appraisal import APPRAISAL_MOVES
from portal import write_limits
from portal.errors import DomainError
from portal.submissions import Submitted, submit_once

MOVES = {
    "open": services.appraisal_round_open,
    "close": services.appraisal_round_close,
    "publish": services.appraisal_round_publish,
}


def rounds(request):
    return render(
        request,
        "petitions/appraisal/list.html",
        {
            "rounds": selectors.public_list(request.user),
            "answered": selectors.answered_round_ids(request.user),
            "may_manage": can_manage_appraisal(request.user),
        },
    )


@login_required
def answer(request, pk: int):
    """The questionnaire: signed-in citizens and enterprises, once per round."""
    appraisal_round = selectors.open_get(pk)
    if not can_vote_in_appraisal(request.user):
        raise Http404
    if pk in selectors.answered_round_ids(request.user):
        return render(
            request, "petitions/appraisal/answered.html", {"round": appraisal_round}, status=200
        )
    departments = appraisal_round.departments.order_by("name")
    form = AppraisalForm(request.POST or None, departments=departments)
    status = 200
    if request.method == "POST":
        if form.is_valid():

            def create() -> Submitted:
                write_limits.account_write_check(
                    request.user,
                    scope="petitions:appraise",
                    per_hour=settings.PETITIONS_PARTICIPATION_WRITES_PER_HOUR,
                )
                participation = services.appraisal_submit(
                    actor=request.user, appraisal_round=appraisal_round, grades=form.grades()
                )
                # The receipt is the participation: the ballot is never tied to the account.
                return Submitted(subject=participation)

            try:
                submit_once(
                    token=form.cleaned_data["submission_token"],
                    account=request.user,
                    create=create,
                )
            except DomainError as error:
                if error.code == services.ALREADY_ANSWERED:
                    messages.info(request, error.message)
                    return redirect("petitions:appraisal_answer", pk=pk)
                form.add_error(None, error.message)
                status = 429 if error.code == write_limits.RATE_LIMITED else 400
            else:
                messages.success(request, _("感谢您参加评议，您的评价已无记名保存。"))
                return redirect("petitions:appraisal_answer", pk=pk)
        else:
            form.add_error(None, _("请对每个单位的每项内容作出评价。"))
            status = 400
    return render(
        request,
        "petitions/appraisal/answer.html",
        {"round": appraisal_round, "form": form},
        status=status,
    )


def results(request, pk: int):
    """The scores, ranking and trend: public once published; overseers see them before."""
    appraisal_round = selectors.results_get(request.user, pk)
    outcome = selectors.round_results(appraisal_round)
    names = [_("本轮综合得分"), _("上轮综合得分"), _("预警分数")]
    return render(
        request,
        "petitions/appraisal/results.html",
        {
            "round": appraisal_round,
            "results": outcome,
            "dimensions": Dimension.choices,
            "weighting": selectors.weighting(),
            "chart": selectors.chart_data(outcome, names),
        },
    )


# --- Discipline office ---------------------------------------------------------------------------


@login_required
def staff_list(request):
    rounds_of_staff = selectors.staff_list(request.user)
    form = RoundForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.appraisal_round_create(actor=request.user, draft=services.RoundDraft(**data))
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("评议已创建，请在开始时间前开始评议。"))
            return redirect("petitions:appraisal_staff_list")
    if request.method == "POST":
        status = 400
    return render(
        request,
        "petitions/appraisal/staff_list.html",
        {
            "rounds": [
                (appraisal_round, _moves_of(appraisal_round)) for appraisal_round in rounds_of_staff
            ],
            "form": form,
        },
        status=status,
    )


def _moves_of(appraisal_round) -> list[str]:
    return [move for move in MOVES if APPRAISAL_MOVES.allowed(appraisal_round, move)]


@login_required
@require_POST
def staff_move(request, pk: int, move: str):
    appraisal_round = selectors.staff_get(request.user, pk)
    if move not in MOVES:
        raise Http404
    try:
        MOVES[move](actor=request.user, appraisal_round=appraisal_round)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("已更新评议状态。"))
    return redirect("petitions:appraisal_staff_list")
