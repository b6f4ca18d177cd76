"""The public figures of messages: per unit and month, at the boundaries; the page and export."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from petitions.models import Message
from petitions.selectors.interaction import interaction_figures
from petitions.services.messages import handling
from tests.petitions.helpers import pass_moderation

pytestmark = pytest.mark.django_db

SHANGHAI = ZoneInfo("Asia/Shanghai")
# Monday 2 March 2026: 5 working days end on Monday 9 March.
MONDAY = datetime(2026, 3, 2, 10, 0, tzinfo=SHANGHAI)


def _only_row(year=2026):
    rows, _total = interaction_figures(year=year)
    assert len(rows) == 1
    return rows[0]


def test_answered_on_the_last_working_day_counts_as_on_time(write_message, citizen, clerk):
    message, _code = write_message(citizen, at=MONDAY)
    handling.message_answer(
        message=message, actor=clerk, answer="答复", at=datetime(2026, 3, 9, 23, 0, tzinfo=SHANGHAI)
    )
    row = _only_row()
    assert (row.received, row.answered, row.on_time) == (1, 1, 1)
    assert row.on_time_rate == 100.0


def test_answered_the_next_day_is_answered_but_late(write_message, citizen, clerk):
    message, _code = write_message(citizen, at=MONDAY)
    handling.message_answer(
        message=message, actor=clerk, answer="答复", at=datetime(2026, 3, 10, 9, 0, tzinfo=SHANGHAI)
    )
    row = _only_row()
    assert (row.answered, row.on_time) == (1, 0)


def test_average_and_longest_time_to_answer(write_message, citizen, clerk):
    for hours in (24, 72):
        message, _code = write_message(citizen, at=MONDAY)
        handling.message_answer(
            message=message, actor=clerk, answer="答复", at=MONDAY + timedelta(hours=hours)
        )
    write_message(citizen, at=MONDAY)  # not answered: counted as received only
    row = _only_row()
    assert (row.received, row.answered) == (3, 2)
    assert (row.average_days, row.longest_days) == (2.0, 3.0)


def test_the_month_is_the_local_month_of_receipt(write_message, citizen):
    # 31 March 23:30 in the county is 15:30 UTC: still March.
    write_message(citizen, at=datetime(2026, 3, 31, 23, 30, tzinfo=SHANGHAI))
    write_message(citizen, at=datetime(2026, 4, 1, 0, 30, tzinfo=SHANGHAI))
    rows, total = interaction_figures(year=2026)
    assert [(row.month.month, row.received) for row in rows] == [(4, 1), (3, 1)]
    assert total.received == 2


def test_a_message_of_new_year_s_eve_counts_in_its_year(write_message, citizen):
    write_message(citizen, at=datetime(2026, 12, 31, 23, 59, tzinfo=SHANGHAI))
    assert interaction_figures(year=2026)[1].received == 1
    assert interaction_figures(year=2027)[1].received == 0


def test_invalid_messages_are_not_counted(write_message, citizen, operator):
    message, _code = write_message(citizen, at=MONDAY)
    handling.message_mark_invalid(message=message, actor=operator, reason="广告", at=MONDAY)
    assert interaction_figures(year=2026)[0] == []


def test_published_counts_only_what_a_moderator_passed(write_message, citizen, clerk, operator):
    for _n in range(2):
        message, _code = write_message(citizen, at=MONDAY)
        handling.message_answer(message=message, actor=clerk, answer="答复", at=MONDAY)
    pass_moderation("message", Message.objects.first(), operator)
    assert _only_row().published == 1


def test_the_page_and_its_query_count_do_not_grow(
    client, django_assert_max_num_queries, write_message, citizen, clerk
):
    for _n in range(5):
        message, _code = write_message(citizen, at=MONDAY)
        handling.message_answer(message=message, actor=clerk, answer="答复", at=MONDAY)
    # The first read computes and keeps the figures, with a savepoint inside the test's transaction.
    with django_assert_max_num_queries(7):
        response = client.get(reverse("petitions:interaction_figures"), {"year": 2026})
    assert response.status_code == 200
    assert "县市场监督管理局" in response.content.decode()


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_export_downloads(client, write_message, citizen, fmt):
    write_message(citizen, at=MONDAY)
    response = client.get(
        reverse("petitions:interaction_figures_export"), {"year": 2026, "format": fmt}
    )
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith(f'.{fmt}"')


def test_a_bad_year_shows_the_current_year(client):
    assert client.get(reverse("petitions:interaction_figures"), {"year": "x'"}).status_code == 200


def test_the_stored_figures_equal_the_computed_ones_totals_included(write_message, citizen, clerk):
    from petitions.selectors.interaction import figures_stored

    for month, hours in ((2, 24), (2, 72), (4, 120)):
        at = MONDAY.replace(month=month)
        message, _code = write_message(citizen, at=at)
        handling.message_answer(
            message=message, actor=clerk, answer="答复", at=at + timedelta(hours=hours)
        )
    computed, computed_total = interaction_figures(year=2026)
    stored, stored_total, _at = figures_stored(year=2026)
    assert [row.cells() for row in stored] == [row.cells() for row in computed]
    assert stored_total.cells() == computed_total.cells()
