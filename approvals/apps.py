from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApprovalsConfig(AppConfig):
    name = "approvals"
    verbose_name = _("网上审批")

    def ready(self):
        from approvals.selectors import statistics
        from approvals.services import labels
        from approvals.services.handling import publicity
        from approvals.services.handling.calendar import cases_calendar_loaded
        from portal import snapshots
        from portal.search.index import register_reindexer, register_search_kinds
        from portal.texts import register_texts
        from supervision.labels import register_clock_kinds
        from supervision.services.brief import register_section
        from supervision.services.calendar import register_calendar_hook

        # The statistics page reads the year's figures materialised by beat.
        snapshots.register(
            statistics.STATISTICS,
            compute=statistics.statistics_compute,
            current=statistics.statistics_years,
        )
        # Supervision shows approvals' clocks and alerts in words, in the reader's language.
        register_clock_kinds(labels.CLOCK_LABELS)
        register_texts(labels.TEXTS)

        # Finished cases' results (办理结果公示) are findable in the site-wide search.
        register_search_kinds(publicity.SEARCH_KINDS)
        register_reindexer(publicity.SEARCH_KIND, publicity.reindex_results)

        # Applicants hear when the official calendar moves their case deadline.
        register_calendar_hook(cases_calendar_loaded)

        # The leader brief's approvals section: cases finished in the month and on time.
        register_section(
            "approvals",
            title=_("网上审批"),
            compute=statistics.brief_section,
            labels=statistics.BRIEF_LABELS,
            order=40,
        )
