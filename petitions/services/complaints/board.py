"""The public board (答复公开): a closed complaint's reply is public only once a moderator passed it.

When a complaint whose complainant allowed publication closes, its last reply goes into the one
moderation queue with the complaint's text, personal data redacted (the complainant's identity
and the usual patterns). Passing it puts the complaint on the board, its feed and the site-wide
search with the texts the moderator confirmed; refusing it tells the complainant why.
"""

from datetime import datetime

from django.utils.translation import gettext_lazy

from petitions.models import Complaint, ComplaintEvent, ModerationItem, Reply
from petitions.services import moderation
from petitions.services.complaints.notices import notify_complainant, staff_url
from petitions.services.complaints.publicity import complaint_publicity_changed
from portal.locking import lock
from portal.models import User
from portal.texts import coded


def personal_data(complaint: Complaint) -> list[str]:
    """Return what the complainant told about themselves, which the public never reads."""
    identity = getattr(complaint, "identity", None)
    if identity is None:
        return []
    values = [identity.name, identity.id_number, identity.phone, identity.email, identity.address]
    return [value for value in values if value]


def submit_for_board(complaint: Complaint, *, at: datetime) -> ModerationItem | None:
    """Queue the closed complaint's last reply for the board, if the complainant allowed it.

    Called inside the closing transaction.
    """
    if not complaint.allow_publication:
        return None
    reply = complaint.replies.order_by("-round").first()
    if reply is None:
        return None
    return moderation.moderation_submit(
        source=reply,
        field="reply",
        department=complaint.department,
        title=complaint.title,
        text=complaint.content,
        reply=reply.content,
        personal=personal_data(complaint),
        at=at,
    )


def publish(item: ModerationItem, *, actor: User, at: datetime) -> None:
    """The moderator passed the reply: the complaint is on the board with the confirmed texts."""
    reply = lock(item.reply)
    reply.public_content = item.final_reply
    reply.published_at = at
    reply.save(update_fields=["public_content", "published_at"])
    complaint = lock(reply.complaint)
    complaint.public_title = item.final_title or complaint.title
    complaint.public_content = item.final_text
    complaint.published_at = at
    complaint.save(update_fields=["public_title", "public_content", "published_at"])
    ComplaintEvent.record(complaint, ComplaintEvent.Code.PUBLISHED, actor=actor, at=at)
    complaint_publicity_changed(complaint)


def reject(item: ModerationItem, *, actor: User, at: datetime) -> None:
    """The moderator refused publication: the complainant is told why."""
    complaint = item.reply.complaint
    ComplaintEvent.record(
        complaint, ComplaintEvent.Code.PUBLICATION_REFUSED, actor=actor, at=at, note=item.reason
    )
    notify_complainant(
        complaint,
        coded("petitions.complaint_withheld"),
        coded("petitions.complaint_withheld_body", reason=item.reason),
    )


def reply_staff_url(reply: Reply) -> str:
    return staff_url(reply.complaint)


MODERATION_SOURCE = moderation.ModerationSource(
    field="reply",
    label=gettext_lazy("诉求答复"),
    publish=publish,
    reject=reject,
    staff_url=reply_staff_url,
)
