"""Forms of the messages area and the moderation queue: validation only; the services write."""

from django import forms
from django.utils.translation import gettext_lazy as _

from petitions.models import Category, Message
from petitions.services.messages.conversion import CONVERTIBLE_KINDS
from portal import identity as portal_identity
from portal.models import Department
from portal.submissions import SubmissionTokenField


def active_departments():
    return Department.objects.filter(is_active=True).order_by("kind", "name")


class MessageForm(forms.Form):
    mailbox = forms.ChoiceField(
        label=_("写信给"), choices=Message.Mailbox.choices, initial=Message.Mailbox.DEPARTMENT
    )
    addressee = forms.ModelChoiceField(
        label=_("收信单位（部门信箱必选）"), queryset=active_departments(), required=False
    )
    category = forms.ChoiceField(label=_("留言类别"), choices=Message.Category.choices)
    title = forms.CharField(label=_("标题"), max_length=80)
    content = forms.CharField(
        label=_("留言内容"), max_length=3000, widget=forms.Textarea(attrs={"rows": 6})
    )
    contact_name = forms.CharField(label=_("姓名（选填）"), max_length=40, required=False)
    contact_phone = forms.CharField(
        label=_("手机号码（选填，用于接收答复短信）"), max_length=11, required=False
    )
    contact_address = forms.CharField(label=_("联系地址（选填）"), max_length=120, required=False)
    publish_consent = forms.BooleanField(
        label=_("同意经审核后公开留言及答复（个人信息将被隐去）"), required=False
    )
    submission_token = SubmissionTokenField()

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        # The profile fills the contact fields once ("重复信息无需再次录入").
        if user is not None and user.is_authenticated and not self.is_bound:
            self.initial.setdefault("contact_name", user.real_name)
            self.initial.setdefault("contact_phone", user.mobile)
            self.initial.setdefault("contact_address", user.address)

    def clean_contact_phone(self):
        phone = self.cleaned_data["contact_phone"].strip()
        if phone:
            portal_identity.validate_mobile(phone)
        return phone

    def clean(self):
        data = super().clean()
        if data.get("mailbox") == Message.Mailbox.DEPARTMENT and not data.get("addressee"):
            self.add_error("addressee", _("请选择收信单位。"))
        return data


class TrackForm(forms.Form):
    number = forms.CharField(label=_("留言编号"), max_length=20)
    code = forms.CharField(label=_("查询码"), max_length=12)


class DepartmentForm(forms.Form):
    department = forms.ModelChoiceField(label=_("承办单位"), queryset=active_departments())
    note = forms.CharField(label=_("说明（选填）"), max_length=300, required=False)


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label=_("答复内容"), max_length=5000, widget=forms.Textarea(attrs={"rows": 6})
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("理由"), max_length=200)


class ConvertForm(forms.Form):
    category = forms.ModelChoiceField(
        label=_("投诉类别"),
        queryset=Category.objects.filter(is_active=True, kind__in=CONVERTIBLE_KINDS),
    )
    department = forms.ModelChoiceField(
        label=_("承办单位（默认为原承办单位）"), queryset=active_departments(), required=False
    )


class ModerationPassForm(forms.Form):
    title = forms.CharField(label=_("公开标题"), max_length=200, required=False)
    text = forms.CharField(
        label=_("公开内容"), max_length=5000, widget=forms.Textarea(attrs={"rows": 6})
    )
    reply = forms.CharField(
        label=_("公开答复"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
    )


class ModerationRejectForm(forms.Form):
    reason = forms.CharField(label=_("不予公开的理由（将告知留言人）"), max_length=300)


SELECT = "form-select form-select-sm"


class QaFilterForm(forms.Form):
    """The public list's filters; anything unreadable is ignored, never an error page."""

    q = forms.CharField(label=_("关键词"), max_length=50, required=False)
    department = forms.ModelChoiceField(
        label=_("部门"),
        queryset=active_departments(),
        required=False,
        empty_label=_("全部部门"),
        widget=forms.Select(attrs={"id": "qa-department", "class": SELECT}),
    )
    category = forms.ChoiceField(
        label=_("类别"),
        choices=[("", _("全部类别")), *Message.Category.choices],
        required=False,
        widget=forms.Select(attrs={"id": "qa-category", "class": SELECT}),
    )
    month = forms.CharField(label=_("月份"), max_length=7, required=False)
    answered = forms.ChoiceField(
        label=_("答复"),
        choices=[("", _("全部")), ("yes", _("已答复")), ("no", _("未答复"))],
        required=False,
        widget=forms.Select(attrs={"id": "qa-answered", "class": SELECT}),
    )
