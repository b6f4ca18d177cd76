"""建言献策 pages: the public list after moderation, the citizen's form, the department's answer."""

import pytest
from django.urls import reverse

from petitions.models import Suggestion
from petitions.services import suggestions as services
from tests.factories import CitizenFactory
from tests.petitions.helpers import pass_moderation
from tests.petitions.participation import suggest

pytestmark = pytest.mark.django_db


def test_the_public_list_shows_only_passed_suggestions(client, citizen, department, operator):
    passed = suggest(citizen, department, title="建议增设公交线路")
    suggest(citizen, department, title="尚未审核的建议")
    pass_moderation("suggestion", passed, operator)
    page = client.get(reverse("petitions:suggestions")).content.decode()
    assert "建议增设公交线路" in page and "尚未审核的建议" not in page


def test_an_unpassed_suggestion_has_no_public_page(client, citizen, department):
    suggestion = suggest(citizen, department)
    response = client.get(reverse("petitions:suggestion_detail", args=[suggestion.pk]))
    assert response.status_code == 404


def test_an_adopted_suggestion_shows_what_was_done(client, citizen, department, clerk, operator):
    suggestion = suggest(citizen, department)
    pass_moderation("suggestion", suggestion, operator)
    services.suggestion_answer(
        actor=clerk, suggestion=suggestion, move="adopt", reply="采纳。", action_taken="已开通12路"
    )
    page = client.get(reverse("petitions:suggestion_detail", args=[suggestion.pk])).content.decode()
    assert "已采纳" in page and "已开通12路" in page


def test_the_list_filters_adopted_ones(client, citizen, department, clerk, operator):
    adopted, other = (
        suggest(citizen, department, title="甲建议"),
        suggest(citizen, department, title="乙建议"),
    )
    for suggestion in (adopted, other):
        pass_moderation("suggestion", suggestion, operator)
    services.suggestion_answer(actor=clerk, suggestion=adopted, move="adopt", reply="采纳")
    page = client.get(reverse("petitions:suggestions"), {"status": "adopted"}).content.decode()
    assert "甲建议" in page and "乙建议" not in page


def test_the_public_list_query_count_does_not_grow(
    client, django_assert_max_num_queries, department, operator
):
    for n in range(6):
        pass_moderation(
            "suggestion", suggest(CitizenFactory(), department, title=f"建议{n}"), operator
        )
    with django_assert_max_num_queries(6):
        assert client.get(reverse("petitions:suggestions")).status_code == 200


def test_a_citizen_submits_a_suggestion_once(client, citizen, department):
    client.force_login(citizen)
    form = client.get(reverse("petitions:suggestion_new")).context["form"]
    data = {
        "department": department.pk,
        "title": "建议在城南建公园",
        "content": "城南缺少休闲场所。",
        "submission_token": form["submission_token"].initial,
    }
    first = client.post(reverse("petitions:suggestion_new"), data)
    second = client.post(reverse("petitions:suggestion_new"), data)
    assert first.status_code == second.status_code == 302
    assert Suggestion.objects.filter(author=citizen).count() == 1


def test_an_empty_suggestion_is_refused_with_a_message(client, citizen):
    client.force_login(citizen)
    response = client.post(reverse("petitions:suggestion_new"), {"title": "", "content": ""})
    assert response.status_code == 200
    assert "这个字段是必填项" in response.content.decode()
    assert not Suggestion.objects.exists()


def test_signing_in_is_needed_to_suggest(client):
    response = client.get(reverse("petitions:suggestion_new"))
    assert response.status_code == 302 and "login" in response.url


def test_the_department_answers_through_its_page(client, citizen, department, clerk):
    suggestion = suggest(citizen, department)
    client.force_login(clerk)
    assert (
        suggestion.title in client.get(reverse("petitions:suggestion_staff_list")).content.decode()
    )
    response = client.post(
        reverse("petitions:suggestion_staff_answer", args=[suggestion.pk]),
        {"move": "study", "reply": "正在研究。"},
    )
    assert response.status_code == 302
    assert Suggestion.objects.get(pk=suggestion.pk).status == Suggestion.Status.STUDYING


def test_a_refused_answer_shows_why_and_changes_nothing(client, citizen, department, clerk):
    suggestion = suggest(citizen, department)
    services.suggestion_answer(actor=clerk, suggestion=suggestion, move="decline", reply="不采纳")
    client.force_login(clerk)
    response = client.post(
        reverse("petitions:suggestion_staff_answer", args=[suggestion.pk]),
        {"move": "adopt", "reply": "采纳"},
    )
    assert response.status_code == 400
    assert "已经答复" in response.content.decode()
    assert Suggestion.objects.get(pk=suggestion.pk).status == Suggestion.Status.NOT_ADOPTED


def test_another_department_gets_404(client, citizen, department, other_clerk):
    suggestion = suggest(citizen, department)
    client.force_login(other_clerk)
    url = reverse("petitions:suggestion_staff_detail", args=[suggestion.pk])
    assert client.get(url).status_code == 404
