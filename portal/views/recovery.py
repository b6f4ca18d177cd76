"""Accounts people can recover: a new password by SMS code, and a new mobile number."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters

from portal import identity, services
from portal.addresses import client_address
from portal.errors import DomainError
from portal.forms import MobileChangeForm, PasswordResetByCodeForm
from portal.phone_codes import RATE_LIMITED, PhoneCodeError
from portal.views.signin import RESET_MOBILE

SEND_CODE = "send_code"


@sensitive_post_parameters("password1", "password2", "code")
def password_reset_code(request):
    """找回密码, second step: the code sent to the number, and the new password.

    The page reads the same whether the number has an account; "send again" is limited like the
    first request.
    """
    mobile = request.session.get(RESET_MOBILE)
    if not mobile:
        return redirect("portal:password_reset")
    status = 200
    form = PasswordResetByCodeForm(mobile=mobile)
    if request.method == "POST" and request.POST.get("action") == SEND_CODE:
        try:
            services.password_reset_code_send(mobile=mobile, address=client_address(request))
            messages.success(request, _("如果该号码已注册，新的验证码已发送。"))
        except DomainError as error:
            messages.error(request, error.message)
            status = 429 if error.code == RATE_LIMITED else 200
    elif request.method == "POST":
        form = PasswordResetByCodeForm(request.POST, mobile=mobile)
        if form.is_valid():
            try:
                services.password_reset_by_code(
                    mobile=mobile,
                    code=form.cleaned_data["code"],
                    password=form.cleaned_data["password1"],
                )
            except PhoneCodeError as error:
                form.add_error("code", error.message)
            else:
                del request.session[RESET_MOBILE]
                return redirect("portal:password_reset_complete")
    context = {
        "form": form,
        "masked_mobile": identity.mask_mobile(mobile),
        "valid_minutes": settings.SMS_CODE_VALID_MINUTES,
        "resend_seconds": settings.SMS_CODE_RESEND_SECONDS,
    }
    return render(request, "registration/password_reset_code.html", context, status=status)


def _send_mobile_code(request, form: MobileChangeForm, which: str) -> int:
    """Send the code to the old number or to the new one typed; return the page's status."""
    if which == "old":
        mobile = request.user.mobile
    else:
        form.full_clean()
        mobile = form.cleaned_data.get("new_mobile")
        if not mobile:
            messages.error(request, " ".join(form.errors.get("new_mobile", [])))
            return 200
    try:
        services.mobile_change_code_send(
            actor=request.user, mobile=mobile, address=client_address(request)
        )
    except DomainError as error:
        messages.error(request, error.message)
        return 429 if error.code == RATE_LIMITED else 200
    messages.success(
        request, _("验证码已发送至%(mobile)s。") % {"mobile": identity.mask_mobile(mobile)}
    )
    return 200


@login_required
@sensitive_post_parameters("old_code", "new_code")
def mobile_change(request):
    """更换手机号码: a code to the old number and a code to the new one, then the change."""
    user = request.user
    status = 200
    form = MobileChangeForm(request.POST or None, user=user)
    which = request.POST.get("send")
    if request.method == "POST" and which in {"old", "new"} and (which == "new" or user.mobile):
        status = _send_mobile_code(request, form, which)
        form = MobileChangeForm(
            initial={"new_mobile": request.POST.get("new_mobile", "")}, user=user
        )
    elif request.method == "POST" and form.is_valid():
        try:
            services.account_mobile_change(
                actor=user,
                new_mobile=form.cleaned_data["new_mobile"],
                old_code=form.cleaned_data.get("old_code", ""),
                new_code=form.cleaned_data["new_code"],
            )
        except PhoneCodeError as error:
            form.add_error(error.field, error.message)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("手机号码已更换，请用新号码登录。"))
            return redirect("portal:account")
    context = {
        "form": form,
        "masked_mobile": identity.mask_mobile(user.mobile),
        "resend_seconds": settings.SMS_CODE_RESEND_SECONDS,
    }
    return render(request, "portal/mobile_change.html", context, status=status)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """The last step of 找回密码 by e-mail: the link proved the address, so the new password
    also lifts the account's sign-in lockout."""

    def form_valid(self, form):
        response = super().form_valid(form)
        services.account_lockout_lift(form.user)
        return response
