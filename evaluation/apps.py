from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvaluationConfig(AppConfig):
    name = "evaluation"
    verbose_name = _("效能测评")

    def ready(self):
        from evaluation import selectors
        from evaluation.services import labels
        from portal.texts import register_texts
        from supervision.services.brief import register_section

        # The rating warning's alert reads in the language of whoever looks at it.
        register_texts(labels.TEXTS)

        # The leader brief's rating section: the month's votes and tier warnings.
        register_section(
            "evaluation",
            title=_("效能测评"),
            compute=selectors.brief_section,
            labels=selectors.BRIEF_LABELS,
            order=20,
        )
