"""Choice labels without translating every choice of a field on each call (issue 21).

Django's `get_<field>_display()` builds a dict of the field's choices on every call and hashes
each lazy label on the way, which translates it: a page of 30 complaints showing two choice
fields paid some 700 translations for 60 labels. At start-up each `get_<field>_display` Django
made is replaced by one that builds the dict once per field. The labels in it stay lazy, so each
call still answers in the language of its request.
"""

from functools import partialmethod

from django.apps import apps
from django.db.models import Model
from django.utils.encoding import force_str
from django.utils.hashable import make_hashable

# Per field, its choices as {value: lazy label}, built on first use.
_labels: dict = {}


def choice_display(instance: Model, *, field) -> str:
    """Return the label of the field's value, or the value when it is not a choice."""
    labels = _labels.get(field)
    if labels is None:
        labels = _labels[field] = dict(make_hashable(field.flatchoices))
    value = getattr(instance, field.attname)
    return force_str(labels.get(make_hashable(value), value), strings_only=True)


def install() -> None:
    """Replace the `get_<field>_display` methods Django made (never one a model wrote itself)."""
    for model in apps.get_models(include_auto_created=True):
        for field in model._meta.local_fields:
            name = f"get_{field.name}_display"
            made = model.__dict__.get(name)
            if isinstance(made, partialmethod) and made.func is Model._get_FIELD_display:
                setattr(model, name, partialmethod(choice_display, field=field))
