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
        translated=("level", "step", "what"),
    ),
    LEGAL_LIMIT: _(
        "办件 %(number)s（%(item)s）超过法定办结时限 %(days)s 个工作日（%(due)s 届满）。"
    ),
    RISK_DECISION: Text(
        _("%(level)s“%(step)s”作出决定：%(number)s %(decision)s，理由：%(reason)s"),
        translated=("level", "step", "decision"),
    ),
}

# What applicants, agents and units are told (`portal.notifications.notify`).
NOTICES = {
    "approvals.submitted": _("申请已提交"),
    "approvals.submitted_body": _(
        "您申请的“%(item)s”已提交，办件编号 %(number)s，查询码 %(code)s，请妥善保存。"
    ),
    "approvals.accepted": _("申请已受理"),
    "approvals.accepted_body": _(
        "您的办件 %(number)s 已受理，承诺%(days)s个工作日内办结（法定办结时限%(legal)s个工作日）。"
    ),
    "approvals.refused": _("申请不予受理"),
    "approvals.refused_body": _("您的办件 %(number)s 不予受理，理由：%(reason)s"),
    "approvals.materials": _("补正材料告知"),
    "approvals.materials_body": _(
        "您的办件 %(number)s 需要补正以下材料：%(names)s。请一次补齐后提交。"
    ),
    "approvals.extended": _("办理期限延长"),
    "approvals.extended_body": _(
        "您的办件 %(number)s 办理期限延长%(days)s个工作日，理由：%(reason)s"
    ),
    "approvals.paused": _("办理期限暂停计算"),
    "approvals.paused_body": Text(
        _("您的办件 %(number)s 需要%(kind)s，预计%(days)s个工作日，所需时间不计入办理期限。"),
        translated=("kind",),
    ),
    "approvals.decided": _("审批决定"),
    "approvals.decided_body": Text(
        _("您的办件 %(number)s 已作出决定：%(decision)s。"), translated=("decision",)
    ),
    "approvals.finished": _("办件已办结"),
    "approvals.finished_body": Text(
        _("您的办件 %(number)s 已办结（%(decision)s），%(note)s。欢迎对本次办理进行评价。"),
        translated=("decision",),
    ),
    "approvals.deadline_moved": _("办结期限调整告知"),
    "approvals.deadline_moved_body": _(
        "国务院已公布节假日安排，您的办件 %(number)s 办结期限由%(old)s调整为%(new)s。"
    ),
    # Agents (代办) and the citizens they apply for.
    "approvals.consent_asked": _("代办授权请求"),
    "approvals.consent_asked_body": _(
        "村级代办员%(agent)s请求代您申请“%(item)s”，请在“代办授权”页面同意或拒绝。"
    ),
    "approvals.consent_code": _("代办授权验证码"),
    "approvals.consent_code_body": _(
        "村级代办员请求代您申请“%(item)s”。如同意，请将验证码 %(code)s 告知代办员，"
        "%(minutes)s分钟内有效；如不同意，请勿告知任何人。"
    ),
    "approvals.consent_granted": _("申请人已同意代办"),
    "approvals.consent_refused": _("申请人已拒绝代办"),
    "approvals.consent_answered_body": Text(
        _("代办申请“%(item)s”：%(status)s。"), translated=("status",)
    ),
    # Ratings (好差评): rectification tickets and appeals.
    "approvals.ticket": _("差评整改工单"),
    "approvals.ticket_body": Text(
        _("办件 %(number)s 收到“%(level)s”评价，请在%(days)s个工作日内回访并反馈整改情况。"),
        translated=("level",),
    ),
    "approvals.ticket_answered": _("差评整改反馈"),
    "approvals.ticket_answered_body": _("您对办件 %(number)s 的评价已有整改反馈，请查看。"),
    "approvals.appeal_filed": _("差评申诉待审核"),
    "approvals.appeal_filed_body": _("%(department)s 对办件 %(number)s 的评价提出申诉。"),
    "approvals.appeal_decided": _("差评申诉审核结果"),
    "approvals.appeal_decided_body": Text(
        _("办件 %(number)s 评价申诉：%(result)s。"), translated=("result",)
    ),
}
TEXTS.update(NOTICES)
