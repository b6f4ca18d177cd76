"""The forms of the staff complaint page, in plain Bootstrap markup (issue 21: crispy's templates
cost more than the rest of the page): the same labels, required marks, errors and their links."""

import re
from collections import Counter

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_each_form_on_the_page_has_its_own_ids(client, file_complaint, category, operator):
    # Not routed: waiting for the office, which may dispatch, transfer, refer or merge it.
    registered, _code = file_complaint(category=category)
    client.force_login(operator)
    page = client.get(reverse("petitions:staff_detail", args=[registered.number])).content.decode()
    ids = Counter(re.findall(r'\sid="([^"]+)"', page))
    assert 'for="id_dispatch_note"' in page and 'for="id_transfer_note"' in page
    assert [name for name, seen in ids.items() if seen > 1] == []


def test_a_required_field_is_labelled_and_marked(client, handling, clerk):
    client.force_login(clerk)
    page = client.get(reverse("petitions:staff_detail", args=[handling.number])).content.decode()
    assert (
        '<label for="id_reply_content" class="form-label requiredField">书面答复'
        '<span class="asteriskField">*</span></label>'
    ) in page
    assert re.search(r'<textarea name="content"[^>]* class="textarea form-control" required', page)


def test_an_empty_reply_shows_its_error_beside_the_field(client, handling, clerk):
    client.force_login(clerk)
    response = client.post(
        reverse("petitions:staff_act", args=[handling.number, "reply"]), {"content": ""}
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert 'class="textarea form-control is-invalid"' in page
    assert 'aria-describedby="id_reply_content_error"' in page and 'aria-invalid="true"' in page
    assert re.search(
        r'<div id="id_reply_content_error" class="invalid-feedback">'
        r'<p id="error_1_id_reply_content"><strong>[^<]+</strong></p></div>',
        page,
    )


def test_a_refused_redirect_keeps_the_unit_chosen(client, dispatched, operator, other_department):
    client.force_login(operator)
    response = client.post(
        reverse("petitions:staff_act", args=[dispatched.number, "redirect"]),
        {"department": other_department.pk, "note": ""},
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert (
        f'<option value="{other_department.pk}" selected>{other_department.name}</option>' in page
    )
    assert 'id="id_redirect_note_error"' in page


def test_the_return_visit_offers_each_result_as_a_labelled_radio(client, replied, operator):
    client.force_login(operator)
    page = client.get(reverse("petitions:staff_detail", args=[replied.number])).content.decode()
    assert '<legend class="form-label requiredField fs-6">回访结果' in page
    for n, label in enumerate(["满意", "基本满意", "不满意"]):
        assert f'id="id_return_visit_result_{n}" required>' in page
        assert (
            f'<label for="id_return_visit_result_{n}" class="form-check-label">{label}</label>'
            in (page)
        )
