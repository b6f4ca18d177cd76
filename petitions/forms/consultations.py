"""Forms of the consultations area: validation only; the services write."""

from django import forms
from django.utils.translation import gettext_lazy as _

from petitions.models import Consultation
from portal.submissions import SubmissionTokenField
from portal.uploads import DOCUMENT_TYPES, MultipleFileField, accept_upload

MAX_ATTACHMENTS = 5


class ConsultationForm(forms.Form):
    kind = forms.ChoiceField(label=_("类型"), choices=Consultation.Kind.choices)
    title = forms.CharField(label=_("标题"), max_length=120)
    text = forms.CharField(
        label=_("征求意见稿"), max_length=50000, widget=forms.Textarea(attrs={"rows": 12})
    )
    opens_on = forms.DateField(label=_("开始日期"), widget=forms.DateInput(attrs={"type": "date"}))
    closes_on = forms.DateField(label=_("截止日期"), widget=forms.DateInput(attrs={"type": "date"}))
    attachments = MultipleFileField(label=_("附件（PDF、Word 等，选填）"), required=False)

    def clean_attachments(self):
        files = self.cleaned_data.get("attachments") or []
        if len(files) > MAX_ATTACHMENTS:
            raise forms.ValidationError(
                _("最多上传 %(count)s 个附件。"), params={"count": MAX_ATTACHMENTS}
            )
        return [accept_upload(upload, DOCUMENT_TYPES) for upload in files]

    def clean(self):
        data = super().clean()
        opens_on, closes_on = data.get("opens_on"), data.get("closes_on")
        if opens_on and closes_on and closes_on < opens_on:
            self.add_error("closes_on", _("截止日期不能早于开始日期。"))
        return data


class CommentForm(forms.Form):
    content = forms.CharField(
        label=_("您的意见"), max_length=3000, widget=forms.Textarea(attrs={"rows": 5})
    )
    submission_token = SubmissionTokenField()


class AssessForm(forms.Form):
    adopted = forms.TypedChoiceField(
        label=_("研究结果"),
        choices=[("1", _("采纳")), ("0", _("不予采纳"))],
        coerce=lambda value: value == "1",
        widget=forms.RadioSelect,
    )
    response = forms.CharField(
        label=_("理由（不予采纳时必填）"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class FeedbackForm(forms.Form):
    feedback = forms.CharField(
        label=_("采纳情况说明"), max_length=20000, widget=forms.Textarea(attrs={"rows": 8})
    )
