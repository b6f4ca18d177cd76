"""What petitions tells supervision in words: its clock kinds' labels and its alert messages,
and the system's notes on complaint events. Registered in `PetitionsConfig.ready`, so that each
reader sees them in their own language (`portal.texts`)."""

from django.utils.translation import gettext_lazy as _

from portal.texts import Text

CLOCK_LABELS = {
    "petitions.dispatch": _("交办时限"),
    "petitions.sign": _("签收"),
    "petitions.reply": _("答复"),
    "petitions.rehandle": _("重新办理"),
    "petitions.review": _("复查"),
    "petitions.re_review": _("复核"),
    "petitions.message_reply": _("留言答复"),
}

REPORTED_UNIT = "petitions.reported_unit"
FINAL_DUPLICATE = "petitions.final_duplicate"
RATED_UNSATISFIED = "petitions.rated_unsatisfied"
VISIT_UNSATISFIED = "petitions.visit_unsatisfied"
REFERRED = "petitions.referred"
MESSAGE_UNANSWERED = "petitions.message_unanswered"
CONSULTATION_FEEDBACK_LATE = "petitions.consultation_feedback_late"
APPRAISAL_LOW = "petitions.appraisal_low"
MONITOR_MISSING = "petitions.monitor_missing"

TEXTS = {
    REPORTED_UNIT: Text(
        _(
            "检举控告件 %(number)s 被%(actor)s试图%(move)s至被举报单位或其上级单位"
            "“%(department)s”，已被系统拦截。"
        ),
        translated=("move",),
    ),
    FINAL_DUPLICATE: _("同一事项已经复核终结，依法不再受理。"),
    RATED_UNSATISFIED: _("群众评价不满意"),
    VISIT_UNSATISFIED: _("回访不满意"),
    # The channel's advice (a source text, translated on display) and the operator's own words.
    REFERRED: Text("%(advice)s %(note)s", translated=("advice",)),
    MESSAGE_UNANSWERED: _(
        "留言 %(number)s（%(received)s 收到）超过三个月仍未答复，违反政府网站“互动回应”检查指标。"
    ),
    CONSULTATION_FEEDBACK_LATE: _(
        "意见征集“%(title)s”已于 %(closes_on)s 截止，截止后已满 %(days)s 天仍未反馈采纳情况。"
    ),
    APPRAISAL_LOW: _(
        "%(department)s在民主评议“%(title)s”中综合得分 %(score)s，低于预警分数 %(threshold)s。"
    ),
    MONITOR_MISSING: _("监测员%(name)s在%(month)s未报送监测报告。"),
}

# What complainants, message authors and staff are told (`portal.notifications.notify`).
NOTICES = {
    # To the hotline office, the leaders and the handling department.
    "petitions.complaint_urgent_transferred": _("紧急诉求已即时转办"),
    "petitions.complaint_to_instruct": _("有诉求待批示"),
    "petitions.complaint_to_dispatch": _("有诉求待分派"),
    "petitions.complaint_to_sign": _("新诉求待签收"),
    "petitions.complaint_returned": _("承办单位退回诉求，请重新分派"),
    "petitions.extension_asked": _("承办单位申请延期，请审批"),
    "petitions.extension_approved": _("延期申请已批准"),
    "petitions.extension_refused": _("延期申请未获批准"),
    "petitions.complaint_to_visit": _("诉求已答复，待回访"),
    "petitions.review_asked": _("有复查申请待办理"),
    "petitions.re_review_asked": _("有复核申请待办理"),
    "petitions.complaint_rehandle": _("群众不满意，诉求退回重办"),
    "petitions.complaint_rated": _("群众已评价，待回访"),
    # To the complainant.
    "petitions.complaint_numbered": _("%(text)s 诉求编号：%(number)s"),
    "petitions.complaint_registered": _("您的诉求已登记"),
    "petitions.complaint_registered_body": _(
        "查询码：%(code)s。请凭诉求编号和查询码查看办理进度。"
    ),
    "petitions.petition_accepted": _("信访事项受理告知"),
    "petitions.petition_accepted_body": _(
        "您的信访事项已由%(department)s受理，将在%(days)s日内办理答复。"
    ),
    "petitions.complaint_extended": _("办理期限延长告知"),
    "petitions.complaint_extended_body": _("您的诉求办理期限延长%(days)s日，理由：%(reason)s"),
    "petitions.complaint_replied": _("您的诉求已答复"),
    "petitions.complaint_replied_body": _("您的诉求已有答复，请凭诉求编号和查询码查看并评价。"),
    "petitions.merged_replied_body": _("与您诉求合并办理的编号 %(number)s 已答复。"),
    "petitions.review_decided": _("复查/复核意见"),
    "petitions.review_decided_body": "%(decision)s %(tail)s",
    "petitions.re_review_final": _("此为复核意见，同一事项不再受理。"),
    "petitions.review_appeal": _("如不服，可在收到复查意见之日起30日内申请复核。"),
    "petitions.complaint_transferred": _("您的诉求已紧急转办"),
    "petitions.complaint_referred": _("关于您的诉求：请通过其他法定渠道办理"),
    "petitions.referral_advice": Text("%(advice)s", translated=("advice",)),
    "petitions.complaint_about": _("关于您的诉求"),
    "petitions.complaint_merged": _("您的诉求已合并办理"),
    "petitions.complaint_merged_body": _(
        "您反映的问题与编号 %(number)s 的诉求相同，已合并办理，答复将一并告知您。"
    ),
    "petitions.complaint_closed": _("您的诉求已办结"),
    "petitions.complaint_closed_body": _(
        "如对处理意见不服，可在收到书面答复之日起30日内申请复查。"
    ),
    "petitions.complaint_deadline_moved": _("答复期限调整告知"),
    "petitions.complaint_deadline_moved_body": _(
        "国务院已公布节假日安排，您的诉求答复期限由%(old)s调整为%(new)s。"
    ),
    # Messages (留言): to the office, the department, the author.
    "petitions.message_to_answer": _("有新留言待答复"),
    "petitions.message_to_route": _("县长信箱有新留言待分办"),
    "petitions.message_forwarded": _("有转办留言待答复"),
    "petitions.message_numbered": _("%(text)s 留言编号：%(number)s"),
    "petitions.message_received": _("您的留言已收到"),
    "petitions.message_received_body": _("查询码：%(code)s。请凭留言编号和查询码查看答复。"),
    "petitions.message_answered": _("您的留言已答复"),
    "petitions.message_answered_body": _("%(department)s已答复您的留言。"),
    "petitions.message_invalid": _("您的留言未予受理"),
    "petitions.message_invalid_body": _("您的留言被认定为无效留言，理由：%(reason)s"),
    "petitions.message_withheld": _("您的留言未予公开"),
    "petitions.message_withheld_body": _("您的留言及答复经审核未予公开，理由：%(reason)s"),
    # Moderation (内容审核) refusals and suggestion answers.
    "petitions.complaint_withheld": _("您的诉求答复未予公开"),
    "petitions.complaint_withheld_body": _("您的诉求及答复经审核未予公开，理由：%(reason)s"),
    "petitions.suggestion_answered": Text(
        _("您的建议“%(title)s”已有答复：%(status)s"), translated=("status",)
    ),
    "petitions.suggestion_withheld": _("您的建议“%(title)s”未予公开"),
    "petitions.suggestion_withheld_body": _("您的建议经审核未予公开，理由：%(reason)s"),
    "petitions.comment_withheld": _("您对“%(title)s”提出的意见未予公开"),
    "petitions.comment_withheld_body": _("您的意见经审核未予公开，理由：%(reason)s"),
    "petitions.question_withheld": _("您在访谈“%(title)s”中的提问未予公开"),
    "petitions.question_withheld_body": _("您的提问经审核未予公开，理由：%(reason)s"),
    # Monitors (发展环境网络监测员).
    "petitions.monitor_appointed": _("您已被聘为发展环境网络监测员"),
    "petitions.monitor_appointed_body": _(
        "任期自%(start)s至%(end)s。请每月至少报送一次监测报告（我的监测）。"
    ),
    "petitions.monitor_ended": _("您的发展环境网络监测员任期已结束"),
    "petitions.monitor_ended_body": _("感谢您在%(start)s至%(end)s期间的监测工作。"),
}
TEXTS.update(NOTICES)
