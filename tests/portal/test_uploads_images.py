"""Images are decoded under a pixel and memory cap: a truncated, damaged or oversized picture
is a form error in the user's language, decided from its header where it can be, never a 500."""

from pathlib import Path

import pytest
from django import forms
from django.conf import settings
from PIL import Image, ImageFile

from portal.uploads import IMAGE_TYPES, accept_upload
from tests.uploads import gif_with_markers, huge_png, jpeg_with_markers, png_file, uploaded

ROOT = Path(__file__).resolve().parents[2]


def refusal_text(content: bytes, name: str) -> str:
    with pytest.raises(forms.ValidationError) as refusal:
        accept_upload(uploaded(content, name), allowed=IMAGE_TYPES)
    return str(refusal.value.message % refusal.value.params)


def test_pillow_limits_are_set_from_the_settings_at_start_up():
    assert Image.MAX_IMAGE_PIXELS == settings.UPLOAD_MAX_PIXELS
    assert ImageFile.LOAD_TRUNCATED_IMAGES is False


@pytest.mark.parametrize(
    ("content", "name"),
    [
        (png_file((300, 200))[:-40], "cut.png"),
        (jpeg_with_markers()[:-120], "cut.jpg"),
        # A second frame cut short: Pillow raised IndexError and struct.error here, not OSError.
        (gif_with_markers()[:140], "cut.gif"),
        (gif_with_markers()[:146], "cut-again.gif"),
    ],
)
def test_a_truncated_image_is_a_form_error(content, name):
    assert "图片文件已损坏" in refusal_text(content, name)


def test_a_20000_pixel_square_png_is_refused_from_its_header_without_decoding(monkeypatch):
    decoded = []
    monkeypatch.setattr(ImageFile.ImageFile, "load", lambda image: decoded.append(image))

    message = refusal_text(huge_png(20_000, 20_000), "bomb.png")

    assert "图片尺寸过大（超过 5000 万像素）" in message
    assert decoded == []


def test_an_image_just_over_the_cap_is_refused_before_decoding(monkeypatch, settings):
    """Between the cap and twice the cap Pillow only warns: the cleaner refuses it itself."""
    settings.UPLOAD_MAX_PIXELS = 1_000
    decoded = []
    monkeypatch.setattr(ImageFile.ImageFile, "load", lambda image: decoded.append(image))

    assert "图片尺寸过大" in refusal_text(png_file((40, 40)), "over.png")
    assert decoded == []


def test_an_animation_counts_every_frame_against_the_cap(settings):
    settings.UPLOAD_MAX_PIXELS = 20 * 20 * 2 - 1

    assert "图片尺寸过大" in refusal_text(gif_with_markers(), "anim.gif")
