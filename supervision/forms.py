import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.query_params import validate_record_date
from supervision import labels
from supervision.models import Alert

# The trend chart has one bar group per week: a longer period would not be readable.
MAX_PERIOD = datetime.timedelta(days=2 * 366)


class FilterForm(forms.Form):
    department = forms.TypedChoiceField(
        label=_("部门"), required=False, coerce=int, empty_value=None
    )
    kind = forms.ChoiceField(label=_("类别"), required=False)
    since = forms.DateField(
        label=_("起始日期"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        validators=[validate_record_date],
    )
    until = forms.DateField(
        label=_("截止日期"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        validators=[validate_record_date],
    )

    def __init__(self, *args, departments, kinds, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["department"].choices = [("", _("全部部门"))] + [
            (department.pk, department.name) for department in departments
        ]
        self.fields["kind"].choices = [("", _("全部类别")), *labels.clock_kind_choices(kinds)]

    def clean(self):
        cleaned = super().clean()
        since, until = cleaned.get("since"), cleaned.get("until")
        if since and until and since > until:
            raise forms.ValidationError(_("起始日期不能晚于截止日期。"))
        if since and (until or timezone.localdate()) - since > MAX_PERIOD:
            raise forms.ValidationError(_("统计期间最长两年，请缩短期间。"))
        return cleaned


class AlertCloseForm(forms.Form):
    action = forms.ChoiceField(label=_("处置措施"), choices=Alert.Action.choices)
    note = forms.CharField(
        label=_("处置情况"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )


class NoticeReplyForm(forms.Form):
    reply = forms.CharField(
        label=_("整改情况"), widget=forms.Textarea(attrs={"rows": 4}), max_length=4000
    )
