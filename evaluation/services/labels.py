"""What evaluation tells supervision in words: the rating warning's alert message, registered
in `EvaluationConfig.ready` so that each reader sees it in their own language (`portal.texts`)."""

from django.utils.translation import gettext_lazy as _

from portal.texts import Text

RATING_WARNING = "evaluation.rating_warning"

TEXTS = {
    RATING_WARNING: Text(
        _("%(unit)s %(name)s（%(position)s）触发%(tier)s：%(bases)s，应予%(action)s。"),
        translated=("tier", "action"),
    ),
}
