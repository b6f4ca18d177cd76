from django import forms
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from disclosure.models import CatalogueItem, CatalogueMaterial
from disclosure.permissions import catalogue as permissions
from disclosure.services.catalogue.drafting import MaterialData
from portal.models import Department


class CatalogueItemForm(forms.ModelForm):
    class Meta:
        model = CatalogueItem
        fields = [
            "name",
            "code",
            "kind",
            "department",
            "content",
            "legal_basis",
            "conditions",
            "time_limit_days",
            "legal_limit_days",
            "fee",
            "fee_standard",
            "service_place",
            "supervision_phone",
            "supervision_address",
        ]
        widgets = {
            "content": forms.Textarea(attrs={"rows": 3}),
            "legal_basis": forms.Textarea(attrs={"rows": 3}),
            "conditions": forms.Textarea(attrs={"rows": 3}),
            "fee_standard": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        departments = Department.objects.exclude(kind=Department.Kind.VILLAGE).order_by(
            "kind", "name"
        )
        if not permissions.is_catalogue_admin(user):
            departments = departments.filter(pk=user.department_id)
        self.fields["department"].queryset = departments
        if self.instance.version:
            self.fields["code"].disabled = True
            self.fields["code"].help_text = _("已发布过的事项不能修改事项编码。")

    def clean(self):
        data = super().clean()
        if data.get("fee") and not (data.get("fee_standard") or "").strip():
            self.add_error("fee_standard", _("收费事项必须写明收费标准及其法定依据。"))
        return data


class MaterialForm(forms.ModelForm):
    """A row of the materials list; a row left without a name is simply ignored."""

    class Meta:
        model = CatalogueMaterial
        fields = ["name", "is_required", "description"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].required = False


MaterialFormSet = inlineformset_factory(
    CatalogueItem,
    CatalogueMaterial,
    form=MaterialForm,
    fields=["name", "is_required", "description"],
    extra=2,
    can_delete=True,
    widgets={"description": forms.TextInput()},
)


class MaterialRowForm(forms.Form):
    """A row of a revision's materials list (kept in the revision, not yet in the table)."""

    name = forms.CharField(label=_("材料名称"), max_length=200, required=False)
    is_required = forms.BooleanField(label=_("必须提交"), required=False, initial=True)
    description = forms.CharField(label=_("说明"), required=False)


RevisionMaterialFormSet = forms.formset_factory(MaterialRowForm, extra=2, can_delete=True)


def materials_from(formset) -> list[MaterialData]:
    ordered = [
        form.cleaned_data
        for form in formset.forms
        if form.cleaned_data
        and not form.cleaned_data.get("DELETE")
        and form.cleaned_data.get("name")
    ]
    return [
        MaterialData(
            name=d["name"],
            is_required=d.get("is_required", False),
            description=d.get("description", ""),
        )
        for d in ordered
    ]


class ImportForm(forms.Form):
    file = forms.FileField(label=_("CSV 或 XLSX 文件"))
