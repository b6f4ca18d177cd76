"""Signing in beyond the password: the throttled password reset and the staff's second factor."""

from base64 import b32encode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django_otp import login as otp_login
from django_otp import match_token, user_has_device

from portal import ratelimit, services
from portal.addresses import client_address
from portal.errors import DomainError
from portal.forms import SecondFactorForm
from portal.middleware import is_staff_account
from portal.phone_codes import RATE_LIMITED

HOUR = 3600
# The session key of the number a password reset by SMS is for, between its two pages.
RESET_MOBILE = "password_reset_mobile"


class PasswordResetView(auth_views.PasswordResetView):
    """找回密码 by mobile number (an SMS code) or e-mail address (a link), limited per account
    (the number or address typed) and per client address each hour.

    Under the limits the answer is the same whether the account exists; over either one the page
    says so with 429 and nothing is sent.
    """

    def form_valid(self, form):
        login = form.cleaned_data["login"].lower()
        address = client_address(self.request)
        counters = [
            (f"password-reset:account:{login}", settings.PASSWORD_RESET_PER_ACCOUNT_PER_HOUR),
            (f"password-reset:address:{address}", settings.PASSWORD_RESET_PER_ADDRESS_PER_HOUR),
        ]
        if any(ratelimit.attempts(key, HOUR) >= limit for key, limit in counters):
            form.add_error(None, _("申请重设密码的次数过多，请一小时后再试。"))
            return self.render_to_response(self.get_context_data(form=form), status=429)
        for key, _limit in counters:
            ratelimit.hit(key, HOUR)
        if not form.by_sms:
            return super().form_valid(form)
        try:
            services.password_reset_code_send(mobile=login, address=address)
        except DomainError as error:
            form.add_error(None, error.message)
            status = 429 if error.code == RATE_LIMITED else 200
            return self.render_to_response(self.get_context_data(form=form), status=status)
        self.request.session[RESET_MOBILE] = login
        return redirect("portal:password_reset_code")


def _next_page(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return resolve_url(settings.LOGIN_REDIRECT_URL)


@login_required
def second_factor(request):
    """动态口令: a member of staff enters the code of their authenticator after the password."""
    if not is_staff_account(request.user):
        raise Http404
    if not user_has_device(request.user):
        return redirect(f"{reverse('portal:second_factor_setup')}?{request.GET.urlencode()}")
    form = SecondFactorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(request.user, form.cleaned_data["token"])
        if device is not None:
            otp_login(request, device)
            return redirect(_next_page(request))
        form.add_error("token", _("动态口令不正确或已过期，请输入验证器上当前显示的数字。"))
    return render(
        request,
        "registration/second_factor.html",
        {"form": form, "next": _next_page(request), "title": _("输入动态口令")},
    )


@login_required
def second_factor_setup(request):
    """绑定身份验证器: the first time, a member of staff links an authenticator app."""
    if not is_staff_account(request.user):
        raise Http404
    if user_has_device(request.user):
        return redirect(f"{reverse('portal:second_factor')}?{request.GET.urlencode()}")
    device = services.second_factor_start(user=request.user)
    form = SecondFactorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        confirmed = services.second_factor_confirm(
            user=request.user, token=form.cleaned_data["token"]
        )
        if confirmed is not None:
            otp_login(request, confirmed)
            messages.success(request, _("身份验证器已绑定，以后登录需输入动态口令。"))
            return redirect(_next_page(request))
        form.add_error("token", _("动态口令不正确，请核对验证器中的账户和手机时间后重试。"))
    return render(
        request,
        "registration/second_factor.html",
        {
            "form": form,
            "next": _next_page(request),
            "title": _("绑定身份验证器"),
            "secret": b32encode(device.bin_key).decode(),
            "config_url": device.config_url,
        },
    )
