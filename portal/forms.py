"""Forms of the portal shell: validation and layout only, never a write."""

import datetime
import re

from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.utils.translation import gettext_lazy as _

from portal import identity, realname
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


def _mobile_field(label=None):
    return forms.CharField(
        label=label or _("手机号码"), max_length=11, validators=[identity.validate_mobile]
    )


def _code_field(label=None):
    return forms.RegexField(
        label=label or _("短信验证码"),
        regex=r"^\d{6}$",
        error_messages={"invalid": _("请输入短信中的6位数字验证码。")},
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


def _unregistered_mobile(value: str) -> str:
    value = value.strip()
    if User.objects.filter(mobile=value).exists() or User.objects.filter(username=value).exists():
        raise forms.ValidationError(_("该手机号码已注册，请直接登录或找回密码。"))
    return value


class CitizenRegistrationForm(_PasswordPairMixin):
    """个人注册: real name, resident ID number, mobile number, password."""

    real_name = forms.CharField(label=_("真实姓名"), max_length=60)
    resident_id = forms.CharField(
        label=_("身份证号码"), max_length=18, min_length=1, help_text=_("18位，最后一位可为X。")
    )
    mobile = _mobile_field()
    code = _code_field()
    email = forms.EmailField(label=_("电子邮箱（选填，用于找回密码）"), required=False)
    address = forms.CharField(label=_("联系地址（选填）"), max_length=200, required=False)
    field_order = [
        "real_name",
        "resident_id",
        "mobile",
        "code",
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
        return _unregistered_mobile(self.cleaned_data["mobile"])

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("real_name") and cleaned.get("resident_id"):
            self.real_name_verdict = self._verify_real_name(
                cleaned["real_name"], cleaned["resident_id"]
            )
        return cleaned

    def _verify_real_name(self, real_name: str, resident_id: str) -> realname.Verdict | None:
        """Ask the identity service whether name and number belong together (实名核验)."""
        try:
            verdict = realname.verifier().verify(real_name=real_name, resident_id=resident_id)
        except realname.VerifierUnavailable:
            self.add_error(None, _("实名核验服务暂时无法使用，请稍后再试。"))
            return None
        if verdict == realname.Verdict.MISMATCH:
            self.add_error("real_name", _("姓名与身份证号码不一致，请核对后重新输入。"))
        return verdict


class EnterpriseRegistrationForm(_PasswordPairMixin):
    """企业注册: name, unified social credit code, contact person and mobile, password."""

    organization_name = forms.CharField(label=_("企业名称"), max_length=120)
    credit_code = forms.CharField(label=_("统一社会信用代码"), max_length=18, min_length=1)
    real_name = forms.CharField(label=_("联系人姓名"), max_length=60)
    mobile = _mobile_field()
    code = _code_field()
    email = forms.EmailField(label=_("电子邮箱（选填，用于找回密码）"), required=False)
    address = forms.CharField(label=_("企业地址（选填）"), max_length=200, required=False)
    field_order = [
        "organization_name",
        "credit_code",
        "real_name",
        "mobile",
        "code",
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

    def clean_mobile(self):
        return _unregistered_mobile(self.cleaned_data["mobile"])


class RegistrationCodeForm(forms.Form):
    """获取验证码 on the registration page: only the mobile number is judged."""

    mobile = _mobile_field()

    def clean_mobile(self):
        return _unregistered_mobile(self.cleaned_data["mobile"])


class PasswordRecoveryForm(PasswordResetForm):
    """找回密码: the mobile number (a code by SMS) or the e-mail address (a link by e-mail)."""

    email = None
    login = forms.CharField(
        label=_("手机号码或注册邮箱"),
        max_length=254,
        help_text=_("填写手机号码将收到短信验证码；填写邮箱将收到重设密码的链接。"),
    )

    def clean_login(self):
        value = self.cleaned_data["login"].strip()
        if "@" in value:
            # PasswordResetForm.save() sends the link to the accounts of cleaned_data["email"].
            self.cleaned_data["email"] = forms.EmailField().clean(value)
            return self.cleaned_data["email"]
        identity.validate_mobile(value)
        return value

    @property
    def by_sms(self) -> bool:
        return "email" not in self.cleaned_data


class PasswordResetByCodeForm(_PasswordPairMixin):
    """The second step of 找回密码 by SMS: the code and the new password."""

    code = _code_field()
    field_order = ["code", "password1", "password2"]

    def __init__(self, *args, mobile: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.mobile = mobile

    def clean(self):
        # Judge the password against the number typed, not the account's details: a refusal
        # must not tell whether the number has an account.
        self.cleaned_data["mobile"] = self.mobile
        return super().clean()


class MobileChangeForm(forms.Form):
    """更换手机号码: a code sent to the old number and one sent to the new."""

    new_mobile = _mobile_field(_("新手机号码"))
    old_code = _code_field(_("原号码收到的验证码"))
    new_code = _code_field(_("新号码收到的验证码"))

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        if not user.mobile:
            # Nothing to prove for an account that has no number yet.
            del self.fields["old_code"]

    def clean_new_mobile(self):
        value = self.cleaned_data["new_mobile"].strip()
        if value == self.user.mobile:
            raise forms.ValidationError(_("新号码与原号码相同。"))
        others = User.objects.exclude(pk=self.user.pk)
        if others.filter(mobile=value).exists() or others.filter(username=value).exists():
            raise forms.ValidationError(_("该手机号码已被其他账号使用。"))
        return value


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
