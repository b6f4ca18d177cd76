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
}

REPORTED_UNIT = "petitions.reported_unit"
FINAL_DUPLICATE = "petitions.final_duplicate"
RATED_UNSATISFIED = "petitions.rated_unsatisfied"
VISIT_UNSATISFIED = "petitions.visit_unsatisfied"

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
}
