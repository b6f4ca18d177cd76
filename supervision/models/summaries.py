"""Summary tables of supervision (汇总表): what the dashboard, the workbench card and the brief read.

A page never counts clocks or notices: it reads a few summary rows, whatever the history.
The clock services and the sweep keep these rows in the same transaction as the change, with
`n = n + delta` upserts only (never read-modify-write), so concurrent writers cannot lose a count
(`supervision.services.summaries`). `manage.py rebuild_summaries` recomputes them from the base
tables, and must give the same rows.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.models import Department


class OpenClockCount(models.Model):
    """The open clocks now (在办计时器数) of a department and kind, by state and light."""

    # The unique key leads with the department: no second index to write on every change.
    department = models.ForeignKey(
        Department, on_delete=models.PROTECT, related_name="+", db_index=False
    )
    kind = models.CharField(_("类别"), max_length=60)
    state = models.CharField(_("状态"), max_length=8)
    light = models.CharField(_("灯色"), max_length=6)
    n = models.IntegerField(default=0)

    class Meta:
        verbose_name = _("在办计时器数")
        verbose_name_plural = _("在办计时器数")
        constraints = [
            models.UniqueConstraint(
                fields=["department", "kind", "state", "light"], name="open_clock_count_key"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.department_id} {self.kind} {self.state} {self.light}: {self.n}"


class ClockDay(models.Model):
    """Per local day, department and kind: clocks started, finished, and finished on time."""

    day = models.DateField(_("日期"))
    department = models.ForeignKey(
        Department, on_delete=models.PROTECT, related_name="+", db_index=False
    )
    kind = models.CharField(_("类别"), max_length=60)
    started = models.IntegerField(default=0)
    finished = models.IntegerField(default=0)
    on_time = models.IntegerField(default=0)

    class Meta:
        verbose_name = _("计时器日汇总")
        verbose_name_plural = _("计时器日汇总")
        constraints = [
            models.UniqueConstraint(fields=["day", "department", "kind"], name="clock_day_key"),
        ]

    def __str__(self) -> str:
        return f"{self.day} {self.department_id} {self.kind}"


class NoticeDay(models.Model):
    """Per local day of issue, department, clock kind and level: the notices issued, and how many
    of them are settled (answered or closed); the rest are still waiting for the department."""

    day = models.DateField(_("日期"))
    department = models.ForeignKey(
        Department, on_delete=models.PROTECT, related_name="+", db_index=False
    )
    kind = models.CharField(_("类别"), max_length=60)
    level = models.CharField(_("级别"), max_length=12)
    issued = models.IntegerField(default=0)
    settled = models.IntegerField(default=0)

    class Meta:
        verbose_name = _("督办文书日汇总")
        verbose_name_plural = _("督办文书日汇总")
        constraints = [
            models.UniqueConstraint(
                fields=["day", "department", "kind", "level"], name="notice_day_key"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.day} {self.department_id} {self.kind} {self.level}"
