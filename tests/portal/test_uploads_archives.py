"""Office files (zips) are checked from their directory before any part is unpacked: a zip
bomb, a crafted path or a directory that lies about sizes is a form error, never a 500."""

import io
import struct
import zipfile

import pytest
from django import forms

from portal import archives
from portal.uploads import DOCUMENT_TYPES, accept_upload
from tests.uploads import office_zip, uploaded, zip_bomb_docx


def refusal_text(content: bytes) -> str:
    with pytest.raises(forms.ValidationError) as refusal:
        accept_upload(uploaded(content, "letter.docx"), allowed=DOCUMENT_TYPES)
    return str(refusal.value.message % refusal.value.params)


def test_a_zip_bomb_word_file_is_refused_by_its_ratio():
    bomb = zip_bomb_docx()
    assert len(bomb) < 100 * 1024

    assert "解压后过大" in refusal_text(bomb)


def test_a_word_file_that_unpacks_past_the_total_limit_is_refused(monkeypatch):
    monkeypatch.setattr(archives, "MAX_UNPACKED", 10_000)
    parts = {f"word/media/image{n}.png": bytes(range(256)) * 10 for n in range(5)}

    assert "解压后过大" in refusal_text(office_zip(parts))


def test_a_word_file_of_countless_parts_is_refused(monkeypatch):
    monkeypatch.setattr(archives, "MAX_PARTS", 10)
    parts = {f"word/part{n}.xml": b"<a/>" for n in range(10)}

    assert "解压后过大" in refusal_text(office_zip(parts))


@pytest.mark.parametrize(
    "name", ["../../etc/cron.d/job", "/etc/passwd", "word\\..\\..\\evil.xml", "C:/evil.xml"]
)
def test_a_part_with_a_crafted_path_is_refused(name):
    assert "结构异常" in refusal_text(office_zip({name: b"<a/>"}))


def test_two_parts_of_one_name_are_refused():
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns of the duplicate it is told to write
        content = office_zip({"word/document.xml": b"<b/>"})

    assert "结构异常" in refusal_text(content)


def test_a_part_that_unpacks_past_its_declared_size_is_refused_without_unpacking_it():
    content = bytearray(office_zip({"word/media/big.bin": bytes(5 * 1024 * 1024)}))
    # Declare 1,000 bytes for the big part in its local header and in the directory.
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = content.rfind(signature)
        struct.pack_into("<I", content, start + offset, 1_000)
    with zipfile.ZipFile(io.BytesIO(bytes(content))) as archive:
        assert archive.getinfo("word/media/big.bin").file_size == 1_000

    assert "已损坏" in refusal_text(bytes(content))


def test_an_ordinary_word_file_is_accepted():
    parts = {"word/media/image1.png": bytes(range(256)) * 400}

    clean = accept_upload(uploaded(office_zip(parts), "letter.docx"), allowed=DOCUMENT_TYPES)

    with zipfile.ZipFile(clean) as archive:
        assert archive.read("word/media/image1.png") == bytes(range(256)) * 400
