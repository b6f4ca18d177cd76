"""Pages of the efficiency rating as citizens and staff see them."""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from evaluation.models import RatedPerson, RatingWarning, Vote, VoteEvent
from evaluation.services import votes as vote_services
from portal.roles import Role
from tests.evaluation.factories import RatedPersonFactory
from tests.factories import CitizenFactory, DepartmentFactory, StaffFactory
from tests.submissions import token_on
from tests.uploads import huge_png

pytestmark = pytest.mark.django_db

DISSATISFIED = {"attitude": "dissatisfied", "efficiency": "fair", "style": "satisfied"}
SATISFIED = {"attitude": "satisfied", "efficiency": "satisfied", "style": "satisfied"}


def test_public_index_lists_units_and_finds_people(client):
    RatedPersonFactory(name="李办事", department=DepartmentFactory(name="县市场监督管理局"))
    page = client.get(reverse("evaluation:index"), {"q": "李办事"})
    assert page.status_code == 200
    text = page.content.decode()
    assert "县市场监督管理局" in text and "李办事" in text


def test_unit_page_lists_its_people_in_few_queries(client, django_assert_max_num_queries):
    unit = DepartmentFactory()
    RatedPersonFactory.create_batch(25, department=unit)
    with django_assert_max_num_queries(6):
        page = client.get(reverse("evaluation:unit", args=[unit.code]))
    assert page.content.decode().count("list-group-item-action") == 25


def test_citizen_votes_dissatisfied_with_a_reason(client, person):
    client.force_login(CitizenFactory())
    response = client.post(person.get_absolute_url(), {**DISSATISFIED, "reason": "窗口推诿"})
    assert response.status_code == 302
    vote = Vote.objects.get()
    assert vote.is_dissatisfied and vote.reason_status == Vote.ReasonStatus.PENDING
    assert VoteEvent.objects.get().code == VoteEvent.Code.CAST


def test_dissatisfied_vote_without_a_reason_is_refused(client, person):
    client.force_login(CitizenFactory())
    response = client.post(person.get_absolute_url(), DISSATISFIED)
    assert response.status_code == 200
    assert "请填写理由" in response.content.decode()
    assert not Vote.objects.exists()


def test_a_vote_missing_a_dimension_says_which_and_keeps_the_choices(client, person):
    client.force_login(CitizenFactory())
    response = client.post(person.get_absolute_url(), {"attitude": "fair", "style": "fair"})
    assert response.status_code == 200
    text = response.content.decode()
    assert text.count("请对这一项作出评价") == 1
    assert 'id="id_efficiency_error"' in text and "inline-choices" in text
    assert re.search(r'value="fair"\s+id="id_attitude_1"[^>]*\bchecked\b', text)
    assert not Vote.objects.exists()


def test_a_citizen_changes_their_vote_in_the_same_month(client, person):
    client.force_login(CitizenFactory())
    client.post(person.get_absolute_url(), {**DISSATISFIED, "reason": "慢"})
    client.post(person.get_absolute_url(), SATISFIED)
    vote = Vote.objects.get()
    assert not vote.is_dissatisfied
    assert "修改本月评价" in client.get(person.get_absolute_url()).content.decode()


def test_a_changed_vote_keeps_what_the_citizen_first_submitted(client, person):
    client.force_login(CitizenFactory())
    client.post(person.get_absolute_url(), {**DISSATISFIED, "reason": "窗口无人"})
    client.post(person.get_absolute_url(), SATISFIED)
    events = list(Vote.objects.get().events.values_list("code", "data"))
    assert [code for code, _data in events] == [VoteEvent.Code.CAST, VoteEvent.Code.CHANGED]
    assert events[0][1]["reason"] == "窗口无人"
    assert events[0][1]["attitude"] == "dissatisfied"
    assert events[1][1]["attitude"] == "satisfied"


def test_staff_cannot_vote(client, person):
    client.force_login(StaffFactory(roles=[Role.ADMIN]))
    response = client.post(person.get_absolute_url(), SATISFIED, follow=True)
    assert "工作人员不能参加群众测评" in response.content.decode()
    assert not Vote.objects.exists()


def test_anonymous_votes_are_rate_limited_per_client(client, person, settings):
    settings.EVALUATION_ANONYMOUS_RATE = (2, 3600)
    for _ in range(3):
        response = client.post(person.get_absolute_url(), SATISFIED, follow=True)
    assert Vote.objects.count() == 2
    assert "过于频繁" in response.content.decode()


def test_a_double_click_on_an_anonymous_vote_counts_once(client, person, settings):
    settings.EVALUATION_ANONYMOUS_VOTING = True
    token = token_on(client.get(person.get_absolute_url()))
    for _ in range(2):
        response = client.post(
            person.get_absolute_url(), {**SATISFIED, "submission_token": token}, follow=True
        )
        assert "感谢您的评价" in response.content.decode()
    assert Vote.objects.count() == 1 and VoteEvent.objects.count() == 1


def test_anonymous_voting_can_be_switched_off(client, person, settings):
    settings.EVALUATION_ANONYMOUS_VOTING = False
    response = client.post(person.get_absolute_url(), SATISFIED)
    assert not Vote.objects.exists()
    assert "请登录后评价" in response.content.decode()


def test_reasons_are_public_only_after_moderation(client, person):
    vote = vote_services.vote_cast(
        person=person, voter=CitizenFactory(), reason="态度生硬", **DISSATISFIED
    )
    assert "态度生硬" not in client.get(person.get_absolute_url()).content.decode()
    admin = StaffFactory(roles=[Role.ADMIN])
    client.force_login(admin)
    assert "态度生硬" in client.get(reverse("evaluation:staff_moderation")).content.decode()
    client.post(reverse("evaluation:staff_moderate", args=[vote.pk]), {"decision": "approve"})
    client.logout()
    assert "态度生硬" in client.get(person.get_absolute_url()).content.decode()


def test_staff_pages_are_not_found_for_citizens(client):
    client.force_login(CitizenFactory())
    for name in ("staff_roster", "staff_moderation", "staff_warnings", "staff_statistics"):
        assert client.get(reverse(f"evaluation:{name}")).status_code == 404


def test_warning_page_shows_tier_action_and_bases(client, person):
    for _ in range(10):
        vote_services.vote_cast(person=person, voter=CitizenFactory(), reason="慢", **DISSATISFIED)
    warning = RatingWarning.objects.get()
    client.force_login(StaffFactory(roles=[Role.DISCIPLINE_INSPECTOR]))
    text = client.get(warning.get_absolute_url()).content.decode()
    assert "三级预警" in text and "效能告诫" in text and "月度" in text


def test_statistics_and_exports(client, person):
    vote_services.vote_cast(person=person, voter=CitizenFactory(), reason="慢", **DISSATISFIED)
    client.force_login(StaffFactory(roles=[Role.DISCIPLINE_INSPECTOR]))
    assert person.name in client.get(reverse("evaluation:staff_statistics")).content.decode()
    csv = client.get(reverse("evaluation:staff_export")).content.decode("utf-8-sig")
    assert person.name in csv and ",1,1" in csv
    xlsx = client.get(reverse("evaluation:staff_export"), {"scope": "year", "format": "xlsx"})
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")


@pytest.mark.parametrize(
    "query",
    [
        {"month": "2026-13"},
        {"month": "99999999999999999999-1"},
        {"scope": "year", "year": "0"},
        {"scope": "year", "year": "99999999999999999999"},
    ],
)
def test_an_impossible_period_falls_back_to_the_current_one(client, query):
    client.force_login(StaffFactory(roles=[Role.DISCIPLINE_INSPECTOR]))
    response = client.get(reverse("evaluation:staff_export"), query)
    assert response.status_code == 200
    assert response.content.decode("utf-8-sig").startswith("单位,姓名")


def test_daily_review_lists_todays_votes(client, person):
    vote_services.vote_cast(
        person=person, voter=CitizenFactory(), reason="效率太低", **DISSATISFIED
    )
    client.force_login(StaffFactory(roles=[Role.ADMIN]))
    assert "效率太低" in client.get(reverse("evaluation:staff_review")).content.decode()


def test_roster_import_is_all_or_nothing_with_a_row_report(client):
    DepartmentFactory(code="market")
    content = (
        "姓名,性别,职务,单位代码,工作职责\n张三,男,科员,market,登记\n李四,未知,科员,nowhere,\n"
    )
    client.force_login(StaffFactory(roles=[Role.ADMIN]))
    upload = SimpleUploadedFile("roster.csv", content.encode())
    text = client.post(reverse("evaluation:staff_import"), {"file": upload}).content.decode()
    assert "第 3 行" in text and "nowhere" in text
    assert not RatedPerson.objects.exists()


def test_roster_import_from_xlsx(client):
    from openpyxl import Workbook

    DepartmentFactory(code="market")
    book = Workbook()
    book.active.append(["姓名", "性别", "职务", "单位代码", "工作职责"])
    book.active.append(["王五", "女", "股长", "market", "审批"])
    out = io.BytesIO()
    book.save(out)
    client.force_login(StaffFactory(roles=[Role.ADMIN]))
    upload = SimpleUploadedFile("roster.xlsx", out.getvalue())
    client.post(reverse("evaluation:staff_import"), {"file": upload})
    assert RatedPerson.objects.get().name == "王五"


def test_photo_is_re_encoded_without_metadata_and_served(client):
    unit = DepartmentFactory()
    image = Image.new("RGB", (40, 60), "red")
    exif = Image.Exif()
    exif[0x010E] = "secret location"
    raw = io.BytesIO()
    image.save(raw, "JPEG", exif=exif)
    client.force_login(StaffFactory(roles=[Role.ADMIN]))
    client.post(
        reverse("evaluation:staff_person_new"),
        {
            "name": "赵六",
            "gender": "male",
            "position": "科员",
            "department": unit.pk,
            "responsibilities": "",
            "is_active": "on",
            "photo_upload": SimpleUploadedFile("p.jpg", raw.getvalue(), content_type="image/jpeg"),
        },
    )
    person = RatedPerson.objects.get()
    body = b"".join(client.get(reverse("evaluation:photo", args=[person.pk])).streaming_content)
    assert body.startswith(b"\xff\xd8") and b"secret location" not in body


def test_a_photo_with_too_many_pixels_is_refused_with_a_message(client):
    unit = DepartmentFactory()
    client.force_login(StaffFactory(roles=[Role.ADMIN]))
    response = client.post(
        reverse("evaluation:staff_person_new"),
        {
            "name": "赵六",
            "gender": "male",
            "position": "科员",
            "department": unit.pk,
            "responsibilities": "",
            "is_active": "on",
            "photo_upload": SimpleUploadedFile("p.png", huge_png(8_000, 8_000)),
        },
    )
    assert response.status_code == 200 and "图片尺寸过大" in response.content.decode()
    assert not RatedPerson.objects.exists()


def test_workbench_section_shows_counts(client, person):
    vote_services.vote_cast(person=person, voter=CitizenFactory(), reason="慢", **DISSATISFIED)
    from django.template import Context, Template

    html = Template('{% include "evaluation/_sections/workbench.html" %}').render(
        Context({"user": StaffFactory(roles=[Role.ADMIN])})
    )
    assert "待审核理由 1 条" in html


def test_staff_lists_keep_their_query_count(client, django_assert_max_num_queries):
    people = RatedPersonFactory.create_batch(3)
    for person in people:
        for _ in range(10):
            vote_services.vote_cast(
                person=person, voter=CitizenFactory(), reason="慢", **DISSATISFIED
            )
    admin = StaffFactory(roles=[Role.ADMIN, Role.DISCIPLINE_INSPECTOR])
    client.force_login(admin)
    for name in ("staff_warnings", "staff_moderation", "staff_review", "staff_statistics"):
        with django_assert_max_num_queries(12):
            assert client.get(reverse(f"evaluation:{name}")).status_code == 200
