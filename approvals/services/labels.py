"""What approvals tells supervision in words: its clock kinds' labels and its alert messages.

Shared by every handling phase; registered with supervision and `portal.texts` in
`ApprovalsConfig.ready`, so that the dashboard shows labels and each reader sees an alert in
their own language.
"""

from django.utils.translation import gettext_lazy as _

from approvals.services.cases import ACCEPTANCE_CLOCK, CASE_CLOCK, TASK_CLOCK
from approvals.services.ratings import RECTIFICATION_CLOCK
from portal.texts import Text

CLOCK_LABELS = {
    ACCEPTANCE_CLOCK: _("受理时限"),
    CASE_CLOCK: _("办件总时限"),
    TASK_CLOCK: _("环节时限"),
    RECTIFICATION_CLOCK: _("差评整改"),
}

FEE_REFUSED = "approvals.fee_refused"
FEE_OVERRIDE = "approvals.fee_override"
RECUSAL = "approvals.recusal"
SEPARATION = "approvals.separation"
RISK_STEP = "approvals.risk_step"
RISK_DECISION = "approvals.risk_decision"
LEGAL_LIMIT = "approvals.legal_limit"

TEXTS = {
    FEE_REFUSED: _("办件 %(number)s 拟收费 %(amount)s 元，超过标准 %(fee)s 元，已被拦截。"),
    FEE_OVERRIDE: _(
        "办件 %(number)s 经负责人核准收费 %(amount)s 元（标准 %(fee)s 元），理由：%(reason)s"
    ),
    RECUSAL: _(
        "%(name)s 与办件 %(number)s 的申请人存在申报的回避关系，试图办理该办件，已被系统拦截。"
    ),
    SEPARATION: _("受理人 %(name)s 试图对其受理的办件 %(number)s 作出决定，已被系统拦截。"),
    RISK_STEP: Text(
        _("%(level)s“%(step)s”%(what)s：%(number)s，%(name)s，意见：%(opinion)s"),
        translated=("level", "what"),
    ),
    LEGAL_LIMIT: _(
        "办件 %(number)s（%(item)s）超过法定办结时限 %(days)s 个工作日（%(due)s 届满）。"
    ),
    RISK_DECISION: Text(
        _("%(level)s“%(step)s”作出决定：%(number)s %(decision)s，理由：%(reason)s"),
        translated=("level", "decision"),
    ),
}
