"""Moderation of public text: masking personal numbers in what the public reads (the board, its feed).

Complainants sometimes type their phone or ID number into the complaint itself; the public board
shows content only with such numbers masked, like `portal.identity.mask_mobile` does for fields.
Shared by every area that publishes what citizens wrote.
"""

import re

MOBILE = re.compile(r"(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)")
RESIDENT_ID = re.compile(r"(?<![0-9Xx])(\d{6})\d{8}(\d{3}[0-9Xx])(?![0-9Xx])")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")


def redact(text: str) -> str:
    """Return the text with ID numbers, mobile numbers and e-mail addresses masked."""
    text = RESIDENT_ID.sub(r"\1********\2", text or "")
    text = MOBILE.sub(r"\1****\2", text)
    return EMAIL.sub("***@***", text)
