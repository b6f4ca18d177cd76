from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PetitionsConfig(AppConfig):
    name = "petitions"
    verbose_name = _("政民互动")

    def ready(self):
        from petitions.selectors import complaints_public
        from petitions.services import labels
        from petitions.services.complaints import publicity
        from petitions.services.complaints.calendar import complaints_calendar_loaded
        from portal.search.index import register_reindexer, register_search_kinds
        from portal.texts import register_texts
        from supervision.labels import register_clock_kinds
        from supervision.services.brief import register_section
        from supervision.services.calendar import register_calendar_hook

        # Supervision shows this pillar's clocks and alerts in words, in the reader's language.
        register_clock_kinds(labels.CLOCK_LABELS)
        register_texts(labels.TEXTS)

        # Messages: their Q&A goes through the moderation queue and, once passed, the site search.
        from petitions.services import moderation
        from petitions.services.messages import publication as message_publication

        moderation.register_source(message_publication.MODERATION_SOURCE)
        # Suggestions, consultation comments and complaint replies share the one queue.
        from petitions.services import consultations, suggestions
        from petitions.services.complaints import board

        moderation.register_source(suggestions.MODERATION_SOURCE)
        moderation.register_source(consultations.MODERATION_SOURCE)
        moderation.register_source(board.MODERATION_SOURCE)
        # Online interviews: citizens' questions, moderated by the queue or the interview's host.
        from petitions.services import interviews

        moderation.register_source(interviews.MODERATION_SOURCE)
        register_search_kinds(message_publication.SEARCH_KINDS)
        register_reindexer(message_publication.SEARCH_KIND, message_publication.reindex_messages)

        # Public suggestions and published consultations too (issue 18).
        from petitions.services import interaction_search

        register_search_kinds(interaction_search.SEARCH_KINDS)
        register_reindexer(
            interaction_search.SUGGESTION_KIND, interaction_search.reindex_suggestions
        )
        register_reindexer(
            interaction_search.CONSULTATION_KIND, interaction_search.reindex_consultations
        )
        register_reindexer(interaction_search.SURVEY_KIND, interaction_search.reindex_surveys)

        # Replies on the public board are findable in the site-wide search.
        register_search_kinds(publicity.SEARCH_KINDS)
        register_reindexer(publicity.SEARCH_KIND, publicity.reindex_complaints)

        # The complaint and interaction figures of the public pages are materialised by beat.
        from petitions.selectors import interaction
        from portal import snapshots

        snapshots.register(
            complaints_public.FIGURES,
            compute=complaints_public.figures_compute,
            current=complaints_public.figures_years,
        )
        snapshots.register(
            interaction.FIGURES,
            compute=interaction.figures_compute,
            current=interaction.figures_years,
        )

        # Complainants hear when the official calendar moves their reply deadline.
        register_calendar_hook(complaints_calendar_loaded)

        # The leader brief's petitions section: complaints closed in the month, satisfaction.
        register_section(
            "petitions",
            title=_("政民互动"),
            compute=complaints_public.brief_section,
            labels=complaints_public.BRIEF_LABELS,
            order=50,
        )
        # Monitors who filed no report of the month, in the same brief.
        from petitions.selectors import monitors

        register_section(
            "petitions_monitors",
            title=_("发展环境网络监测员"),
            compute=monitors.brief_section,
            labels=monitors.BRIEF_LABELS,
            order=55,
        )
