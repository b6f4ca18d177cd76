from django import forms
from django.utils.translation import gettext_lazy as _

from disclosure.models.reporting import MAX_SCORE


class ReportForm(forms.Form):
    title = forms.CharField(label=_("标题"), max_length=200)
    body = forms.CharField(label=_("内容"), widget=forms.Textarea(attrs={"rows": 10}))


class DecisionForm(forms.Form):
    class Decision:
        ADOPT, REJECT = "adopt", "reject"

    decision = forms.ChoiceField(
        label=_("处理结果"),
        choices=[(Decision.ADOPT, _("采用")), (Decision.REJECT, _("不予采用"))],
        widget=forms.RadioSelect,
    )
    score = forms.IntegerField(
        label=_("得分"),
        min_value=1,
        max_value=MAX_SCORE,
        required=False,
        help_text=_("采用时填写，1 到 10 分。"),
    )
    note = forms.CharField(
        label=_("处理意见"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean(self):
        data = super().clean()
        if data.get("decision") == self.Decision.ADOPT and not data.get("score"):
            self.add_error("score", _("采用时请填写得分。"))
        if data.get("decision") == self.Decision.REJECT and not (data.get("note") or "").strip():
            self.add_error("note", _("请写明不予采用的理由。"))
        return data
