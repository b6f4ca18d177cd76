"""Forms of disclosure on request: validation only; the services write."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from disclosure.models import InformationRequest
from portal import identity as portal_identity
from portal.submissions import SubmissionTokenField
from portal.uploads import DOCUMENT_TYPES, IMAGE_TYPES, MultipleFileField, accept_upload

MAX_DOCUMENTS = 10
DEFAULT_REMEDIES = _(
    "如对本答复不服，可以自收到本答复之日起60日内向青山县人民政府申请行政复议，"
    "或者自收到本答复之日起6个月内向青山县人民法院提起行政诉讼。"
)


class RequestForm(forms.Form):
    """政府信息公开申请表: the applicant's details come pre-filled from the profile."""

    applicant_name = forms.CharField(label=_("申请人姓名（企业填联系人）"), max_length=60)
    organization = forms.CharField(label=_("单位名称"), max_length=120, required=False)
    id_number = forms.CharField(
        label=_("身份证号码或统一社会信用代码"), max_length=18, required=False
    )
    phone = forms.CharField(label=_("联系电话"), max_length=20)
    email = forms.EmailField(label=_("电子邮箱"), required=False)
    address = forms.CharField(label=_("通信地址"), max_length=200, required=False)
    description = forms.CharField(
        label=_("所需政府信息的名称、文号或者便于查询的其他特征性描述"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    purpose = forms.CharField(
        label=_("用途（选填）"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    delivery = forms.ChoiceField(
        label=_("获取信息的方式"),
        choices=InformationRequest.Delivery.choices,
        initial=InformationRequest.Delivery.ONLINE,
        widget=forms.RadioSelect,
    )
    submission_token = SubmissionTokenField()

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        if user is not None and not self.is_bound:
            self.initial.update(
                applicant_name=user.real_name,
                organization=user.organization_name,
                id_number=user.credit_code or user.resident_id,
                phone=user.mobile,
                email=user.email,
                address=user.address,
            )
        if user is None or user.kind != user.Kind.ENTERPRISE:
            del self.fields["organization"]

    def clean_id_number(self):
        value = self.cleaned_data.get("id_number", "").strip().upper()
        if not value:
            return value
        try:
            portal_identity.validate_resident_id(value)
        except forms.ValidationError:
            try:
                portal_identity.validate_credit_code(value)
            except forms.ValidationError:
                raise forms.ValidationError(
                    _("请填写有效的身份证号码或统一社会信用代码。")
                ) from None
        return value

    def clean(self):
        data = super().clean()
        delivery = data.get("delivery")
        if delivery == InformationRequest.Delivery.EMAIL and not data.get("email"):
            self.add_error("email", _("选择电子邮件方式，请填写电子邮箱。"))
        if delivery == InformationRequest.Delivery.POST and not data.get("address", "").strip():
            self.add_error("address", _("选择纸质邮寄方式，请填写通信地址。"))
        return data


class SupplementForm(forms.Form):
    text = forms.CharField(
        label=_("补正内容"), max_length=4000, widget=forms.Textarea(attrs={"rows": 4})
    )


class SupplementNoticeForm(forms.Form):
    text = forms.CharField(
        label=_("需要申请人补正的内容"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("补正通知只能发出一次，并须在收到申请之日起7个工作日内发出。"),
    )


class ConsultForm(forms.Form):
    third_party = forms.CharField(label=_("第三方名称"), max_length=120)
    question = forms.CharField(
        label=_("征求意见的事项"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )


class ConsultationAnswerForm(forms.Form):
    answer = forms.CharField(
        label=_("第三方意见"), max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )


class ExtendForm(forms.Form):
    days = forms.IntegerField(
        label=_("延长工作日数"),
        min_value=1,
        max_value=settings.DISCLOSURE_REQUESTS_MAX_EXTENSION_WORKDAYS,
        initial=settings.DISCLOSURE_REQUESTS_MAX_EXTENSION_WORKDAYS,
        help_text=_("只能延长一次，最长20个工作日，须在原答复期限届满前决定。"),
    )
    reason = forms.CharField(label=_("延长理由"), max_length=300)


class AnswerForm(forms.Form):
    reply_type = forms.ChoiceField(
        label=_("答复类型"), choices=InformationRequest.ReplyType.choices
    )
    refusal_reason = forms.ChoiceField(
        label=_("不予公开的法定理由（不予公开、部分公开时必选）"),
        choices=[("", "—"), *InformationRequest.RefusalReason.choices],
        required=False,
    )
    other_agency = forms.CharField(
        label=_("负责公开该信息的机关（非本机关负责公开时必填）"), max_length=120, required=False
    )
    text = forms.CharField(
        label=_("答复内容"), max_length=10000, widget=forms.Textarea(attrs={"rows": 6})
    )
    documents = MultipleFileField(
        label=_("答复文件（选填，支持PDF、Word、Excel、PPT和图片）"), required=False
    )
    remedies = forms.CharField(
        label=_("救济途径"),
        max_length=1000,
        initial=DEFAULT_REMEDIES,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean_documents(self):
        files = self.cleaned_data.get("documents") or []
        if len(files) > MAX_DOCUMENTS:
            raise forms.ValidationError(_("最多上传%(n)s个文件。"), params={"n": MAX_DOCUMENTS})
        return [accept_upload(upload, allowed=DOCUMENT_TYPES | IMAGE_TYPES) for upload in files]

    def clean(self):
        data = super().clean()
        reply_type = data.get("reply_type")
        if reply_type in InformationRequest.NEEDS_REASON and not data.get("refusal_reason"):
            self.add_error("refusal_reason", _("不予公开或部分公开，必须说明法定理由。"))
        if (
            reply_type == InformationRequest.ReplyType.NOT_THIS_OFFICE
            and not data.get("other_agency", "").strip()
        ):
            self.add_error("other_agency", _("请写明负责公开该信息的机关。"))
        return data
