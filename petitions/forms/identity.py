"""Forms of the identity area: why staff open a complainant's identity (logged); whom an
administrator grants the identity permission (audited); which complaint's access rows to list."""

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.models import User


class IdentityPurposeForm(forms.Form):
    purpose = forms.CharField(label=_("查看用途（将被记录）"), max_length=200)


class IdentityGrantForm(forms.Form):
    user = forms.ModelChoiceField(
        label=_("授权给（工作人员）"),
        queryset=User.objects.staff().select_related("department").order_by("username"),
    )


class AccessFilterForm(forms.Form):
    number = forms.CharField(label=_("诉求编号"), max_length=20, required=False)
