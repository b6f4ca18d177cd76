"""The moderation queue (公开审核): every pending item of every source, and the decision page."""

from django.contrib import messages as flash
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from petitions.forms import messages as message_forms
from petitions.models import ModerationItem
from petitions.permissions.moderation import can_moderate
from petitions.selectors import messages as message_selectors
from petitions.services import moderation
from portal.errors import DomainError
from portal.pagination import PageWithoutCount


def require_moderator(request) -> None:
    if not can_moderate(request.user):
        raise Http404


def with_sources(items) -> list:
    """Attach each item's source label and staff link for the page."""
    for item in items:
        source = moderation.source_of(item)
        item.source_label = source.label
        item.source_url = source.staff_url(item.source)
    return items


@login_required
def queue(request):
    require_moderator(request)
    page = PageWithoutCount.of(
        message_selectors.moderation_queue(request.user), request.GET.get("page")
    )
    page.object_list = with_sources(page.object_list)
    return render(request, "petitions/moderation/queue.html", {"page": page})


@login_required
def detail(request, pk: int):
    """Show the original beside the proposed redaction; pass (with edits) or reject with a reason."""
    require_moderator(request)
    item = message_selectors.moderation_get(request.user, pk)
    with_sources([item])
    pass_form = message_forms.ModerationPassForm(
        initial={
            "title": item.proposed_title,
            "text": item.proposed_text,
            "reply": item.proposed_reply,
        },
        prefix="pass",
    )
    reject_form = message_forms.ModerationRejectForm(prefix="reject")
    status = 200
    if request.method == "POST" and item.status == ModerationItem.Status.PENDING:
        decision = request.POST.get("decision")
        try:
            if decision == "pass":
                pass_form = message_forms.ModerationPassForm(request.POST, prefix="pass")
                if pass_form.is_valid():
                    moderation.moderation_pass(
                        item=item, actor=request.user, **pass_form.cleaned_data
                    )
                    flash.success(request, _("已审核通过并公开。"))
                    return redirect("petitions:moderation_queue")
            elif decision == "reject":
                reject_form = message_forms.ModerationRejectForm(request.POST, prefix="reject")
                if reject_form.is_valid():
                    moderation.moderation_reject(
                        item=item, actor=request.user, reason=reject_form.cleaned_data["reason"]
                    )
                    flash.success(request, _("已不予公开，理由已告知作者。"))
                    return redirect("petitions:moderation_queue")
        except DomainError as error:
            flash.error(request, error.message)
            return redirect("petitions:moderation_detail", pk=pk)
        status = 400
    return render(
        request,
        "petitions/moderation/detail.html",
        {"item": item, "pass_form": pass_form, "reject_form": reject_form},
        status=status,
    )
