"""Forms of the interviews area: validation only; the services write."""

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.query_params import validate_record_date
from portal.submissions import SubmissionTokenField
from portal.uploads import DOCUMENT_TYPES, IMAGE_TYPES, MultipleFileField, accept_upload

MAX_ATTACHMENTS = 10
MOMENT = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class InterviewForm(forms.Form):
    title = forms.CharField(label=_("访谈标题"), max_length=120)
    topic = forms.CharField(
        label=_("访谈主题"), max_length=5000, widget=forms.Textarea(attrs={"rows": 4})
    )
    guest_name = forms.CharField(label=_("嘉宾姓名"), max_length=40)
    guest_position = forms.CharField(label=_("嘉宾职务"), max_length=80)
    # Years near 1 or 9999 would leave what `datetime` holds once converted to UTC.
    starts_at = forms.DateTimeField(
        label=_("计划开始时间"), widget=MOMENT, validators=[validate_record_date]
    )
    ends_at = forms.DateTimeField(
        label=_("计划结束时间"), widget=MOMENT, validators=[validate_record_date]
    )

    def clean(self):
        data = super().clean()
        starts_at, ends_at = data.get("starts_at"), data.get("ends_at")
        if starts_at and ends_at and ends_at <= starts_at:
            self.add_error("ends_at", _("结束时间须晚于开始时间。"))
        return data


class QuestionForm(forms.Form):
    text = forms.CharField(
        label=_("您的问题"), max_length=1000, widget=forms.Textarea(attrs={"rows": 4})
    )
    submission_token = SubmissionTokenField()


class AnswerForm(forms.Form):
    """The host's post: an answer to a passed question, or a statement with none chosen."""

    question = forms.TypedChoiceField(
        label=_("回答的问题"), coerce=int, required=False, empty_value=None
    )
    text = forms.CharField(
        label=_("回答内容"), max_length=10000, widget=forms.Textarea(attrs={"rows": 5})
    )

    def __init__(self, *args, questions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["question"].choices = [
            ("", _("主持人发言（不针对提问）")),
            *((question.pk, question.public_text[:60]) for question in questions),
        ]


class QuestionDecisionForm(forms.Form):
    """Pass a pending question (with the text as edited) or reject it with a reason."""

    decision = forms.ChoiceField(choices=[("pass", "pass"), ("reject", "reject")])
    text = forms.CharField(
        label=_("公开内容"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "class": "form-control form-control-sm"}),
    )
    reason = forms.CharField(
        label=_("不予公开的理由"),
        max_length=300,
        required=False,
        widget=forms.TextInput(attrs={"class": "form-control form-control-sm"}),
    )

    def clean(self):
        data = super().clean()
        if data.get("decision") == "pass" and not (data.get("text") or "").strip():
            self.add_error("text", _("公开内容不能为空。"))
        if data.get("decision") == "reject" and not (data.get("reason") or "").strip():
            self.add_error("reason", _("请填写不予公开的理由，该理由将告知提问人。"))
        return data


class ArchiveForm(forms.Form):
    summary = forms.CharField(
        label=_("访谈综述"), max_length=20000, widget=forms.Textarea(attrs={"rows": 6})
    )
    attachments = MultipleFileField(label=_("附件（文字实录、图片等，选填）"), required=False)

    def clean_attachments(self):
        files = self.cleaned_data.get("attachments") or []
        if len(files) > MAX_ATTACHMENTS:
            raise forms.ValidationError(
                _("最多上传 %(count)s 个附件。"), params={"count": MAX_ATTACHMENTS}
            )
        return [accept_upload(upload, DOCUMENT_TYPES | IMAGE_TYPES) for upload in files]
