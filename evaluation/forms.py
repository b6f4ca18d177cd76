"""Forms of the efficiency rating: validation only, never writes."""

from django import forms
from django.utils.translation import gettext_lazy as _

from evaluation.models import RatedPerson, Rating


class VoteForm(forms.Form):
    attitude = forms.ChoiceField(
        label=_("服务态度"), choices=Rating.choices, widget=forms.RadioSelect
    )
    efficiency = forms.ChoiceField(
        label=_("办事效率"), choices=Rating.choices, widget=forms.RadioSelect
    )
    style = forms.ChoiceField(label=_("工作作风"), choices=Rating.choices, widget=forms.RadioSelect)
    reason = forms.CharField(
        label=_("理由"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("选择“不满意”时必须填写理由；理由经审核后公开。"),
    )

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


class ImportForm(forms.Form):
    file = forms.FileField(label=_("名单文件（CSV 或 XLSX）"))


class ModerateForm(forms.Form):
    decision = forms.ChoiceField(choices=[("approve", _("公开")), ("reject", _("不予公开"))])
