"""Forms of the surveys area: the builder's forms and the questionnaire a citizen fills in.

Validation only; the services write (and check again).
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from petitions.models import SurveyQuestion
from petitions.models.surveys import DEFAULT_SCALE, MAX_ANSWER_TEXT, MAX_SCALE
from portal.submissions import SubmissionTokenField

DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class SurveyForm(forms.Form):
    title = forms.CharField(label=_("标题"), max_length=120)
    intro = forms.CharField(
        label=_("说明"), max_length=5000, required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    opens_at = forms.DateTimeField(label=_("开始时间"), widget=DATETIME)
    closes_at = forms.DateTimeField(label=_("截止时间"), widget=DATETIME)
    anonymous = forms.BooleanField(
        label=_("匿名调查（无需登录，每台设备限答一次）"), required=False
    )
    results_public = forms.BooleanField(label=_("调查结束后公开结果"), required=False)

    def clean(self):
        data = super().clean()
        opens_at, closes_at = data.get("opens_at"), data.get("closes_at")
        if opens_at and closes_at and closes_at <= opens_at:
            self.add_error("closes_at", _("截止时间必须晚于开始时间。"))
        return data


class SectionForm(forms.Form):
    title = forms.CharField(label=_("分组标题"), max_length=120)


class QuestionForm(forms.Form):
    section = forms.TypedChoiceField(label=_("所属分组"), coerce=int, required=False)
    kind = forms.ChoiceField(label=_("题型"), choices=SurveyQuestion.Kind.choices)
    text = forms.CharField(label=_("题目"), max_length=300)
    required = forms.BooleanField(label=_("必答"), required=False, initial=True)
    choices = forms.CharField(
        label=_("选项（选择题填写，每行一个）"),
        max_length=6000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    scale_max = forms.IntegerField(
        label=_("最高分（评分题）"), min_value=2, max_value=MAX_SCALE, initial=DEFAULT_SCALE
    )

    def __init__(self, *args, sections=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].choices = [
            (section.pk, section.title or _("（未命名分组）")) for section in sections
        ]
        if not self.fields["section"].choices:
            del self.fields["section"]

    def clean_choices(self):
        return [line.strip() for line in self.cleaned_data["choices"].splitlines() if line.strip()]


class ModerationForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("审核结果"),
        choices=[("pass", _("公开")), ("reject", _("不予公开"))],
        widget=forms.RadioSelect,
    )
    text = forms.CharField(
        label=_("公开内容（已遮盖个人信息，可修改）"),
        max_length=MAX_ANSWER_TEXT,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


def field_name(question: SurveyQuestion) -> str:
    return f"q{question.pk}"


class AnswerForm(forms.Form):
    """The questionnaire: one field per question, in the order of `sections`.

    `disabled` renders the preview: the same fields, nothing to submit.
    """

    submission_token = SubmissionTokenField()

    def __init__(self, *args, sections=(), disabled=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = []
        for section in sections:
            for question in section.questions.all():
                field = self.make_field(question)
                field.disabled = disabled
                self.fields[field_name(question)] = field
                self.questions.append(question)

    @staticmethod
    def make_field(question: SurveyQuestion) -> forms.Field:
        options = {"label": question.text, "required": question.required}
        choices = [(str(choice.pk), choice.text) for choice in question.choices.all()]
        if question.kind == SurveyQuestion.Kind.SINGLE:
            return forms.ChoiceField(choices=choices, widget=forms.RadioSelect, **options)
        if question.kind == SurveyQuestion.Kind.MULTIPLE:
            return forms.MultipleChoiceField(
                choices=choices, widget=forms.CheckboxSelectMultiple, **options
            )
        if question.kind == SurveyQuestion.Kind.RATING:
            scores = [(str(score), str(score)) for score in range(1, question.scale_max + 1)]
            return forms.TypedChoiceField(
                choices=scores,
                coerce=int,
                empty_value=None,
                widget=forms.RadioSelect(attrs={"class": "survey-rating"}),
                **options,
            )
        return forms.CharField(
            max_length=MAX_ANSWER_TEXT, widget=forms.Textarea(attrs={"rows": 3}), **options
        )

    def sectioned(self, sections):
        """Pairs of (section, its bound fields), for the template."""
        return [
            (section, [self[field_name(question)] for question in section.questions.all()])
            for section in sections
        ]

    def answers(self) -> dict[int, object]:
        """The cleaned answers by question id, as `survey_answer` takes them."""
        values = {}
        for question in self.questions:
            value = self.cleaned_data.get(field_name(question))
            if question.kind == SurveyQuestion.Kind.SINGLE:
                value = [int(value)] if value else []
            elif question.kind == SurveyQuestion.Kind.MULTIPLE:
                value = [int(choice) for choice in value or ()]
            values[question.pk] = value
        return values
