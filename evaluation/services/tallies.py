"""Tallies and the warnings they raise: the thresholds of DOMAIN.md §4, one warning per crossing.

A vote adds to its person's month and year tallies (`tallies_add`); the nightly check recounts
them and raises any warning missed (`tallies_check`). Both take the tally rows as their lock.
"""

from datetime import datetime

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from evaluation.models import (
    TIER_ACTIONS,
    Basis,
    RatedPerson,
    RatingWarning,
    Tally,
    Tier,
    Vote,
    WarningBasis,
    month_of,
    year_of,
)
from evaluation.services import labels
from portal.texts import source_text
from supervision.models import Alert
from supervision.services import alert_raise

# The warning thresholds of DOMAIN.md §4; EVALUATION_THRESHOLDS overrides them.
DEFAULT_THRESHOLDS = {
    Basis.MONTH: {Tier.III: 10, Tier.II: 20, Tier.I: 40},
    Basis.YEAR: {Tier.III: 40, Tier.II: 80, Tier.I: 120},
}


def thresholds(basis: str) -> dict[int, int]:
    """Return {tier: dissatisfied votes needed} for a basis, from EVALUATION_THRESHOLDS."""
    configured = getattr(settings, "EVALUATION_THRESHOLDS", {}).get(str(basis), {})
    merged = {int(tier): count for tier, count in DEFAULT_THRESHOLDS[Basis(basis)].items()}
    merged.update({int(Tier[name]): count for name, count in configured.items()})
    return merged


def tier_reached(basis: str, count: int) -> int:
    """Return the highest tier a count reaches on a basis (0: none)."""
    return max((tier for tier, needed in thresholds(basis).items() if count >= needed), default=0)


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


def _evaluate(person: RatedPerson, tallies: list[Tally], vote: Vote | None) -> RatingWarning | None:
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
    warning = RatingWarning.objects.create(person=person, tier=top, vote=vote)
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


def _alert(warning: RatingWarning, reached: list) -> None:
    """Put the warning on the supervision dashboard, where the efficiency office acts on it."""
    person = warning.person
    # The periods stay in the source language: the vote that triggers this may be English.
    with translation.override(settings.LANGUAGE_CODE):
        bases = "、".join(
            (
                _("%(year)s年度不满意票%(count)s张")
                if tally.basis == Basis.YEAR
                else _("%(year)s年%(month)s月不满意票%(count)s张")
            )
            % {"year": tally.period.year, "month": tally.period.month, "count": tally.dissatisfied}
            for tally, _tier in reached
        )
    tier = Tier(warning.tier)
    params = {
        "unit": person.department.name,
        "name": person.name,
        "position": person.position,
        "tier": source_text(tier.label),
        "bases": bases,
        "action": source_text(TIER_ACTIONS[tier]),
    }
    alert = alert_raise(
        kind=Alert.Kind.RATING_WARNING,
        severity=Alert.Severity.SERIOUS if tier == Tier.I else Alert.Severity.WARNING,
        department=person.department,
        subject_ref=f"EV-{warning.pk}",
        subject_url=warning.get_absolute_url(),
        message_code=labels.RATING_WARNING,
        message_params=params,
        # The key keeps the model's former name: alerts raised before the rename stay deduplicated.
        dedup_key=f"evaluation.warning:{warning.pk}",
    )
    warning.alert = alert
    warning.save(update_fields=["alert"])


def tallies_add(*, person: RatedPerson, vote: Vote, delta: int) -> None:
    """Add a vote's change of mind (+1, -1) to its person's tallies and raise any warning due.

    The tallies follow the vote's own period (a change can only happen in its month). Call
    inside the vote's transaction: the tally rows stay locked until it ends.
    """
    tallies = _bump_tallies(person, vote.created_at, delta)
    if delta > 0:
        _evaluate(person, tallies, vote)


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
