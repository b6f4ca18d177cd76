"""Choice labels looked up once per field (portal/choices.py): the same words as Django's own
`get_<field>_display()`, in the language of the request, for less work."""

import pytest
from django.apps import apps
from django.db.models import Model
from django.utils import translation

from petitions.models import Complaint

pytestmark = pytest.mark.django_db


def _choice_fields():
    for model in apps.get_models(include_auto_created=True):
        for field in model._meta.local_fields:
            if field.choices:
                yield model, field


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_every_label_is_the_one_django_gives(language):
    compared = 0
    with translation.override(language):
        for model, field in _choice_fields():
            for value, _label in field.flatchoices:
                instance = model(**{field.attname: value})
                shown = getattr(instance, f"get_{field.name}_display")()
                assert shown == Model._get_FIELD_display(instance, field)
                compared += 1
    assert compared > 100


def test_a_value_that_is_no_choice_is_shown_as_it_is():
    assert Complaint(status="unheard-of").get_status_display() == "unheard-of"


def test_the_label_follows_the_language_of_the_request():
    complaint = Complaint(status=Complaint.Status.CLOSED)
    chinese = complaint.get_status_display()
    with translation.override("en"):
        english = complaint.get_status_display()
    assert chinese != english and english.isascii()
