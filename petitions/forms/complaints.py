"""Forms of the complaints area: validation only; the services write."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Div, Fieldset, Layout
from django import forms
from django.utils.translation import gettext_lazy as _

from petitions.models import Category, Complaint, ReviewRequest
from portal import identity as portal_identity
from portal.models import Department
from portal.submissions import SubmissionTokenField
from portal.uploads import MultipleFileField, accept_upload

MAX_ATTACHMENTS = 5
ANONYMOUS_NOTICE = _(
    "匿名反映不会与您的账号关联，不会出现在“我的诉求”中，也不会向账号的手机、邮箱或站内信"
    "发送任何通知；诉求编号和查询码是查看进度的唯一方式，请妥善保存。"
)
ANONYMOUS_NO_ACCOUNT_CONTACT = _(
    "匿名反映不使用您账号的站内信、手机号码或邮箱；请留下其他联系方式，"
    "或选择“不需联系（凭查询码查看）”。"
)


class _ComplaintFields(forms.Form):
    category = forms.ModelChoiceField(
        label=_("诉求类别"), queryset=Category.objects.filter(is_active=True), empty_label=None
    )
    title = forms.CharField(label=_("标题"), max_length=80)
    content = forms.CharField(
        label=_("诉求内容"), max_length=5000, widget=forms.Textarea(attrs={"rows": 6})
    )
    place = forms.CharField(label=_("发生地点（选填）"), max_length=120, required=False)
    names_official = forms.BooleanField(
        label=_("举报具体的公职人员或单位（举报人信息将严格保密）"), required=False
    )
    reported_department = forms.ModelChoiceField(
        label=_("被举报的单位（举报公职人员或单位时必填）"),
        queryset=Department.objects.filter(is_active=True).order_by("kind", "name"),
        required=False,
        help_text=_("举报不会交由被举报单位或其上级单位办理，而是转交纪检监察机关。"),
    )
    reported_person = forms.CharField(
        label=_("被举报人姓名及职务（选填）"), max_length=100, required=False
    )
    is_anonymous = forms.BooleanField(
        label=_("匿名反映（不留姓名；凭诉求编号和查询码查看进度）"), required=False
    )
    name = forms.CharField(label=_("姓名"), max_length=60, required=False)
    phone = forms.CharField(label=_("手机号码"), max_length=11, required=False)
    email = forms.EmailField(label=_("电子邮件（选填）"), required=False)
    address = forms.CharField(label=_("联系地址（选填）"), max_length=200, required=False)
    contact_method = forms.ChoiceField(
        label=_("希望的联系方式"), choices=Complaint.Contact.choices, initial=Complaint.Contact.SMS
    )
    allow_publication = forms.BooleanField(
        label=_("同意在“答复公开”栏目匿名公开诉求及答复（不公开任何个人信息）"), required=False
    )

    def clean_phone(self):
        phone = self.cleaned_data.get("phone", "").strip()
        if phone:
            portal_identity.validate_mobile(phone)
        return phone

    def clean(self):
        data = super().clean()
        if not data.get("names_official"):
            # Only a report names a unit: a plain complaint is routed as usual.
            data["reported_department"] = None
            data["reported_person"] = ""
        elif not data.get("reported_department"):
            self.add_error(
                "reported_department", _("举报公职人员或单位，请选择被举报人所在的单位。")
            )
        if data.get("is_anonymous"):
            return data
        if not data.get("name"):
            self.add_error("name", _("实名反映请填写姓名；不愿留名请勾选“匿名反映”。"))
        if not (data.get("phone") or data.get("email") or self._has_account()):
            self.add_error("phone", _("请至少留下手机号码或电子邮件，以便告知办理结果。"))
        if data.get("contact_method") in (
            Complaint.Contact.SMS,
            Complaint.Contact.PHONE,
        ) and not data.get("phone"):
            self.add_error("phone", _("选择短信或电话联系，请留下手机号码。"))
        if data.get("contact_method") == Complaint.Contact.EMAIL and not data.get("email"):
            self.add_error("email", _("选择电子邮件联系，请留下电子邮件地址。"))
        return data

    def _has_account(self) -> bool:
        return False


class ComplaintForm(_ComplaintFields):
    """网上投诉: filed by a citizen, signed in or not."""

    id_number = forms.CharField(label=_("身份证号码（选填）"), max_length=18, required=False)
    related_number = forms.CharField(
        label=_("原诉求编号（就已办结事项再次反映时填写）"), max_length=20, required=False
    )
    attachments = MultipleFileField(
        label=_("附件（选填，最多5个，支持图片、PDF、Word、Excel、MP3、MP4）"), required=False
    )
    submission_token = SubmissionTokenField()

    field_order = [
        "category",
        "title",
        "content",
        "place",
        "attachments",
        "names_official",
        "reported_department",
        "reported_person",
        "is_anonymous",
        "name",
        "phone",
        "email",
        "address",
        "id_number",
        "contact_method",
        "allow_publication",
        "related_number",
    ]

    def __init__(self, *args, user=None, **kwargs):
        self.user = user if user is not None and user.is_authenticated else None
        super().__init__(*args, **kwargs)
        if self.user is not None and not self.is_bound:
            self.initial.update(
                name=self.user.real_name,
                phone=self.user.mobile,
                email=self.user.email,
                address=self.user.address,
                id_number=self.user.resident_id,
            )
        self.fields["is_anonymous"].help_text = ANONYMOUS_NOTICE
        if self.user is not None:
            self.fields["contact_method"].initial = Complaint.Contact.INBOX
        else:
            self.fields["contact_method"].choices = [
                c for c in Complaint.Contact.choices if c[0] != Complaint.Contact.INBOX
            ]

    def _has_account(self) -> bool:
        return self.user is not None

    def clean(self):
        data = super().clean()
        if self.user is None or not data.get("is_anonymous"):
            return data
        # Anonymous means not linked to the account: refuse its own channels, and say why.
        contact = data.get("contact_method")
        if contact == Complaint.Contact.INBOX:
            self.add_error("contact_method", ANONYMOUS_NO_ACCOUNT_CONTACT)
        elif contact in (Complaint.Contact.SMS, Complaint.Contact.PHONE) and (
            data.get("phone") and data.get("phone") == self.user.mobile
        ):
            self.add_error("phone", ANONYMOUS_NO_ACCOUNT_CONTACT)
        elif contact == Complaint.Contact.EMAIL and (
            data.get("email") and data.get("email") == self.user.email
        ):
            self.add_error("email", ANONYMOUS_NO_ACCOUNT_CONTACT)
        return data

    @property
    def helper(self) -> FormHelper:
        helper = FormHelper()
        helper.form_tag = False
        helper.layout = Layout(
            Fieldset(
                _("诉求"),
                "category",
                "title",
                "content",
                "place",
                "attachments",
                "names_official",
                Div("reported_department", "reported_person", css_id="reported-fields"),
            ),
            Fieldset(
                _("您的信息（仅热线办经授权人员可见）"),
                "is_anonymous",
                Div("name", "id_number", "address", css_id="named-fields"),
                "phone",
                "email",
                "contact_method",
            ),
            Fieldset(_("其他"), "allow_publication", "related_number"),
            "submission_token",
        )
        return helper

    def clean_id_number(self):
        value = self.cleaned_data.get("id_number", "").strip().upper()
        if value:
            portal_identity.validate_resident_id(value)
        return value

    def clean_attachments(self):
        files = self.cleaned_data.get("attachments") or []
        if len(files) > MAX_ATTACHMENTS:
            raise forms.ValidationError(_("最多上传%(n)s个附件。"), params={"n": MAX_ATTACHMENTS})
        # What is stored is the cleaned copy: the original never leaves the request.
        return [accept_upload(upload) for upload in files]


class HotlineRegisterForm(_ComplaintFields):
    """热线登记: the operator registers a call or a text message on the caller's behalf."""

    channel = forms.ChoiceField(
        label=_("来源"),
        choices=[c for c in Complaint.Channel.choices if c[0] not in Complaint.SELF_FILED_CHANNELS],
    )
    is_emergency = forms.BooleanField(
        label=_("紧急事项（立即转110/119/120或应急值班）"), required=False
    )
    emergency_note = forms.CharField(label=_("转办说明"), max_length=300, required=False)

    field_order = [
        "channel",
        "category",
        "title",
        "content",
        "place",
        "is_emergency",
        "emergency_note",
        "names_official",
        "reported_department",
        "reported_person",
        "is_anonymous",
        "name",
        "phone",
        "email",
        "address",
        "contact_method",
        "allow_publication",
    ]

    def clean(self):
        data = super().clean()
        if data.get("is_emergency") and not data.get("emergency_note"):
            self.add_error("emergency_note", _("请写明转办给哪个单位。"))
        return data


class TrackForm(forms.Form):
    number = forms.CharField(label=_("诉求编号"), max_length=20)
    code = forms.CharField(label=_("查询码"), max_length=12)


class RateForm(forms.Form):
    level = forms.ChoiceField(
        label=_("您对答复的评价"), choices=Complaint.Satisfaction.choices, widget=forms.RadioSelect
    )
    comment = forms.CharField(
        label=_("意见（选填）"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    submission_token = SubmissionTokenField()


class ReviewRequestForm(forms.Form):
    reason = forms.CharField(
        label=_("申请理由"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )


def _departments():
    return Department.objects.filter(is_active=True).order_by("kind", "name")


class DispatchForm(forms.Form):
    department = forms.ModelChoiceField(label=_("承办单位"), queryset=_departments())
    note = forms.CharField(label=_("分派说明（选填）"), max_length=300, required=False)


class RedirectForm(forms.Form):
    department = forms.ModelChoiceField(label=_("改派至"), queryset=_departments())
    note = forms.CharField(label=_("改派理由"), max_length=300)


class InstructForm(forms.Form):
    text = forms.CharField(
        label=_("批示内容"), max_length=1000, widget=forms.Textarea(attrs={"rows": 3})
    )


class ObjectForm(forms.Form):
    reason = forms.CharField(
        label=_("退回理由（不属于本单位职责的依据）"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ExtensionForm(forms.Form):
    days = forms.IntegerField(label=_("延长天数"), min_value=1, max_value=60)
    reason = forms.CharField(
        label=_("延期理由"), max_length=1000, widget=forms.Textarea(attrs={"rows": 2})
    )


class ExtensionDecideForm(forms.Form):
    approve = forms.TypedChoiceField(
        label=_("审批结果"),
        choices=[("1", _("批准")), ("0", _("不批准"))],
        coerce=lambda v: v == "1",
        widget=forms.RadioSelect,
    )
    note = forms.CharField(label=_("审批意见（选填）"), max_length=300, required=False)


class ReplyForm(forms.Form):
    content = forms.CharField(
        label=_("书面答复"), max_length=5000, widget=forms.Textarea(attrs={"rows": 6})
    )


class ReturnVisitForm(forms.Form):
    result = forms.ChoiceField(
        label=_("回访结果"), choices=Complaint.Satisfaction.choices, widget=forms.RadioSelect
    )
    note = forms.CharField(
        label=_("回访记录"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class TransferForm(forms.Form):
    note = forms.CharField(label=_("转办给（如：110指挥中心）及说明"), max_length=300)


class ReferForm(forms.Form):
    referral = forms.ChoiceField(label=_("应通过的渠道"), choices=Complaint.Referral.choices)
    note = forms.CharField(label=_("补充说明（选填）"), max_length=300, required=False)


class MergeForm(forms.Form):
    original_number = forms.CharField(label=_("与之重复的原诉求编号"), max_length=20)


class ReviewDecideForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("结论"), choices=ReviewRequest.Outcome.choices, widget=forms.RadioSelect
    )
    decision = forms.CharField(
        label=_("意见"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )
