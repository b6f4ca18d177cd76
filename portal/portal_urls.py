from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy
from django.utils.translation import gettext_lazy as _

from portal.forms import PasswordRecoveryForm, PortalAuthenticationForm
from portal.views import account, health, pages, recovery, registration, signin

app_name = "portal"

# Django's password views with the portal's two page templates (a form, a message).
FORM_PAGE = "registration/form_page.html"
MESSAGE_PAGE = "registration/message_page.html"
password_urls = [
    path(
        "password/change/",
        auth_views.PasswordChangeView.as_view(
            template_name=FORM_PAGE, success_url=reverse_lazy("portal:password_change_done")
        ),
        name="password_change",
    ),
    path(
        "password/change/done/",
        auth_views.PasswordChangeDoneView.as_view(
            template_name=MESSAGE_PAGE, extra_context={"message": _("您的密码已修改。")}
        ),
        name="password_change_done",
    ),
    path(
        "password/reset/",
        signin.PasswordResetView.as_view(
            template_name=FORM_PAGE,
            form_class=PasswordRecoveryForm,
            success_url=reverse_lazy("portal:password_reset_done"),
            email_template_name="registration/password_reset_email.txt",
        ),
        name="password_reset",
    ),
    path("password/reset/code/", recovery.password_reset_code, name="password_reset_code"),
    path(
        "password/reset/done/",
        auth_views.PasswordResetDoneView.as_view(
            template_name=MESSAGE_PAGE,
            extra_context={"message": _("如果该邮箱已注册，我们已发送重设密码的邮件，请查收。")},
        ),
        name="password_reset_done",
    ),
    path(
        "password/reset/<uidb64>/<token>/",
        recovery.PasswordResetConfirmView.as_view(
            template_name=FORM_PAGE, success_url=reverse_lazy("portal:password_reset_complete")
        ),
        name="password_reset_confirm",
    ),
    path(
        "password/reset/complete/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name=MESSAGE_PAGE,
            extra_context={"message": _("密码已重设，请使用新密码登录。")},
        ),
        name="password_reset_complete",
    ),
]

urlpatterns = [
    path("", pages.home, name="home"),
    path("healthz", health.healthz, name="healthz"),
    path("register/", registration.register, name="register"),
    path(
        "login/",
        auth_views.LoginView.as_view(
            authentication_form=PortalAuthenticationForm, redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    *password_urls,
    path("account/", account.account, name="account"),
    path("account/profile/", account.profile_edit, name="profile_edit"),
    path("account/mobile/", recovery.mobile_change, name="mobile_change"),
    path("account/inbox/", account.inbox, name="inbox"),
    path("account/inbox/<int:pk>/", account.inbox_message, name="inbox_message"),
    path("account/second-factor/", signin.second_factor, name="second_factor"),
    path("account/second-factor/setup/", signin.second_factor_setup, name="second_factor_setup"),
    path("workbench/", account.workbench, name="workbench"),
    path("workbench/relations/", account.relations, name="relations"),
]
