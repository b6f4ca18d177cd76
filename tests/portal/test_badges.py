"""Status badges built once per model, status and language (portal/badges.py)."""

from django.utils import translation

from approvals.models import Case
from approvals.templatetags.approvals_tags import STATUS_STYLE as CASE_STYLES
from petitions.models import Complaint
from petitions.templatetags.petitions_tags import STATUS_STYLE as COMPLAINT_STYLES
from portal.badges import status_badge


def test_a_badge_is_in_the_readers_language_whichever_was_built_first():
    complaint = Complaint(status="closed")
    chinese = status_badge(complaint, COMPLAINT_STYLES, "text-bg-light")
    with translation.override("en"):
        english = status_badge(complaint, COMPLAINT_STYLES, "text-bg-light")
    assert chinese == '<span class="badge text-bg-secondary">已办结</span>'
    assert english == '<span class="badge text-bg-secondary">Finished</span>'


def test_a_status_without_a_style_takes_the_default():
    badge = status_badge(Case(status="withdrawn"), CASE_STYLES, "text-bg-secondary")
    assert badge == '<span class="badge text-bg-secondary">已撤回</span>'
