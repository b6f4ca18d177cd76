"""好差评 pages: the applicant rates a finished case; the handling unit answers the rectification
ticket of a bad rating; its head may appeal; a discipline inspector decides the appeal."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from approvals.forms.ratings import AppealDecisionForm, AppealForm, RatingForm, TicketAnswerForm
from approvals.models import RatingAppeal, RatingEvent, RectificationTicket
from approvals.permissions import ratings as ratings_permissions
from approvals.selectors import applying as applying_selectors
from approvals.selectors import ratings as ratings_selectors
from approvals.services import ratings as ratings_services
from approvals.views.following import case_context
from portal.errors import DomainError
from portal.query_params import choice_param
from portal.submissions import Submitted, submit_once


@login_required
@require_POST
def rate(request, pk: int):
    """The applicant or the agent rates a finished case once."""
    access = applying_selectors.case_get_for_citizen(request, pk)
    if not access.is_follower:
        raise Http404
    form = RatingForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data

        def create() -> Submitted:
            rating = ratings_services.rating_submit(
                actor=request.user, case=access.case, level=data["level"], comment=data["comment"]
            )
            return Submitted(subject=rating)

        try:
            rating = submit_once(
                token=data["submission_token"], account=request.user, create=create
            ).subject
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            if rating.is_bad:
                messages.info(
                    request,
                    _("感谢您的评价。承办单位将回访并反馈整改情况，进展会在本页显示。"),
                )
            else:
                messages.success(request, _("感谢您的评价。"))
            return redirect("approvals:case", pk=access.case.pk)
    return render(
        request, "approvals/case.html", case_context(access, rating_form=form), status=400
    )


# --- The unit's side ------------------------------------------------------------------------------


def _ticket_for(user, pk: int) -> RectificationTicket:
    """Fetch and authorise in one call: a ticket outside the user's view answers 404."""
    ticket = (
        ratings_selectors.ticket_list(ratings_permissions.tickets_visible_to(user))
        .select_related("rating__rated_by", "answered_by", "rating__appeal__filed_by")
        .filter(pk=pk)
        .first()
    )
    if ticket is None:
        raise Http404
    return ticket


@login_required
def tickets(request):
    """整改工单: the unit's tickets (every ticket for leaders and inspectors)."""
    visible = ratings_permissions.tickets_visible_to(request.user)
    if not ratings_permissions.is_overseer(request.user) and request.user.department_id is None:
        raise Http404
    status = choice_param(request.GET.get("status"), RectificationTicket.Status.values)
    page = Paginator(ratings_selectors.ticket_list(visible, status=status), 20).get_page(
        request.GET.get("page")
    )
    pending_appeals = (
        RatingAppeal.objects.filter(status=RatingAppeal.Status.PENDING).count()
        if ratings_permissions.can_decide_appeal(request.user)
        else None
    )
    context = {
        "page": page,
        "status": status,
        "statuses": RectificationTicket.Status.choices,
        "pending_appeals": pending_appeals,
        "query_string": f"status={status}" if status else "",
    }
    return render(request, "approvals/ratings/tickets.html", context)


def _ticket_context(user, ticket: RectificationTicket, **forms) -> dict:
    rating = ticket.rating
    appeal = getattr(rating, "appeal", None)
    return {
        "ticket": ticket,
        "rating": rating,
        "case": rating.case,
        "appeal": appeal,
        "events": [
            (event, RatingEvent.Code(event.code).label)
            for event in rating.events.select_related("actor").order_by("created_at", "id")
        ],
        "answer_form": forms.get("answer_form")
        or (
            TicketAnswerForm(initial={"visited_at": timezone.localtime()})
            if ratings_permissions.can_answer_ticket(user, ticket)
            else None
        ),
        "appeal_form": forms.get("appeal_form")
        or (AppealForm() if ratings_permissions.can_appeal(user, rating) else None),
        "decision_form": forms.get("decision_form")
        or (
            AppealDecisionForm()
            if appeal is not None
            and appeal.status == RatingAppeal.Status.PENDING
            and ratings_permissions.can_decide_appeal(user)
            else None
        ),
    }


@login_required
def ticket_detail(request, pk: int):
    ticket = _ticket_for(request.user, pk)
    return render(request, "approvals/ratings/ticket.html", _ticket_context(request.user, ticket))


def _ticket_post(request, pk: int, form_class, form_key: str, act, done: str):
    """Validate the form, call the service, and come back to the ticket page."""
    ticket = _ticket_for(request.user, pk)
    form = form_class(request.POST)
    if form.is_valid():
        try:
            act(ticket, form.cleaned_data)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, done)
            return redirect("approvals:staff_rectification", pk=ticket.pk)
    context = _ticket_context(request.user, ticket, **{form_key: form})
    return render(request, "approvals/ratings/ticket.html", context, status=400)


@login_required
@require_POST
def ticket_answer(request, pk: int):
    """回访 and 整改反馈: the unit records the return visit and its fix or explanation."""

    def act(ticket, data):
        ratings_services.ticket_answer(actor=request.user, ticket=ticket, **data)

    return _ticket_post(
        request, pk, TicketAnswerForm, "answer_form", act, _("整改反馈已提交，评价人将收到通知。")
    )


@login_required
@require_POST
def appeal_file(request, pk: int):
    """The unit's head appeals a mistaken or malicious rating."""

    def act(ticket, data):
        ratings_services.appeal_file(actor=request.user, rating=ticket.rating, **data)

    return _ticket_post(
        request, pk, AppealForm, "appeal_form", act, _("申诉已提交，由纪委/效能办审核。")
    )


@login_required
@require_POST
def appeal_decide(request, pk: int):
    """A discipline inspector (or admin) decides the appeal."""

    def act(ticket, data):
        # `_ticket_for` already joined the appeal.
        appeal = getattr(ticket.rating, "appeal", None)
        if appeal is None:
            raise DomainError(_("该评价没有待审核的申诉。"))
        ratings_services.appeal_decide(actor=request.user, appeal=appeal, **data)

    return _ticket_post(
        request, pk, AppealDecisionForm, "decision_form", act, _("审核意见已保存。")
    )
