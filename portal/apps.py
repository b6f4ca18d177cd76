from django.apps import AppConfig
from django.db.models.signals import post_delete, post_migrate, post_save
from django.utils.translation import gettext_lazy as _


def _load_calendar(sender, using="default", **kwargs):
    from portal import services

    services.calendar_load_official()


def _calendar_edited(sender, **kwargs):
    from portal import workdays

    workdays.calendar_changed()


def _synonyms_edited(sender, **kwargs):
    from portal.search.index import bump_generation

    bump_generation()


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("门户基础")

    def ready(self):
        from portal import (
            checks,  # noqa: F401 - registers the deploy checks
            choices,
            file_metadata,
            labels,
        )
        from portal.models import CalendarDay, CalendarYear
        from portal.search.index import ensure_postgres_indexes
        from portal.search.models import SearchSynonym
        from portal.search.words import warm_up
        from portal.texts import register_texts

        # The portal's own notices read in the language of whoever opens the inbox.
        register_texts(labels.TEXTS)

        # Choice labels looked up, not rebuilt, on every get_<field>_display() (portal/choices.py).
        choices.install()

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
        # The search index's full-text and trigram indexes are PostgreSQL-only: made after migrating.
        post_migrate.connect(
            ensure_postgres_indexes, sender=self, dispatch_uid="portal-search-indexes"
        )
        # Cache invalidation only: pages and expansions built with the old synonyms go stale.
        post_save.connect(_synonyms_edited, sender=SearchSynonym, dispatch_uid="synonym-save")
        post_delete.connect(_synonyms_edited, sender=SearchSynonym, dispatch_uid="synonym-delete")
        warm_up()
