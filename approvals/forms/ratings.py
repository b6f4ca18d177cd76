"""Forms of 好差评: the applicant's rating, the unit's rectification feedback, appeals. Validation only."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from approvals.models import Rating, RectificationTicket
from portal.query_params import validate_record_date
from portal.submissions import SubmissionTokenField


class RatingForm(forms.Form):
    level = forms.TypedChoiceField(
        label=_("您对本次办理的评价"),
        choices=Rating.Level.choices,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("请选择一个评价等级。")},
    )
    comment = forms.CharField(
        label=_("评价意见（选填；评价为不满意或非常不满意时，请写明原因）"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    submission_token = SubmissionTokenField()


class TicketAnswerForm(forms.Form):
    visited_at = forms.DateTimeField(
        label=_("回访时间"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
        validators=[validate_record_date],
    )
    visit_note = forms.CharField(
        label=_("回访记录（群众反映的问题）"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    outcome = forms.ChoiceField(
        label=_("处理方式"), choices=RectificationTicket.Outcome.choices, widget=forms.RadioSelect
    )
    answer = forms.CharField(
        label=_("整改情况或解释说明（群众可见）"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def clean_visited_at(self):
        visited_at = self.cleaned_data["visited_at"]
        if visited_at > timezone.now():
            raise forms.ValidationError(_("回访时间不能晚于现在。"))
        return visited_at


class AppealForm(forms.Form):
    reason = forms.CharField(
        label=_("申诉理由（评价有误或属恶意评价的事实和依据）"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class AppealDecisionForm(forms.Form):
    upheld = forms.TypedChoiceField(
        label=_("审核结论"),
        choices=[
            ("1", _("申诉成立：该评价不计入统计（评价保留）")),
            ("0", _("申诉不成立：评价照常计入统计")),
        ],
        coerce=lambda value: value == "1",
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("审核意见"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
