"""The identity area's page: 投诉人身份, for holders of the permission only; each opening is logged."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render

from petitions.forms.identity import IdentityPurposeForm
from petitions.permissions import identity as identity_permissions
from petitions.selectors import complaints as complaint_selectors
from petitions.services import identity as identity_services
from portal.errors import DomainError


@login_required
def identity(request, number: str):
    """投诉人身份: only for holders of the permission; each opening is logged with its purpose."""
    if not identity_permissions.can_view_identity(request.user):
        raise Http404
    complaint = complaint_selectors.complaint_get_for_staff(request.user, number)
    form = IdentityPurposeForm(request.POST or None)
    person = None
    if request.method == "POST" and form.is_valid():
        try:
            person = identity_services.identity_read(
                actor=request.user, complaint=complaint, purpose=form.cleaned_data["purpose"]
            )
        except DomainError as error:
            form.add_error(None, error.message)
    return render(
        request,
        "petitions/staff/identity.html",
        {"complaint": complaint, "form": form, "person": person},
    )
