"""Remove what a file says about its author before it is stored (信访工作条例: a reporter's
identity never reaches the unit reported on — and a phone photo or a Word file carries a name,
a phone number or a GPS position in its metadata).

`clean(content, mime)` returns the file's bytes without metadata, or raises `Uncleanable` with a
message for the citizen when the file cannot be read or cleaned (then it is refused, never kept):
- images are decoded and encoded anew from their pixels alone (EXIF, XMP, IPTC, ICC, PNG text
  chunks and GIF comments all stay behind); the picture is first turned upright, since the EXIF
  orientation that said how to show it goes too; an image over `UPLOAD_MAX_PIXELS` is refused
  before it is decoded (a small PNG can unpack to gigabytes), and so is a truncated or damaged
  one, whatever Pillow raises for it;
- Office files (docx, xlsx, pptx) are checked for a zip bomb first (`portal.archives`), then
  get empty core, app and custom properties, and the author names of comments and tracked
  changes are blanked;
- PDFs are rewritten page by page without the Info dictionary, XMP streams or annotation authors;
- MP3 and MP4 lose their tags.
"""

import io
import re
import threading
import zipfile

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageFile, ImageOps, ImageSequence

from portal import archives

IMAGE_FORMATS = {"image/jpeg": "JPEG", "image/png": "PNG", "image/gif": "GIF", "image/webp": "WEBP"}
# An animation is decoded frame by frame into memory: its frames count against the pixel cap, and
# a file of countless one-pixel frames is refused too.
IMAGE_MAX_FRAMES = 1_000
# One image decoded at a time per process: a worker's threads never hold several at once, so a
# worker's memory for images stays near 9 bytes × UPLOAD_MAX_PIXELS (two copies of the pixels).
DECODING = threading.Lock()
OFFICE_TYPES = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
}

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


def limit_decoding() -> None:
    """Set Pillow's limits for this process from the settings (called once, at start-up).

    Pillow warns past `MAX_IMAGE_PIXELS` and refuses to open past twice that; `clean_image`
    refuses past it before decoding. A truncated file is refused, never padded with grey.
    """
    Image.MAX_IMAGE_PIXELS = settings.UPLOAD_MAX_PIXELS
    ImageFile.LOAD_TRUNCATED_IMAGES = False


def clean_image(content: bytes, image_format: str) -> bytes:
    with DECODING:
        try:
            with Image.open(io.BytesIO(content)) as image:
                check_dimensions(image)
                if getattr(image, "n_frames", 1) == 1:
                    frames, durations = [pixels_only(image, in_place=True)], []
                else:
                    frames, durations = [], []
                    for frame in ImageSequence.Iterator(image):
                        frames.append(pixels_only(frame))
                        durations.append(frame.info.get("duration", 100))
            return encode(frames, durations, image_format)
        except Uncleanable:
            raise
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
            raise Uncleanable(too_large()) from error
        except Exception as error:
            # Pillow's decoders raise whatever a damaged file trips on (OSError for a truncated
            # one, but also IndexError, struct.error, TypeError...): a refusal, never a 500.
            raise Uncleanable(_("图片文件已损坏或无法读取，请重新导出后再上传。")) from error


def check_dimensions(image: Image.Image) -> None:
    """Refuse, from the header alone, an image whose frames would decode past the pixel cap."""
    width, height = image.size
    frames = getattr(image, "n_frames", 1)
    if frames > IMAGE_MAX_FRAMES or width * height * frames > settings.UPLOAD_MAX_PIXELS:
        raise Uncleanable(too_large())


def encode(frames: list[Image.Image], durations: list[int], image_format: str) -> bytes:
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


def pixels_only(frame: Image.Image, *, in_place: bool = False) -> Image.Image:
    """Copy a frame's pixels (and palette), upright, into a new image that carries no `info`.

    `in_place` turns a single-frame image upright in its own buffer, so that cleaning holds two
    copies of the pixels at most, not three.
    """
    # The EXIF orientation says how to show the picture; it goes with the rest of EXIF.
    if in_place:
        frame.load()
        ImageOps.exif_transpose(frame, in_place=True)
        upright = frame
    else:
        upright = ImageOps.exif_transpose(frame)
    copy = Image.new(upright.mode, upright.size)
    copy.paste(upright)
    if upright.mode == "P" and upright.palette is not None:
        copy.putpalette(upright.getpalette())
    return copy


def clean_office(content: bytes) -> bytes:
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as source:
            archives.check_archive(source)
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
                for part in source.infolist():
                    data = EMPTY_PARTS.get(part.filename) or source.read(part)
                    if AUTHOR_PARTS.match(part.filename):
                        data = AUTHOR_ATTRIBUTE.sub(rb'\1=""', data)
                        data = AUTHOR_ELEMENT.sub(b"<author></author>", data)
                    if part.filename in PERSON_NAME_PARTS:
                        data = PERSON_NAME_ATTRIBUTE.sub(rb'\1=""', data)
                    target.writestr(part.filename, data)
    except archives.ArchiveRefused as refusal:
        raise Uncleanable(refusal.message) from refusal
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
