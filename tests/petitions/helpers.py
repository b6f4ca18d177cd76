"""Helpers the petitions tests share."""

from portal.models import OutboxMessage


def texts_to(mobile: str) -> list[str]:
    """The SMS bodies queued for a number (sent by Celery after commit)."""
    return list(
        OutboxMessage.objects.filter(channel="sms", address=mobile).values_list("body", flat=True)
    )


def pass_moderation(field: str, source, moderator, **texts):
    """Pass the pending moderation item of a source (a suggestion, comment, reply, message)."""
    from petitions.models import ModerationItem
    from petitions.services import moderation

    item = ModerationItem.objects.get(**{field: source}, status=ModerationItem.Status.PENDING)
    return moderation.moderation_pass(item=item, actor=moderator, **texts)


def publish_on_board(complaint, moderator):
    """Pass the closed complaint's last reply for the public board."""
    return pass_moderation("reply", complaint.replies.order_by("-round").first(), moderator)
