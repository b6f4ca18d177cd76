"""Forms of the process-definition pages: validation only, never a write."""

from django import forms
from django.utils.translation import gettext_lazy as _

from approvals.models import ProcessStep
from portal.models import Department


class StepForm(forms.Form):
    kind = forms.ChoiceField(label=_("环节类型"), choices=ProcessStep.Kind.choices)
    name = forms.CharField(label=_("环节名称"), max_length=60)
    departments = forms.ModelMultipleChoiceField(
        label=_("承办部门（选多个即为联审联批）"),
        queryset=Department.objects.filter(is_active=True).order_by("kind", "name"),
    )
    limit_workdays = forms.IntegerField(
        label=_("环节时限（工作日）"), min_value=1, max_value=60, initial=5
    )
    risk_level = forms.TypedChoiceField(
        label=_("风险等级"), choices=ProcessStep.Risk.choices, coerce=int, initial=0
    )
    control_measure = forms.CharField(
        label=_("防控措施"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
