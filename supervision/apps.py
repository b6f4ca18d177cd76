from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _provisional_deadline(sender, *, years, **kwargs):
    from supervision.services import calendar

    calendar.calendar_provisional_alert(years=years)


def _calendar_loaded(sender, *, years, actor=None, **kwargs):
    from supervision.services import calendar

    calendar.calendar_recompute(years=years, actor=actor)


class SupervisionConfig(AppConfig):
    name = "supervision"
    verbose_name = _("电子监察")

    def ready(self):
        from portal import holidays
        from portal.texts import register_texts
        from supervision import labels
        from supervision.selectors import brief as brief_selectors
        from supervision.services.brief import register_section

        register_texts(labels.TEXTS)
        labels.register_clock_kinds(labels.CLOCK_KINDS)

        # Portal computes and loads the calendar but cannot import supervision: it signals.
        holidays.provisional_deadline_computed.connect(
            _provisional_deadline, dispatch_uid="supervision-provisional-deadline"
        )
        holidays.calendar_years_loaded.connect(
            _calendar_loaded, dispatch_uid="supervision-calendar-loaded"
        )
        # Supervision's own part of the leader brief comes first; the pillars add theirs.
        register_section(
            "supervision",
            title=_("电子监察"),
            compute=brief_selectors.brief_section,
            labels=brief_selectors.brief_labels,
            order=0,
        )
