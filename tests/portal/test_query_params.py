"""Periods from hand-edited query strings: anything odd is "no choice", never an exception."""

import datetime

import pytest

from portal.query_params import month_param, year_param


@pytest.mark.parametrize(
    ("value", "year"),
    [
        ("2026", 2026),
        ("2000", 2000),
        ("2100", 2100),
        ("1999", None),
        ("2101", None),
        ("-5", None),
        ("99999999999999999999", None),
        ("二〇二六", None),
        ("", None),
        (None, None),
    ],
)
def test_year_param(value, year):
    assert year_param(value) == year


@pytest.mark.parametrize(
    ("value", "month"),
    [
        ("2026-03", datetime.date(2026, 3, 1)),
        ("2026-3", datetime.date(2026, 3, 1)),
        ("2026-13", None),
        ("99999-01", None),
        ("1999-12", None),
        ("2026-03-05", None),
        ("abc", None),
        ("", None),
        (None, None),
    ],
)
def test_month_param(value, month):
    assert month_param(value) == month
