"""Real-name verification (实名核验): does this resident ID number belong to this name?

Only the public-security identity service (公安部身份核验服务, reached through the province's
government service platform) can answer; the portal cannot. `settings.REAL_NAME_VERIFIER` names a
class with `verify(*, real_name, resident_id) -> Verdict` and a `notice` (text shown on the
registration page, or None). The default, `FormatOnlyVerifier`, checks nothing beyond the number's
format and check digit (done by the form) and says so on the page: a deployment plugs in a class
that calls its contracted service.
"""

import enum

from django.conf import settings
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _


class Verdict(enum.Enum):
    MATCH = "match"
    MISMATCH = "mismatch"
    UNCHECKED = "unchecked"


class VerifierUnavailable(Exception):
    """The identity service did not answer; registration is refused for now, not let through."""


class FormatOnlyVerifier:
    """The demo verifier: no identity service is connected, so nothing is verified."""

    notice = _("演示环境：实名核验未接入公安身份核验服务，仅校验了号码格式。")

    def verify(self, *, real_name: str, resident_id: str) -> Verdict:
        return Verdict.UNCHECKED


def verifier():
    """Return the configured verifier."""
    return import_string(settings.REAL_NAME_VERIFIER)()
