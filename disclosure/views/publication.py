"""The staff side of the publication workflow, shared by catalogue items and articles.

The staff detail page of either shows the moves the user may make now (`offered_moves`), the edit
page is refused the same way (`edit_refusal`), and a posted move runs through `make_move`. The
draft moves are offered on the record's subject: its open revision if it has one.
"""

from django.contrib import messages
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from disclosure.services.publication import Publication
from portal.errors import DomainError

# What the staff are told after a move; a withdrawal says what it means for the public, which
# differs by area (`make_move(..., withdrawn=...)`).
DONE = {
    "submit": _("已提交审核。"),
    "return": _("已退回修改。"),
    "publish": _("已发布。"),
    "revise": _("已生成修订稿，公开页面仍显示当前版本，修订稿发布后替换。"),
    "discard": _("已放弃修订稿，公开页面保持当前版本。"),
}


def offered_moves(user, record, publication: Publication) -> dict[str, bool]:
    """Which buttons the staff detail page shows: the moves the status and the user allow."""
    moves = publication.moves
    may_edit = publication.may_edit(user, record)
    subject, revision = publication.subject(record)
    return {
        "revision": revision,
        "can_edit": moves.allowed(subject, "edit") and may_edit,
        "can_submit": moves.allowed(subject, "submit") and may_edit,
        "can_review": moves.allowed(subject, "publish") and publication.may_review(user, subject),
        "is_own_submission": moves.allowed(subject, "publish")
        and subject.submitted_by_id == user.pk,
        "can_withdraw": moves.allowed(record, "withdraw")
        and publication.may_withdraw(user, record),
        "can_revise": moves.allowed(record, "revise") and revision is None and may_edit,
        "can_discard": revision is not None and may_edit,
    }


def edit_refusal(user, record, publication: Publication) -> str | None:
    """Why the user may not open the record's edit page now, or None when they may."""
    subject, _revision = publication.subject(record)
    if publication.moves.allowed(subject, "edit") and publication.may_edit(user, record):
        return None
    return publication.moves.refusals["edit"]


def make_move(request, record, publication: Publication, move: str, *, withdrawn: str) -> None:
    """Make the posted move on the record and flash the outcome; an unknown move is a 404."""
    if move not in DONE and move != "withdraw":
        raise Http404
    try:
        publication.make(
            move, actor=request.user, record=record, note=request.POST.get("note", "")[:2000]
        )
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, withdrawn if move == "withdraw" else DONE[move])
