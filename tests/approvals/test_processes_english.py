"""Workflow step names in the reader's language (issue 18, part 5): the usual names are msgids,
a name an admin typed is shown as typed."""

import pytest
from django.utils import translation

from approvals.models import ProcessStep
from tests.approvals.factories import ProcessFactory

pytestmark = pytest.mark.django_db


def test_a_usual_step_name_is_shown_in_the_readers_language():
    step = ProcessFactory().steps.get(kind=ProcessStep.Kind.ACCEPT)
    step.name = "窗口受理"
    with translation.override("en"):
        assert step.label == "Acceptance at the window"
        assert str(step) == "1. Acceptance at the window"
    with translation.override("zh-hans"):
        assert step.label == "窗口受理"


def test_a_step_name_an_admin_typed_is_shown_as_typed():
    step = ProcessFactory().steps.get(kind=ProcessStep.Kind.ACCEPT)
    step.name = "窗口受理（含预审）"
    with translation.override("en"):
        assert step.label == "窗口受理（含预审）"
