"""Unified identity (统一身份编码): resident ID numbers and unified social credit codes.

Each validator raises `ValidationError` with a message the user can act on, in their language.
"""

import datetime
import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# GB 11643-1999: the 18th character is the ISO 7064 MOD 11-2 check of the first 17 digits.
_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
_ID_CHECK = "10X98765432"
# Province codes of GB/T 2260 (the first two digits of the region code).
_PROVINCES = {
    "11",
    "12",
    "13",
    "14",
    "15",
    "21",
    "22",
    "23",
    "31",
    "32",
    "33",
    "34",
    "35",
    "36",
    "37",
    "41",
    "42",
    "43",
    "44",
    "45",
    "46",
    "50",
    "51",
    "52",
    "53",
    "54",
    "61",
    "62",
    "63",
    "64",
    "65",
    "71",
    "81",
    "82",
}

# GB 32100-2015: 18 characters from a 31-letter alphabet (no I, O, Z, S, V), MOD 31 check.
_USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
_USCC_PATTERN = re.compile(rf"^[{_USCC_ALPHABET}]{{18}}$")


def resident_id_check_digit(first17: str) -> str:
    total = sum(int(digit) * weight for digit, weight in zip(first17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11]


def normalize_resident_id(value: str) -> str:
    return (value or "").strip().upper()


def validate_resident_id(value: str) -> None:
    """Check a resident ID number (居民身份证号码): length, region, birth date and check digit."""
    number = normalize_resident_id(value)
    if len(number) != 18:
        raise ValidationError(
            _("身份证号码应为18位，您输入了%(count)d位。"),
            code="length",
            params={"count": len(number)},
        )
    if not re.fullmatch(r"\d{17}[\dX]", number):
        raise ValidationError(_("身份证号码前17位应为数字，最后一位为数字或X。"), code="format")
    if number[:2] not in _PROVINCES:
        raise ValidationError(_("身份证号码的地区代码不存在。"), code="region")
    try:
        birth = datetime.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        raise ValidationError(_("身份证号码中的出生日期不存在。"), code="birth_date") from None
    if birth.year < 1900 or birth > datetime.date.today():
        raise ValidationError(_("身份证号码中的出生日期不可能。"), code="birth_date")
    if resident_id_check_digit(number[:17]) != number[17]:
        raise ValidationError(_("身份证号码校验位不正确，请核对后重新输入。"), code="check_digit")


def credit_code_check_character(first17: str) -> str:
    total = sum(
        _USCC_ALPHABET.index(char) * weight
        for char, weight in zip(first17, _USCC_WEIGHTS, strict=True)
    )
    return _USCC_ALPHABET[(31 - total % 31) % 31]


def normalize_credit_code(value: str) -> str:
    return (value or "").strip().upper()


def validate_credit_code(value: str) -> None:
    """Check a unified social credit code (统一社会信用代码): length, alphabet and check character."""
    code = normalize_credit_code(value)
    if len(code) != 18:
        raise ValidationError(
            _("统一社会信用代码应为18位，您输入了%(count)d位。"),
            code="length",
            params={"count": len(code)},
        )
    if not _USCC_PATTERN.fullmatch(code):
        raise ValidationError(
            _("统一社会信用代码只能包含数字和大写字母（不含I、O、Z、S、V）。"), code="format"
        )
    if credit_code_check_character(code[:17]) != code[17]:
        raise ValidationError(
            _("统一社会信用代码校验位不正确，请核对后重新输入。"), code="check_digit"
        )


def validate_mobile(value: str) -> None:
    """Check a mainland mobile number (11 digits starting with 1)."""
    if not re.fullmatch(r"1[3-9]\d{9}", (value or "").strip()):
        raise ValidationError(_("请输入11位手机号码。"), code="mobile")


def mask_resident_id(value: str) -> str:
    """Return the ID number with the birth date and sequence hidden, for display to staff."""
    return f"{value[:6]}********{value[-4:]}" if len(value) == 18 else value


def mask_mobile(value: str) -> str:
    return f"{value[:3]}****{value[-4:]}" if len(value) == 11 else value
