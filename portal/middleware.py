"""The portal's own middleware: the language rule, the staff hosts and the staff's second factor."""

from enum import StrEnum

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.middleware.locale import LocaleMiddleware
from django.urls import ResolverMatch
from django.utils import translation

# The staff side: these prefixes, and every pillar's pages under `<pillar>/staff/`.
STAFF_PATH_PREFIXES = ("/admin/", "/workbench/", "/supervision/")


def is_staff_path(path: str) -> bool:
    return path.startswith(STAFF_PATH_PREFIXES) or "/staff/" in path


class Audience(StrEnum):
    """Who a page is served to on a public host (one not in STAFF_HOSTS)."""

    # Everyone, staff accounts too: the open site, signing in and out, the query-code pages.
    PUBLIC = "public"
    # Anyone but a staff account: a citizen's or an enterprise's own pages and files. The same
    # views serve staff who may see the matter, which is why staff accounts get 404 here.
    CITIZEN = "citizen"
    # No one: the workbench, every pillar's office pages, supervision and the admin.
    STAFF = "staff"


# Pages by URL name ("namespace:name"); a whole namespace where every page shares an audience.
AUDIENCE_BY_NAMESPACE = {"admin": Audience.STAFF, "supervision": Audience.STAFF}
AUDIENCE_BY_NAME = {
    name: audience
    for audience, names in {
        Audience.PUBLIC: [
            "set_language",
            "portal:home",
            "portal:healthz",
            "portal:register",
            "portal:login",
            "portal:logout",
            "portal:password_reset",
            "portal:password_reset_code",
            "portal:password_reset_done",
            "portal:password_reset_confirm",
            "portal:password_reset_complete",
            "disclosure:index",
            "disclosure:column",
            "disclosure:column_feed",
            "disclosure:article",
            "disclosure:annual_report",
            "disclosure:annual_report_download",
            "disclosure:catalogue",
            "disclosure:catalogue_item",
            "disclosure:catalogue_item_history",
            "disclosure:search",
            "approvals:track",
            "approvals:results",
            "petitions:index",
            "petitions:file",
            "petitions:filed",
            "petitions:track",
            "petitions:track_detail",
            "petitions:rate",
            "petitions:review",
            "petitions:board",
            "petitions:feed",
            "petitions:board_detail",
            "petitions:figures",
            "petitions:suggestions",
            "petitions:suggestion_detail",
            "petitions:appraisal_rounds",
            "petitions:appraisal_results",
            "petitions:consultations",
            "petitions:consultation_detail",
            "petitions:consultation_attachment",
            "petitions:interviews",
            "petitions:interview_archive",
            "petitions:interview_detail",
            "petitions:interview_feed",
            "petitions:interview_attachment",
            "petitions:surveys",
            "petitions:survey_detail",
            # Anonymous surveys take anyone's answer; signed-in ones send to the login.
            "petitions:survey_answer",
            "petitions:survey_results",
            "petitions:interaction",
            "petitions:interaction_figures",
            "petitions:interaction_figures_export",
            "petitions:message_write",
            "petitions:message_written",
            "petitions:message_track",
            "petitions:message_track_detail",
            "petitions:qa_list",
            "petitions:qa_detail",
            "petitions:department_qa",
            "evaluation:index",
            "evaluation:unit",
            "evaluation:person",
            "evaluation:photo",
        ],
        Audience.CITIZEN: [
            "portal:password_change",
            "portal:password_change_done",
            "portal:account",
            "portal:profile_edit",
            "portal:mobile_change",
            "portal:inbox",
            "portal:inbox_message",
            # Staff may open the attachments of draft articles through it.
            "disclosure:article_attachment",
            "disclosure:request_new",
            "disclosure:requests_mine",
            "disclosure:request_document",
            "disclosure:request_detail",
            "disclosure:request_supplement",
            "approvals:apply",
            "approvals:draft",
            "approvals:submitted",
            "approvals:case",
            "approvals:supply",
            "approvals:withdraw",
            "approvals:result_document",
            "approvals:material_remove",
            "approvals:material",
            "approvals:mine",
            "approvals:rate",
            "approvals:consents",
            "approvals:consent_decide",
            "petitions:mine",
            "petitions:attachment",
            "petitions:suggestion_new",
            "petitions:suggestion_mine",
            "petitions:appraisal_answer",
            "petitions:consultation_comment",
            "petitions:interview_ask",
            "petitions:message_mine",
            "petitions:monitor_mine",
            "petitions:monitor_report_new",
        ],
        Audience.STAFF: [
            "portal:workbench",
            "portal:relations",
            "portal:second_factor",
            "portal:second_factor_setup",
            "disclosure:staff_articles",
            "disclosure:staff_article_new",
            "disclosure:staff_article",
            "disclosure:staff_article_edit",
            "disclosure:staff_article_act",
            "disclosure:reports",
            "disclosure:report_new",
            "disclosure:report_ranking",
            "disclosure:report",
            "disclosure:request_act",
            "disclosure:request_queue",
            "disclosure:staff_catalogue",
            "disclosure:staff_catalogue_new",
            "disclosure:staff_catalogue_import",
            "disclosure:staff_catalogue_export",
            "disclosure:staff_catalogue_export_xlsx",
            "disclosure:staff_catalogue_detail",
            "disclosure:staff_catalogue_edit",
            "disclosure:staff_catalogue_act",
            "approvals:rectifications",
            "approvals:staff_rectification",
            "approvals:ticket_answer",
            "approvals:appeal_file",
            "approvals:appeal_decide",
            "approvals:stats",
            "approvals:queue",
            "approvals:staff_case",
            "approvals:staff_act",
            "approvals:staff_history",
            "approvals:process_list",
            "approvals:process_detail",
            "approvals:process_create",
            "approvals:process_step_add",
            "approvals:process_step_remove",
            "approvals:process_activate",
            "approvals:process_retire",
            # The village agent's side of a citizen's consent.
            "approvals:consent",
            "petitions:staff_identity",
            "petitions:staff_queue",
            "petitions:staff_export",
            "petitions:staff_register",
            "petitions:staff_detail",
            "petitions:staff_history",
            "petitions:staff_review_decide",
            "petitions:staff_act",
            "petitions:staff_access_log",
            "petitions:staff_identity_grants",
            "petitions:staff_identity_revoke",
            "petitions:suggestion_staff_list",
            "petitions:suggestion_staff_detail",
            "petitions:suggestion_staff_answer",
            "petitions:suggestion_staff_action",
            "petitions:appraisal_staff_list",
            "petitions:appraisal_staff_move",
            "petitions:consultation_staff_list",
            "petitions:consultation_staff_new",
            "petitions:consultation_staff_detail",
            "petitions:consultation_staff_edit",
            "petitions:consultation_staff_publish",
            "petitions:consultation_staff_assess",
            "petitions:consultation_staff_feedback",
            "petitions:interview_staff_list",
            "petitions:interview_staff_new",
            "petitions:interview_staff_console",
            "petitions:interview_staff_edit",
            "petitions:interview_staff_move",
            "petitions:interview_staff_question",
            "petitions:interview_staff_answer",
            "petitions:interview_staff_archive",
            "petitions:message_staff_queue",
            "petitions:message_staff_detail",
            "petitions:message_staff_act",
            "petitions:message_from_complaint",
            "petitions:monitor_staff_list",
            "petitions:monitor_staff_appoint",
            "petitions:monitor_staff_end",
            "petitions:monitor_staff_summary",
            "petitions:monitor_staff_summary_export",
            "petitions:survey_staff_list",
            "petitions:survey_staff_new",
            "petitions:survey_staff_detail",
            "petitions:survey_staff_edit",
            "petitions:survey_staff_build",
            "petitions:survey_staff_question",
            "petitions:survey_staff_preview",
            "petitions:survey_staff_publish",
            "petitions:survey_staff_close",
            "petitions:survey_staff_results",
            "petitions:survey_staff_export",
            "petitions:survey_staff_moderation",
            "petitions:survey_staff_moderate",
            "petitions:moderation_queue",
            "petitions:moderation_detail",
            "evaluation:staff_roster",
            "evaluation:staff_person_new",
            "evaluation:staff_person_edit",
            "evaluation:staff_import",
            "evaluation:staff_moderation",
            "evaluation:staff_moderate",
            "evaluation:staff_review",
            "evaluation:staff_warnings",
            "evaluation:staff_warning",
            "evaluation:staff_statistics",
            "evaluation:staff_export",
        ],
    }.items()
    for name in names
}


def audience_of(match: ResolverMatch) -> Audience | None:
    """Return the declared audience of a resolved page, or None when it has none."""
    if match.namespaces and match.namespaces[0] in AUDIENCE_BY_NAMESPACE:
        return AUDIENCE_BY_NAMESPACE[match.namespaces[0]]
    return AUDIENCE_BY_NAME.get(match.view_name)


def is_public_host(request) -> bool:
    """Whether the request came to a host outside STAFF_HOSTS (always False when it is unset)."""
    allowed = settings.STAFF_HOSTS
    return bool(allowed) and request.get_host().split(":")[0] not in allowed


def is_staff_account(user) -> bool:
    return user.is_authenticated and (user.kind == user.Kind.STAFF or user.is_staff)


class StaffHostMiddleware:
    """With STAFF_HOSTS set, answer 404 on every other host to whatever is not meant for it.

    Pages are classified by URL name (`AUDIENCE_BY_NAME`, `AUDIENCE_BY_NAMESPACE`): an allow-list,
    so a page nobody classified counts as staff-only and is hidden from the public hosts until it
    is declared (tests/portal/test_staff_hosts.py fails on any unclassified URL pattern). On a
    public host PUBLIC pages are served to everyone, CITIZEN pages to everyone but staff accounts
    (village agents included: they work on the staff host), and STAFF pages to no one. The staff
    hosts serve every page as the views allow.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not is_public_host(request):
            return None
        audience = audience_of(request.resolver_match)
        if audience == Audience.PUBLIC:
            return None
        if audience == Audience.CITIZEN and not is_staff_account(request.user):
            return None
        raise Http404


class StaffSecondFactorMiddleware:
    """With STAFF_REQUIRE_2FA, send a member of staff to the second factor before any page.

    Only the open site (PUBLIC pages) and the second-factor pages themselves are served to a
    staff account not yet verified; citizens and enterprises are never asked.
    """

    EXEMPT = frozenset({"portal:second_factor", "portal:second_factor_setup"})

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = request.user
        if (
            not settings.STAFF_REQUIRE_2FA
            or not is_staff_account(user)
            or user.is_verified()
            or request.resolver_match.view_name in self.EXEMPT
            or audience_of(request.resolver_match) == Audience.PUBLIC
        ):
            return None
        return redirect_to_login(request.get_full_path(), "portal:second_factor")


class ChosenLanguageMiddleware(LocaleMiddleware):
    """Chinese unless the visitor chose English with the language switcher (its cookie).

    A county portal answers in Chinese: a browser's Accept-Language is not a choice made on this
    site, and what the pages carry (articles, replies, names) stays Chinese anyway.
    """

    def process_request(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        translation.activate(
            chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        )
        request.LANGUAGE_CODE = translation.get_language()
