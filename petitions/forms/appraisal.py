"""Forms of the appraisal area: the questionnaire and a new round; validation only."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from petitions.models import AppraisalRound
from petitions.models.appraisal import Dimension, Grade
from portal.models import Department
from portal.submissions import SubmissionTokenField


def field_name(department_id: int, dimension: str) -> str:
    return f"grade_{department_id}_{dimension}"


class AppraisalForm(forms.Form):
    """One radio group per participating department and dimension, each required (不了解 is a
    choice, never a default: a default would count an unread question as an answer)."""

    submission_token = SubmissionTokenField()

    def __init__(self, *args, departments, **kwargs):
        super().__init__(*args, **kwargs)
        self.departments = list(departments)
        for department in self.departments:
            for code, label in Dimension.choices:
                self.fields[field_name(department.pk, code)] = forms.ChoiceField(
                    label=label,
                    choices=Grade.choices,
                    widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
                    error_messages={"required": _("请选择一项评价。")},
                )

    def fieldsets(self) -> list[tuple[Department, list[forms.BoundField]]]:
        """The groups of the page: each department with its six questions."""
        return [
            (
                department,
                [self[field_name(department.pk, code)] for code in Dimension.values],
            )
            for department in self.departments
        ]

    def grades(self) -> dict[tuple[int, str], str]:
        return {
            (department.pk, code): self.cleaned_data[field_name(department.pk, code)]
            for department in self.departments
            for code in Dimension.values
        }


class RoundForm(forms.Form):
    title = forms.CharField(label=_("标题"), max_length=80)
    period_kind = forms.ChoiceField(
        label=_("周期"), choices=AppraisalRound.PeriodKind.choices, widget=forms.RadioSelect
    )
    year = forms.IntegerField(label=_("年份"), min_value=2000, max_value=2100)
    quarter = forms.TypedChoiceField(
        label=_("季度（季度评议填写）"),
        choices=[("", "—"), (1, "1"), (2, "2"), (3, "3"), (4, "4")],
        coerce=int,
        empty_value=None,
        required=False,
    )
    opens_at = forms.DateTimeField(
        label=_("开始时间"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    closes_at = forms.DateTimeField(
        label=_("截止时间"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    departments = forms.ModelMultipleChoiceField(
        label=_("参评单位"),
        queryset=Department.objects.filter(is_active=True).order_by("kind", "name"),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].initial = timezone.localdate().year
