import pytest
from django.urls import reverse

from portal.models import InboxMessage
from tests.factories import CitizenFactory, StaffFactory

pytestmark = pytest.mark.django_db


def test_home_page_is_chinese(client):
    response = client.get(reverse("portal:home"))
    assert response.status_code == 200
    body = response.content.decode()
    assert '<html lang="zh-hans">' in body
    assert "12345 政务服务便民热线" in body


def test_home_page_offers_a_tile_for_each_pillar_service(client):
    body = client.get(reverse("portal:home")).content.decode()
    assert f'class="service-tile" href="{reverse("petitions:file")}"' in body
    assert f'class="service-tile" href="{reverse("evaluation:index")}"' in body


def test_language_switch_to_english(client):
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"}, follow=True)
    assert '<html lang="en">' in response.content.decode()


def test_home_page_loads_no_asset_from_the_internet(client):
    body = client.get(reverse("portal:home")).content.decode()
    assert "http://" not in body.replace("http://www.w3.org", "")
    assert "https://" not in body


def test_home_page_query_count_is_small(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        client.get(reverse("portal:home"))


def test_account_shows_the_profile_with_masked_id(client):
    citizen = CitizenFactory()
    client.force_login(citizen)
    body = client.get(reverse("portal:account")).content.decode()
    assert citizen.real_name in body
    assert citizen.resident_id not in body
    assert citizen.resident_id[-4:] in body


def test_account_requires_login(client):
    response = client.get(reverse("portal:account"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("portal:login"))


def test_profile_edit_keeps_identity_numbers(client):
    citizen = CitizenFactory()
    client.force_login(citizen)
    client.post(
        reverse("portal:profile_edit"),
        {"email": "new@example.com", "address": "城关镇1号", "resident_id": "x"},
    )
    citizen.refresh_from_db()
    assert citizen.email == "new@example.com"
    assert citizen.address == "城关镇1号"
    assert len(citizen.resident_id) == 18


def test_inbox_lists_and_marks_messages_read(client):
    citizen = CitizenFactory()
    message = InboxMessage.objects.create(
        recipient=citizen, subject="您的办件已受理", body="办件编号 QS-1"
    )
    client.force_login(citizen)
    assert "您的办件已受理" in client.get(reverse("portal:inbox")).content.decode()
    client.get(reverse("portal:inbox_message", args=[message.pk]))
    message.refresh_from_db()
    assert message.read_at is not None


def test_nobody_reads_another_users_message(client):
    message = InboxMessage.objects.create(recipient=CitizenFactory(), subject="私信", body="…")
    client.force_login(CitizenFactory())
    assert client.get(reverse("portal:inbox_message", args=[message.pk])).status_code == 404


def test_workbench_greets_staff(client):
    staff = StaffFactory()
    client.force_login(staff)
    response = client.get(reverse("portal:workbench"))
    assert response.status_code == 200
    assert staff.department.name in response.content.decode()


def test_unknown_page_is_a_portal_404(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "页面不存在" in response.content.decode()


def test_staff_pages_are_hidden_on_public_hosts(client, settings):
    settings.STAFF_HOSTS = ["intranet.local"]
    settings.ALLOWED_HOSTS = ["intranet.local", "www.example.gov.cn"]
    staff = StaffFactory()
    client.force_login(staff)
    assert (
        client.get(reverse("portal:workbench"), HTTP_HOST="www.example.gov.cn").status_code == 404
    )
    assert client.get(reverse("portal:workbench"), HTTP_HOST="intranet.local").status_code == 200
    assert client.get(reverse("portal:home"), HTTP_HOST="www.example.gov.cn").status_code == 200


@pytest.mark.parametrize(
    ("name", "args"),
    [("approvals:stats", []), ("disclosure:request_act", ["YSQ2026000001", "extend"])],
)
def test_staff_only_pages_of_the_pillars_are_kept_off_the_public_hosts(name, args):
    from portal.middleware import is_staff_path

    assert is_staff_path(reverse(name, args=args))
