"""Remove what a file says about its author before it is stored (信访工作条例: a reporter's
identity never reaches the unit reported on — and a phone photo or a Word file carries a name,
a phone number or a GPS position in its metadata).

`clean(content, mime)` returns the file's bytes without metadata, or raises `Uncleanable` with a
message for the citizen when the file cannot be read or cleaned (then it is refused, never kept):
- images are decoded and encoded anew from their pixels alone (EXIF, XMP, IPTC, ICC, PNG text
  chunks and GIF comments all stay behind); the picture is first turned upright, since the EXIF
  orientation that said how to show it goes too; an image over `UPLOAD_MAX_PIXELS` is refused
  before it is decoded (a small PNG can unpack to gigabytes);
- Office files (docx, xlsx, pptx) get empty core, app and custom properties, and the author names
  of comments and tracked changes are blanked;
- PDFs are rewritten page by page without the Info dictionary, XMP streams or annotation authors;
- MP3 and MP4 lose their tags.
"""

import io
import re
import zipfile

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, ImageSequence

IMAGE_FORMATS = {"image/jpeg": "JPEG", "image/png": "PNG", "image/gif": "GIF", "image/webp": "WEBP"}
OFFICE_TYPES = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
}
# An Office file is a zip: refuse one that would unpack past this (a zip bomb) or has absurdly
# many parts.
OFFICE_MAX_UNPACKED = 200 * 1024 * 1024
OFFICE_MAX_PARTS = 5_000

EMPTY_CORE = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
    b'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"/>'
)
EMPTY_APP = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"/>'
)
EMPTY_CUSTOM = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"/>'
)
EMPTY_PARTS = {
    "docProps/core.xml": EMPTY_CORE,
    "docProps/app.xml": EMPTY_APP,
    "docProps/custom.xml": EMPTY_CUSTOM,
}
# Who wrote a comment or a tracked change: Word's w:author/w:initials and its people part,
# Excel's <author> and persons, PowerPoint's comment authors (whose `name` is the person's).
AUTHOR_ATTRIBUTE = re.compile(rb'\b((?:\w+:)?(?:author|initials|userId|displayName))="[^"]*"')
PERSON_NAME_ATTRIBUTE = re.compile(rb'\b(name)="[^"]*"')
PERSON_NAME_PARTS = {"ppt/commentAuthors.xml", "ppt/authors.xml"}
AUTHOR_ELEMENT = re.compile(rb"<author>[^<]*</author>")
AUTHOR_PARTS = re.compile(
    r"^(word/(document|comments\w*|people|footnotes|endnotes|header\d*|footer\d*)\.xml"
    r"|xl/comments\d*\.xml|xl/threadedComments/.*\.xml|xl/persons/.*\.xml"
    r"|ppt/commentAuthors\.xml|ppt/authors\.xml)$"
)


class Uncleanable(Exception):
    """The file cannot be read or stripped of its metadata; `message` says so to the citizen."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def clean(content: bytes, mime: str) -> bytes:
    """Return `content` without its metadata; raise `Uncleanable` if that cannot be done."""
    if mime in IMAGE_FORMATS:
        return clean_image(content, IMAGE_FORMATS[mime])
    if mime in OFFICE_TYPES:
        return clean_office(content)
    if mime == "application/pdf":
        return clean_pdf(content)
    if mime in ("audio/mpeg", "video/mp4"):
        return clean_media(content)
    raise Uncleanable(_("无法清除该类型文件中的个人信息，请改用图片、PDF 或 Word 文件。"))


def clean_image(content: bytes, image_format: str) -> bytes:
    try:
        with Image.open(io.BytesIO(content)) as image:
            width, height = image.size
            if width * height > settings.UPLOAD_MAX_PIXELS:
                raise Uncleanable(too_large())
            frames, durations = [], []
            for frame in ImageSequence.Iterator(image):
                frames.append(pixels_only(frame))
                durations.append(frame.info.get("duration", 100))
    except Image.DecompressionBombError as error:
        raise Uncleanable(too_large()) from error
    except (OSError, ValueError, SyntaxError) as error:
        raise Uncleanable(_("图片文件已损坏或无法读取，请重新导出后再上传。")) from error
    out = io.BytesIO()
    first = frames[0]
    if image_format == "JPEG":
        if first.mode not in ("RGB", "L", "CMYK"):
            first = first.convert("RGB")
        first.save(out, format="JPEG", quality=90)
    elif image_format == "GIF" and len(frames) > 1:
        first.save(out, format="GIF", save_all=True, append_images=frames[1:], duration=durations)
    else:
        first.save(out, format=image_format)
    return out.getvalue()


def too_large() -> str:
    return _("图片尺寸过大（超过 %(limit)s 万像素），请缩小后再上传。") % {
        "limit": settings.UPLOAD_MAX_PIXELS // 10_000
    }


def pixels_only(frame: Image.Image) -> Image.Image:
    """Copy a frame's pixels (and palette), upright, into a new image that carries no `info`."""
    # The EXIF orientation says how to show the picture; it goes with the rest of EXIF.
    upright = ImageOps.exif_transpose(frame)
    copy = Image.new(upright.mode, upright.size)
    copy.paste(upright)
    if upright.mode == "P" and upright.palette is not None:
        copy.putpalette(upright.getpalette())
    return copy


def clean_office(content: bytes) -> bytes:
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as source:
            parts = source.infolist()
            if (
                len(parts) > OFFICE_MAX_PARTS
                or sum(part.file_size for part in parts) > OFFICE_MAX_UNPACKED
            ):
                raise Uncleanable(_("文件解压后过大，无法检查，请另存为较小的文件后再上传。"))
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
                for part in parts:
                    data = EMPTY_PARTS.get(part.filename) or source.read(part)
                    if AUTHOR_PARTS.match(part.filename):
                        data = AUTHOR_ATTRIBUTE.sub(rb'\1=""', data)
                        data = AUTHOR_ELEMENT.sub(b"<author></author>", data)
                    if part.filename in PERSON_NAME_PARTS:
                        data = PERSON_NAME_ATTRIBUTE.sub(rb'\1=""', data)
                    target.writestr(part.filename, data)
    except Uncleanable:
        raise
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, ValueError) as error:
        raise Uncleanable(_("文件已损坏或已加密，无法读取，请重新保存后再上传。")) from error
    return out.getvalue()


def clean_pdf(content: bytes) -> bytes:
    from pypdf import PdfReader, PdfWriter
    from pypdf.errors import PyPdfError
    from pypdf.generic import NameObject

    try:
        reader = PdfReader(io.BytesIO(content))
        if reader.is_encrypted:
            raise Uncleanable(_("PDF 文件已加密，无法检查，请去除密码后再上传。"))
        writer = PdfWriter()
        for page in reader.pages:
            added = writer.add_page(page)
            for key in ("/Metadata", "/PieceInfo"):
                added.pop(NameObject(key), None)
            for annotation in added.get("/Annots") or []:
                annotation = annotation.get_object()
                for key in ("/T", "/Popup"):
                    annotation.pop(NameObject(key), None)
        writer.metadata = None
        out = io.BytesIO()
        writer.write(out)
    except Uncleanable:
        raise
    except (PyPdfError, OSError, ValueError, KeyError, TypeError, RecursionError) as error:
        raise Uncleanable(_("PDF 文件已损坏，无法读取，请重新导出后再上传。")) from error
    return out.getvalue()


def clean_media(content: bytes) -> bytes:
    import mutagen

    buffer = io.BytesIO(content)
    try:
        media = mutagen.File(buffer)
        if media is not None and media.tags is not None:
            buffer.seek(0)
            media.delete(buffer)
    except mutagen.MutagenError as error:
        raise Uncleanable(_("音视频文件已损坏，无法读取，请重新导出后再上传。")) from error
    return buffer.getvalue()
