"""The permission matrix: every URL with an object id, as every role, on both hosts.

One object of each kind (tests/security/matrix_objects.py) belongs to one citizen (the owner) and
is handled by one unit (县市场监督管理局). Each row below says what a GET answers there, per role,
on the public host and on the staff host. A URL pattern with an object id and no row fails
`test_every_url_with_an_object_id_has_a_row`: a new URL must be classified before it ships.

Statuses: 200, 404, 405 (the URL only takes POST), LOGIN (302 to the login page) and REDIRECT
(302 elsewhere: the page sends that user on, e.g. to their existing draft).
"""

import pytest
from django.core.cache import cache
from django.db import transaction
from django.test import Client, override_settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.security.matrix_objects import HANDLING_UNIT, ROLES, build

PUBLIC, STAFF = "www.test", "staff.test"
LOGIN, REDIRECT = "login", "redirect"
CITIZENS = ("owner", "other_citizen")
# The handling unit's clerk and head, and those who oversee every unit.
HANDLERS = ("clerk", "head")
OVERSEERS = ("inspector", "leader", "admin")


def _by_role(default, **statuses) -> dict:
    return {role: statuses.get(role, default) for role in ROLES}


def public_to_all(status=200) -> dict:
    """The open site: the same answer to everyone on both hosts."""
    return {PUBLIC: _by_role(status), STAFF: _by_role(status)}


def citizen_file(status=200) -> dict:
    """A citizen-side file open to all, which staff accounts fetch only on the staff host."""
    public = _by_role(404, anonymous=status, owner=status, other_citizen=status)
    return {PUBLIC: public, STAFF: _by_role(status)}


def owner_and(*staff, anonymous=LOGIN, owner=200, **other_staff) -> dict:
    """The owner's own page or file, which the staff named here open on the staff host only."""
    public = _by_role(404, anonymous=anonymous, owner=owner)
    return {
        PUBLIC: public,
        STAFF: {**public, **dict.fromkeys(staff, 200), **other_staff},
    }


def citizen_post_only() -> dict:
    """A citizen's action: GET is refused (405) to anyone signed in who may reach it."""
    return {
        PUBLIC: _by_role(404, anonymous=LOGIN, **dict.fromkeys(CITIZENS, 405)),
        STAFF: _by_role(405, anonymous=LOGIN),
    }


def staff_only(*allowed, **statuses) -> dict:
    """A staff resource: 404 on the public host to everyone; on the staff host to the named."""
    return {
        PUBLIC: _by_role(404),
        STAFF: _by_role(404, anonymous=LOGIN, **dict.fromkeys(allowed, 200), **statuses),
    }


def staff_post_only() -> dict:
    return {PUBLIC: _by_role(404), STAFF: _by_role(405, anonymous=LOGIN)}


EXPECTED = {
    # --- 行政审批 ---------------------------------------------------------------------------------
    "approvals:apply": {
        PUBLIC: _by_role(404, anonymous=LOGIN, owner=REDIRECT, other_citizen=200),
        STAFF: _by_role(200, anonymous=LOGIN, owner=REDIRECT),
    },
    "approvals:draft": owner_and(),
    "approvals:submitted": owner_and("agent_consent"),
    "approvals:case": owner_and("agent_consent", *HANDLERS, *OVERSEERS, anonymous=404),
    "approvals:material": owner_and("agent_consent", *HANDLERS, *OVERSEERS, anonymous=404),
    "approvals:result_document": owner_and(*HANDLERS, *OVERSEERS, anonymous=404),
    "approvals:supply": citizen_post_only(),
    "approvals:withdraw": citizen_post_only(),
    "approvals:material_remove": citizen_post_only(),
    "approvals:rate": citizen_post_only(),
    "approvals:consent_decide": citizen_post_only(),
    "approvals:consent": staff_only("agent_no_consent"),
    "approvals:staff_case": staff_only(*HANDLERS, *OVERSEERS),
    "approvals:staff_history": staff_only(*HANDLERS, *OVERSEERS),
    "approvals:staff_act": staff_only(*HANDLERS, **dict.fromkeys(OVERSEERS, REDIRECT)),
    "approvals:staff_rectification": staff_only(*HANDLERS, *OVERSEERS),
    "approvals:ticket_answer": staff_post_only(),
    "approvals:appeal_file": staff_post_only(),
    "approvals:appeal_decide": staff_post_only(),
    "approvals:process_detail": staff_only("admin"),
    "approvals:process_create": staff_post_only(),
    "approvals:process_step_add": staff_post_only(),
    "approvals:process_step_remove": staff_post_only(),
    "approvals:process_activate": staff_post_only(),
    "approvals:process_retire": staff_post_only(),
    # --- 12345 诉求 -------------------------------------------------------------------------------
    # The complainant's own account (or a session that gave the query code), on either host.
    "petitions:track_detail": {PUBLIC: _by_role(404, owner=200), STAFF: _by_role(404, owner=200)},
    "petitions:rate": public_to_all(405),
    "petitions:review": public_to_all(405),
    # Not chosen for the board by the office: no one sees it there.
    "petitions:board_detail": public_to_all(404),
    "petitions:attachment": owner_and(*HANDLERS, "operator", *OVERSEERS, anonymous=404),
    "petitions:staff_detail": staff_only(*HANDLERS, "operator", *OVERSEERS),
    "petitions:staff_history": staff_only(*HANDLERS, "operator", *OVERSEERS),
    # The permission, outside the handled unit and its ancestors.
    "petitions:staff_identity": staff_only("operator"),
    "petitions:staff_act": staff_post_only(),
    "petitions:staff_review_decide": staff_post_only(),
    "petitions:staff_identity_revoke": staff_post_only(),
    # 建言献策 and 意见征集: public once passed or published; the unit's staff and overseers inside.
    "petitions:suggestion_detail": public_to_all(),
    "petitions:suggestion_staff_detail": staff_only(*HANDLERS, *OVERSEERS),
    "petitions:suggestion_staff_answer": staff_post_only(),
    "petitions:suggestion_staff_action": staff_post_only(),
    "petitions:monitor_staff_end": staff_post_only(),
    # 民主评议: citizens and enterprises answer (staff never); results before publication only
    # to those who oversee the departments.
    "petitions:appraisal_answer": {
        host: _by_role(404, anonymous=LOGIN, **dict.fromkeys(CITIZENS, 200))
        for host in (PUBLIC, STAFF)
    },
    "petitions:appraisal_results": {
        host: _by_role(404, **dict.fromkeys(OVERSEERS, 200)) for host in (PUBLIC, STAFF)
    },
    "petitions:appraisal_staff_move": staff_post_only(),
    "petitions:consultation_detail": public_to_all(),
    "petitions:consultation_attachment": public_to_all(),
    "petitions:consultation_comment": citizen_post_only(),
    "petitions:consultation_staff_detail": staff_only(*HANDLERS, *OVERSEERS),
    # Published: its editors are sent back to its page.
    "petitions:consultation_staff_edit": staff_only(**dict.fromkeys(HANDLERS, REDIRECT)),
    "petitions:consultation_staff_publish": staff_post_only(),
    "petitions:consultation_staff_assess": staff_post_only(),
    "petitions:consultation_staff_feedback": staff_post_only(),
    # Surveys: anyone reads the open one; answering is POST only (anonymous surveys take anyone).
    "petitions:survey_detail": public_to_all(),
    "petitions:survey_answer": public_to_all(405),
    "petitions:survey_results": public_to_all(),
    # The unit's staff and the hotline office run surveys; overseers read them.
    "petitions:survey_staff_detail": staff_only(*HANDLERS, "operator", *OVERSEERS),
    # Answered: its questions are frozen and its runners are sent back to the builder.
    "petitions:survey_staff_edit": staff_only(
        **dict.fromkeys((*HANDLERS, "operator", "admin"), REDIRECT)
    ),
    "petitions:survey_staff_question": staff_only(
        **dict.fromkeys((*HANDLERS, "operator", "admin"), REDIRECT)
    ),
    "petitions:survey_staff_build": staff_post_only(),
    "petitions:survey_staff_preview": staff_only(*HANDLERS, "operator", *OVERSEERS),
    "petitions:survey_staff_publish": staff_post_only(),
    "petitions:survey_staff_close": staff_post_only(),
    "petitions:survey_staff_results": staff_only(*HANDLERS, "operator", *OVERSEERS),
    "petitions:survey_staff_export": staff_only(*HANDLERS, "operator", *OVERSEERS),
    # Free text is moderated by the moderators of the one queue: the hotline office and admins.
    "petitions:survey_staff_moderation": staff_only("operator", "admin"),
    "petitions:survey_staff_moderate": staff_post_only(),
    # 在线访谈: public pages and files; the unit's staff run it, overseers read its console.
    "petitions:interview_detail": public_to_all(),
    "petitions:interview_feed": public_to_all(),
    "petitions:interview_attachment": public_to_all(),
    "petitions:interview_ask": citizen_post_only(),
    "petitions:interview_staff_console": staff_only(*HANDLERS, *OVERSEERS),
    # Live: its announcement is no longer edited; its hosts are sent back to the console.
    "petitions:interview_staff_edit": staff_only(**dict.fromkeys(HANDLERS, REDIRECT)),
    "petitions:interview_staff_move": staff_post_only(),
    "petitions:interview_staff_question": staff_post_only(),
    "petitions:interview_staff_answer": staff_post_only(),
    "petitions:interview_staff_archive": staff_post_only(),
    # A message's page opens to its author (or who gave its query code); others go to the form.
    "petitions:message_track_detail": {
        PUBLIC: _by_role(REDIRECT, owner=200),
        STAFF: _by_role(REDIRECT, owner=200),
    },
    "petitions:qa_detail": public_to_all(),
    "petitions:department_qa": public_to_all(),
    "petitions:message_staff_detail": staff_only(*HANDLERS, "operator", *OVERSEERS),
    "petitions:message_staff_act": staff_post_only(),
    "petitions:message_from_complaint": staff_post_only(),
    # The moderation queue: the hotline office and admins.
    "petitions:moderation_detail": staff_only("operator", "admin"),
    # --- 政务公开 ---------------------------------------------------------------------------------
    "disclosure:column": public_to_all(),
    "disclosure:column_feed": public_to_all(),
    "disclosure:article": public_to_all(),
    "disclosure:catalogue_item": public_to_all(),
    "disclosure:catalogue_item_history": public_to_all(),
    "disclosure:annual_report_download": public_to_all(),
    "disclosure:article_attachment": citizen_file(),
    # The handling unit is made the disclosure office (DISCLOSURE_REQUESTS_OFFICE).
    "disclosure:request_detail": owner_and(*HANDLERS),
    "disclosure:request_document": owner_and(*HANDLERS),
    "disclosure:request_supplement": citizen_post_only(),
    "disclosure:request_act": staff_post_only(),
    "disclosure:report": staff_only(*HANDLERS, "admin"),
    "disclosure:staff_article": staff_only(*HANDLERS, "admin"),
    # A published article is not edited: its editors are sent back to it.
    "disclosure:staff_article_edit": staff_only(**dict.fromkeys((*HANDLERS, "admin"), REDIRECT)),
    "disclosure:staff_article_act": staff_post_only(),
    "disclosure:staff_catalogue_detail": staff_only("head", "admin"),
    "disclosure:staff_catalogue_edit": staff_only(head=REDIRECT, admin=REDIRECT),
    "disclosure:staff_catalogue_act": staff_post_only(),
    # --- 好差评 -----------------------------------------------------------------------------------
    "evaluation:unit": public_to_all(),
    "evaluation:person": public_to_all(),
    "evaluation:photo": public_to_all(),
    "evaluation:staff_person_edit": staff_only("admin"),
    "evaluation:staff_moderate": staff_post_only(),
    "evaluation:staff_warning": staff_only("inspector", "admin"),
    # --- 督查督办 ---------------------------------------------------------------------------------
    "supervision:notice": staff_only("head", "inspector", "leader"),
    "supervision:notice_pdf": staff_only("head", "inspector", "leader"),
    "supervision:alert": staff_only("head", "inspector", "leader"),
    "supervision:brief_detail": staff_only("inspector", "leader"),
    "supervision:brief_pdf": staff_only("inspector", "leader"),
    # --- 账号 -------------------------------------------------------------------------------------
    "portal:inbox_message": owner_and(),
    # A reset link is checked by its token, whoever opens it.
    "portal:password_reset_confirm": public_to_all(),
}


def _names_with_an_id(resolvers, namespace="", has_id=False):
    for entry in resolvers:
        with_id = has_id or bool(entry.pattern.converters)
        if isinstance(entry, URLResolver):
            inner = ":".join(filter(None, (namespace, entry.namespace)))
            if entry.namespace != "admin":
                yield from _names_with_an_id(entry.url_patterns, inner, with_id)
        elif isinstance(entry, URLPattern) and with_id:
            yield ":".join(filter(None, (namespace, entry.name)))


def test_every_url_with_an_object_id_has_a_row():
    names = set(_names_with_an_id(get_resolver().url_patterns))
    assert sorted(names - EXPECTED.keys()) == []
    assert sorted(EXPECTED.keys() - names) == []


@pytest.fixture(scope="module")
def matrix(django_db_setup, django_db_blocker, tmp_path_factory):
    """The objects, and a client signed in as each role, built once and rolled back after."""
    media = tmp_path_factory.mktemp("matrix-uploads")
    office = override_settings(MEDIA_ROOT=media, DISCLOSURE_REQUESTS_OFFICE=HANDLING_UNIT)
    with django_db_blocker.unblock(), office:
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            who, args = build()
            clients = {role: Client() for role in ROLES}
            for role, client in clients.items():
                if who[role] is not None:
                    client.force_login(who[role])
            yield media, clients, args
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def _answer(response):
    if response.status_code != 302:
        return response.status_code
    return LOGIN if "/login/" in response["Location"] else REDIRECT


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_get_answers_as_expected(matrix, settings, name):
    """Every cell of the row: each role on each host, as if each were a test of its own."""
    media, clients, args = matrix
    # The suite's autouse fixtures set these for every test: the matrix sets them back.
    settings.MEDIA_ROOT = media
    settings.STAFF_HOSTS = [STAFF]
    settings.ALLOWED_HOSTS = [PUBLIC, STAFF]
    settings.DISCLOSURE_REQUESTS_OFFICE = HANDLING_UNIT
    url = reverse(name, args=args[name])
    answers = {}
    for host in (PUBLIC, STAFF):
        for role in ROLES:
            # What a test per cell had: an empty cache, and a savepoint that forgets its writes.
            cache.clear()
            with transaction.atomic():
                answers[host, role] = _answer(clients[role].get(url, HTTP_HOST=host))
                transaction.set_rollback(True)
    wrong = {
        f"{role} on {host}": f"answered {got}, expected {EXPECTED[name][host][role]}"
        for (host, role), got in answers.items()
        if got != EXPECTED[name][host][role]
    }
    assert wrong == {}, wrong
