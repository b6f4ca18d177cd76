"""What disclosure tells supervision in words: its clock kind's label and its alert messages,
and the system's notes on request events. Registered in `DisclosureConfig.ready`, so that each
reader sees them in their own language (`portal.texts`)."""

from django.utils.translation import gettext_lazy as _

from disclosure.services.requests.receipt import CLOCK_KIND

CLOCK_LABELS = {CLOCK_KIND: _("依申请公开")}

STALE_COLUMN = "disclosure.stale_column"
LATE_ARTICLE = "disclosure.late_article"
CONSULTATION_PAUSE = "disclosure.consultation_pause"

TEXTS = {
    STALE_COLUMN: _("栏目“%(name)s”应每 %(days)s 天更新，自 %(since)s 起未更新。"),
    LATE_ARTICLE: _("公开信息“%(title)s”自 %(since)s 形成或变更，超过 20 个工作日仍未公开。"),
    CONSULTATION_PAUSE: _("第三方答复期限至%(date)s，期间答复期限暂停计算。"),
}
