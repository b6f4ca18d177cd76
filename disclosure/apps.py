from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class DisclosureConfig(AppConfig):
    name = "disclosure"
    verbose_name = _("信息公开")

    def ready(self):
        from disclosure.selectors.search import warm_up
        from disclosure.services.search import ensure_postgres_indexes

        # The full-text and trigram indexes are PostgreSQL-only, so they are made after migrating.
        post_migrate.connect(
            ensure_postgres_indexes, sender=self, dispatch_uid="disclosure-search-indexes"
        )
        warm_up()
