"""Forms of the monitors area: validation only; the services write."""

from django import forms
from django.utils.translation import gettext_lazy as _

from petitions.forms.complaints import MAX_ATTACHMENTS
from petitions.models import Category
from petitions.selectors.monitors import citizen_find
from portal.submissions import SubmissionTokenField
from portal.uploads import MultipleFileField, accept_upload


class MonitorReportForm(forms.Form):
    """报送监测报告: what the monitor saw, sorted by category like a complaint."""

    category = forms.ModelChoiceField(
        label=_("类别"), queryset=Category.objects.filter(is_active=True), empty_label=None
    )
    title = forms.CharField(label=_("标题"), max_length=80)
    content = forms.CharField(
        label=_("监测内容"), max_length=5000, widget=forms.Textarea(attrs={"rows": 8})
    )
    place = forms.CharField(label=_("发生地点（选填）"), max_length=120, required=False)
    attachments = MultipleFileField(
        label=_("附件（选填，最多5个，支持图片、PDF、Word、Excel、MP3、MP4）"), required=False
    )
    submission_token = SubmissionTokenField()

    def clean_attachments(self):
        files = self.cleaned_data.get("attachments") or []
        if len(files) > MAX_ATTACHMENTS:
            raise forms.ValidationError(_("最多上传%(n)s个附件。"), params={"n": MAX_ATTACHMENTS})
        return [accept_upload(upload) for upload in files]


class MonitorAppointForm(forms.Form):
    """聘任监测员: the account is found by its user name or mobile number."""

    account = forms.CharField(
        label=_("用户名或手机号码"),
        max_length=150,
        help_text=_("被聘任人须已注册个人或企业账号。"),
    )
    term_start = forms.DateField(
        label=_("任期开始"), widget=forms.DateInput(attrs={"type": "date"})
    )
    term_end = forms.DateField(label=_("任期结束"), widget=forms.DateInput(attrs={"type": "date"}))

    def clean_account(self):
        user = citizen_find(self.cleaned_data["account"])
        if user is None:
            raise forms.ValidationError(_("没有找到该用户名或手机号码的个人或企业账号。"))
        return user

    def clean(self):
        data = super().clean()
        start, end = data.get("term_start"), data.get("term_end")
        if start and end and end < start:
            self.add_error("term_end", _("任期结束日期不能早于开始日期。"))
        return data
