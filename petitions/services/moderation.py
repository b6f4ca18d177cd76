"""Moderation of public text (审核): redaction of personal data and the one queue of every source.

Shared by every area that publishes what citizens wrote (the complaints board, messages' Q&A,
and the sources registered with `register_source`). A source proposes a text with
`moderation_submit`; the machine redacts personal data; a moderator confirms or edits the
redaction and passes it (the source then publishes it) or rejects it with a reason (the source
tells the author). Nothing is public before `moderation_pass`.
"""

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.db.models import Model
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from petitions.models import ModerationItem
from petitions.models.moderation import SOURCE_FIELDS
from petitions.permissions.moderation import can_moderate
from portal.errors import DomainError
from portal.locking import lock
from portal.models import Department, User

MOBILE = re.compile(r"(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)")
RESIDENT_ID = re.compile(r"(?<![0-9Xx])(\d{6})\d{8}(\d{3}[0-9Xx])(?![0-9Xx])")
# ASCII only: `\w` would take the Chinese text before the address with it.
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+")
LANDLINE = re.compile(r"(?<!\d)(0\d{2,3})-?\d{3,4}(\d{4})(?!\d)")
# What follows "住址/家住/…" up to the next punctuation is taken for an address.
ADDRESS = re.compile(
    r"(住址|地址|家住|住在|居住在|居住于|现住)([:：]?)[^，。,.；;！!？?、\s]{2,40}"
)
# A name the writer gives for themselves: "我叫王小明", "姓名：王小明", "联系人 王小明".
NAME = re.compile(r"(我叫|我的名字是|本人姓名|姓名|联系人)([:：]?\s?)([\u4e00-\u9fa5]{2,4})")
MASK = "***"


def mask_name(name: str) -> str:
    """Return a Chinese name as its surname and 某 (王小明 → 王某某)."""
    return name[0] + "某" * (len(name) - 1) if len(name) <= 4 else MASK


def redaction(text: str, *, personal: Iterable[str] = ()) -> tuple[str, int]:
    """Return the text with personal data masked and how many places were masked.

    `personal` are strings known to be the writer's (their real name, phone, ID number, address
    from the profile or the contact fields): every occurrence is masked first. Then patterns:
    ID, mobile, landline numbers, e-mail addresses, "住址/家住 …" and "我叫/姓名 …".
    """
    text = text or ""
    count = 0
    for value in sorted({value.strip() for value in personal if value}, key=len, reverse=True):
        if len(value) < 2 or value not in text:
            continue
        count += text.count(value)
        looks_like_name = len(value) <= 4 and all("\u4e00" <= char <= "\u9fa5" for char in value)
        text = text.replace(value, mask_name(value) if looks_like_name else MASK)
    rules = (
        (RESIDENT_ID, r"\1********\2"),
        (MOBILE, r"\1****\2"),
        (LANDLINE, r"\1-****\2"),
        (EMAIL, "***@***"),
        (ADDRESS, rf"\1\2{MASK}"),
        (NAME, lambda match: match.group(1) + match.group(2) + mask_name(match.group(3))),
    )
    for pattern, replacement in rules:
        text, found = pattern.subn(replacement, text)
        count += found
    return text, count


def redact(text: str, *, personal: Iterable[str] = ()) -> str:
    """Return the text with personal data masked (see `redaction`)."""
    return redaction(text, personal=personal)[0]


@dataclass(frozen=True)
class ModerationSource:
    """What the queue needs to know of a source: its field, its name, and what a decision does.

    `publish(item, actor=, at=)` makes the final texts public (inside the moderator's
    transaction, with its event row); `reject(item, actor=, at=)` records the refusal and tells
    the author the reason (on commit). `staff_url(record)` links the queue to the record.
    `may_decide(item, user)`, when given, lets more people than the moderators decide the
    source's items (an interview's host moderates its questions live).
    """

    field: str
    label: Promise
    publish: Callable[..., None]
    reject: Callable[..., None]
    staff_url: Callable[[Model], str]
    may_decide: Callable[[ModerationItem, User], bool] | None = None


SOURCES: dict[str, ModerationSource] = {}


def register_source(source: ModerationSource) -> None:
    """Register a source (in `PetitionsConfig.ready`); its field must be in `SOURCE_FIELDS`."""
    if source.field not in SOURCE_FIELDS:
        raise ValueError(f"{source.field} is not a ModerationItem source field")
    SOURCES[source.field] = source


def source_of(item: ModerationItem) -> ModerationSource:
    return SOURCES[item.source_field]


def moderation_submit(
    *,
    source: Model,
    field: str,
    department: Department | None,
    title: str,
    text: str,
    reply: str = "",
    personal: Iterable[str] = (),
    at: datetime | None = None,
) -> ModerationItem:
    """Put a source's text in the queue with its personal data redacted; return the pending item.

    A source already waiting in the queue gets its proposal replaced, not a second item.
    Called by the source's own service, inside its transaction.
    """
    if field not in SOURCES:
        raise ValueError(f"unknown moderation source {field}")
    personal = list(personal)
    proposed_title, in_title = redaction(title, personal=personal)
    proposed_text, in_text = redaction(text, personal=personal)
    proposed_reply, in_reply = redaction(reply, personal=personal)
    with transaction.atomic():
        item = (
            ModerationItem.objects.select_for_update()
            .filter(**{field: source}, status=ModerationItem.Status.PENDING)
            .first()
        ) or ModerationItem(**{field: source})
        item.department = department
        item.proposed_title = proposed_title[:200]
        item.proposed_text = proposed_text
        item.proposed_reply = proposed_reply
        item.redactions = min(in_title + in_text + in_reply, 32767)
        item.submitted_at = at or timezone.now()
        item.save()
    return item


def decide(item: ModerationItem, actor: User) -> ModerationItem:
    """Lock the item and check that this moderator may still decide it."""
    may_decide = source_of(item).may_decide
    if not (can_moderate(actor) or (may_decide is not None and may_decide(item, actor))):
        raise DomainError(_("您没有审核公开内容的权限。"))
    item = lock(item)
    if item.status != ModerationItem.Status.PENDING:
        raise DomainError(_("该内容已由其他审核人处理，无需重复审核。"))
    return item


def moderation_pass(
    *,
    item: ModerationItem,
    actor: User,
    title: str | None = None,
    text: str | None = None,
    reply: str | None = None,
    at: datetime | None = None,
) -> ModerationItem:
    """Publish the item: the moderator's texts (default: the proposal) become public once.

    Two moderators passing at once publish once: the second finds the item decided.
    """
    with transaction.atomic():
        item = decide(item, actor)
        item.final_title = (item.proposed_title if title is None else title).strip()[:200]
        item.final_text = (item.proposed_text if text is None else text).strip()
        item.final_reply = (item.proposed_reply if reply is None else reply).strip()
        if not item.final_text:
            raise DomainError(_("公开内容不能为空。"))
        item.status = ModerationItem.Status.PASSED
        item.moderator = actor
        item.decided_at = at or timezone.now()
        item.save()
        source_of(item).publish(item, actor=actor, at=item.decided_at)
    return item


def moderation_reject(
    *, item: ModerationItem, actor: User, reason: str, at: datetime | None = None
) -> ModerationItem:
    """Refuse publication with a reason, which the author is told."""
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(_("请填写不予公开的理由，该理由将告知留言人。"))
    with transaction.atomic():
        item = decide(item, actor)
        item.status = ModerationItem.Status.REJECTED
        item.reason = reason[:300]
        item.moderator = actor
        item.decided_at = at or timezone.now()
        item.save()
        source_of(item).reject(item, actor=actor, at=item.decided_at)
    return item
