"""Uploads lose every field that can name their author: markers planted in each come out nowhere."""

import io

import pytest
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from portal import file_metadata
from portal.uploads import clean_upload
from tests.uploads import (
    MARKERS,
    assert_no_marker,
    docx_with_markers,
    gif_with_markers,
    huge_png,
    jpeg_with_markers,
    mp3_with_markers,
    pdf_with_markers,
    png_with_markers,
    unpacked,
    uploaded,
    webp_with_markers,
)


@pytest.mark.parametrize(
    ("make", "name"),
    [
        (jpeg_with_markers, "photo.jpg"),
        (png_with_markers, "shot.png"),
        (gif_with_markers, "anim.gif"),
        (webp_with_markers, "pic.webp"),
        (pdf_with_markers, "letter.pdf"),
        (mp3_with_markers, "call.mp3"),
    ],
)
def test_uploads_keep_no_marker_of_their_author(make, name):
    original = make()
    assert any(marker.encode() in original for marker in MARKERS)

    clean = clean_upload(uploaded(original, name)).read()

    assert_no_marker(clean)


def test_a_word_file_keeps_its_text_but_no_property_or_author():
    original = docx_with_markers()
    upload = SimpleUploadedFile("letter.docx", original)
    upload.detected_type = next(iter(file_metadata.OFFICE_TYPES))

    clean = clean_upload(upload).read()

    assert_no_marker(clean)
    assert_no_marker(unpacked(clean))
    assert "正文".encode() in unpacked(clean)


def test_a_pdf_is_still_a_readable_pdf_without_metadata():
    from pypdf import PdfReader

    clean = clean_upload(uploaded(pdf_with_markers(), "letter.pdf")).read()

    reader = PdfReader(io.BytesIO(clean))
    assert len(reader.pages) == 1
    assert not reader.metadata
    assert reader.xmp_metadata is None


def test_a_photo_is_turned_upright_when_its_orientation_goes():
    clean = clean_upload(uploaded(jpeg_with_markers(), "photo.jpg"))

    with Image.open(clean) as image:
        assert image.size == (20, 40)
        assert not image.getexif()


def test_an_animated_gif_keeps_its_frames():
    clean = clean_upload(uploaded(gif_with_markers(), "anim.gif"))

    with Image.open(clean) as image:
        assert image.n_frames == 2


def test_a_20000_pixel_square_image_is_refused_before_it_is_decoded():
    with pytest.raises(forms.ValidationError) as refusal:
        clean_upload(uploaded(huge_png(20_000, 20_000), "bomb.png"))

    assert "尺寸过大" in str(refusal.value.message % refusal.value.params)


def test_a_truncated_photo_is_refused_with_a_message():
    truncated = jpeg_with_markers()[:300]

    with pytest.raises(forms.ValidationError) as refusal:
        clean_upload(uploaded(truncated, "photo.jpg"))

    assert "已损坏" in str(refusal.value.message % refusal.value.params)


def test_an_office_file_that_is_not_a_zip_is_refused():
    upload = SimpleUploadedFile("letter.docx", b"PK\x03\x04" + b"\x00" * 100)
    upload.detected_type = next(iter(file_metadata.OFFICE_TYPES))

    with pytest.raises(forms.ValidationError):
        clean_upload(upload)


def test_an_encrypted_pdf_is_refused():
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=100, height=100)
    writer.encrypt("secret")
    out = io.BytesIO()
    writer.write(out)

    with pytest.raises(forms.ValidationError) as refusal:
        clean_upload(uploaded(out.getvalue(), "locked.pdf"))

    assert "加密" in str(refusal.value.message % refusal.value.params)
