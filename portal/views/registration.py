from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters

from portal import identity, realname, services
from portal.addresses import client_address
from portal.errors import DomainError
from portal.forms import CitizenRegistrationForm, EnterpriseRegistrationForm, RegistrationCodeForm
from portal.models import PhoneCode, User
from portal.phone_codes import RATE_LIMITED, PhoneCodeError, phone_code_send
from portal.query_params import choice_param

_FORMS = {
    User.Kind.CITIZEN: CitizenRegistrationForm,
    User.Kind.ENTERPRISE: EnterpriseRegistrationForm,
}
# What a re-rendered page keeps of what was typed: browsers never get passwords back.
_NOT_KEPT = {"password1", "password2", "code"}
SEND_CODE = "send_code"


def _page(request, kind, form, *, status=200):
    context = {
        "kind": kind,
        "form": form,
        "real_name_notice": realname.verifier().notice,
        "resend_seconds": settings.SMS_CODE_RESEND_SECONDS,
    }
    return render(request, "registration/register.html", context, status=status)


def _send_code(request, kind):
    """获取验证码: send a code to the number typed and show the form again with what was typed."""
    form_class = _FORMS[kind]
    kept = {
        name: request.POST.get(f"{kind}-{name}", "")
        for name in form_class.base_fields
        if name not in _NOT_KEPT
    }
    asked = RegistrationCodeForm({"mobile": kept["mobile"]})
    form = form_class(initial=kept, prefix=kind)
    if not asked.is_valid():
        messages.error(request, " ".join(asked.errors["mobile"]))
        return _page(request, kind, form)
    mobile = asked.cleaned_data["mobile"]
    try:
        phone_code_send(
            mobile=mobile, purpose=PhoneCode.Purpose.REGISTER, address=client_address(request)
        )
    except DomainError as error:
        messages.error(request, error.message)
        return _page(request, kind, form, status=429 if error.code == RATE_LIMITED else 200)
    messages.success(
        request,
        _("验证码已发送至%(mobile)s，请填写短信中的6位数字。")
        % {"mobile": identity.mask_mobile(mobile)},
    )
    return _page(request, kind, form)


@sensitive_post_parameters("password1", "password2", "resident_id", "code")
def register(request):
    """个人/企业注册: one page, two tabs; the mobile number is proved by an SMS code."""
    if request.user.is_authenticated:
        return redirect("portal:account")
    kind = choice_param(request.POST.get("kind") or request.GET.get("kind"), _FORMS, "citizen")
    if request.method == "POST" and request.POST.get("action") == SEND_CODE:
        return _send_code(request, kind)
    form = _FORMS[kind](request.POST or None, prefix=kind)
    if request.method == "POST" and form.is_valid():
        verdict = getattr(form, "real_name_verdict", realname.Verdict.UNCHECKED)
        profile = {
            key: value
            for key, value in form.cleaned_data.items()
            if key not in {"password1", "password2", "code"}
        }
        try:
            user = services.account_register(
                kind=kind,
                password=form.cleaned_data["password1"],
                code=form.cleaned_data["code"],
                real_name_check=verdict.value,
                **profile,
            )
        except PhoneCodeError as error:
            form.add_error("code", error.message)
            return _page(request, kind, form)
        login(request, user, backend="portal.backends.PortalLoginBackend")
        messages.success(request, _("注册成功，欢迎使用县政务服务网。"))
        return redirect("portal:account")
    return _page(request, kind, form)
