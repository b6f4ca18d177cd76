"""A whistleblower's files reach the handling department without the whistleblower's identity:
the photo's EXIF and GPS and the Word file's properties are gone before anything is stored."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from petitions.models import Attachment, Complaint
from tests.uploads import (
    docx_with_markers,
    huge_png,
    jpeg_with_markers,
    marked,
    stored_files,
    zip_bomb_docx,
)

pytestmark = pytest.mark.django_db


def _file(client, category, *uploads):
    data = {
        "category": category.pk,
        "title": "市场局工作人员收受超市好处",
        "content": "附上照片和情况说明。",
        "is_anonymous": "on",
        "contact_method": "none",
        "attachments": list(uploads),
    }
    return client.post(reverse("petitions:file"), data)


@pytest.fixture
def filed(client, routed_category, hotline_department):
    """A complaint filed through the public form with a marked photo and a marked Word file."""
    photo = SimpleUploadedFile("现场.jpg", jpeg_with_markers(), content_type="image/jpeg")
    letter = SimpleUploadedFile("情况说明.docx", docx_with_markers())
    assert marked(photo.read()) and marked(letter.read())
    photo.seek(0), letter.seek(0)
    assert _file(client, routed_category, photo, letter).status_code == 302
    return Complaint.objects.get()


def test_the_stored_attachments_carry_no_marker(filed, settings):
    attachments = Attachment.objects.filter(complaint=filed)
    assert sorted(item.original_name for item in attachments) == ["情况说明.docx", "现场.jpg"]
    files = stored_files(settings.MEDIA_ROOT)
    assert len(files) == 2
    for path in files:
        assert not marked(path.read_bytes()), path.name


def test_the_handling_department_downloads_files_without_a_marker(client, filed, clerk):
    client.force_login(clerk)
    for item in Attachment.objects.filter(complaint=filed):
        response = client.get(reverse("petitions:attachment", args=[item.pk]))
        assert response.status_code == 200
        assert not marked(b"".join(response.streaming_content)), item.original_name


def test_the_photo_is_still_the_picture_turned_upright(filed):
    photo = Attachment.objects.get(complaint=filed, original_name="现场.jpg")
    with photo.file.open("rb") as handle, Image.open(handle) as image:
        assert image.size == (20, 40) and not image.getexif()
    assert photo.content_type == "image/jpeg" and photo.size == photo.file.size


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (jpeg_with_markers()[:300], "图片文件已损坏"),
        (huge_png(20_000, 20_000), "图片尺寸过大"),
        (zip_bomb_docx(), "解压后过大"),
    ],
)
def test_a_file_that_cannot_be_cleaned_is_refused_and_nothing_is_stored(
    client, routed_category, hotline_department, settings, content, message
):
    response = _file(client, routed_category, SimpleUploadedFile("证据.png", content))

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Complaint.objects.exists() and not Attachment.objects.exists()
    assert not stored_files(settings.MEDIA_ROOT)
