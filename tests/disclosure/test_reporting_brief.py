"""Disclosure's section of the leader brief: columns stale at the month's end."""

import datetime

import pytest

from disclosure.selectors.reporting import brief_section
from supervision.services.brief import month_bounds
from tests.disclosure.factories import ColumnFactory, at

pytestmark = pytest.mark.django_db


def test_a_column_not_updated_within_its_interval_is_stale_at_the_months_end():
    stale = ColumnFactory(
        name="财政预决算", update_interval_days=30, created_at=at("2026-10-01 09:00")
    )
    ColumnFactory(name="通知公告", update_interval_days=90, created_at=at("2026-10-01 09:00"))
    section = brief_section(*month_bounds(datetime.date(2026, 11, 1)))
    assert section["figures"]["columns_stale"] == 1
    assert section["tables"][0]["rows"] == [[stale.name, stale.department.name, 30]]
