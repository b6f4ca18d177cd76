"""Figures materialised by beat (物化统计): what a page shows instead of grouping all history.

Some figures depend on many moves of many records (a complaint's status, department and
satisfaction all count), so keeping a summary row in every service that moves one would spread
the statistics over the whole pillar. Those figures are computed by beat every few minutes
(`refresh`) and stored as a `Snapshot`; pages read the stored figures and show when they were
computed ("数据更新于 …"). A key no one asked for yet (an old year) is computed once, on first
read, and refreshed only when beat lists it among the current keys.

The portal imports no pillar: each registers its figures in its `AppConfig.ready`.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import DatabaseError, transaction
from django.utils import timezone

from portal.models import Snapshot


@dataclass(frozen=True)
class Figures:
    """The figures of one name and key, as computed at `computed_at`."""

    data: Any
    computed_at: datetime.datetime


@dataclass(frozen=True)
class _Registered:
    compute: Callable[[str], Any]
    current: Callable[[], list[str]]


_registered: dict[str, _Registered] = {}


def register(name: str, *, compute: Callable[[str], Any], current: Callable[[], list[str]]) -> None:
    """Add figures: `compute(key)` returns JSON data; beat refreshes the keys `current()` lists."""
    _registered[name] = _Registered(compute=compute, current=current)


def _keep(name: str, key: str, data: Any, at: datetime.datetime) -> None:
    Snapshot.objects.bulk_create(
        [Snapshot(name=name, key=key, data=data, computed_at=at)],
        update_conflicts=True,
        unique_fields=["name", "key"],
        update_fields=["data", "computed_at"],
    )


def read(name: str, key: str = "") -> Figures:
    """The stored figures of `name` and `key`; computed and stored first if there are none."""
    stored = Snapshot.objects.filter(name=name, key=key).only("data", "computed_at").first()
    if stored is not None:
        return Figures(data=stored.data, computed_at=stored.computed_at)
    at = timezone.now()
    data = _registered[name].compute(key)
    try:
        with transaction.atomic():
            _keep(name, key, data, at)
    except DatabaseError:
        pass  # a read-only or full database still shows the figures; beat keeps them later
    return Figures(data=data, computed_at=at)


def refresh(*, at: datetime.datetime | None = None) -> int:
    """Recompute the current keys of every registered name (beat); return how many."""
    at = at or timezone.now()
    done = 0
    for name, registered in sorted(_registered.items()):
        for key in registered.current():
            _keep(name, key, registered.compute(key), at)
            done += 1
    return done
