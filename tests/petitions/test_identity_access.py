"""Every read of a protected complaint writes exactly one access row (who, what, when, from
where); unprotected complaints write none; inspectors list the rows."""

import pytest
from django.contrib.auth.models import Permission
from django.core.files.base import ContentFile
from django.urls import reverse

from petitions.models import Attachment, ProtectedAccess
from portal.roles import Role
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db

ADDRESS = "10.1.2.3"


@pytest.fixture
def protected(file_complaint, routed_category):
    complaint, _code = file_complaint(category=routed_category, anonymous=True)
    return complaint


@pytest.fixture
def unprotected(file_complaint, routed_category, citizen):
    complaint, _code = file_complaint(category=routed_category, account=citizen)
    assert not complaint.is_protected
    return complaint


@pytest.fixture
def inspector(db):
    return StaffFactory(roles=[Role.DISCIPLINE_INSPECTOR], real_name="纪检员")


def _get(client, url):
    return client.get(url, REMOTE_ADDR=ADDRESS)


@pytest.mark.parametrize(
    ("url_name", "what"),
    [("petitions:staff_detail", "page"), ("petitions:staff_history", "history")],
)
def test_each_page_read_writes_one_row(client, protected, clerk, url_name, what):
    client.force_login(clerk)
    assert _get(client, reverse(url_name, args=[protected.number])).status_code == 200
    row = ProtectedAccess.objects.get()
    assert (row.user, row.complaint, row.what, row.address) == (clerk, protected, what, ADDRESS)
    _get(client, reverse(url_name, args=[protected.number]))
    assert ProtectedAccess.objects.count() == 2


def test_reading_a_duplicate_merged_into_a_protected_complaint_writes_a_row(
    client, protected, unprotected, clerk
):
    # The staff page no longer joins the merged original: it is read for a merged one only.
    unprotected.merged_into = protected
    unprotected.save()
    client.force_login(clerk)
    assert _get(client, reverse("petitions:staff_detail", args=[unprotected.number])).status_code
    assert ProtectedAccess.objects.get().complaint == unprotected


def test_exporting_a_duplicate_merged_into_a_protected_complaint_writes_a_row(
    client, protected, unprotected, clerk
):
    # The lists read the originals of their merged rows in a query of their own.
    unprotected.merged_into = protected
    unprotected.save()
    client.force_login(clerk)

    assert _get(client, reverse("petitions:staff_export")).status_code == 200

    assert set(ProtectedAccess.objects.values_list("complaint", "what")) == {
        (protected.pk, "export"),
        (unprotected.pk, "export"),
    }


def test_the_staff_list_marks_a_duplicate_merged_into_a_protected_complaint(
    client, protected, unprotected, clerk
):
    unprotected.merged_into = protected
    unprotected.save()
    client.force_login(clerk)

    page = _get(client, reverse("petitions:staff_queue")).content.decode()

    assert page.count("（举报人保护）") == 2


def test_unprotected_complaint_writes_no_row(client, unprotected, clerk):
    client.force_login(clerk)
    assert _get(client, reverse("petitions:staff_detail", args=[unprotected.number])).status_code
    _get(client, reverse("petitions:staff_history", args=[unprotected.number]))
    _get(client, reverse("petitions:staff_export"))
    assert not ProtectedAccess.objects.exists()


def test_refused_page_writes_no_row(client, protected, other_clerk):
    client.force_login(other_clerk)
    assert (
        _get(client, reverse("petitions:staff_detail", args=[protected.number])).status_code == 404
    )
    assert not ProtectedAccess.objects.exists()


def test_each_attachment_download_writes_one_row(client, protected, clerk):
    item = Attachment.objects.create(
        complaint=protected,
        file=ContentFile(b"%PDF-1.4 test", name="evidence.pdf"),
        original_name="evidence.pdf",
        content_type="application/pdf",
        size=13,
    )
    client.force_login(clerk)
    response = _get(client, reverse("petitions:attachment", args=[item.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    row = ProtectedAccess.objects.get()
    assert (row.user, row.what, row.address) == (clerk, "attachment", ADDRESS)


def test_each_export_row_writes_one_row(client, protected, unprotected, file_complaint, clerk):
    client.force_login(clerk)
    response = _get(client, reverse("petitions:staff_export"))
    assert response.status_code == 200
    row = ProtectedAccess.objects.get()
    assert (row.complaint, row.what, row.user) == (protected, "export", clerk)


def test_identity_read_writes_one_row(client, protected, operator):
    client.force_login(operator)
    url = reverse("petitions:staff_identity", args=[protected.number])
    assert _get(client, url).status_code == 200
    assert not ProtectedAccess.objects.exists()
    response = client.post(url, {"purpose": "回访联系"}, REMOTE_ADDR=ADDRESS)
    assert "13911112222" in response.content.decode()
    row = ProtectedAccess.objects.get()
    assert (row.user, row.what, row.address) == (operator, "identity", ADDRESS)


def test_inspector_lists_the_rows(client, protected, clerk, inspector):
    client.force_login(clerk)
    _get(client, reverse("petitions:staff_detail", args=[protected.number]))
    client.force_login(inspector)
    page = client.get(reverse("petitions:staff_access_log")).content.decode()
    assert protected.number in page and "市场局承办人" in page and ADDRESS in page
    assert "诉求页面" in page


def test_inspector_filters_the_rows_by_number(client, protected, unprotected, clerk, inspector):
    client.force_login(clerk)
    _get(client, reverse("petitions:staff_detail", args=[protected.number]))
    client.force_login(inspector)
    page = client.get(reverse("petitions:staff_access_log"), {"number": "TS0000"}).content
    assert protected.number not in page.decode()


def test_access_log_is_closed_to_departments(client, clerk, operator):
    for user in (clerk, operator):
        client.force_login(user)
        assert client.get(reverse("petitions:staff_access_log")).status_code == 404


def test_inspector_finds_the_access_log_from_the_queue(client, inspector):
    client.force_login(inspector)
    page = client.get(reverse("petitions:staff_queue")).content.decode()
    assert reverse("petitions:staff_access_log") in page


def test_admin_change_page_writes_one_row(client, protected, operator):
    operator.is_staff = True
    operator.save()
    operator.user_permissions.add(Permission.objects.get(codename="view_complaint"))
    client.force_login(operator)
    url = f"/admin/petitions/complaint/{protected.pk}/change/"
    assert client.get(url, REMOTE_ADDR=ADDRESS).status_code == 200
    row = ProtectedAccess.objects.get()
    assert (row.user, row.what, row.address) == (operator, "page", ADDRESS)


def test_a_duplicate_merged_into_a_protected_complaint_is_protected_too(protected, unprotected):
    unprotected.merged_into = protected
    unprotected.save()

    assert type(unprotected).objects.get(pk=unprotected.pk).is_protected
