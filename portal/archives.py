"""Zip containers checked from their central directory before any part is read.

The only archives the portal accepts are Office files (docx, xlsx, pptx are zips): citizens'
attachments, whose metadata `portal.file_metadata` strips, and staff's spreadsheet imports. A
zip bomb declares a small file that unpacks to gigabytes; Python's `zipfile` never unpacks a
part past the size the directory declares for it (it stops and reports a bad CRC), so checking
the declared sizes, the count of parts and their names before reading bounds the work.
"""

import zipfile
from pathlib import PurePosixPath

from django.utils.translation import gettext_lazy as _

# Far above any real Office file under the 10 MB upload limit (text compresses 5-20 times).
MAX_UNPACKED = 100 * 1024 * 1024
MAX_PARTS = 5_000
# Unpacked/packed of one part; only parts past RATIO_FLOOR count, as a tiny part may shrink a lot.
MAX_RATIO = 100
RATIO_FLOOR = 1024 * 1024


class ArchiveRefused(Exception):
    """The archive would unpack too far or holds a crafted path; `message` says so to the user."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def check_archive(archive: zipfile.ZipFile) -> None:
    """Refuse a zip bomb (total size, ratio, count of parts) or a part with a crafted name."""
    parts = archive.infolist()
    too_large = ArchiveRefused(_("文件解压后过大，无法检查，请另存为较小的文件后再上传。"))
    if len(parts) > MAX_PARTS or sum(part.file_size for part in parts) > MAX_UNPACKED:
        raise too_large
    for part in parts:
        if part.file_size > RATIO_FLOOR and part.file_size > MAX_RATIO * max(part.compress_size, 1):
            raise too_large
    names = [part.filename for part in parts]
    if len(set(names)) != len(names) or any(crafted(name) for name in names):
        raise ArchiveRefused(_("文件内部结构异常，无法读取，请重新保存后再上传。"))


def crafted(name: str) -> bool:
    """Whether a part's name climbs out of the archive or is absolute (no Office file does)."""
    path = PurePosixPath(name.replace("\\", "/"))
    return path.is_absolute() or ".." in path.parts or ":" in name
