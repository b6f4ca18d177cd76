"""The publication workflow of catalogue items and articles, written once.

草稿 → 待审核 → 已发布 → 已撤回: a draft is submitted for review; a reviewer (an admin other than
the submitter) sends it back or publishes it as a new version; a published record may be
withdrawn. A published or withdrawn record is changed through a revision (`models/publication.py`)
opened beside it: the record keeps its live fields, stays public and in the search index, and the
revision makes the draft moves (edit, submit, return, publish) from its own status; publishing it
copies its content onto the record in the same transaction, discarding it leaves the record as it
was. The moves act on the record's "subject": its open revision if it has one, else the record.
Each area describes its kind of record with a `Publication` subclass: its transition table, its
event and revision models, its permissions and refusals, and what else a move does there
(catalogue versions, column tallies, the search index). Every move is one transaction: lock the
record, check, change, one event row on the record, then the notices.
"""

import datetime
from collections.abc import Mapping

from django.db import transaction
from django.db.models import Model
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from disclosure.models.publication import Revision
from portal.errors import DomainError
from portal.events import DomainEvent
from portal.locking import lock
from portal.models import User
from portal.notifications import notify
from portal.roles import Role
from portal.texts import coded, plain
from portal.transitions import TransitionTable


class Publication:
    """One kind of published record: an area subclasses it and fills in what differs."""

    model: type[Model]
    events: type[DomainEvent]
    # The revision model; its `FIELDS` are the record's fields a revision carries.
    revisions: type[Revision]
    revision_of: str
    moves: TransitionTable
    # Joined in when the record is re-read under its lock.
    related: tuple[str, ...] = ()
    # The URL name of the record's staff page, where the notices to staff point.
    staff_url_name: str
    # What a person who may not make a move is told, by key: "submit", "review" (not a
    # reviewer at all), "own_submission", "withdraw", "revise".
    refusals: Mapping[str, str]
    # The text codes (`labels.NOTICES`) of the notices' subjects: "submitted" (to the admins),
    # "returned" and "published" (to the submitter).
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

    def check_ready(self, record, revision: Revision | None) -> None:
        """Refuse to submit a record (or its revision) that lacks something the reviewer needs."""

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

    def revision_content(self, record) -> dict:
        """What a new revision starts from: the record's live fields."""
        return self.revisions.content_of(record)

    def apply_revision(self, record, revision: Revision) -> None:
        """Make the revision's content the record's live content (the record is saved after this)."""
        self.revisions.apply_content(record, revision.content)

    def review_notice(self, record) -> str:
        """How the notice to the reviewers names the record."""
        return str(record)

    # --- The moves ----------------------------------------------------------------------------

    def open_revision(self, record) -> Revision | None:
        """The record's revision being drafted or reviewed, if any."""
        return (
            self.revisions.objects.filter(
                **{self.revision_of: record}, status__in=Revision.OPEN_STATUSES
            )
            .select_related("submitted_by")
            .first()
        )

    def subject(self, record) -> tuple[Model, Revision | None]:
        """What the draft moves act on: the open revision if there is one, else the record."""
        revision = self.open_revision(record) if record.version else None
        return (revision or record), revision

    def require_reviewer(self, actor: User, subject) -> None:
        if not self.is_reviewer(actor):
            raise DomainError(self.refusals["review"])
        if not self.may_review(actor, subject):
            raise DomainError(self.refusals["own_submission"])

    def staff_url(self, record) -> str:
        return reverse(self.staff_url_name, args=[record.pk])

    @transaction.atomic
    def submit(self, *, actor: User, record):
        """Send a draft (or revision) for review; every other admin is told."""
        record = lock(record, related=self.related)
        subject, revision = self.subject(record)
        self.moves.check(subject, "submit")
        if not self.may_edit(actor, record):
            raise DomainError(self.refusals["submit"])
        self.check_ready(record, revision)
        subject.status = self.model.Status.REVIEW
        subject.submitted_by = actor
        subject.submitted_at = timezone.now()
        subject.review_note = ""
        subject.save()
        self.events.record(
            record, self.events.Code.SUBMITTED, actor=actor, **revision_data(revision)
        )
        notify(
            User.objects.with_role(Role.ADMIN).filter(is_active=True).exclude(pk=actor.pk),
            subject=coded(self.notices["submitted"]),
            body=plain(self.review_notice(record)),
            url=self.staff_url(record),
            sms=False,
            email=False,
        )
        return record

    @transaction.atomic
    def send_back(self, *, actor: User, record, note: str):
        """The reviewer returns the draft (or revision) to its drafter with what to change."""
        record = lock(record, related=self.related)
        subject, revision = self.subject(record)
        self.moves.check(subject, "return")
        self.require_reviewer(actor, subject)
        note = (note or "").strip()
        if not note:
            raise DomainError(_("请写明退回修改的意见。"))
        subject.status = self.model.Status.DRAFT
        subject.review_note = note
        subject.save()
        self.events.record(
            record, self.events.Code.RETURNED, actor=actor, note=note, **revision_data(revision)
        )
        if subject.submitted_by_id:
            notify(
                [subject.submitted_by],
                subject=coded(self.notices["returned"]),
                body=coded("disclosure.returned_body", record=str(record), note=note),
                url=self.staff_url(record),
                sms=False,
                email=False,
            )
        return record

    @transaction.atomic
    def publish(self, *, actor: User, record, at: datetime.datetime | None = None):
        """Publish the draft, or the revision in place of the live version, from `at` (now)."""
        record = lock(record, related=self.related)
        # Under the record's lock: of two reviewers publishing the same revision, the second
        # finds it published already and is refused by the transition table.
        subject, revision = self.subject(record)
        self.moves.check(subject, "publish")
        self.require_reviewer(actor, subject)
        if revision is not None:
            self.apply_revision(record, revision)
        self.check_publishable(record)
        at = at or timezone.now()
        self.mark_published(record, at)
        record.save()
        self.after_publish(record, actor=actor, at=at)
        if revision is not None:
            revision.status = Revision.Status.PUBLISHED
            revision.closed_at = at
            revision.save()
        self.events.record(
            record,
            self.events.Code.PUBLISHED,
            actor=actor,
            version=record.version,
            **revision_data(revision),
        )
        if subject.submitted_by_id and subject.submitted_by_id != actor.pk:
            notify(
                [subject.submitted_by],
                subject=coded(self.notices["published"]),
                body=plain(str(record)),
                url=record.get_absolute_url(),
                sms=False,
                email=False,
            )
        return record

    @transaction.atomic
    def withdraw(self, *, actor: User, record, reason: str):
        """Withdraw a published record, with the reason; an open revision stays open."""
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
        """Open a revision beside the published record, which stays public as it is."""
        record = lock(record, related=self.related)
        self.moves.check(record, "revise")
        if not self.may_edit(actor, record):
            raise DomainError(self.refusals["revise"])
        if self.open_revision(record) is not None:
            raise DomainError(_("已有一份修订稿在修改或审核中，请在其中继续修改。"))
        revision = self.revisions.objects.create(
            **{self.revision_of: record},
            content=self.revision_content(record),
            drafted_by=actor,
        )
        self.events.record(
            record,
            self.events.Code.REVISED,
            actor=actor,
            version=record.version,
            **revision_data(revision),
        )
        return record

    @transaction.atomic
    def discard(self, *, actor: User, record):
        """Drop the open revision; the live version stays as it is."""
        record = lock(record, related=self.related)
        subject, revision = self.subject(record)
        self.moves.check(subject, "discard")
        if revision is None:
            raise DomainError(self.moves.refusals["discard"])
        if not self.may_edit(actor, record):
            raise DomainError(self.refusals["revise"])
        revision.status = Revision.Status.DISCARDED
        revision.closed_at = timezone.now()
        revision.save()
        self.events.record(
            record, self.events.Code.DISCARDED, actor=actor, **revision_data(revision)
        )
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
        if move == "discard":
            return self.discard(actor=actor, record=record)
        raise ValueError(f"Not a move of the publication workflow: {move}")


def revision_data(revision: Revision | None) -> dict:
    """The event data naming the revision a move acted on (none for a first draft)."""
    return {"revision": revision.pk} if revision is not None else {}
