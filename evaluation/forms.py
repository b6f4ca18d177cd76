"""Forms of the efficiency rating: validation only, never writes."""

from crispy_forms.bootstrap import InlineRadios
from crispy_forms.helper import FormHelper
from crispy_forms.layout import Layout
from django import forms
from django.utils.translation import gettext_lazy as _

from evaluation.models import RatedPerson, Rating
from portal.submissions import SubmissionTokenField
from portal.uploads import IMAGE_TYPES, accept_upload


def _rating_field(label) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=Rating.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("请对这一项作出评价。")},
    )


class VoteForm(forms.Form):
    attitude = _rating_field(_("服务态度"))
    efficiency = _rating_field(_("办事效率"))
    style = _rating_field(_("工作作风"))
    reason = forms.CharField(
        label=_("理由"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("选择“不满意”时必须填写理由；理由经审核后公开。"),
    )
    submission_token = SubmissionTokenField()

    @property
    def helper(self) -> FormHelper:
        # Each dimension's three choices on one line: the form fits a phone's screen.
        helper = FormHelper()
        helper.form_tag = False
        helper.layout = Layout(
            *(
                InlineRadios(name, wrapper_class="inline-choices")
                for name in ("attitude", "efficiency", "style")
            ),
            "reason",
            "submission_token",
        )
        return helper

    def clean(self):
        data = super().clean()
        ratings = {data.get("attitude"), data.get("efficiency"), data.get("style")}
        if Rating.DISSATISFIED in ratings and not (data.get("reason") or "").strip():
            self.add_error("reason", _("选择“不满意”时请填写理由。"))
        return data


class PersonForm(forms.ModelForm):
    photo_upload = forms.ImageField(label=_("照片"), required=False)

    class Meta:
        model = RatedPerson
        fields = ["name", "gender", "position", "department", "responsibilities", "is_active"]

    def clean_photo_upload(self):
        photo = self.cleaned_data.get("photo_upload")
        return accept_upload(photo, allowed=IMAGE_TYPES) if photo else photo


class ImportForm(forms.Form):
    file = forms.FileField(label=_("名单文件（CSV 或 XLSX）"))
