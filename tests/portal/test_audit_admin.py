"""The admin never deletes event rows nor the records they belong to (records are withdrawn)."""

import pytest
from django.contrib import admin
from django.test import RequestFactory
from django.urls import reverse

from disclosure.models import InformationRequest
from portal.event_chain import event_models
from supervision.models import Alert
from tests.disclosure.factories import file_request
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser_request():
    request = RequestFactory().get("/admin/")
    request.user = StaffFactory(is_staff=True, is_superuser=True)
    return request


def subjects() -> set[type]:
    return {m._meta.get_field(m.subject_field).related_model for m in event_models()}


def test_every_event_table_has_a_subject_registered_or_not():
    # Guards the tests below: they see every pillar's event models.
    assert len(event_models()) == 18
    assert Alert in subjects()


def test_the_admin_offers_no_delete_for_records_that_have_events(superuser_request):
    deletable = [
        model.__name__
        for model, model_admin in admin.site._registry.items()
        if model in subjects() and model_admin.has_delete_permission(superuser_request)
    ]
    assert deletable == []


def test_event_rows_are_neither_registered_nor_editable_inline(superuser_request):
    events = set(event_models())
    assert not events & set(admin.site._registry)
    editable = [
        inline.model.__name__
        for model_admin in admin.site._registry.values()
        for inline in model_admin.get_inline_instances(superuser_request)
        if inline.model in events
        and (
            inline.can_delete
            or inline.has_add_permission(superuser_request, None)
            or (
                inline.has_change_permission(superuser_request)
                and set(inline.get_fields(superuser_request))
                - set(inline.get_readonly_fields(superuser_request))
            )
        )
    ]
    assert editable == []


def test_deleting_a_request_in_the_admin_is_forbidden(client, superuser_request):
    request = file_request()
    client.force_login(superuser_request.user)
    url = reverse("admin:disclosure_informationrequest_delete", args=[request.pk])
    assert client.post(url, {"post": "yes"}).status_code == 403
    assert InformationRequest.objects.filter(pk=request.pk).exists()
    assert request.events.exists()
