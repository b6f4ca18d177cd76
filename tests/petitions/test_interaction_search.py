"""Public suggestions and published consultations are findable in the site-wide search, with
only what their public pages show; what is not public is not found."""

import datetime
import io

import pytest
from django.core.management import call_command

from petitions.models import ModerationItem
from petitions.services import consultations as consultation_services
from petitions.services import moderation
from petitions.services import suggestions as suggestion_services
from tests.petitions.helpers import pass_moderation
from tests.petitions.participation import consultation, noon, suggest

pytestmark = pytest.mark.django_db
URL = "/disclosure/search/"
OPENS = datetime.date(2026, 3, 2)
CLOSES = datetime.date(2026, 3, 31)


def search(client, words: str) -> str:
    return client.get(URL, {"q": words}).content.decode()


def link(obj) -> str:
    return f'href="{obj.get_absolute_url()}"'


def test_a_suggestion_is_not_found_before_the_moderator_passes_it(client, citizen, department):
    suggestion = suggest(citizen, department, content="建议在城南湿地修建栈道。")
    assert link(suggestion) not in search(client, "湿地栈道")


def test_a_passed_suggestion_is_found_by_its_passed_text(client, citizen, department, operator):
    suggestion = suggest(citizen, department, content="我叫王小明，建议在城南湿地修建栈道。")
    pass_moderation("suggestion", suggestion, operator, text="建议在城南湿地修建栈道。")

    page = search(client, "湿地栈道")
    assert link(suggestion) in page
    assert "建言献策" in page and "匹配：建议内容" in page
    assert link(suggestion) not in search(client, "王小明")


def test_the_reply_and_what_was_done_are_found_once_given(
    client, citizen, department, operator, clerk
):
    suggestion = suggest(citizen, department)
    pass_moderation("suggestion", suggestion, operator)
    suggestion_services.suggestion_answer(
        actor=clerk, suggestion=suggestion, move="adopt", reply="已列入明年财政预算。"
    )
    suggestion_services.suggestion_report_action(
        actor=clerk, suggestion=suggestion, action_taken="12路车已于五月开通。"
    )

    assert "匹配：答复" in search(client, "财政预算")
    assert "匹配：落实情况" in search(client, "五月开通")


def test_a_refused_suggestion_is_never_found(client, citizen, department, operator):
    suggestion = suggest(citizen, department, content="建议在城南湿地修建栈道。")
    item = ModerationItem.objects.get(suggestion=suggestion)
    moderation.moderation_reject(item=item, actor=operator, reason="含有不实信息")
    call_command("search_reindex", stdout=io.StringIO())

    assert link(suggestion) not in search(client, "湿地栈道")


def test_a_draft_consultation_is_not_found_until_published(client, clerk):
    draft = consultation(
        clerk, opens_on=OPENS, closes_on=CLOSES, publish=False, text="夜市摊位统一规划管理"
    )
    call_command("search_reindex", stdout=io.StringIO())
    assert link(draft) not in search(client, "夜市摊位")

    consultation_services.consultation_publish(actor=clerk, consultation=draft, at=noon(OPENS))
    page = search(client, "夜市摊位")
    assert link(draft) in page
    assert "意见征集" in page and "匹配：征求意见稿" in page


def test_the_adoption_feedback_is_found_once_published(client, clerk):
    published = consultation(clerk, opens_on=OPENS, closes_on=CLOSES)
    assert link(published) not in search(client, "采纳意见三条")

    consultation_services.consultation_give_feedback(
        actor=clerk,
        consultation=published,
        feedback="共收到意见三条，采纳意见三条。",
        at=noon(CLOSES + datetime.timedelta(days=1)),
    )
    assert "匹配：采纳情况说明" in search(client, "采纳意见三条")


def test_reindexing_puts_back_the_public_ones(client, citizen, department, operator, clerk):
    suggestion = suggest(citizen, department, content="建议在城南湿地修建栈道。")
    pass_moderation("suggestion", suggestion, operator)
    published = consultation(clerk, opens_on=OPENS, closes_on=CLOSES, text="夜市摊位统一规划管理")

    call_command("search_reindex", stdout=io.StringIO())

    assert link(suggestion) in search(client, "湿地栈道")
    assert link(published) in search(client, "夜市摊位")
