from django.apps import AppConfig
from django.db.models.signals import post_delete, post_migrate, post_save
from django.utils.translation import gettext_lazy as _


def _load_calendar(sender, using="default", **kwargs):
    from portal import services

    services.calendar_load_official()


def _calendar_edited(sender, **kwargs):
    from portal import workdays

    workdays.calendar_changed()


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("门户基础")

    def ready(self):
        from portal import (
            checks,  # noqa: F401 - registers the deploy checks
            file_metadata,
        )
        from portal.models import CalendarDay, CalendarYear

        # Pillow's decompression-bomb limit comes from UPLOAD_MAX_PIXELS, not its own default.
        file_metadata.limit_decoding()

        # A fresh database (and every test database) knows the official calendar at once.
        post_migrate.connect(_load_calendar, sender=self, dispatch_uid="portal-load-calendar")
        # Cache invalidation only: every process re-reads the table after an edit.
        for model in (CalendarDay, CalendarYear):
            post_save.connect(
                _calendar_edited, sender=model, dispatch_uid=f"calendar-save-{model.__name__}"
            )
            post_delete.connect(
                _calendar_edited, sender=model, dispatch_uid=f"calendar-delete-{model.__name__}"
            )
