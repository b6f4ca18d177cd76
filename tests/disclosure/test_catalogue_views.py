import pytest
from django.urls import reverse

from disclosure.models import CatalogueItem
from disclosure.services.catalogue import publishing
from portal.templatetags import portal_tags
from tests.disclosure.catalogue_helpers import admin, head, market, published_item
from tests.disclosure.factories import CatalogueItemFactory
from tests.factories import CitizenFactory, DepartmentFactory

pytestmark = pytest.mark.django_db
LIST = "/disclosure/catalogue/"


# --- Public pages ------------------------------------------------------------------------------


def test_the_catalogue_lists_published_and_marked_withdrawn_items_but_no_drafts(client):
    published_item(name="食品经营许可")
    gone = published_item(name="旧的许可事项")
    publishing.item_withdraw(actor=admin("w"), item=gone, reason="取消")
    CatalogueItemFactory(name="尚未发布的草稿")

    page = client.get(LIST).content.decode()

    assert "食品经营许可" in page and "旧的许可事项" in page and "已撤回" in page
    assert "尚未发布的草稿" not in page


def test_browse_by_department_and_kind(client):
    dept = market()
    published_item(name="食品生产许可", department=dept)
    published_item(
        name="最低生活保障审批",
        department=DepartmentFactory(code="civil", name="县民政局"),
        kind=CatalogueItem.Kind.SERVICE,
    )

    by_department = client.get(LIST, {"department": "market"}).content.decode()
    by_kind = client.get(LIST, {"kind": "service"}).content.decode()

    assert "食品生产许可" in by_department and "最低生活保障审批" not in by_department
    assert "最低生活保障审批" in by_kind and "食品生产许可" not in by_kind


def test_the_list_query_count_does_not_grow(client, django_assert_max_num_queries):
    dept = market()
    for _ in range(3):
        published_item(department=dept)
    with django_assert_max_num_queries(6):
        client.get(LIST)
    for _ in range(20):
        published_item(department=DepartmentFactory())
    with django_assert_max_num_queries(6):
        response = client.get(LIST)
    assert response.status_code == 200


def test_item_detail_shows_basis_conditions_materials_limit_fee_and_supervision(
    client, monkeypatch
):
    monkeypatch.setattr(portal_tags, "_section_templates", lambda name: [])
    item = published_item(
        name="食品经营许可",
        legal_basis="《食品安全法》第三十五条",
        conditions="有固定经营场所",
        time_limit_days=20,
        supervision_phone="0571-88880000",
        supervision_address="县行政服务中心二楼监察室",
    )

    page = client.get(item.get_absolute_url()).content.decode()

    for text in (
        "《食品安全法》第三十五条",
        "有固定经营场所",
        "申请书",
        "身份证明",
        "20 个工作日",
        "不收费",
        "0571-88880000",
        "县行政服务中心二楼监察室",
    ):
        assert text in page
    assert "请携带上述材料到办理地点的服务窗口办理" in page


def test_item_detail_shows_the_fee_and_its_standard(client):
    item = published_item(fee="20.00", fee_standard="浙价费〔2017〕100号")
    page = client.get(item.get_absolute_url()).content.decode()

    assert "20.00 元" in page and "浙价费〔2017〕100号" in page


def test_a_withdrawn_item_page_says_so(client):
    item = publishing.item_withdraw(actor=admin("w"), item=published_item(), reason="取消")

    page = client.get(item.get_absolute_url()).content.decode()

    assert "该事项已于" in page and "不再受理申请" in page


def test_a_draft_has_no_public_page(client):
    item = CatalogueItemFactory()

    assert client.get(f"/disclosure/catalogue/{item.code}/").status_code == 404
    assert client.get("/disclosure/catalogue/no-such-code/").status_code == 404


# --- Staff pages ---------------------------------------------------------------------------------


def _draft_post(department, **fields):
    data = {
        "name": "个体工商户登记",
        "code": "market-002",
        "kind": "licensing",
        "department": department.pk,
        "content": "",
        "legal_basis": "《促进个体工商户发展条例》",
        "conditions": "",
        "time_limit_days": "3",
        "legal_limit_days": "20",
        "fee": "0",
        "fee_standard": "",
        "service_place": "",
        "supervision_phone": "",
        "supervision_address": "",
        "materials-TOTAL_FORMS": "2",
        "materials-INITIAL_FORMS": "0",
        "materials-MIN_NUM_FORMS": "0",
        "materials-MAX_NUM_FORMS": "1000",
        "materials-0-name": "登记申请书",
        "materials-0-is_required": "on",
        "materials-0-description": "",
        "materials-1-name": "",
        "materials-1-description": "",
    }
    data.update(fields)
    return data


def test_citizens_do_not_see_the_staff_pages(client):
    client.force_login(CitizenFactory())

    assert client.get("/disclosure/staff/catalogue/").status_code == 404
    assert client.get("/disclosure/staff/catalogue/import/").status_code == 404


def test_a_department_head_drafts_and_submits_through_the_pages(client):
    dept = market()
    client.force_login(head(dept))

    response = client.post("/disclosure/staff/catalogue/new/", _draft_post(dept))
    item = CatalogueItem.objects.get(code="market-002")
    assert response.status_code == 302 and item.status == CatalogueItem.Status.DRAFT
    assert list(item.materials.values_list("name", flat=True)) == ["登记申请书"]

    client.post(reverse("disclosure:staff_catalogue_act", args=[item.pk, "submit"]))
    item.refresh_from_db()
    assert item.status == CatalogueItem.Status.REVIEW


def test_a_draft_without_materials_is_refused_with_a_message(client):
    dept = market()
    client.force_login(head(dept))
    page = client.post(
        "/disclosure/staff/catalogue/new/", _draft_post(dept, **{"materials-0-name": ""})
    ).content.decode()

    assert "请至少列出一项申请材料" in page
    assert not CatalogueItem.objects.exists()


def test_a_department_head_sees_only_their_department(client):
    dept = market()
    own = CatalogueItemFactory(department=dept, name="本局事项")
    other = CatalogueItemFactory(name="他局事项")
    client.force_login(head(dept))

    page = client.get("/disclosure/staff/catalogue/").content.decode()

    assert "本局事项" in page and "他局事项" not in page
    assert client.get(f"/disclosure/staff/catalogue/{own.pk}/").status_code == 200
    assert client.get(f"/disclosure/staff/catalogue/{other.pk}/").status_code == 404


def test_an_admin_publishes_an_item_someone_else_submitted(client):
    item = publishing.item_submit(actor=admin("a1"), item=CatalogueItemFactory())
    client.force_login(admin("a2"))

    client.post(reverse("disclosure:staff_catalogue_act", args=[item.pk, "publish"]))

    item.refresh_from_db()
    assert item.status == CatalogueItem.Status.PUBLISHED


def test_publishing_ones_own_submission_shows_the_reason(client):
    user = admin("a1")
    item = publishing.item_submit(actor=user, item=CatalogueItemFactory())
    client.force_login(user)

    response = client.post(
        reverse("disclosure:staff_catalogue_act", args=[item.pk, "publish"]), follow=True
    )

    assert "另一位管理员" in response.content.decode()
    item.refresh_from_db()
    assert item.status == CatalogueItem.Status.REVIEW


def test_an_unknown_action_is_404(client):
    item = CatalogueItemFactory()
    client.force_login(admin())

    assert (
        client.post(
            reverse("disclosure:staff_catalogue_act", args=[item.pk, "explode"])
        ).status_code
        == 404
    )


def test_the_staff_list_query_count_does_not_grow(client, django_assert_max_num_queries):
    client.force_login(admin())
    CatalogueItemFactory.create_batch(3)
    with django_assert_max_num_queries(10):
        client.get("/disclosure/staff/catalogue/")
    CatalogueItemFactory.create_batch(20)
    with django_assert_max_num_queries(10):
        client.get("/disclosure/staff/catalogue/")


def test_editing_a_draft_keeps_its_materials_in_the_form(client):
    item = CatalogueItemFactory()
    client.force_login(admin())

    page = client.get(f"/disclosure/staff/catalogue/{item.pk}/edit/").content.decode()

    assert 'value="申请书"' in page


def test_a_new_publication_shows_at_once_despite_the_page_cache(client):
    published_item(name="食品生产许可")
    assert "婚姻登记" not in client.get(LIST).content.decode()

    published_item(name="婚姻登记")

    assert "婚姻登记" in client.get(LIST).content.decode()


def test_the_workbench_shows_items_waiting_for_review_to_an_admin(client):
    publishing.item_submit(actor=admin("a1"), item=CatalogueItemFactory())
    client.force_login(admin("a2"))

    page = client.get("/workbench/").content.decode()

    assert "待审核目录事项 1 项" in page
