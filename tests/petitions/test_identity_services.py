"""The complainant's identity: kept apart from the complaint, read only with the permission, logged."""

import pytest

from petitions.models import Complaint, IdentityAccess
from petitions.services import identity as identity_services
from petitions.services.complaints import filing as filing_services
from portal.errors import DomainError

pytestmark = pytest.mark.django_db


def test_identity_is_kept_apart_from_the_complaint(file_complaint, category, citizen):
    complaint, _ = file_complaint(
        category=category,
        account=citizen,
        anonymous=False,
        identity=filing_services.IdentityData(name="赵六", phone="13911112222", address="东村1号"),
    )
    assert complaint.identity.name == "赵六"
    assert complaint.identity.account == citizen
    assert not hasattr(Complaint, "account")


def test_reading_an_identity_is_logged(dispatched, operator):
    person = identity_services.identity_read(
        actor=operator, complaint=dispatched, purpose="回访联系"
    )
    assert person.phone == "13911112222"
    access = IdentityAccess.objects.get()
    assert (access.user, access.complaint, access.purpose) == (operator, dispatched, "回访联系")


def test_a_department_cannot_read_an_identity(dispatched, clerk):
    with pytest.raises(DomainError):
        identity_services.identity_read(actor=clerk, complaint=dispatched, purpose="想知道")
    assert not IdentityAccess.objects.exists()
