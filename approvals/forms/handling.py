"""Forms of the clerk workbench and the statistics: validation only, never a write."""

from django import forms
from django.utils.translation import gettext_lazy as _

from approvals.models import Case
from approvals.selectors.processes import cached
from portal.models import User
from portal.roles import Role
from portal.uploads import DOCUMENT_TYPES, IMAGE_TYPES, accept_upload


class EmptyForm(forms.Form):
    """An action that needs nothing but the button (accept, resume)."""


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("理由"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )


class OpinionForm(forms.Form):
    opinion = forms.CharField(
        label=_("办理意见"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )


def catalogue_material_names(case: Case) -> list[str]:
    """The material list of the case's item version (a version never changes, so it is cached;
    a case from before versions were recorded reads the live list)."""
    if case.item_version_id is None:
        return [material.name for material in case.catalogue_materials]
    key = f"approvals:version-materials:{case.item_version_id}"
    return cached(key, lambda: [material.name for material in case.catalogue_materials])


class NoticeForm(forms.Form):
    missing = forms.MultipleChoiceField(
        label=_("需补正的材料（请一次列全）"), widget=forms.CheckboxSelectMultiple
    )
    note = forms.CharField(
        label=_("补正说明"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
    )

    def __init__(self, *args, case: Case, **kwargs):
        super().__init__(*args, **kwargs)
        names = catalogue_material_names(case)
        self.fields["missing"].choices = [(name, name) for name in names]


class DecideForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("决定"), choices=Case.Decision.choices, widget=forms.RadioSelect
    )
    reason = forms.CharField(
        label=_("决定理由"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=4000,
        help_text=_("不予许可、风险点环节的决定必须填写书面理由。"),
    )
    remedies = forms.CharField(
        label=_("救济途径"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
        help_text=_("不填写时使用法定的行政复议、行政诉讼告知。"),
    )
    document = forms.FileField(label=_("决定文书"), required=False)

    def clean_document(self):
        document = self.cleaned_data.get("document")
        if document:
            return accept_upload(document, DOCUMENT_TYPES | IMAGE_TYPES)
        return document


class ExtendForm(forms.Form):
    reason = forms.CharField(
        label=_("延长理由（将告知申请人）"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=300,
    )
    approved_by = forms.ModelChoiceField(label=_("批准人"), queryset=User.objects.none())

    def __init__(self, *args, case: Case, **kwargs):
        super().__init__(*args, **kwargs)
        if case.process.is_joint:
            approvers = User.objects.with_role(Role.LEADER)
        else:
            approvers = User.objects.with_role(Role.DEPARTMENT_HEAD).filter(
                department_id=case.department_id
            )
        self.fields["approved_by"].queryset = approvers.filter(kind=User.Kind.STAFF).order_by("pk")


class PauseForm(forms.Form):
    reason_kind = forms.ChoiceField(label=_("暂停事由"), choices=Case.PauseKind.choices)
    expected_days = forms.IntegerField(
        label=_("预计所需工作日"), min_value=1, max_value=120, initial=10
    )
    note = forms.CharField(label=_("说明（将告知申请人）"), required=False, max_length=500)


class FeeForm(forms.Form):
    amount = forms.DecimalField(
        label=_("收费金额（元）"), min_value=0, max_digits=12, decimal_places=2
    )
    override_reason = forms.CharField(
        label=_("超标准收费理由（仅承办单位负责人）"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=1000,
    )


class FinishForm(forms.Form):
    delivery_note = forms.CharField(
        label=_("送达方式和说明"),
        max_length=1000,
        initial=_("结果已通过网上办事大厅推送，证照可到窗口领取或邮寄送达"),
    )


ACTION_FORMS = {
    "accept": EmptyForm,
    "refuse": ReasonForm,
    "notice": NoticeForm,
    "pass": OpinionForm,
    "return": OpinionForm,
    "decide": DecideForm,
    "extend": ExtendForm,
    "pause": PauseForm,
    "resume": EmptyForm,
    "fee": FeeForm,
    "finish": FinishForm,
}
# Forms that need the case to list their choices.
CASE_FORMS = {"notice", "extend"}


def action_form(action: str, case: Case, data=None, files=None) -> forms.Form:
    form_class = ACTION_FORMS[action]
    kwargs = {"case": case} if action in CASE_FORMS else {}
    return form_class(data, files, prefix=action, **kwargs)


class StatsFilterForm(forms.Form):
    year = forms.IntegerField(label=_("年份"), min_value=2000, max_value=2100, required=False)
