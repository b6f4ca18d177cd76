"""The form tags write the markup `|crispy` gives (portal/templatetags/form_tags.py)."""

import pytest
from django import forms
from django.template import engines
from django.test.html import parse_html

from portal.models import Department
from portal.templatetags.form_tags import form_field, form_fields
from tests.factories import DepartmentFactory

CRISPY = engines["django"].from_string("{% load crispy_forms_tags %}{{ form|crispy }}")


class EveryKind(forms.Form):
    name = forms.CharField(label="姓名", max_length=4, help_text="真实姓名")
    note = forms.CharField(label="说明", widget=forms.Textarea(attrs={"rows": 2}), required=False)
    unit = forms.ChoiceField(label="部门", choices=[("", "全部"), ("a", "甲"), ("b", "乙")])
    level = forms.ChoiceField(
        label="评价", choices=[("1", "满意"), ("2", "不满意")], widget=forms.RadioSelect
    )
    day = forms.DateField(label="日期", widget=forms.DateInput(attrs={"type": "date"}))
    agree = forms.BooleanField(label="同意", required=False)
    topics = forms.MultipleChoiceField(
        label="类别",
        choices=[("x", "X"), ("y", "Y")],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    token = forms.CharField(widget=forms.HiddenInput, required=False)

    def clean(self):
        raise forms.ValidationError("整张表不对")


def test_an_empty_form_is_written_as_crispy_writes_it():
    form = EveryKind()
    assert parse_html(form_fields(form)) == parse_html(CRISPY.render({"form": form}))


def test_a_refused_form_is_written_as_crispy_writes_it_with_its_errors():
    form = EveryKind({"name": "太长的名字啊", "unit": "z", "level": "1", "day": "昨天"})
    assert not form.is_valid()
    assert parse_html(form_fields(form)) == parse_html(CRISPY.render({"form": form}))
    assert "<li>整张表不对</li>" in form_fields(form)


def test_the_error_of_a_list_of_choices_follows_the_list_and_shows():
    form = EveryKind({"level": "9"})
    form.is_valid()
    html = form_field(form["level"])
    assert '<fieldset aria-describedby="id_level_error">' in html
    assert html.index('for="id_level_1"') < html.index('id="id_level_error"')
    assert '<div id="id_level_error" class="invalid-feedback d-block">' in html


@pytest.mark.django_db
def test_a_list_of_units_is_read_in_one_query(django_assert_num_queries):
    DepartmentFactory(name="市场监管局", code="market")
    DepartmentFactory(name="民政局", code="civil")

    class UnitForm(forms.Form):
        unit = forms.ModelChoiceField(label="部门", queryset=Department.objects.order_by("code"))

    with django_assert_num_queries(1):
        html = form_field(UnitForm({"unit": ""})["unit"])
    assert '<option value="" selected>---------</option>' in html
    assert "民政局</option>" in html and "市场监管局</option>" in html


class Plain(forms.Form):
    title = forms.CharField(max_length=20, disabled=True)
    body = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}))
    days = forms.IntegerField(min_value=1, required=False)
    mail = forms.EmailField(required=False)
    token = forms.CharField(widget=forms.HiddenInput, initial='a"b')


@pytest.mark.parametrize("name", ["title", "body", "days", "mail", "token"])
@pytest.mark.parametrize(
    "data", [None, {"title": '"<甲>"&', "body": "第一行\n</textarea><b>", "days": "3", "mail": "x"}]
)
def test_an_input_or_textarea_is_written_as_djangos_templates_write_it(name, data):
    form = Plain(data)
    form.is_valid()
    field = form[name]
    attrs = (
        {}
        if field.is_hidden
        else {"class": type(field.field.widget).__name__.lower() + " form-control"}
    )
    if field.errors and not field.is_hidden:
        attrs["class"] += " is-invalid"
        attrs["aria-describedby"] = f"{field.auto_id}_error"
    assert str(field.as_widget(attrs=attrs)) in form_field(field)
