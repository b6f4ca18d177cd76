from django.contrib import messages
from django.contrib.auth import login
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters

from portal import services
from portal.forms import CitizenRegistrationForm, EnterpriseRegistrationForm
from portal.models import User
from portal.query_params import choice_param

_FORMS = {
    User.Kind.CITIZEN: CitizenRegistrationForm,
    User.Kind.ENTERPRISE: EnterpriseRegistrationForm,
}


@sensitive_post_parameters("password1", "password2", "resident_id")
def register(request):
    """个人/企业注册: one page, two tabs; signs the new user in."""
    if request.user.is_authenticated:
        return redirect("portal:account")
    kind = choice_param(request.POST.get("kind") or request.GET.get("kind"), _FORMS, "citizen")
    form = _FORMS[kind](request.POST or None, prefix=kind)
    if request.method == "POST" and form.is_valid():
        profile = {
            key: value
            for key, value in form.cleaned_data.items()
            if key not in {"password1", "password2"}
        }
        user = services.account_register(
            kind=kind, password=form.cleaned_data["password1"], **profile
        )
        login(request, user, backend="portal.backends.PortalLoginBackend")
        messages.success(request, _("注册成功，欢迎使用县政务服务网。"))
        return redirect("portal:account")
    return render(request, "registration/register.html", {"kind": kind, "form": form})
