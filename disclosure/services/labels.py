"""What disclosure tells supervision in words: its clock kind's label and its alert messages,
and the system's notes on request events. Registered in `DisclosureConfig.ready`, so that each
reader sees them in their own language (`portal.texts`)."""

from django.utils.translation import gettext_lazy as _

from disclosure.services.requests.receipt import CLOCK_KIND
from portal.texts import Text

CLOCK_LABELS = {CLOCK_KIND: _("依申请公开")}

STALE_COLUMN = "disclosure.stale_column"
LATE_ARTICLE = "disclosure.late_article"
CONSULTATION_PAUSE = "disclosure.consultation_pause"

TEXTS = {
    STALE_COLUMN: _("栏目“%(name)s”应每 %(days)s 天更新，自 %(since)s 起未更新。"),
    LATE_ARTICLE: _("公开信息“%(title)s”自 %(since)s 形成或变更，超过 20 个工作日仍未公开。"),
    CONSULTATION_PAUSE: _("第三方答复期限至%(date)s，期间答复期限暂停计算。"),
}

# What applicants, the office and the editors are told (`portal.notifications.notify`).
NOTICES = {
    "disclosure.request_numbered": _("%(text)s 申请编号：%(number)s"),
    "disclosure.request_received": _("已收到您的政府信息公开申请"),
    "disclosure.request_received_body": _("我们将在%(date)s前答复。"),
    "disclosure.request_new": _("新的政府信息公开申请"),
    "disclosure.request_answered": _("您的政府信息公开申请已答复"),
    "disclosure.request_answered_body": Text(
        _("答复类型：%(type)s。请登录查看答复内容和相关文件。"), translated=("type",)
    ),
    "disclosure.answer_moved": _("答复期限调整告知"),
    "disclosure.answer_moved_body": _(
        "国务院已公布节假日安排，您申请的答复期限由%(old)s调整为%(new)s。"
    ),
    "disclosure.supplement_moved": _("补正期限调整告知"),
    "disclosure.supplement_moved_body": _(
        "国务院已公布节假日安排，您的补正期限由%(old)s调整为%(new)s。"
    ),
    "disclosure.consultation": _("征求第三方意见告知"),
    "disclosure.consultation_body": _(
        "您申请的信息涉及第三方权益，我们正在征求其意见，答复期限暂停计算。"
    ),
    "disclosure.extended": _("延长答复期限告知"),
    "disclosure.extended_body": _(
        "经机构负责人同意，答复期限延长%(days)d个工作日，至%(date)s。理由：%(reason)s"
    ),
    "disclosure.supplement_asked": _("补正申请通知"),
    "disclosure.supplement_asked_body": _(
        "请于%(date)s前补正：%(text)s 逾期未补正的，视为放弃申请。"
    ),
    "disclosure.supplement_received": _("已收到您的补正"),
    "disclosure.supplement_received_body": _(
        "答复期限自收到补正之日起重新计算，我们将在%(date)s前答复。"
    ),
    "disclosure.supplemented": _("申请人已补正"),
    "disclosure.abandoned": _("申请视为放弃"),
    "disclosure.abandoned_body": _(
        "您未在补正期限内补正，该申请视为放弃。如仍需要该信息，可以重新提出申请。"
    ),
    # Reporting (政务信息报送).
    "disclosure.report_new": _("新报送的政务信息"),
    "disclosure.report_adopted": _("政务信息已采用"),
    "disclosure.report_rejected": _("政务信息未被采用"),
    # Review of articles and catalogue items.
    "disclosure.returned_body": _("%(record)s：%(note)s"),
    "disclosure.article_submitted": _("公开信息待审核"),
    "disclosure.article_returned": _("公开信息被退回修改"),
    "disclosure.article_published": _("公开信息已发布"),
    "disclosure.item_submitted": _("目录事项待审核"),
    "disclosure.item_returned": _("目录事项被退回修改"),
    "disclosure.item_published": _("目录事项已发布"),
}
TEXTS.update(NOTICES)
