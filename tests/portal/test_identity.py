import datetime

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from portal import identity
from tests.factories import make_credit_code, make_resident_id

# The sample number of GB 11643-1999.
VALID_ID = "11010519491231002X"


def test_published_resident_id_is_valid():
    identity.validate_resident_id(VALID_ID)


def test_lowercase_x_is_accepted_after_normalising():
    identity.validate_resident_id(VALID_ID.lower())


@pytest.mark.parametrize(
    ("number", "code"),
    [
        ("110105194912310021", "check_digit"),
        ("11010519491231002", "length"),
        ("1101051949123100211", "length"),
        ("110105194902300028", "birth_date"),  # 30 February
        ("110105230012310024", "birth_date"),  # year 2300
        ("991010194912310022", "region"),
        ("11010519491231A02X", "format"),
    ],
)
def test_bad_resident_ids_are_refused_with_the_reason(number, code):
    with pytest.raises(ValidationError) as error:
        identity.validate_resident_id(number)
    assert error.value.code == code


@given(
    st.integers(min_value=0, max_value=999),
    st.dates(min_value=datetime.date(1920, 1, 1), max_value=datetime.date(2020, 12, 31)),
)
def test_any_id_with_computed_check_digit_is_valid(sequence, birth):
    identity.validate_resident_id(make_resident_id(sequence, birth.strftime("%Y%m%d")))


@given(st.integers(min_value=0, max_value=999), st.sampled_from("0123456789X"))
def test_changing_the_check_digit_is_always_caught(sequence, replacement):
    number = make_resident_id(sequence)
    if replacement == number[-1]:
        return
    with pytest.raises(ValidationError):
        identity.validate_resident_id(number[:-1] + replacement)


def test_published_credit_code_is_valid():
    identity.validate_credit_code("91350100M000100Y43")


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        ("91350100M000100Y44", "check_digit"),
        ("91350100M000100Y4", "length"),
        ("91350100M000100I43", "format"),
    ],
)
def test_bad_credit_codes_are_refused_with_the_reason(code, reason):
    with pytest.raises(ValidationError) as error:
        identity.validate_credit_code(code)
    assert error.value.code == reason


@given(st.integers(min_value=0, max_value=9_999_999))
def test_any_credit_code_with_computed_check_is_valid(n):
    identity.validate_credit_code(make_credit_code(n))


def test_masking_hides_birth_date_and_middle_digits():
    assert identity.mask_resident_id(VALID_ID) == "110105********002X"
    assert identity.mask_mobile("13912345678") == "139****5678"
