"""Notice documents in the reader's language (issue 18, part 5): the number and the PDF are
made when they are read, not frozen when the notice was issued."""

import io

import pytest
from django.utils import translation
from pypdf import PdfReader

from supervision.models import Notice
from supervision.services import documents, sweep
from tests.factories import DepartmentFactory
from tests.supervision.factories import at, start_clock

pytestmark = pytest.mark.django_db


@pytest.fixture
def notice():
    start_clock(limit=5, department=DepartmentFactory(name="县市场监督管理局"))
    sweep.sweep_clocks(now=at("2026-10-10 09:00"))
    return Notice.objects.get(level=Notice.Level.URGE)


def test_the_notice_number_follows_the_readers_language(notice):
    with translation.override("zh-hans"):
        assert notice.number == f"催办〔2026〕第{notice.pk:04d}号"
    with translation.override("en"):
        assert notice.number == f"Reminder No. 2026-{notice.pk:04d}"


def _pdf_text(notice) -> str:
    reader = PdfReader(io.BytesIO(documents.notice_pdf(notice)))
    return "".join(page.extract_text() for page in reader.pages)


def test_the_notice_document_is_printed_in_the_readers_language(notice):
    with translation.override("en"):
        text = _pdf_text(notice)
    assert f"Reminder No. 2026-{notice.pk:04d}" in text
    assert "县市场监督管理局:" in text
    assert "年" not in text
