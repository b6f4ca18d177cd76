"""Values from hand-edited query strings: anything odd is "no choice", never an exception."""

import datetime

import pytest

from portal.query_params import (
    choice_param,
    day_param,
    id_param,
    month_param,
    text_param,
    year_param,
)


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


@pytest.mark.parametrize(
    ("value", "day"),
    [
        ("2026-03-05", datetime.date(2026, 3, 5)),
        ("2026-02-30", None),
        ("9999-12-31", None),
        ("0001-01-01", None),
        ("20260305", None),
        ("", None),
        (None, None),
    ],
)
def test_day_param(value, day):
    assert day_param(value) == day


@pytest.mark.parametrize(
    ("value", "number"),
    [
        ("12", 12),
        (" 12 ", 12),
        ("0", None),
        ("-3", None),
        ("²", None),
        ("١٢", None),
        ("１２", None),
        (str(2**63), None),
        ("1e3", None),
        ("", None),
        (None, None),
    ],
)
def test_id_param(value, number):
    assert id_param(value) == number


def test_choice_param_keeps_only_a_choice():
    assert choice_param("open", ["open", "closed"]) == "open"
    assert choice_param("OPEN", ["open", "closed"], default="closed") == "closed"
    assert choice_param(None, ["open"]) == ""


def test_text_param_trims_and_cuts():
    assert text_param("  过期酸奶  ", max_length=2) == "过期"
    assert text_param(None, max_length=5) == ""
