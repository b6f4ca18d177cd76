"""Labels, never codes, wherever staff look: clock kinds, alert kinds, notice levels.

Clock kinds are dotted strings the pillars define (`approvals.case`); supervision imports no
pillar, so each pillar registers its kinds' labels in its `AppConfig.ready` with
`register_clock_kinds`. Alert kinds and notice levels are supervision's own choices. Pages use
the `kind_label` filter of `supervision_tags`; selectors and exports call `label`.
"""

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from portal.texts import Text
from supervision.models import Alert, Notice

CLOCK = "clock"
ALERT = "alert"
NOTICE = "notice"

_CLOCK_KINDS: dict[str, Promise | str] = {}
# Built once: lazy labels, rendered in the active language when shown.
_CHOICES = {ALERT: dict(Alert.Kind.choices), NOTICE: dict(Notice.Level.choices)}


def register_clock_kinds(labels: dict[str, Promise | str]) -> None:
    """Register the labels of a pillar's clock kinds (`{"approvals.case": _("办件办理")}`)."""
    _CLOCK_KINDS.update(labels)


def label(namespace: str, code: str) -> str:
    """The label of a clock kind, alert kind or notice level in the active language.

    An unregistered code shows as itself, so a pillar that forgot to register is visible.
    """
    found = (_CLOCK_KINDS if namespace == CLOCK else _CHOICES[namespace]).get(code)
    return str(found) if found is not None else code


def clock_kind_choices(kinds: list[str]) -> list[tuple[str, str]]:
    """(kind, label) pairs for a filter, in label order."""
    return sorted(((kind, label(CLOCK, kind)) for kind in kinds), key=lambda pair: pair[1])


# Supervision's own alert messages (codes stored by the sweep and the calendar checks).
TEXTS = {
    "supervision.overdue": _("已超期：%(subject)s"),
    "supervision.calendar_missing": _(
        "%(year)d年的法定节假日和调休安排尚未载入工作日历，涉及该年的期限暂按法定节假日（不含调休）计算。请管理员载入。"
    ),
    "supervision.calendar_provisional": _(
        "已有期限按%(year)d年的暂定日历（仅含法定节假日，不含调休）计算。"
        "国务院公布该年节假日安排后，请管理员载入，系统将重新计算这些期限。"
    ),
}

# What departments and leaders are told (`portal.notifications.notify`).
TEXTS.update(
    {
        "supervision.notice": Text(_("%(level)s %(number)s"), translated=("level",)),
        "supervision.notice_body": _(
            "%(department)s：%(subject)s（%(ref)s）期限至%(due)s，请抓紧办理并反馈。"
        ),
        "supervision.brief": _("领导参阅（%(month)s）"),
        "supervision.brief_body": _("%(month)s 各板块运行情况已生成，请查阅。"),
    }
)

CLOCK_KINDS = {"supervision.demo": _("演示事项")}
