"""Citizens' votes and the moderation of their reasons."""

import hashlib
from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.db.models.constants import OnConflict
from django.utils import timezone
from django.utils.translation import gettext as _

from evaluation.models import RatedPerson, Rating, Vote, VoteEvent, month_of
from evaluation.services.tallies import tallies_add
from portal import ratelimit
from portal.errors import DomainError
from portal.locking import lock
from portal.models import User


def client_key_for(address: str) -> str:
    """Return a non-reversible key for a client address (no raw IPs are stored)."""
    return hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()[:32]


def _check_anonymous_rate(client_key: str) -> None:
    """Refuse an anonymous vote past EVALUATION_ANONYMOUS_RATE (votes, seconds) per client."""
    limit, window = settings.EVALUATION_ANONYMOUS_RATE
    if ratelimit.hit(f"evaluation:anon-rate:{client_key}", window) > limit:
        raise DomainError(_("您的匿名投票过于频繁，请稍后再试。"), code="rate_limited")


def _is_dissatisfied(attitude: str, efficiency: str, style: str) -> bool:
    return Rating.DISSATISFIED in {attitude, efficiency, style}


def vote_cast(
    *,
    person: RatedPerson,
    voter: User | None,
    attitude: str,
    efficiency: str,
    style: str,
    reason: str = "",
    client_key: str = "",
    at: datetime | None = None,
) -> Vote:
    """Record a citizen's vote (or change their vote this month) and raise any warning it causes.

    Signed-in citizens have one vote per person and calendar month, which they may change within
    the month; anonymous votes need EVALUATION_ANONYMOUS_VOTING and are rate-limited per client.
    """
    at = at or timezone.now()
    reason = (reason or "").strip()
    if voter is None:
        if not settings.EVALUATION_ANONYMOUS_VOTING:
            raise DomainError(_("请先登录后再参加测评。"), code="login_required")
    elif voter.kind == User.Kind.STAFF:
        raise DomainError(_("工作人员不能参加群众测评。"), code="staff")
    if not person.is_active:
        raise DomainError(_("该测评对象已不参加测评。"))
    for value in (attitude, efficiency, style):
        if value not in Rating.values:
            raise DomainError(_("请对三项内容逐项评价。"))
    dissatisfied = _is_dissatisfied(attitude, efficiency, style)
    if dissatisfied and not reason:
        raise DomainError(_("选择“不满意”时请填写理由。"), code="reason_required")
    if voter is None:
        _check_anonymous_rate(client_key)
    choice = {"attitude": attitude, "efficiency": efficiency, "style": style, "reason": reason}
    return _vote_store(person, voter, choice, dissatisfied, client_key, at)


def _insert_new(vote: Vote) -> bool:
    """INSERT the vote unless the voter's vote of the month exists; return whether it did.

    One statement (ON CONFLICT DO NOTHING … RETURNING id) instead of a savepoint around an
    INSERT that may fail: a first vote double-submitted at the same moment waits on the unique
    index for the other, then finds it and is stored as its change.
    """
    fields = [field for field in Vote._meta.concrete_fields if not field.primary_key]
    rows = Vote.objects._insert(
        [vote],
        fields=fields,
        returning_fields=[Vote._meta.pk],
        on_conflict=OnConflict.IGNORE,
    )
    if not rows or rows[0] is None:
        return False
    vote.pk = rows[0][0]
    vote._state.adding, vote._state.db = False, Vote.objects.db
    return True


def _vote_store(
    person: RatedPerson,
    voter: User | None,
    choice: dict,
    dissatisfied: bool,
    client_key: str,
    at: datetime,
) -> Vote:
    fields = {
        **choice,
        "is_dissatisfied": dissatisfied,
        "reason_status": Vote.ReasonStatus.PENDING if choice["reason"] else Vote.ReasonStatus.NONE,
        "moderated_by": None,
        "moderated_at": None,
        "updated_at": at,
    }
    # No savepoint inside a caller's transaction (`submit_once`): nothing here is retried.
    with transaction.atomic(savepoint=False):
        vote = Vote(
            person=person,
            voter=voter,
            month=month_of(at),
            created_at=at,
            client_key=client_key if voter is None else "",
            **fields,
        )
        if _insert_new(vote):
            delta, code = int(dissatisfied), VoteEvent.Code.CAST
        else:
            # The citizen's vote of the month, under lock: this one changes it.
            vote = Vote.objects.select_for_update().get(
                person=person, voter=voter, month=month_of(at)
            )
            delta = int(dissatisfied) - int(vote.is_dissatisfied)
            for name, value in fields.items():
                setattr(vote, name, value)
            vote.save(update_fields=list(fields))
            code = VoteEvent.Code.CHANGED
        # One INSERT, the event keeping the ratings and reason as submitted (the vote's history).
        VoteEvent.record(vote, code, actor=voter, at=at, **choice)
        if delta:
            tallies_add(person=person, vote=vote, delta=delta)
    return vote


def reason_moderate(*, vote: Vote, actor: User, approve: bool, at: datetime | None = None) -> Vote:
    """Publish a vote's reason or keep it off the public pages; the vote itself still counts."""
    with transaction.atomic():
        vote = lock(vote)
        if vote.reason_status != Vote.ReasonStatus.PENDING:
            raise DomainError(_("该理由已审核过。"))
        vote.reason_status = Vote.ReasonStatus.APPROVED if approve else Vote.ReasonStatus.REJECTED
        vote.moderated_by, vote.moderated_at = actor, at or timezone.now()
        vote.save()
        VoteEvent.record(
            vote,
            VoteEvent.Code.REASON_APPROVED if approve else VoteEvent.Code.REASON_REJECTED,
            actor=actor,
            at=vote.moderated_at,
        )
    return vote
