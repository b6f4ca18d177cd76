"""Forms of the portal shell: validation and layout only, never a write."""

import datetime
import re

from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.utils.translation import gettext_lazy as _

from portal import identity
from portal.middleware import is_public_host, is_staff_account
from portal.models import StaffRelation, User


class PortalAuthenticationForm(AuthenticationForm):
    username = forms.CharField(
        label=_("手机号 / 身份证号 / 用户名"),
        max_length=150,
        widget=forms.TextInput(attrs={"autofocus": True}),
    )
    error_messages = {
        "invalid_login": _("账号或密码不正确。连续多次输错后，该账号或本机的登录将暂时锁定。"),
        "inactive": _("该账号已停用。"),
        "staff_host": _("工作人员账号请通过内网工作台的地址登录。"),
    }

    def confirm_login_allowed(self, user):
        """Refuse staff accounts on a public host: none of their pages is served there."""
        super().confirm_login_allowed(user)
        if self.request is not None and is_public_host(self.request) and is_staff_account(user):
            raise forms.ValidationError(self.error_messages["staff_host"], code="staff_host")


class PortalPasswordResetForm(PasswordResetForm):
    email = forms.EmailField(label=_("注册邮箱"), max_length=254)


class SecondFactorForm(forms.Form):
    token = forms.RegexField(
        label=_("动态口令"),
        regex=r"^\d{6}$",
        error_messages={"invalid": _("请输入身份验证器上的6位数字。")},
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


class _PasswordPairMixin(forms.Form):
    password1 = forms.CharField(
        label=_("密码"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password2 = forms.CharField(
        label=_("确认密码"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean_password2(self):
        first, second = self.cleaned_data.get("password1"), self.cleaned_data.get("password2")
        if first and second and first != second:
            raise forms.ValidationError(_("两次输入的密码不一致。"))
        return second

    def clean(self):
        cleaned = super().clean()
        password = cleaned.get("password2")
        if password:
            # Judge the password against what the user typed, so it cannot be their name or number.
            profile = {
                name: cleaned.get(name, "")
                for name in ("real_name", "organization_name", "mobile", "email")
            }
            try:
                password_validation.validate_password(password, User(**profile))
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


def _mobile_field():
    return forms.CharField(
        label=_("手机号码"), max_length=11, validators=[identity.validate_mobile]
    )


class CitizenRegistrationForm(_PasswordPairMixin):
    """个人注册: real name, resident ID number, mobile number, password."""

    real_name = forms.CharField(label=_("真实姓名"), max_length=60)
    resident_id = forms.CharField(
        label=_("身份证号码"), max_length=18, min_length=1, help_text=_("18位，最后一位可为X。")
    )
    mobile = _mobile_field()
    email = forms.EmailField(label=_("电子邮箱（选填，用于找回密码）"), required=False)
    address = forms.CharField(label=_("联系地址（选填）"), max_length=200, required=False)
    field_order = [
        "real_name",
        "resident_id",
        "mobile",
        "email",
        "address",
        "password1",
        "password2",
    ]

    def clean_resident_id(self):
        value = identity.normalize_resident_id(self.cleaned_data["resident_id"])
        identity.validate_resident_id(value)
        if User.objects.filter(resident_id=value).exists():
            raise forms.ValidationError(_("该身份证号码已注册，请直接登录或找回密码。"))
        return value

    def clean_mobile(self):
        value = self.cleaned_data["mobile"].strip()
        if User.objects.filter(mobile=value).exists():
            raise forms.ValidationError(_("该手机号码已注册，请直接登录或找回密码。"))
        return value


class EnterpriseRegistrationForm(_PasswordPairMixin):
    """企业注册: name, unified social credit code, contact person and mobile, password."""

    organization_name = forms.CharField(label=_("企业名称"), max_length=120)
    credit_code = forms.CharField(label=_("统一社会信用代码"), max_length=18, min_length=1)
    real_name = forms.CharField(label=_("联系人姓名"), max_length=60)
    mobile = _mobile_field()
    email = forms.EmailField(label=_("电子邮箱（选填，用于找回密码）"), required=False)
    address = forms.CharField(label=_("企业地址（选填）"), max_length=200, required=False)
    field_order = [
        "organization_name",
        "credit_code",
        "real_name",
        "mobile",
        "email",
        "address",
        "password1",
        "password2",
    ]

    def clean_credit_code(self):
        value = identity.normalize_credit_code(self.cleaned_data["credit_code"])
        identity.validate_credit_code(value)
        if User.objects.filter(credit_code=value).exists():
            raise forms.ValidationError(_("该统一社会信用代码已注册，请直接登录或找回密码。"))
        return value

    clean_mobile = CitizenRegistrationForm.clean_mobile


class ProfileForm(forms.ModelForm):
    """What a citizen may change later; identity numbers are fixed at registration."""

    class Meta:
        model = User
        fields = ["email", "address"]


class StaffRelationForm(forms.ModelForm):
    class Meta:
        model = StaffRelation
        fields = ["name", "kind", "resident_id", "credit_code", "note"]

    def clean_resident_id(self):
        return identity.normalize_resident_id(self.cleaned_data["resident_id"])

    def clean_credit_code(self):
        return identity.normalize_credit_code(self.cleaned_data["credit_code"])

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("resident_id") and not cleaned.get("credit_code"):
            raise forms.ValidationError(_("请填写对方的身份证号码或统一社会信用代码。"))
        return cleaned


def _parse_days(text: str) -> list[datetime.date]:
    """Read dates and ranges (2027-02-05~2027-02-11) separated by spaces, commas or lines."""
    days = []
    for token in re.split(r"[\s,，、;；]+", text.strip()):
        if not token:
            continue
        first, _sep, last = token.partition("~")
        try:
            start = datetime.date.fromisoformat(first)
            end = datetime.date.fromisoformat(last) if last else start
        except ValueError:
            raise forms.ValidationError(
                _("无法识别的日期：%(token)s（格式如 2027-02-05 或 2027-02-05~2027-02-11）"),
                params={"token": token},
            ) from None
        if end < start or (end - start).days > 31:
            raise forms.ValidationError(_("日期范围有误：%(token)s"), params={"token": token})
        days += [start + datetime.timedelta(days=n) for n in range((end - start).days + 1)]
    return days


class CalendarAnnouncementForm(forms.Form):
    """The State Council's arrangement of a year, as an admin copies it from the notice."""

    year = forms.IntegerField(label=_("年份"), min_value=2000, max_value=2100)
    holidays = forms.CharField(
        label=_("放假日期"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("每个放假日或日期范围，如 2027-01-01 2027-02-05~2027-02-11"),
    )
    workdays = forms.CharField(
        label=_("调休上班日期"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("周六、周日上班的日期，如 2027-02-13"),
    )

    def clean_holidays(self) -> list[datetime.date]:
        return _parse_days(self.cleaned_data["holidays"])

    def clean_workdays(self) -> list[datetime.date]:
        return _parse_days(self.cleaned_data["workdays"])
