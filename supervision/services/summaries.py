"""Keep supervision's summary tables (汇总表) and rebuild them from the base tables.

Every change is an upsert that adds a delta (`n = n + excluded.n`), in the transaction of the
change it counts: two writers never read-modify-write the same row, so no count is lost. Rows are
always written in key order, so two writers locking several rows cannot deadlock. The clock
services call `clock_moved`; the sweep's set-based statements count what they write with
`notices_counted` and `lights_counted` (see `supervision.services.sweep`).
"""

import datetime
from collections.abc import Callable

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Count, F, Q
from django.db.models.functions import TruncDate
from django.utils import timezone

from supervision.models import (
    OPEN_NOTICE_STATUSES,
    OPEN_STATES,
    Clock,
    ClockDay,
    Notice,
    NoticeDay,
    OpenClockCount,
)

# (state, light) of an open clock before a change; None for a clock that did not exist.
Position = tuple[str, str] | None


def _table(model) -> str:
    return model._meta.db_table


def _literal(value) -> str:
    return "NULL" if value is None else "'" + str(value).replace("'", "''") + "'"


def local_day(column: str) -> str:
    """SQL for the local calendar day (settings.TIME_ZONE) of a datetime column."""
    sql, params = connection.ops.datetime_cast_date_sql(column, (), settings.TIME_ZONE)
    # The parameters are time zone names from the settings, never user input.
    return sql % tuple(_literal(param) for param in params)


def open_counts_upsert(source: str) -> str:
    """The statement adding `source`'s rows (department_id, kind, state, light, delta) to the
    open-clock counts; `source` is a table expression (a CTE name or a parenthesised SELECT)."""
    table = _table(OpenClockCount)
    return (
        f"INSERT INTO {table} (department_id, kind, state, light, n) "
        f"SELECT department_id, kind, state, light, SUM(delta) FROM {source} m WHERE 1 = 1 "
        f"GROUP BY department_id, kind, state, light ORDER BY department_id, kind, state, light "
        f"ON CONFLICT (department_id, kind, state, light) DO UPDATE SET n = {table}.n + EXCLUDED.n"
    )


def lights_moved_source(moved: str) -> str:
    """Deltas of `moved` (department_id, kind, old_light, new_light) for `open_counts_upsert`."""
    # Grouped first: a few rows per department and kind instead of two per moved clock.
    grouped = (
        f"(SELECT department_id, kind, old_light, new_light, COUNT(*) AS n FROM {moved} g0 "
        f"GROUP BY department_id, kind, old_light, new_light)"
    )
    return (
        f"(SELECT department_id, kind, 'running' AS state, new_light AS light, n AS delta "
        f"FROM {grouped} m1 UNION ALL SELECT department_id, kind, 'running', old_light, -n "
        f"FROM {grouped} m2)"
    )


def notices_upsert(source: str) -> str:
    """The statement counting `source`'s new notices (level, department_id, issued_at and the
    clock's kind) in the daily notice counts."""
    table = _table(NoticeDay)
    return (
        f"INSERT INTO {table} (day, department_id, kind, level, issued, settled) "
        f"SELECT {local_day('s.issued_at')}, s.department_id, s.kind, s.level, COUNT(*), 0 "
        f"FROM {source} s WHERE 1 = 1 "
        f"GROUP BY {local_day('s.issued_at')}, s.department_id, s.kind, s.level "
        f"ORDER BY 1, 2, 3, 4 ON CONFLICT (day, department_id, kind, level) "
        f"DO UPDATE SET issued = {table}.issued + EXCLUDED.issued"
    )


def notices_counted(select: str) -> list[str]:
    """Statements that insert the notices of `select` and count the new ones, in order.

    `select` yields, each column named, notice rows (clock_id, level, department_id, issued_at,
    status, reply) and the clock's kind. On PostgreSQL one statement inserts, counts exactly the
    rows inserted (joined back to the candidates, never to the clock table) and answers their
    number; SQLite, whose writers take turns, first counts the rows about to be inserted (those
    with no notice of their level yet).
    """
    notice = _table(Notice)
    columns = "clock_id, level, department_id, issued_at, status, reply"
    if connection.vendor == "postgresql":
        inserted = "(SELECT k.* FROM candidates k JOIN issued i ON i.clock_id = k.clock_id)"
        return [
            f"WITH candidates AS ({select}), "
            f"issued AS (INSERT INTO {notice} ({columns}) SELECT {columns} FROM candidates "
            f"WHERE 1 = 1 ON CONFLICT (clock_id, level) DO NOTHING RETURNING clock_id), "
            f"counted AS ({notices_upsert(inserted)}) SELECT COUNT(*) FROM issued"
        ]
    fresh = (
        f"(SELECT * FROM ({select}) f WHERE NOT EXISTS (SELECT 1 FROM {notice} n "
        f"WHERE n.clock_id = f.clock_id AND n.level = f.level))"
    )
    insert = (
        f"INSERT INTO {notice} ({columns}) SELECT {columns} FROM ({select}) f WHERE 1 = 1 "
        f"ON CONFLICT (clock_id, level) DO NOTHING"
    )
    return [notices_upsert(fresh), insert]


def lights_counted(*, where: str) -> list[str]:
    """Statements that move the lights of the running clocks matching `where` (on table `c`)
    forward as of %(now)s and keep the open-clock counts, in order; see `notices_counted`."""
    clock = _table(Clock)
    new_light = "CASE WHEN due_at < %(now)s THEN 'red' ELSE 'yellow' END"
    if connection.vendor == "postgresql":
        # Split by the light a clock leaves, so that each one's old light is known; the two
        # sets are disjoint, and each UPDATE re-checks its condition on a row changed meanwhile.
        return [
            f"WITH from_green AS (UPDATE {clock} c SET light = {new_light} WHERE {where} "
            f"AND c.light = 'green' AND c.warn_at < %(now)s "
            f"RETURNING department_id, kind, light), "
            f"from_yellow AS (UPDATE {clock} c SET light = 'red' WHERE {where} "
            f"AND c.light = 'yellow' AND c.due_at < %(now)s RETURNING department_id, kind, light), "
            f"moved AS (SELECT department_id, kind, 'green' AS old_light, light AS new_light "
            f"FROM from_green UNION ALL SELECT department_id, kind, 'yellow', light FROM from_yellow), "
            f"counted AS ({open_counts_upsert(lights_moved_source('moved'))}) "
            f"SELECT COUNT(*) FROM moved"
        ]
    moving = (
        "((c.light = 'green' AND c.warn_at < %(now)s) OR (c.light <> 'red' AND c.due_at < %(now)s))"
    )
    moved = (
        f"(SELECT department_id, kind, light AS old_light, {new_light} AS new_light "
        f"FROM {clock} c WHERE {where} AND {moving})"
    )
    return [
        open_counts_upsert(lights_moved_source(moved)),
        f"UPDATE {clock} AS c SET light = {new_light} WHERE {where} AND {moving}",
    ]


def _add(model, key: tuple[str, ...], rows: list[tuple], counts: tuple[str, ...]) -> None:
    """Add each row's counts (key values, then count deltas) to `model`'s rows, in one statement."""
    if not rows:
        return
    rows = sorted(rows, key=lambda row: row[: len(key)])
    table = _table(model)
    columns = (*key, *counts)
    values = ", ".join(["(" + ", ".join(["%s"] * len(columns)) + ")"] * len(rows))
    updates = ", ".join(f"{count} = {table}.{count} + EXCLUDED.{count}" for count in counts)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES {values} "
            f"ON CONFLICT ({', '.join(key)}) DO UPDATE SET {updates}",
            [value for row in rows for value in row],
        )


def _day(moment: datetime.datetime) -> datetime.date:
    return timezone.localtime(moment, timezone.get_default_timezone()).date()


def clock_moved(*, clock: Clock, before: Position) -> None:
    """Count a clock's change made by a service: started (`before` None), paused, resumed,
    restarted, extended, recomputed or stopped; call it after `clock.save()`."""
    after = (clock.state, clock.light) if clock.is_open else None
    if before != after:
        deltas = []
        if before is not None:
            deltas.append((clock.department_id, clock.kind, *before, -1))
        if after is not None:
            deltas.append((clock.department_id, clock.kind, *after, 1))
        _add(OpenClockCount, ("department_id", "kind", "state", "light"), deltas, ("n",))
    key = ("day", "department_id", "kind")
    counts = ("started", "finished", "on_time")
    if before is None:
        _add(
            ClockDay,
            key,
            [(_day(clock.started_at), clock.department_id, clock.kind, 1, 0, 0)],
            counts,
        )
    if before is not None and after is None:
        on_time = int(clock.stopped_at <= clock.due_at)
        day = _day(clock.stopped_at)
        _add(ClockDay, key, [(day, clock.department_id, clock.kind, 0, 1, on_time)], counts)


def notice_settled(*, notice: Notice, kind: str) -> None:
    """Count a notice answered or closed (it no longer waits), under its day of issue; `kind`
    is its clock's."""
    _add(
        NoticeDay,
        ("day", "department_id", "kind", "level"),
        [(_day(notice.issued_at), notice.department_id, kind, notice.level, 0, 1)],
        ("issued", "settled"),
    )


def position(clock: Clock) -> Position:
    """What `clock_moved` needs to know of a clock before a change."""
    return (clock.state, clock.light) if clock.is_open else None


# Other pillars' summary rebuilders (name → function returning rows per table), registered in
# their `AppConfig.ready`, so that `rebuild_summaries` rebuilds every summary of the portal.
_rebuilders: dict[str, Callable[[], dict[str, int]]] = {}


def register_rebuild(name: str, rebuild_function: Callable[[], dict[str, int]]) -> None:
    """Add a pillar's summary rebuild to `rebuild_all` (idempotent per name)."""
    _rebuilders[name] = rebuild_function


def rebuild_all() -> dict[str, int]:
    """Rebuild supervision's summaries and every registered pillar's; rows per table."""
    rows = rebuild()
    for name in sorted(_rebuilders):
        rows.update(_rebuilders[name]())
    return rows


@transaction.atomic
def rebuild() -> dict[str, int]:
    """Recompute every summary row from the clocks and notices; return the rows per table.

    On PostgreSQL the clock and notice tables are locked against writes meanwhile, so that no
    change falls between the count and the swap.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                f"LOCK TABLE {_table(Clock)}, {_table(Notice)} IN SHARE ROW EXCLUSIVE MODE"
            )
    fill(
        clock=Clock,
        notice=Notice,
        open_clock_count=OpenClockCount,
        clock_day=ClockDay,
        notice_day=NoticeDay,
    )
    return {
        "open_clocks": OpenClockCount.objects.count(),
        "clock_days": ClockDay.objects.count(),
        "notice_days": NoticeDay.objects.count(),
    }


def fill(*, clock, notice, open_clock_count, clock_day, notice_day) -> None:
    """Replace the summary rows with counts of the base rows; the models are passed so that the
    migration that creates the tables can fill them with its historical models.

    Rows are written in key order, as days' rows accrue in a live table: a period's rows then
    share a few pages (an 8-week ClockDay read touched 561 pages in hash order, 30 in key order).
    """
    for model in (open_clock_count, clock_day, notice_day):
        model.objects.all().delete()
    open_clock_count.objects.bulk_create(
        open_clock_count(**row)
        for row in clock.objects.filter(state__in=OPEN_STATES)
        .values("department_id", "kind", "state", "light")
        .annotate(n=Count("*"))
        .order_by("department_id", "kind", "state", "light")
    )
    zone = timezone.get_default_timezone()
    days: dict[tuple, dict] = {}
    for row in (
        clock.objects.annotate(day=TruncDate("started_at", tzinfo=zone))
        .values("day", "department_id", "kind")
        .annotate(started=Count("*"))
        .order_by()
    ):
        days[row["day"], row["department_id"], row["kind"]] = {"started": row["started"]}
    for row in (
        clock.objects.filter(state="stopped")
        .annotate(day=TruncDate("stopped_at", tzinfo=zone))
        .values("day", "department_id", "kind")
        .annotate(finished=Count("*"), on_time=Count("id", filter=Q(stopped_at__lte=F("due_at"))))
        .order_by()
    ):
        days.setdefault((row["day"], row["department_id"], row["kind"]), {}).update(
            finished=row["finished"], on_time=row["on_time"]
        )
    clock_day.objects.bulk_create(
        (
            clock_day(day=day, department_id=department_id, kind=kind, **counts)
            for (day, department_id, kind), counts in sorted(days.items())
        ),
        batch_size=2000,
    )
    notice_day.objects.bulk_create(
        (
            notice_day(**row)
            for row in notice.objects.annotate(
                day=TruncDate("issued_at", tzinfo=zone), kind=F("clock__kind")
            )
            .values("day", "department_id", "kind", "level")
            .annotate(
                issued=Count("*"),
                settled=Count("id", filter=~Q(status__in=OPEN_NOTICE_STATUSES)),
            )
            .order_by("day", "department_id", "kind", "level")
        ),
        batch_size=2000,
    )
