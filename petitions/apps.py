from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PetitionsConfig(AppConfig):
    name = "petitions"
    verbose_name = _("政民互动")

    def ready(self):
        from petitions.selectors import complaints
        from petitions.services import labels
        from petitions.services.complaints.calendar import complaints_calendar_loaded
        from portal.texts import register_texts
        from supervision.labels import register_clock_kinds
        from supervision.services.brief import register_section
        from supervision.services.calendar import register_calendar_hook

        # Supervision shows this pillar's clocks and alerts in words, in the reader's language.
        register_clock_kinds(labels.CLOCK_LABELS)
        register_texts(labels.TEXTS)

        # Complainants hear when the official calendar moves their reply deadline.
        register_calendar_hook(complaints_calendar_loaded)

        # The leader brief's petitions section: complaints closed in the month, satisfaction.
        register_section(
            "petitions",
            title=_("政民互动"),
            compute=complaints.brief_section,
            labels=complaints.BRIEF_LABELS,
            order=50,
        )
