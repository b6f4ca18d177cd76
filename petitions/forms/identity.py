"""The form of the identity area: why a member of staff opens a complainant's identity (logged)."""

from django import forms
from django.utils.translation import gettext_lazy as _


class IdentityPurposeForm(forms.Form):
    purpose = forms.CharField(label=_("查看用途（将被记录）"), max_length=200)
