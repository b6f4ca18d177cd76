"""The identity area's pages: 投诉人身份 (for holders of the permission outside the units
concerned; each reading logged), the access log of protected complaints (inspectors) and the
grants of the identity permission (administrators; each grant audited)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from petitions.forms.identity import AccessFilterForm, IdentityGrantForm, IdentityPurposeForm
from petitions.permissions import identity as identity_permissions
from petitions.selectors import complaints as complaint_selectors
from petitions.selectors import identity as identity_selectors
from petitions.services import identity as identity_services
from portal.addresses import client_address
from portal.errors import DomainError
from portal.models import User
from portal.pagination import PageWithoutCount


@login_required
def identity(request, number: str):
    """投诉人身份: 404 to anyone without the permission or in a unit concerned; each reading logged."""
    if not identity_permissions.can_view_identity(request.user):
        raise Http404
    complaint = complaint_selectors.complaint_get_for_staff(request.user, number)
    if not identity_permissions.can_view_identity_of(request.user, complaint):
        raise Http404
    form = IdentityPurposeForm(request.POST or None)
    person = None
    if request.method == "POST" and form.is_valid():
        try:
            person = identity_services.identity_read(
                actor=request.user,
                complaint=complaint,
                purpose=form.cleaned_data["purpose"],
                address=client_address(request),
            )
        except DomainError as error:
            form.add_error(None, error.message)
    return render(
        request,
        "petitions/staff/identity.html",
        {"complaint": complaint, "form": form, "person": person},
    )


@login_required
def access_log(request):
    """受保护诉求查看记录: every read of a protected complaint, for discipline inspectors."""
    if not identity_permissions.can_list_protected_access(request.user):
        raise Http404
    form = AccessFilterForm(request.GET or None)
    number = form.cleaned_data["number"] if form.is_valid() else ""
    page = PageWithoutCount.of(
        identity_selectors.protected_accesses(number=number), request.GET.get("page")
    )
    return render(
        request, "petitions/staff/access_log.html", {"page": page, "form": form, "number": number}
    )


@login_required
def identity_grants(request):
    """查看身份权限: who holds it, grant it to one more member of staff, and the audit of changes."""
    if not identity_permissions.can_manage_identity_permission(request.user):
        raise Http404
    form = IdentityGrantForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            identity_services.identity_permission_grant(
                actor=request.user, user=form.cleaned_data["user"]
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("已授予查看投诉人身份的权限，并已记录。"))
            return redirect("petitions:staff_identity_grants")
    return render(
        request,
        "petitions/staff/identity_grants.html",
        {
            "form": form,
            "holders": identity_selectors.identity_permission_holders(),
            "direct_ids": identity_selectors.directly_granted_ids(),
            "changes": identity_selectors.identity_permission_changes()[:50],
        },
    )


@login_required
@require_POST
def identity_revoke(request, user_id: int):
    if not identity_permissions.can_manage_identity_permission(request.user):
        raise Http404
    user = get_object_or_404(User.objects.staff(), pk=user_id)
    try:
        identity_services.identity_permission_revoke(actor=request.user, user=user)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("已撤销该工作人员查看投诉人身份的权限，并已记录。"))
    return redirect("petitions:staff_identity_grants")
