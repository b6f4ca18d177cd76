"""Uploaded files: checked by content and size, stripped of their metadata.

Every pillar that accepts files (complaint attachments, disclosure attachments, application
materials) uses these, so one rule decides what a file really is — never its name.
"""

import io

import filetype
from django import forms
from django.conf import settings
from django.core.files.uploadedfile import InMemoryUploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from portal import file_metadata

IMAGE_TYPES = {"image/jpeg": "jpg", "image/png": "png", "image/gif": "gif", "image/webp": "webp"}
DOCUMENT_TYPES = {
    "application/pdf": "pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": "pptx",
}
MEDIA_TYPES = {"audio/mpeg": "mp3", "video/mp4": "mp4"}
# What a citizen may attach to a complaint.
ALLOWED_TYPES = IMAGE_TYPES | DOCUMENT_TYPES | MEDIA_TYPES
# Each extension in the words a refusal uses.
KIND_WORDS = {
    "jpg": _("图片"),
    "png": _("图片"),
    "gif": _("图片"),
    "webp": _("图片"),
    "pdf": "PDF",
    "docx": _("Word 文档"),
    "xlsx": _("Excel 表格"),
    "pptx": _("PowerPoint 演示文稿"),
    "mp3": _("MP3 音频"),
    "mp4": _("MP4 视频"),
}


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else ([data] if data else [])
        return [super(MultipleFileField, self).clean(item, initial) for item in files]


def check_upload(upload, allowed: dict[str, str] = ALLOWED_TYPES) -> None:
    """Refuse a file over the size limit or whose content is not one of `allowed` (MIME → extension).

    Sets `upload.detected_type` to the MIME type found in the content.
    """
    if upload.size > settings.UPLOAD_MAX_BYTES:
        raise forms.ValidationError(
            _("文件“%(name)s”超过 %(limit)s 的大小限制。"),
            params={"name": upload.name, "limit": filesizeformat(settings.UPLOAD_MAX_BYTES)},
        )
    head = upload.read(8192)
    upload.seek(0)
    kind = filetype.guess(head)
    if kind is None or kind.mime not in allowed:
        raise refusal(upload.name, allowed)
    upload.detected_type = kind.mime


def refusal(name: str, allowed: dict[str, str]) -> forms.ValidationError:
    """Say in words why a file whose content is none of `allowed` is refused.

    A name that promises an accepted type ("x.pdf") hides other content: say that the content is
    not what the name says; otherwise say what may be uploaded.
    """
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    extension = "jpg" if extension == "jpeg" else extension
    if extension in allowed.values():
        return forms.ValidationError(
            _("文件“%(name)s”：文件内容不是 %(kind)s，可能已损坏或只是改了扩展名。"),
            params={"name": name, "kind": KIND_WORDS.get(extension, extension.upper())},
        )
    words = dict.fromkeys(str(KIND_WORDS.get(ext, ext.upper())) for ext in allowed.values())
    return forms.ValidationError(
        _("文件“%(name)s”不能上传：只接受%(kinds)s。"),
        # The separator of a list in running text: 、 in Chinese, a comma in English.
        params={"name": name, "kinds": str(pgettext_lazy("list separator", "、")).join(words)},
    )


def accept_upload(upload, allowed: dict[str, str] = ALLOWED_TYPES):
    """Check an upload and return it without metadata: what every form's `clean_<field>` calls."""
    check_upload(upload, allowed)
    return clean_upload(upload)


def clean_upload(upload):
    """Return the upload without metadata (see `portal.file_metadata`), or refuse it.

    Call after `check_upload` (it relies on `detected_type`). The original bytes are not kept:
    the returned file is what gets stored.
    """
    upload.seek(0)
    try:
        content = file_metadata.clean(upload.read(), upload.detected_type)
    except file_metadata.Uncleanable as refusal:
        raise forms.ValidationError(
            _("文件“%(name)s”：%(reason)s"), params={"name": upload.name, "reason": refusal.message}
        ) from refusal
    clean = InMemoryUploadedFile(
        io.BytesIO(content), "file", upload.name, upload.detected_type, len(content), None
    )
    clean.detected_type = upload.detected_type
    return clean
