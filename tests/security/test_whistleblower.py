"""Tried as a hostile insider would: a citizen reports the market bureau with marked files, and
files an anonymous complaint while signed in; after routing, refused and allowed moves, a merge,
replies and exports, no member of the handling unit, the reported unit or any unit above them
finds the reporter's name, ID number, phone or e-mail anywhere they can reach."""

import pytest
from django.core import mail
from django.urls import reverse

from petitions.models import Attachment, Complaint
from portal import sms
from portal.models import InboxMessage, OutboxMessage
from supervision.models import Alert
from tests.security.crawl import crawl
from tests.uploads import MARKERS, marked

pytestmark = pytest.mark.django_db

NAME, ID_NUMBER, PHONE, EMAIL = MARKERS
PAGES_PER_USER = 400
REFUSAL = "不得交由被举报单位或其上级单位办理"
# The reply both handling heads wrote and the moderator passed for the board.
PUBLIC_REPLY = "依法依规处理"


def test_the_markers_are_planted_and_the_procedure_ran(scenario, tree, reporter):
    report, anonymous = scenario["report"], scenario["anonymous"]
    assert report.identity.name == NAME and report.identity.id_number == ID_NUMBER
    assert report.identity.account == reporter and anonymous.identity.account is None
    assert report.department == tree["discipline"] and report.status == Complaint.Status.CLOSED
    assert anonymous.department == tree["town"] and anonymous.status == Complaint.Status.CLOSED
    # Both replies passed moderation: they are on the public board the crawlers reach.
    assert report.published_at and anonymous.published_at
    assert scenario["duplicate"].merged_into == report
    assert sorted(
        Attachment.objects.filter(complaint=report).values_list("original_name", flat=True)
    ) == sorted(scenario["files"])


def test_moves_to_the_reported_unit_or_above_are_refused(scenario, tree):
    for response in scenario["refused"]:
        assert REFUSAL in response.content.decode()
    assert scenario["report"].department == tree["discipline"]
    assert Alert.objects.filter(department=tree["discipline"]).count() == 2


def _seeds(scenario) -> list[str]:
    seeds = [
        reverse("portal:home"),
        reverse("portal:workbench"),
        reverse("portal:inbox"),
        reverse("petitions:staff_queue"),
        reverse("petitions:staff_export"),
        reverse("petitions:board"),
        reverse("petitions:feed"),
        f"{reverse('disclosure:search')}?q={PUBLIC_REPLY}",
    ]
    for key in ("report", "anonymous", "duplicate"):
        number = scenario[key].number
        for name in ("staff_detail", "staff_history", "staff_identity"):
            seeds.append(reverse(f"petitions:{name}", args=[number]))
    seeds += [
        reverse("petitions:attachment", args=[pk])
        for pk in Attachment.objects.values_list("pk", flat=True)
    ]
    return seeds


def _identity_reads(scenario) -> dict[str, dict]:
    """The identity form of each complaint, submitted with a purpose."""
    return {
        reverse("petitions:staff_identity", args=[scenario[key].number]): {"purpose": "核查"}
        for key in ("report", "anonymous", "duplicate")
    }


def test_the_markers_are_found_where_they_rightly_are(client, scenario, staff):
    """The detector works on pages: the hotline operator, who holds the permission and belongs
    to no unit concerned, reads the reporter's identity."""
    client.force_login(staff["operator"])
    url = reverse("petitions:staff_identity", args=[scenario["report"].number])
    response = client.post(url, {"purpose": "依法核查举报人身份"})
    assert response.status_code == 200 and marked(response.content)


def test_no_member_of_the_handling_reported_or_ancestor_units_reaches_a_marker(scenario, staff):
    seeds = _seeds(scenario)
    leaks = []
    reached = {}
    for key, user in staff.items():
        if key == "operator":
            continue
        found = crawl(user, seeds, limit=PAGES_PER_USER, posts=_identity_reads(scenario))
        reached[key] = found
        leaks += [(key, url) for url, body in found.bodies.items() if marked(body)]
    assert leaks == [], leaks
    # The crawl reached what matters: the handling head opened the report and every file.
    handling = reached["discipline_head"].statuses
    report = reverse("petitions:staff_detail", args=[scenario["report"].number])
    assert handling[report] == 200
    for pk in Attachment.objects.filter(complaint=scenario["report"]).values_list("pk", flat=True):
        assert handling[reverse("petitions:attachment", args=[pk])] == 200
    assert handling[reverse("petitions:staff_export")] == 200
    # Everyone reached the public replies on the board, in its feed and in the site search.
    for found in reached.values():
        for key in ("report", "anonymous"):
            board_page = reverse("petitions:board_detail", args=[scenario[key].number])
            assert PUBLIC_REPLY in found.bodies[board_page].decode()
        assert PUBLIC_REPLY in found.bodies[reverse("petitions:feed")].decode()
        search = f"{reverse('disclosure:search')}?q={PUBLIC_REPLY}"
        assert scenario["report"].number in found.bodies[search].decode()


def test_no_inbox_message_sms_or_email_but_the_reporters_own_carries_a_marker(scenario, reporter):
    inbox = InboxMessage.objects.exclude(recipient=reporter)
    assert inbox.exists()
    assert [m.pk for m in inbox if marked(f"{m.subject}{m.body}{m.url}".encode())] == []
    own = {PHONE, EMAIL}
    outbox = OutboxMessage.objects.exclude(address__in=own)
    assert [m.pk for m in outbox if marked(str(vars(m)).encode())] == []
    texts = [m for m in sms.outbox if m.to not in own]
    assert [m.to for m in texts if marked(m.body.encode())] == []
    mails = [m for m in mail.outbox if not set(m.to) & own]
    assert [m.subject for m in mails if marked(m.message().as_bytes())] == []
    # The reporter, who chose SMS, was told (and is the only one the markers go to).
    assert any(m.to == PHONE for m in sms.outbox)
