"""Forms of the suggestions area: validation only; the services write."""

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.models import Department
from portal.submissions import SubmissionTokenField


class SuggestionForm(forms.Form):
    department = forms.ModelChoiceField(
        label=_("建议对象"),
        queryset=Department.objects.filter(is_active=True).order_by("kind", "name"),
        required=False,
        empty_label=_("县人民政府（综合性建议）"),
    )
    title = forms.CharField(label=_("标题"), max_length=80)
    content = forms.CharField(
        label=_("建议内容"), max_length=5000, widget=forms.Textarea(attrs={"rows": 8})
    )
    submission_token = SubmissionTokenField()


class SuggestionAnswerForm(forms.Form):
    move = forms.ChoiceField(
        label=_("答复结果"),
        choices=[("study", _("研究中")), ("adopt", _("已采纳")), ("decline", _("未采纳"))],
        widget=forms.RadioSelect,
    )
    reply = forms.CharField(
        label=_("答复内容"), max_length=5000, widget=forms.Textarea(attrs={"rows": 5})
    )
    action_taken = forms.CharField(
        label=_("落实情况（采纳时填写，将随建议公开）"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class SuggestionActionForm(forms.Form):
    action_taken = forms.CharField(
        label=_("落实情况"), max_length=5000, widget=forms.Textarea(attrs={"rows": 4})
    )
