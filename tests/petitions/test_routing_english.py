"""Complaint categories and referral advice in the reader's language (issue 18, part 5)."""

import pytest
from django.utils import translation

from petitions.models import Complaint, ComplaintEvent
from petitions.services.complaints import dispatching as dispatching_services
from tests.petitions.factories import CategoryFactory

pytestmark = pytest.mark.django_db


def test_a_seeded_category_is_named_in_the_readers_language():
    category = CategoryFactory(code="consultation", name="政策咨询")
    with translation.override("en"):
        assert category.label == "Policy enquiry"
        assert str(category) == "Policy enquiry"
    with translation.override("zh-hans"):
        assert category.label == "政策咨询"


def test_a_category_an_admin_named_is_shown_as_named():
    category = CategoryFactory(code="stray-dogs", name="流浪犬只管理")
    with translation.override("en"):
        assert category.label == "流浪犬只管理"


def test_referral_advice_is_shown_in_the_readers_language(file_complaint, category, operator):
    complaint, _code = file_complaint(category=category)
    with translation.override("zh-hans"):
        dispatching_services.complaint_refer(
            actor=operator,
            complaint=complaint,
            referral=Complaint.Referral.COURT,
            note="已电话告知",
        )
    event = ComplaintEvent.objects.get(complaint=complaint, code=ComplaintEvent.Code.REFERRED)
    with translation.override("en"):
        assert event.note_text.startswith("This matter falls within the jurisdiction of")
        assert event.note_text.endswith("已电话告知")
    with translation.override("zh-hans"):
        assert (
            event.note_text == "该事项属于人民法院受理范围，请依法向人民法院提起诉讼。 已电话告知"
        )
