from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DisclosureConfig(AppConfig):
    name = "disclosure"
    verbose_name = _("信息公开")

    def ready(self):
        from disclosure.selectors import reporting
        from disclosure.services import labels, search
        from disclosure.services.requests.calendar import requests_calendar_loaded
        from portal.search.index import register_reindexer, register_search_kinds
        from portal.texts import register_texts
        from supervision.labels import register_clock_kinds
        from supervision.services.brief import register_section
        from supervision.services.calendar import register_calendar_hook

        # Supervision shows this pillar's clocks and alerts in words, in the reader's language.
        register_clock_kinds(labels.CLOCK_LABELS)
        register_texts(labels.TEXTS)

        # Items and articles are findable in the site-wide search; search_reindex rebuilds them.
        register_search_kinds(search.SEARCH_KINDS)
        register_reindexer(search.ITEM, search.reindex_items)
        register_reindexer(search.ARTICLE, search.reindex_articles)
        # Requests store supplement and consultation deadlines, and know who applied.
        register_calendar_hook(requests_calendar_loaded)
        # The leader brief's disclosure section: stale columns and requests of the month.
        register_section(
            "disclosure",
            title=_("信息公开"),
            compute=reporting.brief_section,
            labels=reporting.BRIEF_LABELS,
            order=30,
        )
