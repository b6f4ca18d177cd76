"""Public Q&A (网上留言公开): a consenting author's question and its answer, after moderation.

Writing with consent queues the question, answering queues it with the answer, each time with
personal data redacted (the author's own name, phone, ID and address from the profile and the
contact fields, plus the patterns of `petitions.services.moderation`); the moderator confirms or
edits and passes it, and only then is it on the department's page, the site-wide Q&A list and
the site search (a question may be public before its answer: "not answered yet").
"""

from datetime import datetime

from django.utils.translation import gettext_lazy

from petitions.models import Message, MessageEvent, ModerationItem
from petitions.services import moderation
from petitions.services.messages.notices import notify_author, public_url, staff_url
from portal.models import User
from portal.search.index import SearchKind, search_index_upsert
from portal.texts import coded

SEARCH_KIND = "petitions.message"
SEARCH_KINDS = {
    SEARCH_KIND: SearchKind(
        label=gettext_lazy("网上留言"),
        rank=40,
        fields={"question": gettext_lazy("留言内容"), "answer": gettext_lazy("答复内容")},
    )
}


def personal_data(message: Message) -> list[str]:
    """Return what the author told about themselves, which the public never reads."""
    values = [message.contact_name, message.contact_phone, message.contact_address]
    author = message.author
    if author is not None:
        values += [
            author.real_name,
            author.mobile,
            author.resident_id,
            author.address,
            author.email,
        ]
    return [value for value in values if value]


def submit_for_publication(message: Message, *, at: datetime) -> ModerationItem | None:
    """Queue the message's public text for moderation (inside the caller's transaction).

    Written with consent: the question is queued; answered: the question with the answer (a
    question still pending gets the answer added; one already public is queued again with its
    answer). A question a moderator refused is not queued again. None when nothing is queued.
    """
    if (
        not message.publish_consent
        or message.moderation_items.filter(status=ModerationItem.Status.REJECTED).exists()
    ):
        return None
    return moderation.moderation_submit(
        source=message,
        field="message",
        department=message.department,
        title=message.public_title or message.title,
        text=message.public_question or message.content,
        reply=message.answer,
        personal=personal_data(message),
        at=at,
    )


def index_message(message: Message) -> None:
    """Put the published Q&A in the site-wide search (its public, redacted texts only)."""
    search_index_upsert(
        kind=SEARCH_KIND,
        obj_id=message.pk,
        title=message.public_title,
        fields={"question": message.public_question, "answer": message.public_answer},
        department=message.department,
        url=public_url(message),
        published_at=message.published_at,
    )


def reindex_messages() -> None:
    """Re-index every published message (`manage.py search_reindex`)."""
    for message in Message.objects.filter(published_at__isnull=False).select_related("department"):
        index_message(message)


def publish(item: ModerationItem, *, actor: User, at: datetime) -> None:
    """The moderator passed the Q&A: its final texts are public from now on."""
    message = Message.objects.select_for_update().get(pk=item.message_id)
    message.public_title = (item.final_title or message.title)[:80]
    message.public_question = item.final_text
    message.public_answer = item.final_reply
    # The Q&A keeps the moment it first went public; an answer added later does not move it.
    message.published_at = message.published_at or at
    message.save()
    MessageEvent.record(message, MessageEvent.Code.PUBLISHED, actor=actor, at=at)
    index_message(message)


def reject(item: ModerationItem, *, actor: User, at: datetime) -> None:
    """The moderator refused publication: the author is told why."""
    message = item.message
    MessageEvent.record(
        message, MessageEvent.Code.PUBLICATION_REFUSED, actor=actor, at=at, note=item.reason
    )
    notify_author(
        message,
        coded("petitions.message_withheld"),
        coded("petitions.message_withheld_body", reason=item.reason),
    )


MODERATION_SOURCE = moderation.ModerationSource(
    field="message",
    label=gettext_lazy("网上留言"),
    publish=publish,
    reject=reject,
    staff_url=staff_url,
)
