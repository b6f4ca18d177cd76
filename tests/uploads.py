"""Files for upload tests: real files of every accepted kind, plain or with marker strings
planted in each metadata field that can name their author."""

import io
import struct
import zipfile
import zlib
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, PngImagePlugin

from portal.uploads import check_upload

MARKERS = ("张三丰", "110101199003074258", "13812345678", "whistle@example.cn")
XMP = (
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-'
    'syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>'
    + " ".join(MARKERS)
    + "</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>"
).encode()


def marker_text() -> str:
    return " ".join(MARKERS)


def assert_no_marker(content: bytes) -> None:
    for marker in MARKERS:
        assert marker.encode("utf-8") not in content
        assert marker.encode("utf-16-le") not in content


def exif_with_markers() -> Image.Exif:
    exif = Image.Exif()
    exif[0x013B] = marker_text()  # Artist
    exif[0x8298] = marker_text()  # Copyright
    exif[0x010E] = marker_text()  # ImageDescription
    exif[0x9C9D] = marker_text().encode("utf-16-le")  # XPAuthor
    exif[0x0112] = 6  # Orientation: rotate 90° to show
    exif[0x8825] = {  # GPS: where the photo was taken, with markers in its text fields
        0x0001: "N",
        0x0002: (39.0, 54.0, 20.0),
        0x001B: marker_text(),  # GPSProcessingMethod
        0x001C: marker_text(),  # GPSAreaInformation
    }
    return exif


def jpeg_with_markers() -> bytes:
    out = io.BytesIO()
    image = Image.new("RGB", (40, 20), "red")
    image.save(out, format="JPEG", exif=exif_with_markers(), comment=marker_text().encode())
    # XMP travels in its own APP1 segment, right after SOI.
    segment = b"http://ns.adobe.com/xap/1.0/\x00" + XMP
    content = out.getvalue()
    return content[:2] + b"\xff\xe1" + struct.pack(">H", len(segment) + 2) + segment + content[2:]


def png_with_markers() -> bytes:
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", marker_text())
    info.add_itxt("Description", marker_text(), lang="zh", tkey="说明")
    info.add_text("Comment", marker_text(), zip=True)
    info.add_itxt("XML:com.adobe.xmp", XMP.decode())
    out = io.BytesIO()
    Image.new("RGB", (20, 20), "blue").save(
        out, format="PNG", pnginfo=info, exif=exif_with_markers()
    )
    return out.getvalue()


def gif_with_markers() -> bytes:
    out = io.BytesIO()
    frames = [Image.new("RGB", (20, 20), color).convert("P") for color in ("red", "blue")]
    frames[0].save(
        out, format="GIF", save_all=True, append_images=frames[1:], comment=marker_text().encode()
    )
    return out.getvalue()


def webp_with_markers() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (20, 20), "green").save(out, format="WEBP", exif=exif_with_markers(), xmp=XMP)
    return out.getvalue()


def pdf_with_markers() -> bytes:
    from pypdf import PdfWriter
    from pypdf.annotations import Text
    from pypdf.generic import NameObject, TextStringObject

    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    writer.add_metadata({"/Author": marker_text(), "/Title": marker_text(), "/Creator": MARKERS[3]})
    writer.xmp_metadata = XMP
    note = Text(text="", rect=(10, 10, 30, 30))
    note[NameObject("/T")] = TextStringObject(marker_text())  # the annotation's author
    writer.add_annotation(page_number=0, annotation=note)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def docx_with_markers() -> bytes:
    people = marker_text()
    parts = {
        "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
        'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>'
        "</Types>",
        "docProps/core.xml": f'<cp:coreProperties xmlns:cp="x" xmlns:dc="y"><dc:creator>{people}'
        f"</dc:creator><cp:lastModifiedBy>{people}</cp:lastModifiedBy><dc:title>{people}"
        f"</dc:title><cp:keywords>{people}</cp:keywords></cp:coreProperties>",
        "docProps/app.xml": f"<Properties><Company>{people}</Company><Manager>{people}</Manager>"
        "</Properties>",
        "docProps/custom.xml": f'<Properties><property name="Phone"><vt:lpwstr>{people}'
        "</vt:lpwstr></property></Properties>",
        "word/document.xml": f'<w:document xmlns:w="w"><w:body><w:ins w:author="{people}" '
        'w:id="1"><w:r><w:t>正文</w:t></w:r></w:ins></w:body></w:document>',
        "word/comments.xml": f'<w:comments xmlns:w="w"><w:comment w:author="{people}" '
        f'w:initials="{people}"/></w:comments>',
        "word/people.xml": f'<w15:people><w15:person w15:author="{people}"><w15:presenceInfo '
        f'w15:userId="{people}"/></w15:person></w15:people>',
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return out.getvalue()


def mp3_with_markers() -> bytes:
    from mutagen.id3 import ID3, TPE1

    buffer = io.BytesIO((bytes([0xFF, 0xFB, 0x90, 0x64]) + bytes(413)) * 20)
    tags = ID3()
    tags.add(TPE1(encoding=3, text=[marker_text()]))
    tags.save(buffer)
    return buffer.getvalue()


def uploaded(content: bytes, name: str) -> SimpleUploadedFile:
    upload = SimpleUploadedFile(name, content)
    check_upload(upload)
    return upload


def unpacked(content: bytes) -> bytes:
    """Every part of an Office file, uncompressed, one after the other."""
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return b"".join(archive.read(name) for name in archive.namelist())


def marked(content: bytes) -> bool:
    """Whether any marker is in `content` (in UTF-8 or UTF-16, as EXIF XP fields hold them),
    or in any part of it when it is an Office file (a zip, whose parts may be compressed)."""
    if zipfile.is_zipfile(io.BytesIO(content)) and marked(unpacked(content)):
        return True
    return any(
        marker.encode("utf-8") in content or marker.encode("utf-16-le") in content
        for marker in MARKERS
    )


def stored_files(root) -> list[Path]:
    """Every file under `root` (MEDIA_ROOT in tests): what uploads left on disk."""
    return [path for path in Path(root).rglob("*") if path.is_file()]


def pdf_file(pages: int = 1) -> bytes:
    """A real PDF of `pages` blank A4 pages, without metadata."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _page in range(pages):
        writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def png_file(size: tuple[int, int] = (1, 1)) -> bytes:
    """A real PNG of `size` pixels, without metadata."""
    out = io.BytesIO()
    Image.new("RGBA", size, "white").save(out, format="PNG")
    return out.getvalue()


def pdf_pages(content: bytes) -> int:
    """The number of pages of a readable PDF, which has neither Info nor XMP metadata."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(content))
    assert not reader.metadata and reader.xmp_metadata is None
    return len(reader.pages)


def huge_png(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims a huge size (what a decompression bomb looks like)."""
    out = io.BytesIO()
    Image.new("L", (1, 1)).save(out, format="PNG")
    content = bytearray(out.getvalue())
    header = b"IHDR" + struct.pack(">II", width, height) + bytes(content[24:29])
    content[16:24] = struct.pack(">II", width, height)
    content[29:33] = struct.pack(">I", zlib.crc32(header))
    return bytes(content)


def office_zip(parts: dict[str, bytes]) -> bytes:
    """A docx-looking zip (what `filetype` takes for Word) holding `parts` after the usual two."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        archive.writestr("word/document.xml", "<w:document/>")
        for name, content in parts.items():
            archive.writestr(name, content)
    return out.getvalue()


def zip_bomb_docx(unpacked: int = 20 * 1024 * 1024) -> bytes:
    """A Word file of a few kilobytes whose one extra part unpacks to `unpacked` zero bytes."""
    return office_zip({"word/media/image1.bin": bytes(unpacked)})
