"""Forms of the agent's consent request: the SMS code the citizen tells the agent."""

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _


class ConsentCodeForm(forms.Form):
    code = forms.CharField(
        label=_("短信验证码"),
        max_length=6,
        validators=[RegexValidator(r"^\d{6}$", _("验证码为6位数字。"))],
        help_text=_("验证码已发送到申请人账号登记的手机号码，由申请人告知您。"),
    )
