"""Suggestions (建言献策): a citizen proposes, the department answers, a moderator makes it public."""

from datetime import datetime

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from petitions.models import ModerationItem, Suggestion, SuggestionEvent
from petitions.permissions.suggestions import can_answer_suggestion
from petitions.services import moderation
from petitions.services.interaction_search import index_suggestion
from petitions.transitions.suggestions import SUGGESTION_MOVES, SUGGESTION_TARGETS
from portal.errors import DomainError
from portal.locking import lock
from portal.models import Department, User
from portal.notifications import notify
from portal.texts import coded, plain, source_text


def suggestion_submit(
    *, actor: User, department: Department | None, title: str, content: str
) -> Suggestion:
    """Record a signed-in citizen's suggestion to a department (or, with None, to the county)."""
    if not (actor and actor.is_authenticated and actor.kind != User.Kind.STAFF):
        raise DomainError(_("请以个人或企业账号登录后提出建议。"))
    with transaction.atomic():
        suggestion = Suggestion.objects.create(
            author=actor, department=department, title=title.strip(), content=content.strip()
        )
        SuggestionEvent.record(suggestion, SuggestionEvent.Code.SUBMITTED, actor=actor)
        # Nothing is public before a moderator passes it (the one queue of every source).
        moderation.moderation_submit(
            source=suggestion,
            field="suggestion",
            department=department,
            title=suggestion.title,
            text=suggestion.content,
            personal=personal_data(actor),
        )
    return suggestion


def suggestion_answer(
    *,
    actor: User,
    suggestion: Suggestion,
    move: str,
    reply: str,
    action_taken: str = "",
    at: datetime | None = None,
) -> Suggestion:
    """Mark a suggestion 研究中, 已采纳 or 未采纳 with a reply to the author."""
    if move not in SUGGESTION_TARGETS:
        raise DomainError(_("请选择答复结果。"))
    if not can_answer_suggestion(actor, suggestion):
        raise DomainError(_("您不能答复这条建议。"))
    if not reply.strip():
        raise DomainError(_("请填写答复内容。"))
    at = at or timezone.now()
    with transaction.atomic():
        suggestion = lock(suggestion)
        SUGGESTION_MOVES.check(suggestion, move)
        suggestion.status = SUGGESTION_TARGETS[move]
        suggestion.reply = reply.strip()
        if move == "adopt":
            suggestion.action_taken = action_taken.strip()
        suggestion.answered_at = at
        suggestion.save(update_fields=["status", "reply", "action_taken", "answered_at"])
        SuggestionEvent.record(suggestion, move_code(move), actor=actor, at=at, note=reply.strip())
        # A public suggestion's reply is on its page, so in the search too.
        index_suggestion(suggestion)
        notify(
            [suggestion.author],
            subject=coded(
                "petitions.suggestion_answered",
                title=suggestion.title,
                status=source_text(Suggestion.Status(suggestion.status).label),
            ),
            body=plain(suggestion.reply),
            url=reverse("petitions:suggestion_mine"),
            sms=False,
        )
    return suggestion


def move_code(move: str) -> str:
    return {
        "study": SuggestionEvent.Code.STUDYING,
        "adopt": SuggestionEvent.Code.ADOPTED,
        "decline": SuggestionEvent.Code.NOT_ADOPTED,
    }[move]


def suggestion_report_action(
    *, actor: User, suggestion: Suggestion, action_taken: str
) -> Suggestion:
    """Update what was done with an adopted suggestion (shown with it in public)."""
    if not can_answer_suggestion(actor, suggestion):
        raise DomainError(_("您不能答复这条建议。"))
    if not action_taken.strip():
        raise DomainError(_("请填写落实情况。"))
    with transaction.atomic():
        suggestion = lock(suggestion)
        SUGGESTION_MOVES.check(suggestion, "report_action")
        suggestion.action_taken = action_taken.strip()
        suggestion.save(update_fields=["action_taken"])
        SuggestionEvent.record(
            suggestion, SuggestionEvent.Code.ACTION, actor=actor, note=suggestion.action_taken
        )
        index_suggestion(suggestion)
    return suggestion


# --- Moderation: the suggestion's source in the one queue -------------------------------------


def personal_data(user: User) -> list[str]:
    """Return what an author's profile says about them, which the public never reads."""
    values = [user.real_name, user.mobile, user.resident_id, user.email, user.address]
    return [value for value in values if value]


def publish(item: ModerationItem, *, actor: User, at: datetime) -> None:
    """The moderator passed the suggestion: its confirmed texts are public from now on."""
    suggestion = lock(item.suggestion)
    suggestion.public_title = (item.final_title or suggestion.title)[:80]
    suggestion.public_content = item.final_text
    suggestion.published_at = at
    suggestion.save(update_fields=["public_title", "public_content", "published_at"])
    SuggestionEvent.record(suggestion, SuggestionEvent.Code.PUBLISHED, actor=actor, at=at)
    index_suggestion(suggestion)


def reject(item: ModerationItem, *, actor: User, at: datetime) -> None:
    """The moderator refused publication: the author is told why."""
    suggestion = item.suggestion
    SuggestionEvent.record(
        suggestion, SuggestionEvent.Code.REJECTED, actor=actor, at=at, note=item.reason
    )
    notify(
        [suggestion.author],
        subject=coded("petitions.suggestion_withheld", title=suggestion.title),
        body=coded("petitions.suggestion_withheld_body", reason=item.reason),
        url=reverse("petitions:suggestion_mine"),
        sms=False,
    )


def staff_url(suggestion: Suggestion) -> str:
    return reverse("petitions:suggestion_staff_detail", args=[suggestion.pk])


MODERATION_SOURCE = moderation.ModerationSource(
    field="suggestion",
    label=gettext_lazy("建言献策"),
    publish=publish,
    reject=reject,
    staff_url=staff_url,
)
