"""A refused upload says why in words: what the content is not, or what may be uploaded."""

import pytest
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from portal.uploads import DOCUMENT_TYPES, IMAGE_TYPES, check_upload


def refusal_text(name: str, content: bytes, allowed: dict[str, str]) -> str:
    with pytest.raises(forms.ValidationError) as refused:
        check_upload(SimpleUploadedFile(name, content), allowed)
    return " ".join(refused.value.messages)


def test_a_file_named_pdf_that_is_not_one_says_so():
    text = refusal_text("申请书.pdf", b"MZ\x90\x00 not a pdf", DOCUMENT_TYPES)
    assert "文件内容不是 PDF" in text and "docx" not in text


def test_an_unaccepted_kind_lists_what_may_be_uploaded_in_words():
    text = refusal_text("setup.exe", b"MZ\x90\x00 program", IMAGE_TYPES | DOCUMENT_TYPES)
    assert "setup.exe" in text
    assert "图片、PDF、Word 文档、Excel 表格、PowerPoint 演示文稿" in text


def test_the_list_of_kinds_reads_as_english_in_english():
    with translation.override("en"):
        text = refusal_text("setup.exe", b"MZ\x90\x00 program", IMAGE_TYPES | DOCUMENT_TYPES)
    assert "only images, PDF, Word documents, Excel spreadsheets" in text
    assert "、" not in text
