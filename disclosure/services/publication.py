"""The publication workflow of catalogue items and articles, written once.

草稿 → 待审核 → 已发布 → 已撤回: a draft is submitted for review; a reviewer (an admin other than
the submitter) sends it back or publishes it as a new version; a published record may be
withdrawn; a published or withdrawn record is changed only by starting a revision (back to
draft). Each area describes its kind of record with a `Publication` subclass: its transition
table, its event model, its permissions and refusals, and what else a move does there (catalogue
versions, column tallies, the search index). Every move is one transaction: lock, check, change,
one event row, then the notices.
"""

import datetime
from collections.abc import Mapping

from django.db import transaction
from django.db.models import Model
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.errors import DomainError
from portal.events import DomainEvent
from portal.locking import lock
from portal.models import User
from portal.notifications import notify
from portal.roles import Role
from portal.transitions import TransitionTable


class Publication:
    """One kind of published record: an area subclasses it and fills in what differs."""

    model: type[Model]
    events: type[DomainEvent]
    moves: TransitionTable
    # Joined in when the record is re-read under its lock.
    related: tuple[str, ...] = ()
    # The URL name of the record's staff page, where the notices to staff point.
    staff_url_name: str
    # What a person who may not make a move is told, by key: "submit", "review" (not a
    # reviewer at all), "own_submission", "withdraw", "revise".
    refusals: Mapping[str, str]
    # The subjects of the notices: "submitted" (to the admins), "returned" and "published"
    # (to the submitter).
    notices: Mapping[str, str]

    # --- Who may do what: the area's permissions ----------------------------------------------

    def may_edit(self, user: User, record) -> bool:
        raise NotImplementedError

    def is_reviewer(self, user: User) -> bool:
        raise NotImplementedError

    def may_review(self, user: User, record) -> bool:
        raise NotImplementedError

    def may_withdraw(self, user: User, record) -> bool:
        raise NotImplementedError

    # --- What else a move does in the area -------------------------------------------------------

    def check_ready(self, record) -> None:
        """Refuse to submit a record that lacks something the reviewer needs."""

    def check_publishable(self, record) -> None:
        """Refuse to publish a record that breaks a rule of the area."""

    def mark_published(self, record, at: datetime.datetime) -> None:
        """Set the fields of a new published version (the record is saved after this)."""
        record.status = self.model.Status.PUBLISHED
        record.version += 1
        record.published_at = at
        record.withdrawn_at = None
        record.review_note = ""

    def after_publish(self, record, *, actor: User, at: datetime.datetime) -> None:
        """Keep what the area derives from a publication (versions, tallies, the index)."""

    def after_withdraw(self, record) -> None:
        """Keep what the area derives from a withdrawal."""

    def start_revision(self, record) -> None:
        """Undo what publication gave the record, before it goes back to draft."""

    def review_notice(self, record) -> str:
        """How the notice to the reviewers names the record."""
        return str(record)

    # --- The moves ----------------------------------------------------------------------------

    def require_reviewer(self, actor: User, record) -> None:
        if not self.is_reviewer(actor):
            raise DomainError(self.refusals["review"])
        if not self.may_review(actor, record):
            raise DomainError(self.refusals["own_submission"])

    def staff_url(self, record) -> str:
        return reverse(self.staff_url_name, args=[record.pk])

    @transaction.atomic
    def submit(self, *, actor: User, record):
        """Send a draft for review; every other admin is told."""
        record = lock(record, related=self.related)
        self.moves.check(record, "submit")
        if not self.may_edit(actor, record):
            raise DomainError(self.refusals["submit"])
        self.check_ready(record)
        record.status = self.model.Status.REVIEW
        record.submitted_by = actor
        record.submitted_at = timezone.now()
        record.review_note = ""
        record.save()
        self.events.record(record, self.events.Code.SUBMITTED, actor=actor)
        notify(
            User.objects.with_role(Role.ADMIN).filter(is_active=True).exclude(pk=actor.pk),
            subject=str(self.notices["submitted"]),
            body=self.review_notice(record),
            url=self.staff_url(record),
            sms=False,
            email=False,
        )
        return record

    @transaction.atomic
    def send_back(self, *, actor: User, record, note: str):
        """The reviewer returns the record to its drafter with what to change."""
        record = lock(record, related=self.related)
        self.moves.check(record, "return")
        self.require_reviewer(actor, record)
        note = (note or "").strip()
        if not note:
            raise DomainError(_("请写明退回修改的意见。"))
        record.status = self.model.Status.DRAFT
        record.review_note = note
        record.save()
        self.events.record(record, self.events.Code.RETURNED, actor=actor, note=note)
        if record.submitted_by_id:
            notify(
                [record.submitted_by],
                subject=str(self.notices["returned"]),
                body=f"{record}：{note}",
                url=self.staff_url(record),
                sms=False,
                email=False,
            )
        return record

    @transaction.atomic
    def publish(self, *, actor: User, record, at: datetime.datetime | None = None):
        """Publish the record as a new version: public and searchable from `at` (default: now)."""
        record = lock(record, related=self.related)
        self.moves.check(record, "publish")
        self.require_reviewer(actor, record)
        self.check_publishable(record)
        at = at or timezone.now()
        self.mark_published(record, at)
        record.save()
        self.after_publish(record, actor=actor, at=at)
        self.events.record(record, self.events.Code.PUBLISHED, actor=actor, version=record.version)
        if record.submitted_by_id and record.submitted_by_id != actor.pk:
            notify(
                [record.submitted_by],
                subject=str(self.notices["published"]),
                body=str(record),
                url=record.get_absolute_url(),
                sms=False,
                email=False,
            )
        return record

    @transaction.atomic
    def withdraw(self, *, actor: User, record, reason: str):
        """Withdraw a published record, with the reason."""
        record = lock(record, related=self.related)
        self.moves.check(record, "withdraw")
        if not self.may_withdraw(actor, record):
            raise DomainError(self.refusals["withdraw"])
        reason = (reason or "").strip()
        if not reason:
            raise DomainError(_("请写明撤回理由。"))
        record.status = self.model.Status.WITHDRAWN
        record.withdrawn_at = timezone.now()
        record.save()
        self.after_withdraw(record)
        self.events.record(record, self.events.Code.WITHDRAWN, actor=actor, note=reason)
        return record

    @transaction.atomic
    def revise(self, *, actor: User, record):
        """Start a new version: the record goes back to draft, off the public site."""
        record = lock(record, related=self.related)
        self.moves.check(record, "revise")
        if not self.may_edit(actor, record):
            raise DomainError(self.refusals["revise"])
        self.start_revision(record)
        record.status = self.model.Status.DRAFT
        record.submitted_by = None
        record.save()
        self.events.record(record, self.events.Code.REVISED, actor=actor, version=record.version)
        return record

    def make(self, move: str, *, actor: User, record, note: str = ""):
        """Make a move named as in the transition table (the staff pages post its name)."""
        if move == "submit":
            return self.submit(actor=actor, record=record)
        if move == "return":
            return self.send_back(actor=actor, record=record, note=note)
        if move == "publish":
            return self.publish(actor=actor, record=record)
        if move == "withdraw":
            return self.withdraw(actor=actor, record=record, reason=note)
        if move == "revise":
            return self.revise(actor=actor, record=record)
        raise ValueError(f"Not a move of the publication workflow: {move}")
