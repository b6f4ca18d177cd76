"""Forms of the citizen's side of 网上审批: validation only; the services write."""

from django import forms
from django.utils.translation import gettext_lazy as _

from approvals.selectors import applying as applying_selectors
from portal.identity import validate_mobile
from portal.submissions import SubmissionTokenField
from portal.uploads import DOCUMENT_TYPES, IMAGE_TYPES, accept_upload

MATERIAL_TYPES = IMAGE_TYPES | DOCUMENT_TYPES
# The keys of `Case.form_data` the application form fills, with the labels the clerk reads.
EXTRA_LABELS = {"address": _("联系地址"), "description": _("申请事项说明")}
EXTRA_KEYS = tuple(EXTRA_LABELS)


def clean_material(upload):
    """Check an application material by content and size; return it without metadata."""
    return accept_upload(upload, allowed=MATERIAL_TYPES)


class AgentStartForm(forms.Form):
    """村级代办: the agent names the registered citizen or enterprise by ID number and mobile.

    The applicant then confirms by SMS code or in their own account before the agent sees them.
    """

    applicant_code = forms.CharField(
        label=_("申请人身份证号码或统一社会信用代码"),
        max_length=18,
        help_text=_("申请人须已在本网站注册；代办不收取任何费用。"),
    )
    applicant_mobile = forms.CharField(
        label=_("申请人注册手机号码"),
        max_length=11,
        validators=[validate_mobile],
        help_text=_("验证码将发送到申请人账号登记的手机号码，经申请人同意后方可代办。"),
    )

    def clean_applicant_code(self):
        return self.cleaned_data["applicant_code"].strip().upper()

    def clean(self):
        cleaned = super().clean()
        code, mobile = cleaned.get("applicant_code"), cleaned.get("applicant_mobile")
        if code and mobile:
            applicant = applying_selectors.applicant_by_code(code)
            # One answer for an unknown number and a wrong mobile: the form finds no one by guessing.
            if applicant is None or applicant.mobile != mobile.strip():
                raise forms.ValidationError(
                    _("没有找到使用该证件号码和手机号码注册的群众或企业，请先协助申请人注册。")
                )
            self.applicant = applicant
        return cleaned


class ApplicationForm(forms.Form):
    """The application: the applicant as the account's profile says (shown, not editable: an
    application is filed under the account's identity), the other answers and the materials."""

    applicant_name = forms.CharField(label=_("申请人"), disabled=True, required=False)
    applicant_id_number = forms.CharField(label=_("身份证号码"), disabled=True, required=False)
    contact_name = forms.CharField(label=_("联系人"), disabled=True, required=False)
    applicant_mobile = forms.CharField(label=_("手机号码"), disabled=True, required=False)
    address = forms.CharField(label=_("联系地址（选填）"), max_length=200, required=False)
    description = forms.CharField(
        label=_("申请事项说明（选填）"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    submission_token = SubmissionTokenField()

    def __init__(self, *args, case, materials, **kwargs):
        self.case = case
        self.materials = list(materials)
        applicant = case.applicant
        kwargs.setdefault("initial", {})
        kwargs["initial"].update(
            applicant_name=case.applicant_name,
            applicant_id_number=case.applicant_id_number,
            contact_name=applicant.real_name,
            applicant_mobile=case.applicant_mobile,
            address=(case.form_data or {}).get("address", applicant.address),
            description=(case.form_data or {}).get("description", ""),
        )
        super().__init__(*args, **kwargs)
        if applicant.kind == applicant.Kind.ENTERPRISE:
            self.fields["applicant_name"].label = _("单位名称")
            self.fields["applicant_id_number"].label = _("统一社会信用代码")
        else:
            del self.fields["contact_name"]
        for index, material in enumerate(self.materials):
            self.fields[f"material_{index}"] = forms.FileField(
                label=material.name,
                required=False,
                help_text=material.description,
                widget=forms.ClearableFileInput(
                    attrs={"accept": ",".join(f".{ext}" for ext in MATERIAL_TYPES.values())}
                ),
            )

    def material_fields(self):
        """Each catalogue material with its upload field, for the template."""
        return [
            (material, self[f"material_{index}"]) for index, material in enumerate(self.materials)
        ]

    def applicant_fields(self):
        return [field for field in self if field.field.disabled]

    def clean(self):
        data = super().clean()
        for index in range(len(self.materials)):
            upload = data.get(f"material_{index}")
            if upload:
                try:
                    data[f"material_{index}"] = clean_material(upload)
                except forms.ValidationError as error:
                    self.add_error(f"material_{index}", error)
        return data

    def form_data(self) -> dict:
        """What the draft keeps besides the applicant columns."""
        return {key: self.cleaned_data[key].strip() for key in EXTRA_KEYS}

    def uploads(self) -> list[tuple[str, object]]:
        """(material name, checked upload) for every file chosen in this request."""
        return [
            (material.name, self.cleaned_data[f"material_{index}"])
            for index, material in enumerate(self.materials)
            if self.cleaned_data.get(f"material_{index}")
        ]


class SupplyForm(forms.Form):
    """补正材料: one file for one of the item's materials, after the one-time notice."""

    name = forms.ChoiceField(label=_("补正的材料"))
    upload = forms.FileField(label=_("文件"))

    def __init__(self, *args, names, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].choices = [(name, name) for name in names]

    def clean_upload(self):
        return clean_material(self.cleaned_data["upload"])


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label=_("撤回理由"), max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )


class TrackForm(forms.Form):
    number = forms.CharField(label=_("办件编号"), max_length=30)
    code = forms.CharField(label=_("查询码"), max_length=12)


class ResultSearchForm(forms.Form):
    q = forms.CharField(label=_("办件编号"), max_length=30, required=False)
