from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from portal import services
from portal.forms import ProfileForm, StaffRelationForm
from portal.models import User


@login_required
def account(request):
    """我的账户: profile, and each pillar's section (my applications, complaints, messages)."""
    return render(request, "portal/account.html")


@login_required
def profile_edit(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("个人资料已保存。"))
        return redirect("portal:account")
    return render(request, "portal/profile_form.html", {"form": form})


@login_required
def inbox(request):
    page = Paginator(request.user.inbox.all(), 20).get_page(request.GET.get("page"))
    return render(request, "portal/inbox.html", {"page": page})


@login_required
def inbox_message(request, pk: int):
    message = get_object_or_404(request.user.inbox, pk=pk)
    services.inbox_mark_read(message=message)
    return render(request, "portal/inbox_message.html", {"message": message})


def _require_staff(user: User) -> None:
    if not user.is_authenticated or user.kind != User.Kind.STAFF:
        raise PermissionDenied


@login_required
def workbench(request):
    """工作台: the staff home, with each pillar's queue for the user's roles."""
    _require_staff(request.user)
    return render(request, "portal/workbench.html")


@login_required
def relations(request):
    """回避关系申报: a member of staff declares relations to citizens or enterprises."""
    _require_staff(request.user)
    form = StaffRelationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.relation_declare(staff=request.user, **form.cleaned_data)
        messages.success(request, _("回避关系已申报。"))
        return redirect("portal:relations")
    declared = request.user.declared_relations.order_by("-declared_at")
    return render(request, "portal/relations.html", {"form": form, "declared": declared})
