"""Reads of the process definitions: the steps of a version (cached), the list of items."""

import time
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Prefetch, Q, QuerySet

from approvals.models import Process, ProcessStep
from disclosure.models import CatalogueItem


@dataclass(frozen=True)
class StepRow:
    step: ProcessStep
    departments: tuple
    joint: bool


STEPS_CACHE_SECONDS = 3600


def process_steps(process: Process) -> list[StepRow]:
    """The steps of a process version in force or retired, with their departments.

    Such a version never changes (a change is a new version), so its steps are cached: pages
    showing a case or a catalogue item skip two queries. The key carries the version's creation
    time, so a cache shared with another database (tests, a second site) never mixes versions.
    """
    if process.is_editable:
        return _load_steps(process)
    key = f"approvals:process-steps:{process.pk}:{process.created_at.timestamp():.6f}"
    return cached(key, lambda: _load_steps(process))


_LOCAL: dict[str, tuple[object, float]] = {}


def cached(key: str, load, seconds: int = STEPS_CACHE_SECONDS):
    """Read-mostly data: this process's own copy first, then the shared cache, then `load()`.

    Keys must name an immutable state (a version, a saved-at time), never "the current" one.
    """
    now = time.monotonic()
    value, expires = _LOCAL.get(key, (None, 0.0))
    if value is None or expires < now:
        value = cache.get(key)
        if value is None:
            value = load()
            cache.set(key, value, seconds)
        if len(_LOCAL) > 2000:
            _LOCAL.clear()
        _LOCAL[key] = (value, now + seconds)
    return value


def _load_steps(process: Process) -> list[StepRow]:
    rows = []
    for step in process.steps.prefetch_related("departments").order_by("order"):
        departments = tuple(step.departments.all())
        rows.append(StepRow(step=step, departments=departments, joint=len(departments) > 1))
    return rows


def active_process(item) -> Process | None:
    """The item's process in force (its steps come from `process_steps`)."""
    return Process.objects.filter(item=item, status=Process.Status.ACTIVE).first()


def processes_overview(query: str = "") -> QuerySet:
    """Catalogue items with their process versions, for the process-definition list."""
    items = CatalogueItem.objects.filter(
        status__in=[CatalogueItem.Status.PUBLISHED, CatalogueItem.Status.REVIEW, "draft"]
    ).select_related("department")
    query = (query or "").strip()
    if query:
        items = items.filter(Q(name__icontains=query) | Q(code__icontains=query))
    return items.prefetch_related(
        Prefetch("processes", queryset=Process.objects.order_by("-version"))
    ).order_by("department_id", "code")
