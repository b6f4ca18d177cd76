"""Every write of the efficiency rating: votes, tallies, warnings, moderation, the roster."""

import hashlib
from datetime import datetime

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from evaluation.models import (
    TIER_ACTIONS,
    Basis,
    RatedPerson,
    Rating,
    Tally,
    Tier,
    Vote,
    VoteEvent,
    Warning,
    WarningBasis,
)
from evaluation.periods import month_of, year_of
from evaluation.thresholds import tier_reached
from portal import ratelimit
from portal.errors import DomainError
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


# One statement adds to (or creates) both tallies of a vote and returns them locked until the
# transaction ends: the tally rows are the lock every vote for a person passes (month first,
# as VALUES lists them, so transactions never deadlock). PostgreSQL and SQLite >= 3.35 both speak
# INSERT ... ON CONFLICT DO UPDATE ... RETURNING. The inserted row never carries a negative
# count, so the database's non-negative check holds even for a vote changed back.
_BUMP_TALLIES = f"""
    INSERT INTO {Tally._meta.db_table} (person_id, basis, period, dissatisfied, covered_tier)
    VALUES (%s, %s, %s, %s, 0), (%s, %s, %s, %s, 0)
    ON CONFLICT (person_id, basis, period)
    DO UPDATE SET dissatisfied = {Tally._meta.db_table}.dissatisfied + %s
    RETURNING id, basis, dissatisfied, covered_tier
"""


def _bump_tallies(person: RatedPerson, moment: datetime, delta: int) -> list[Tally]:
    """Add `delta` to the month and year tallies of `person` for `moment`; return them locked.

    With delta 0 this only creates the missing rows and locks both (the nightly check).
    """
    periods = {Basis.MONTH: month_of(moment), Basis.YEAR: year_of(moment)}
    start = max(delta, 0)
    with connection.cursor() as cursor:
        cursor.execute(
            _BUMP_TALLIES,
            [
                *(person.pk, Basis.MONTH, periods[Basis.MONTH], start),
                *(person.pk, Basis.YEAR, periods[Basis.YEAR], start),
                delta,
            ],
        )
        rows = cursor.fetchall()
    found = {
        basis: Tally(
            id=pk,
            person=person,
            basis=basis,
            period=periods[basis],
            dissatisfied=count,
            covered_tier=covered,
        )
        for pk, basis, count, covered in rows
    }
    return [found[Basis.MONTH], found[Basis.YEAR]]


def _evaluate(person: RatedPerson, tallies: list[Tally], vote: Vote | None) -> Warning | None:
    """Raise at most one warning for the thresholds the tallies newly reach.

    Only the highest newly reached tier is raised; it names every basis that newly reached a
    tier, and each such basis is marked covered up to its tier, so the lower thresholds it
    passed are never raised later for the same period. Call with the tallies locked (as
    `_bump_tallies` returns them).
    """
    reached = []
    for tally in tallies:
        tier = tier_reached(tally.basis, tally.dissatisfied)
        if tier > tally.covered_tier:
            reached.append((tally, tier))
    if not reached:
        return None
    top = max(tier for _tally, tier in reached)
    warning = Warning.objects.create(person=person, tier=top, vote=vote)
    for tally, tier in reached:
        WarningBasis.objects.create(
            warning=warning,
            person=person,
            tier=tier,
            basis=tally.basis,
            period=tally.period,
            count=tally.dissatisfied,
        )
        tally.covered_tier = tier
        tally.save(update_fields=["covered_tier"])
    _alert(warning, reached)
    return warning


def _alert(warning: Warning, reached: list) -> None:
    from supervision.models import Alert
    from supervision.services import alert_raise

    person = warning.person
    bases = "、".join(
        (
            _("%(year)s年度不满意票%(count)s张")
            if t.basis == Basis.YEAR
            else _("%(year)s年%(month)s月不满意票%(count)s张")
        )
        % {"year": t.period.year, "month": t.period.month, "count": t.dissatisfied}
        for t, _tier in reached
    )
    tier = Tier(warning.tier)
    message = _("%(unit)s %(name)s（%(position)s）触发%(tier)s：%(bases)s，应予%(action)s。") % {
        "unit": person.department.name,
        "name": person.name,
        "position": person.position,
        "tier": tier.label,
        "bases": bases,
        "action": TIER_ACTIONS[tier],
    }
    alert = alert_raise(
        kind=Alert.Kind.RATING_WARNING,
        severity=Alert.Severity.SERIOUS if tier == Tier.I else Alert.Severity.WARNING,
        department=person.department,
        subject_ref=f"EV-{warning.pk}",
        subject_url=warning.get_absolute_url(),
        message=message,
        dedup_key=f"evaluation.warning:{warning.pk}",
    )
    warning.alert = alert
    warning.save(update_fields=["alert"])


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
    try:
        return _vote_store(person, voter, choice, dissatisfied, client_key, at)
    except IntegrityError:
        if voter is None:
            raise
        # The same citizen's first vote for this person landed a moment ago (a double
        # submission): store this one as its change.
        return _vote_store(person, voter, choice, dissatisfied, client_key, at)


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
    with transaction.atomic():
        existing = None
        if voter is not None:
            existing = (
                Vote.objects.select_for_update()
                .filter(person=person, voter=voter, month=month_of(at))
                .first()
            )
        if existing is None:
            vote = Vote.objects.create(
                person=person,
                voter=voter,
                month=month_of(at),
                created_at=at,
                client_key=client_key if voter is None else "",
                **fields,
            )
            delta = int(dissatisfied)
            code = VoteEvent.Code.CAST
        else:
            delta = int(dissatisfied) - int(existing.is_dissatisfied)
            for name, value in fields.items():
                setattr(existing, name, value)
            existing.save()
            vote, code = existing, VoteEvent.Code.CHANGED
        VoteEvent.objects.create(vote=vote, actor=voter, code=code, created_at=at, data=choice)
        if delta:
            # The tallies follow the vote's own period (a change can only happen in its month).
            tallies = _bump_tallies(person, vote.created_at, delta)
            if delta > 0:
                _evaluate(person, tallies, vote)
    return vote


def reason_moderate(*, vote: Vote, actor: User, approve: bool) -> Vote:
    """Publish a vote's reason or keep it off the public pages; the vote itself still counts."""
    with transaction.atomic():
        vote = Vote.objects.select_for_update().get(pk=vote.pk)
        if vote.reason_status != Vote.ReasonStatus.PENDING:
            raise DomainError(_("该理由已审核过。"))
        vote.reason_status = Vote.ReasonStatus.APPROVED if approve else Vote.ReasonStatus.REJECTED
        vote.moderated_by, vote.moderated_at = actor, timezone.now()
        vote.save()
        VoteEvent.objects.create(
            vote=vote,
            actor=actor,
            code=VoteEvent.Code.REASON_APPROVED if approve else VoteEvent.Code.REASON_REJECTED,
        )
    return vote


def tallies_check(*, at: datetime | None = None) -> int:
    """Recount this month's and year's dissatisfied votes and raise any warning missed.

    The nightly safety net: idempotent, takes the same locks as a vote. Returns warnings raised.
    """
    at = at or timezone.now()
    month, year = month_of(at), year_of(at)
    person_ids = (
        Vote.objects.filter(month__gte=year, is_dissatisfied=True)
        .values_list("person_id", flat=True)
        .distinct()
    )
    raised = 0
    for person_id in list(person_ids):
        with transaction.atomic():
            person = RatedPerson.objects.select_related("department").get(pk=person_id)
            tallies = _bump_tallies(person, at, 0)
            for tally in tallies:
                since = month if tally.basis == Basis.MONTH else year
                count = Vote.objects.filter(
                    person=person, is_dissatisfied=True, month__gte=since, month__lte=month
                ).count()
                if count != tally.dissatisfied:
                    tally.dissatisfied = count
                    tally.save(update_fields=["dissatisfied"])
            if _evaluate(person, tallies, None) is not None:
                raised += 1
    return raised
