"""A case keeps the catalogue item version it was filed under: after the item is revised, its
pages, its one-time notice and its legal limit still follow that version; a new case follows the
new one."""

import pytest
from django.urls import reverse

from approvals.services.handling.acceptance import case_accept, case_send_material_notice
from disclosure.models import CatalogueItem
from disclosure.services.catalogue import drafting, publishing
from portal.errors import DomainError
from tests.approvals.factories import CaseFactory, ProcessFactory
from tests.disclosure.catalogue_helpers import admin, published_item

pytestmark = pytest.mark.django_db


@pytest.fixture
def item(department):
    """An item published as version 1 (申请书, 身份证明; 20 WD legal limit), with its process."""
    item = published_item(
        drafter=admin("a1"), reviewer=admin("a2"), department=department, legal_limit_days=20
    )
    ProcessFactory(item=item)
    return item


def revise(item):
    """Publish version 2: 户口簿 is now required as well, and the legal limit is 15 WD."""
    drafter = admin("a1")
    publishing.item_revise(actor=drafter, item=item)
    draft = CatalogueItem.objects.get(pk=item.pk)
    draft.legal_limit_days = 15
    drafting.item_save_draft(
        actor=drafter,
        item=draft,
        materials=[drafting.MaterialData(name) for name in ("申请书", "身份证明", "户口簿")],
    )
    publishing.item_submit(actor=drafter, item=item)
    publishing.item_publish(actor=admin("a2"), item=item)


def test_a_case_records_the_version_it_was_filed_under(item):
    case = CaseFactory(item=item)
    revise(item)

    case.refresh_from_db()
    assert case.item_version.number == 1
    assert CaseFactory(item=item).item_version.number == 2


def test_the_citizen_and_clerk_pages_show_the_materials_of_the_cases_version(client, item, crew):
    case = CaseFactory(item=item)
    revise(item)

    client.force_login(case.applicant)
    citizen = client.get(reverse("approvals:case", args=[case.pk])).content.decode()
    client.force_login(crew.clerk)
    clerk = client.get(reverse("approvals:staff_case", args=[case.pk])).content.decode()

    for page in (citizen, clerk):
        assert "第 1 版" in page and "该事项已更新至第 2 版" in page
        assert "身份证明" in page and "户口簿" not in page


def test_the_one_time_notice_lists_only_materials_of_the_cases_version(item, crew):
    case = CaseFactory(item=item)
    revise(item)

    with pytest.raises(DomainError, match="不在本事项的材料清单中"):
        case_send_material_notice(actor=crew.clerk, case=case, missing=["户口簿"])


def test_the_legal_limit_is_that_of_the_cases_version(item, crew):
    case = CaseFactory(item=item)
    revise(item)

    case = case_accept(actor=crew.clerk, case=case)

    assert case.legal_limit_workdays == 20
