"""Status badges built once per model, status and language (portal/badges.py)."""

from django.utils import translation

from approvals.models import Case
from petitions.models import Complaint
from portal.badges import status_badge

STYLES = {"closed": "text-bg-secondary"}


def test_a_badge_is_in_the_readers_language_whichever_was_built_first():
    complaint = Complaint(status="closed")
    chinese = status_badge(complaint, STYLES, "text-bg-light")
    with translation.override("en"):
        english = status_badge(complaint, STYLES, "text-bg-light")
    assert chinese == '<span class="badge text-bg-secondary">已办结</span>'
    assert english == '<span class="badge text-bg-secondary">Finished</span>'


def test_a_status_without_a_style_takes_the_default():
    badge = status_badge(Case(status="draft"), STYLES, "text-bg-light")
    assert badge == '<span class="badge text-bg-light">草稿</span>'
