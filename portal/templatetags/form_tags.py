"""Form fields in the markup crispy-forms' Bootstrap 5 pack gives them, written from Python.

`|crispy` renders a template per field and per choice. Pages that show several small forms on
every visit (the staff complaint page, the dashboard's filters, the citizen's case page) spent
more on it than on the rest of the page (issue 21). These tags give the same markup, so a form
looks and reads the same either way; forms on pages of their own keep `|crispy`. One change:
the error of a list of choices follows the list, where crispy puts it inside the last choice.

`{% form_fields form %}` writes the non-field errors and every field; `{% form_field field %}`
one field.
"""

from django import forms, template
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

register = template.Library()


def _choices(field: forms.Field) -> list:
    """The field's choices; a model's rows in one query, not the server-side cursor that
    `ModelChoiceIterator` opens on PostgreSQL (three round trips)."""
    if not isinstance(field, forms.ModelChoiceField):
        return list(field.choices)
    empty = [] if field.empty_label is None else [("", field.empty_label)]
    return empty + [
        (field.prepare_value(row), field.label_from_instance(row)) for row in field.queryset
    ]


def _errors(field, *, block: bool = False) -> str:
    if not field.errors:
        return ""
    return format_html(
        '<div id="{}_error" class="invalid-feedback{}">{}</div>',
        field.auto_id,
        " d-block" if block else "",
        format_html_join(
            "",
            '<p id="error_{}_{}"><strong>{}</strong></p>',
            ((index, field.auto_id, error) for index, error in enumerate(field.errors, 1)),
        ),
    )


def _help(field) -> str:
    if not field.help_text:
        return ""
    return format_html(
        '<div id="{}_helptext" class="form-text">{}</div>', field.auto_id, field.help_text
    )


def _required_mark(field) -> tuple[str, str]:
    """The label's class suffix and the asterisk of a required field."""
    if not field.field.required:
        return "", ""
    return " requiredField", mark_safe('<span class="asteriskField">*</span>')


def _select(field, attrs: dict) -> str:
    # The options straight to markup: Django renders a template per option (a list of forty
    # units took longer than the rest of the form).
    value = field.value()
    chosen = "" if value is None else str(value)
    options = format_html_join(
        "",
        '<option value="{}"{}>{}</option>',
        (
            (key, " selected" if str(key) == chosen else "", label)
            for key, label in _choices(field.field)
        ),
    )
    attrs = field.build_widget_attrs({**field.field.widget.attrs, **attrs, "id": field.auto_id})
    return format_html('<select name="{}"{}>{}</select>', field.html_name, flatatt(attrs), options)


# Django's widget templates that are `input.html` and nothing else, and its textarea: written
# here as those templates write them (each template render cost more than the rest of a field).
_INPUT_TEMPLATES = {
    f"django/forms/widgets/{name}.html"
    for name in (
        "text",
        "number",
        "email",
        "url",
        "tel",
        "password",
        "search",
        "date",
        "time",
        "hidden",
    )
}
_TEXTAREA_TEMPLATE = "django/forms/widgets/textarea.html"


def _attrs(attrs: dict) -> str:
    """Attributes as `django/forms/widgets/attrs.html` writes them (False: left out; True: bare)."""
    return format_html_join(
        "",
        " {}{}",
        (
            (name, "" if value is True else format_html('="{}"', value))
            for name, value in attrs.items()
            if value is not False
        ),
    )


def _widget(field, attrs: dict) -> str:
    """`field.as_widget(attrs=attrs)`, without a template for a plain input or a textarea."""
    widget = field.field.widget
    plain = widget.template_name in _INPUT_TEMPLATES or widget.template_name == _TEXTAREA_TEMPLATE
    if not plain or field.field.localize:
        return field.as_widget(attrs=attrs)
    # What `BoundField.as_widget` hands the template.
    attrs = field.build_widget_attrs(attrs, widget)
    if field.auto_id and "id" not in widget.attrs:
        attrs.setdefault("id", field.auto_id)
    context = widget.get_context(field.html_name, field.value(), attrs)["widget"]
    if widget.template_name == _TEXTAREA_TEMPLATE:
        return format_html(
            '<textarea name="{}"{}>\n{}</textarea>',
            context["name"],
            _attrs(context["attrs"]),
            context["value"] or "",
        )
    value = "" if context["value"] is None else format_html(' value="{}"', context["value"])
    return format_html(
        '<input type="{}" name="{}"{}{}>',
        context["type"],
        context["name"],
        value,
        _attrs(context["attrs"]),
    )


def _control(field) -> str:
    """The widget with the classes crispy gives it (`textarea form-control`, `select form-select`)."""
    widget = field.field.widget
    select = isinstance(widget, forms.Select) and not widget.allow_multiple_selected
    attrs = {
        "class": type(widget).__name__.lower() + (" form-select" if select else " form-control")
    }
    if field.errors:
        attrs["class"] += " is-invalid"
        help_id = f"{field.auto_id}_helptext " if field.help_text else ""
        attrs["aria-describedby"] = f"{help_id}{field.auto_id}_error"
    return _select(field, attrs) if select else _widget(field, attrs)


def _choice_list(field) -> str:
    """Radio buttons or check boxes in a fieldset whose legend is the label."""
    label_class, asterisk = _required_mark(field)
    invalid = bool(field.errors)
    required = field.field.required and field.field.widget.input_type == "radio"
    boxes = format_html_join(
        "",
        '<div class="form-check"><input type="{}" class="form-check-input{}" name="{}" value="{}"'
        ' id="{}"{}{}{}> <label for="{}" class="form-check-label">{}</label></div>',
        (
            (
                option.data["type"],
                " is-invalid" if invalid else "",
                field.html_name,
                option.data["value"],
                option.id_for_label,
                " checked" if option.data["selected"] else "",
                " required" if required else "",
                mark_safe(' aria-invalid="true"') if invalid else "",
                option.id_for_label,
                option.choice_label,
            )
            for option in field.subwidgets
        ),
    )
    return format_html(
        '<fieldset{}><legend class="form-label{} fs-6">{}{}</legend><div>{}{}</div></fieldset>',
        format_html(' aria-describedby="{}_error"', field.auto_id) if invalid else "",
        label_class,
        field.label,
        asterisk,
        boxes,
        _errors(field, block=True),
    )


def _checkbox(field) -> str:
    attrs = {"class": "checkboxinput form-check-input" + (" is-invalid" if field.errors else "")}
    label_class, asterisk = _required_mark(field)
    return format_html(
        '<div id="div_{}" class="form-check">{}<label for="{}" class="form-check-label{}">{}{}</label>'
        "{}</div>",
        field.auto_id,
        field.as_widget(attrs=attrs),
        field.id_for_label,
        label_class,
        field.label,
        asterisk,
        _errors(field),
    )


@register.simple_tag
def form_field(field) -> str:
    """One field: its label (a legend for a list of choices), control, errors and help."""
    widget = field.field.widget
    if widget.is_hidden:
        return str(field) if field.field.show_hidden_initial else _widget(field, {})
    if isinstance(widget, forms.CheckboxInput):
        return format_html('<div class="mb-3">{}{}</div>', _checkbox(field), _help(field))
    if isinstance(widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
        body = _choice_list(field)
    else:
        label_class, asterisk = _required_mark(field)
        body = format_html(
            '<label for="{}" class="form-label{}">{}{}</label>{}{}',
            field.id_for_label,
            label_class,
            field.label,
            asterisk,
            _control(field),
            _errors(field),
        )
    return format_html(
        '<div id="div_{}" class="mb-3">{}{}</div>', field.auto_id, body, _help(field)
    )


@register.simple_tag
def form_fields(form) -> str:
    """The form's errors that belong to no field, then every field."""
    errors = ""
    if form.non_field_errors():
        errors = format_html(
            '<div class="alert alert-block alert-danger"><ul class="m-0">{}</ul></div>',
            format_html_join("", "<li>{}</li>", ((error,) for error in form.non_field_errors())),
        )
    return mark_safe(errors + "".join(form_field(field) for field in form))
