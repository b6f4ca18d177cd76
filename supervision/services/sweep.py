"""The sweep: move lights and issue notices with a fixed number of SQL statements per run.

Every moment the sweep compares against (warn_at, due_at, escalate_at) was computed when the clock
was written, so the sweep is comparisons only. A light change is recorded by the notice it earns
(urge at yellow, supervision at red, dated when the threshold was crossed); clock, notice and
alert events record what people did. The notices and overdue alerts the sweep inserts have no
event row: their own `issued_at`/`raised_at` is the record, and an event per row would double
the rows a sweep writes (its budget is twice a bare UPDATE of the lights). The sweep is
- idempotent: notices and overdue alerts are unique per clock and level, inserted with
  ON CONFLICT DO NOTHING, and only clocks whose light moves forward are touched;
- safe to run late: one run does what minute-by-minute runs would have done, and dates each
  event and notice at the moment its threshold was crossed, not at the moment of the run; a
  clock paused, stopped, extended or restarted in between was first settled (`settle`) by the
  service that changed it, with these same statements;
- safe when two run at once: on PostgreSQL a transaction-level advisory lock makes the second
  wait for the first, then find nothing left to do;
- safe when killed half-way: all statements run in one transaction; notifications go out after
  commit from the notices not yet notified, each claimed once;
- counted: each write keeps the summary counts the dashboard reads (`summaries.notices_counted`,
  `summaries.lights_counted`), in the same statement on PostgreSQL.
"""

import datetime
from dataclasses import dataclass

from django.db import connection, transaction
from django.utils import timezone

from supervision.models import Alert, Clock, Notice
from supervision.services import summaries

# The code of the overdue alert's message (registered in `supervision.labels.TEXTS`).
OVERDUE_MESSAGE = "supervision.overdue"

# Any constant distinct from other advisory locks of the database.
_ADVISORY_LOCK = 7_305_001


@dataclass(frozen=True)
class SweepResult:
    yellow: int
    red: int
    notices: int
    second_grade: int


def _tables() -> dict:
    return {
        "clock": Clock._meta.db_table,
        "notice": Notice._meta.db_table,
        "alert": Alert._meta.db_table,
    }


def statements(*, clock_id: int | None = None) -> list[tuple[str, str]]:
    """Return the sweep's statements in the order they run, each with its name.

    With `clock_id` the same statements touch that one clock only (see `settle`).
    """
    tables = _tables()
    # An integer from the database, never user input: safe to inline.
    only = "" if clock_id is None else f" AND c.id = {int(clock_id)}"
    open_clock = f"c.state = 'running'{only}"
    turns_yellow = f"{open_clock} AND c.light = 'green' AND c.warn_at < %(now)s"
    turns_red = f"{open_clock} AND c.light <> 'red' AND c.due_at < %(now)s"
    # The overdue alert stores a code and the subject, rendered in each reader's language.
    json_object = "jsonb_build_object" if connection.vendor == "postgresql" else "json_object"

    def notices(name: str, level: str, moment: str, where: str) -> list[tuple[str, str]]:
        # SQLite needs a WHERE before ON CONFLICT in INSERT … SELECT; "AND 1 = 1" keeps one text.
        select = (
            f"SELECT c.id AS clock_id, '{level}' AS level, c.department_id AS department_id, "
            f"c.{moment} AS issued_at, 'issued' AS status, '' AS reply, c.kind AS kind "
            f"FROM {tables['clock']} c "
            f"WHERE {where} AND 1 = 1"
        )
        return _named(name, summaries.notices_counted(select))

    return [
        *notices("urge_notices", "urge", "warn_at", turns_yellow),
        *notices("supervision_notices", "supervision", "due_at", turns_red),
        (
            "overdue_alerts",
            f"INSERT INTO {tables['alert']} (kind, severity, department_id, subject_ref, subject_url, message, "
            f"message_code, message_params, dedup_key, raised_at, status, action, action_note) "
            f"SELECT 'overdue', 'warning', c.department_id, c.subject_ref, c.subject_url, '', "
            f"'{OVERDUE_MESSAGE}', {json_object}('subject', c.subject_label), "
            f"'overdue:clock:' || c.id, c.due_at, 'open', '', '' "
            f"FROM {tables['clock']} c WHERE {turns_red} AND 1 = 1 ON CONFLICT (dedup_key) DO NOTHING",
        ),
        *_named("lights", summaries.lights_counted(where=open_clock)),
        *notices(
            "second_grade",
            "second_grade",
            "escalate_at",
            # escalate_at >= due_at (a constraint): the due_at term lets the (state, due_at)
            # index find the overdue clocks instead of reading every open clock.
            f"{open_clock} AND c.light = 'red' AND c.due_at < %(now)s AND c.escalate_at < %(now)s "
            f"AND NOT EXISTS (SELECT 1 FROM {tables['notice']} n "
            f"WHERE n.clock_id = c.id AND n.level = 'second_grade')",
        ),
    ]


def _named(name: str, texts: list[str]) -> list[tuple[str, str]]:
    """Name the last statement `name` (the write); the counting statements before it are helpers."""
    return [(f"{name}:count", text) for text in texts[:-1]] + [(name, texts[-1])]


def _sql(text: str) -> str:
    """Use the driver's parameter style: named for psycopg, positional for SQLite."""
    if connection.vendor == "postgresql":
        return text
    return text.replace("%(now)s", "%s")


def _run(now: datetime.datetime, clock_id: int | None) -> dict[str, int]:
    """Run the statements; hand the notices to the notifier after commit."""
    value = connection.ops.adapt_datetimefield_value(now)
    counts = {}
    with connection.cursor() as cursor:
        for name, text in statements(clock_id=clock_id):
            params = (
                {"now": value}
                if connection.vendor == "postgresql"
                else [value] * text.count("%(now)s")
            )
            cursor.execute(_sql(text), params)
            # On PostgreSQL a write that also counts itself answers its number of rows.
            counts[name] = cursor.fetchone()[0] if cursor.description else cursor.rowcount
    # A sweep also hands over what earlier runs left unsent; settling, only what it issued.
    if (
        clock_id is None
        or counts["urge_notices"] + counts["supervision_notices"] + counts["second_grade"]
    ):
        transaction.on_commit(_notify_later)
    return counts


def sweep_clocks(*, now: datetime.datetime | None = None) -> SweepResult:
    """Move every open clock's light to where `now` puts it and issue the notices it earned."""
    now = now or timezone.now()
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                # JIT off for this transaction: the counting CTEs' row estimates (no statistics
                # on a CTE) push the plans past jit_above_cost, and compiling them took longer
                # than running them (~0.9 s of a 1.5 s sweep over 1M clocks, see PERFORMANCE.md).
                cursor.execute(
                    "SELECT pg_advisory_xact_lock(%s), set_config('jit', 'off', true)",
                    [_ADVISORY_LOCK],
                )
        counts = _run(now, None)
    return SweepResult(
        yellow=counts["urge_notices"],
        red=counts["supervision_notices"],
        notices=counts["urge_notices"] + counts["supervision_notices"],
        second_grade=counts["second_grade"],
    )


def settle(*, clock_id: int, at: datetime.datetime) -> None:
    """Do for one running clock what a sweep at `at` would, before its schedule changes.

    Pausing, stopping, extending or restarting a clock calls this first, so that a threshold the
    clock crossed since the last sweep still earns its notice and alert, dated when crossed: a
    sweep run late then finds what punctual sweeps would have left. The caller holds the lock.
    """
    with transaction.atomic():
        _run(at, clock_id)


def _notify_later() -> None:
    from supervision.tasks import notify_notices

    try:
        notify_notices.delay()
    except Exception:
        # The broker is down: the next sweep's hand-off (or the task itself on its next run)
        # sends these, since notices not yet notified stay marked so.
        return
