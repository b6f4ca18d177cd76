"""SMS verification codes in tests: a known code issued without the limits, or the code just sent."""

import datetime
import re

from django.utils import timezone

from portal import sms
from portal.models import PhoneCode
from portal.query_codes import query_code_digest

CODE = "246810"


def issue_code(mobile: str, purpose: str, code: str = CODE, *, minutes: int = 10) -> PhoneCode:
    """Store a code for `mobile` as if it had been sent, valid for `minutes`."""
    return PhoneCode.objects.create(
        mobile=mobile,
        purpose=purpose,
        digest=query_code_digest(f"phone-code:{purpose}:{mobile}", code),
        expires_at=timezone.now() + datetime.timedelta(minutes=minutes),
    )


def sent_code(mobile: str) -> str:
    """Return the code of the last SMS sent to `mobile` (memory backend)."""
    codes = [
        found.group(1)
        for message in sms.outbox
        if message.to == mobile and (found := re.search(r"验证码为(\d{6})", message.body))
    ]
    assert codes, f"no code was sent to {mobile}"
    return codes[-1]
